package ipam

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/cidrplan/cidrplan/sizing"
)

// growthMemo keeps growthCost's answers by what sizing is asked
// (growthKey): the advice and the fixes ask the same question, and clusters
// of one shape — the same network and pools on subnets of other names —
// ask it again, a thousand times in a plan of a thousand like clusters.
type growthMemo map[string]growthAnswer

type growthAnswer struct {
	cost sizing.Count
	ok   bool
}

// growthKey says what sizing is asked when pool of cluster in grows by a
// node and range k is measured: in with its subnets renamed in the order
// its pools name them (then the other consumers', sorted), the pool and k.
// Sizing computes with subnet names only as labels, so two questions with
// one key have one answer.
func growthKey(in sizing.Cluster, pool string, k sizing.RangeKey) string {
	names := make(map[string]string)
	rename := func(s string) string {
		if s == "" {
			return s
		}
		r, ok := names[s]
		if !ok {
			r = "\x00" + strconv.Itoa(len(names))
			names[s] = r
		}
		return r
	}
	c := in
	c.Pools = slices.Clone(in.Pools)
	for i := range c.Pools {
		c.Pools[i].VNetSubnet = rename(c.Pools[i].VNetSubnet)
		c.Pools[i].PodSubnet = rename(c.Pools[i].PodSubnet)
	}
	c.Consumers = make(map[string]sizing.Consumers, len(in.Consumers))
	keys := make([]string, 0, len(in.Consumers))
	for name := range in.Consumers {
		keys = append(keys, name)
	}
	slices.Sort(keys)
	for _, name := range keys {
		c.Consumers[rename(name)] = in.Consumers[name]
	}
	if r, ok := names[k.Name]; ok { // a subnet; other ranges have sizing's own names
		k.Name = r
	}
	return fmt.Sprintf("%#v\x00%q\x00%#v", c, pool, k)
}
