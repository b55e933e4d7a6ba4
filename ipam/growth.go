package ipam

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/cidrplan/cidrplan/sizing"
)

// Sizing reads a subnet's name only to tell subnets apart: a cluster with
// its subnets renamed is sized the same, under the new names. A plan of a
// thousand clusters built alike asks sizing about a few shapes, each once.

// clusterShape is a cluster's sizing input with its subnets renamed in
// the order its pools name them, and the names they had.
type clusterShape struct {
	in    sizing.Cluster
	key   string   // in, spelled out: equal keys, equal inputs
	names []string // the subnets' names by their number
}

// shapeName is the name of subnet number i in a shape: no subnet name or
// sizing name holds a NUL.
func shapeName(i int) string { return "\x00" + strconv.Itoa(i) }

// shapeOf returns in's shape; ok is false when renaming could change what
// sizing computes (a subnet already named like one of sizing's own ranges
// or a shape's, other consumers than on the pools' subnets).
func shapeOf(in sizing.Cluster) (sh clusterShape, ok bool) {
	number := func(name string) (string, bool) {
		if name == "" {
			return "", true
		}
		if name == sizing.DefaultNodeSubnet || name == sizing.PodCIDRName || strings.HasPrefix(name, "\x00") {
			return "", false
		}
		i := slices.Index(sh.names, name)
		if i < 0 {
			i = len(sh.names)
			sh.names = append(sh.names, name)
		}
		return shapeName(i), true
	}
	sh.in = in
	sh.in.Pools = slices.Clone(in.Pools)
	for i := range sh.in.Pools {
		p := &sh.in.Pools[i]
		var okNode, okPod bool
		p.VNetSubnet, okNode = number(p.VNetSubnet)
		p.PodSubnet, okPod = number(p.PodSubnet)
		if !okNode || !okPod {
			return clusterShape{}, false
		}
	}
	if len(in.Consumers) > 0 {
		sh.in.Consumers = make(map[string]sizing.Consumers, len(in.Consumers))
		for name, c := range in.Consumers {
			i := slices.Index(sh.names, name)
			if i < 0 {
				return clusterShape{}, false
			}
			sh.in.Consumers[shapeName(i)] = c
		}
	}
	sh.key = fmt.Sprintf("%#v", sh.in)
	return sh, true
}

// rename returns k under its name in the cluster (shape names back to the
// subnets'), or, with toShape, in the shape.
func (sh *clusterShape) rename(k sizing.RangeKey, toShape bool) sizing.RangeKey {
	if toShape {
		if i := slices.Index(sh.names, k.Name); i >= 0 {
			k.Name = shapeName(i)
		}
		return k
	}
	if n, ok := strings.CutPrefix(k.Name, "\x00"); ok {
		if i, err := strconv.Atoi(n); err == nil && i < len(sh.names) {
			k.Name = sh.names[i]
		}
	}
	return k
}

// sizedShape is sizing's answer for one shape.
type sizedShape struct {
	demand  sizing.Demand
	upgrade sizing.Upgrade
	err     error
}

// size returns sizing's demand and upgrade of the cluster whose shape sh
// is, from memo when a cluster of that shape was sized before. The lists
// that hold range names are the cluster's own; the rest is shared, read
// only.
func (sh *clusterShape) size(memo map[string]*sizedShape) (sizing.Demand, sizing.Upgrade, error) {
	s := memo[sh.key]
	if s == nil {
		s = &sizedShape{}
		s.demand, s.err = sh.in.Demand()
		if s.err == nil {
			s.upgrade, s.err = sh.in.Upgrade("")
		}
		memo[sh.key] = s
	}
	if s.err != nil {
		return sizing.Demand{}, sizing.Upgrade{}, s.err
	}
	d, u := s.demand, s.upgrade
	d.Ranges = slices.Clone(d.Ranges)
	for i := range d.Ranges {
		d.Ranges[i].RangeKey = sh.rename(d.Ranges[i].RangeKey, false)
	}
	u.Steps = slices.Clone(u.Steps)
	for i := range u.Steps {
		st := &u.Steps[i]
		st.Ranges = slices.Clone(st.Ranges)
		for j := range st.Ranges {
			st.Ranges[j].RangeKey = sh.rename(st.Ranges[j].RangeKey, false)
		}
	}
	return d, u, nil
}

// growthMemo keeps growthCost's answers by the question: the advice and
// the fixes ask the same, and so do clusters of one shape.
type growthMemo map[growthQuestion]growthAnswer

// growthQuestion is one more node of pool, measured on range key, of a
// cluster of shape (its key); key is named in the shape.
type growthQuestion struct {
	shape, pool string
	key         sizing.RangeKey
}

type growthAnswer struct {
	cost sizing.Count
	ok   bool
}
