package sizing

import (
	"fmt"
	"math/rand/v2"
	"net/netip"
	"testing"
)

// prefixOf returns a prefix of the given length in the family of k.
func prefixOf(k RangeKey, bits int) netip.Prefix {
	if k.Family == IPv6 {
		return netip.PrefixFrom(netip.MustParseAddr("fd00::"), bits)
	}
	return netip.PrefixFrom(netip.AddrFrom4([4]byte{}), bits)
}

// checkProperties checks the properties every valid cluster obeys and
// returns the first violation.
func checkProperties(c Cluster) error {
	d, err := c.Demand()
	if err != nil {
		return err
	}
	for _, r := range d.Ranges {
		if r.Peak.Less(r.Steady) {
			return fmt.Errorf("%v: peak %v < steady %v", r.RangeKey, r.Peak, r.Steady)
		}
		sh := shape{kind: r.Kind, family: r.Family, static: r.Mode == StaticBlock}
		if r.MinPrefixLen < 0 {
			continue
		}
		// The smallest prefix fits; one bit smaller does not.
		if err := checkFitAt(c, r, sh, r.MinPrefixLen, true); err != nil {
			return err
		}
		if r.MinPrefixLen < sh.longest() {
			if err := checkFitAt(c, r, sh, r.MinPrefixLen+1, false); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkFitAt checks Fit at one prefix length against the expected answer,
// and for a fit, that each pool's MaxNodes and MaxPods are exact.
func checkFitAt(c Cluster, r Range, sh shape, bits int, wantFits bool) error {
	if sh.static && bits < MaxStaticPodSubnet {
		return nil // not a valid static-block pod subnet
	}
	p := prefixOf(r.RangeKey, bits)
	f, err := c.Fit(r.RangeKey, p)
	if err != nil {
		return fmt.Errorf("%v in %v: %w", r.RangeKey, p, err)
	}
	if f.Fits != wantFits {
		return fmt.Errorf("%v: Fits(/%d) = %v, want %v (peak %v, capacity %v)", r.RangeKey, bits, f.Fits, wantFits, r.Peak, f.Capacity)
	}
	if !wantFits {
		return nil
	}
	for j, pf := range f.Pools {
		i := poolIndex(c, pf.Pool)
		if pf.MaxNodes < pf.Nodes {
			return fmt.Errorf("%v /%d pool %s: MaxNodes %d < planned %d", r.RangeKey, bits, pf.Pool, pf.MaxNodes, pf.Nodes)
		}
		// inverse(forward): the pool at MaxNodes still fits and is valid;
		// one more node breaks the bound reported.
		at := setNodes(c, i, pf.MaxNodes)
		if g, err := at.Fit(r.RangeKey, p); err != nil || !g.Fits {
			return fmt.Errorf("%v /%d pool %s at MaxNodes %d: fits %v, err %v", r.RangeKey, bits, pf.Pool, pf.MaxNodes, g.Fits, err)
		}
		ps, _ := c.plan()
		next := pf.MaxNodes + 1
		if next*ps[i].maxPods < MinPoolPods { // the smallest valid count above 0
			next = (MinPoolPods + ps[i].maxPods - 1) / ps[i].maxPods
		}
		over := setNodes(c, i, next)
		g, err := over.Fit(r.RangeKey, p)
		switch pf.LimitedBy {
		case BoundAddresses:
			if err != nil || g.Fits {
				return fmt.Errorf("%v /%d pool %s at MaxNodes+1: fits %v, err %v", r.RangeKey, bits, pf.Pool, g.Fits, err)
			}
		case BoundPoolLimit, BoundClusterLimit:
			if err == nil {
				return fmt.Errorf("%v /%d pool %s at MaxNodes+1 passes the %s", r.RangeKey, bits, pf.Pool, pf.LimitedBy)
			}
		default:
			return fmt.Errorf("pool %s: LimitedBy %q", pf.Pool, pf.LimitedBy)
		}
		// The largest maxPods fits, and the next candidate does not.
		if pf.MaxPods == 0 {
			return fmt.Errorf("%v /%d pool %s: MaxPods 0 in a fitting plan", r.RangeKey, bits, pf.Pool)
		}
		if g, err := setMaxPods(c, i, pf.MaxPods).Fit(r.RangeKey, p); err != nil || !g.Fits {
			return fmt.Errorf("%v /%d pool %s at MaxPods %d: fits %v, err %v", r.RangeKey, bits, pf.Pool, pf.MaxPods, g.Fits, err)
		}
		nextPods := pf.MaxPods + 1
		if sh.static {
			nextPods = pf.MaxPods + 16
		}
		if nextPods <= MaxMaxPods {
			if g, err := setMaxPods(c, i, nextPods).Fit(r.RangeKey, p); err == nil && g.Fits && g.Pools[j].Pool == pf.Pool {
				if c.Network.Model(c.Pools[i]) == ModelNodeSubnet && r.Kind == NodeSubnet || sh.static {
					return fmt.Errorf("%v /%d pool %s: maxPods %d also fits", r.RangeKey, bits, pf.Pool, nextPods)
				}
			}
		}
	}
	return nil
}

func poolIndex(c Cluster, name string) int {
	for i, p := range c.Pools {
		if p.Name == name {
			return i
		}
	}
	return -1
}

// setNodes returns c with pool i at n counted nodes.
func setNodes(c Cluster, i, n int) Cluster {
	c.Pools = append([]Pool(nil), c.Pools...)
	if c.Pools[i].EnableAutoScaling {
		c.Pools[i].MaxCount = n
		c.Pools[i].Count = min(c.Pools[i].Count, n)
	} else {
		c.Pools[i].Count = n
	}
	return c
}

// setMaxPods returns c with pool i at maxPods m.
func setMaxPods(c Cluster, i, m int) Cluster {
	c.Pools = append([]Pool(nil), c.Pools...)
	c.Pools[i].MaxPods = m
	return c
}

func TestProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, c := range randomValidClusters(r, 150) {
		if err := checkProperties(c); err != nil {
			t.Errorf("%+v\n%v", c, err)
		}
	}
}

func TestMoreNodesNeverNeedFewerAddresses(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, c := range randomValidClusters(r, 200) {
		i := r.IntN(len(c.Pools))
		more := setNodes(c, i, c.Pools[i].Nodes()+1+r.IntN(5))
		if more.Validate() != nil {
			continue
		}
		d0, _ := c.Demand()
		d1, err := more.Demand()
		if err != nil {
			t.Fatal(err)
		}
		for _, r0 := range d0.Ranges {
			r1, ok := d1.Find(r0.RangeKey)
			if !ok {
				t.Fatalf("range %v vanished", r0.RangeKey)
			}
			if r1.Peak.Less(r0.Peak) || r1.Steady.Less(r0.Steady) || r1.MinPrefixLen > r0.MinPrefixLen {
				t.Errorf("%+v\npool %d grows: %v %v/%v /%d → %v/%v /%d", c, i, r0.RangeKey,
					r0.Steady, r0.Peak, r0.MinPrefixLen, r1.Steady, r1.Peak, r1.MinPrefixLen)
			}
		}
	}
}

func TestSmallestPrefixIsTight(t *testing.T) {
	// Every shape, every demand up to a few thousand: the returned length
	// holds the demand and one bit longer does not.
	shapes := []shape{
		{kind: NodeSubnet, family: IPv4}, {kind: PodSubnet, family: IPv4}, {kind: PodSubnet, family: IPv4, static: true},
		{kind: PodCIDR, family: IPv4}, {kind: PodCIDR, family: IPv6},
	}
	for _, sh := range shapes {
		for need := uint64(0); need < 5000; need++ {
			bits := sh.minPrefixLen(n(need))
			if bits < 0 || sh.capacity(bits).Less(n(need)) {
				t.Fatalf("%+v need %d: /%d holds %v", sh, need, bits, sh.capacity(bits))
			}
			if bits < sh.longest() && !sh.capacity(bits+1).Less(n(need)) {
				t.Fatalf("%+v need %d: /%d also holds it", sh, need, bits+1)
			}
		}
	}
}

// Demand's peaks are the upgrade's: the largest step of the chosen model,
// and the simultaneous step.
func TestDemandPeaksAreUpgradeSteps(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, c := range randomValidClusters(r, 100) {
		d, err := c.Demand()
		if err != nil {
			t.Fatal(err)
		}
		u, err := c.Upgrade("")
		if err != nil {
			t.Fatal(err)
		}
		sim, err := c.Upgrade(UpgradeSimultaneous)
		if err != nil {
			t.Fatal(err)
		}
		if d.PeakNodes != u.PeakNodes() || d.SimultaneousPeakNodes != sim.PeakNodes() || d.Nodes != u.Nodes {
			t.Errorf("%+v: nodes %d/%d/%d, upgrade %d/%d/%d", c, d.Nodes, d.PeakNodes, d.SimultaneousPeakNodes,
				u.Nodes, u.PeakNodes(), sim.PeakNodes())
		}
		for _, rg := range d.Ranges {
			if rg.Peak != u.Peak(rg.RangeKey) || rg.SimultaneousPeak != sim.Peak(rg.RangeKey) {
				t.Errorf("%+v %v: peak %v/%v, upgrade %v/%v", c, rg.RangeKey, rg.Peak, rg.SimultaneousPeak,
					u.Peak(rg.RangeKey), sim.Peak(rg.RangeKey))
			}
			if rg.SimultaneousPeak.Less(rg.Peak) || rg.Peak.Less(rg.Steady) || rg.PeakAllPods.Less(rg.Peak) {
				t.Errorf("%+v %v: steady %v ≤ peak %v ≤ simultaneous %v, peak ≤ all pods %v broken", c, rg.RangeKey,
					rg.Steady, rg.Peak, rg.SimultaneousPeak, rg.PeakAllPods)
			}
		}
	}
}
