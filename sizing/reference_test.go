package sizing

import (
	"math/rand/v2"
	"net/netip"
	"slices"
	"testing"
)

// This file is a deliberately naive model of AKS address consumption: it
// allocates every address of every node in each step of an upgrade, one by
// one, in a bitmap of an IPv4 prefix, and reports whether the allocation
// succeeds. A step is one pool surging (pools upgrade one at a time), or
// all of them (simultaneous). The fast arithmetic must agree with it on
// every prefix length.

// naiveSurge is the upgrade surge of a pool of size nodes, found by
// counting: the smallest k with 100k ≥ percent × nodes, or the count; never
// more than the pool.
func naiveSurge(s Surge, nodes int) int {
	k := s.Value()
	if s.IsPercent() {
		k = 0
		for 100*k < s.Value()*nodes {
			k++
		}
	}
	for k > nodes {
		k--
	}
	return k
}

// naiveAlloc is one node's (or consumer's) need in a range: count
// allocations of align addresses each, aligned to align.
type naiveAlloc struct{ count, align int }

// naiveSteps lists, for every step of an upgrade, what every node and every
// consumer needs from range k of cluster c.
func naiveSteps(c Cluster, k RangeKey) [][]naiveAlloc {
	var steady []naiveAlloc
	surges := make([][]naiveAlloc, len(c.Pools))
	for i, p := range c.Pools {
		model := c.Network.Model(p)
		maxPods := p.MaxPods
		if maxPods == 0 {
			maxPods = DefaultMaxPods(model)
		}
		surge := p.MaxSurge
		if surge.IsZero() {
			surge = DefaultMaxSurge()
		}
		nodes := p.Count
		if p.EnableAutoScaling {
			nodes = p.MaxCount
		}
		nodes += p.ScaleOut
		nodeSubnet := p.VNetSubnet
		if nodeSubnet == "" {
			nodeSubnet = "aks-subnet"
		}
		var per naiveAlloc
		switch {
		case k.Kind == NodeSubnet && k.Name == nodeSubnet && model == ModelNodeSubnet:
			per = naiveAlloc{maxPods + 1, 1}
		case k.Kind == NodeSubnet && k.Name == nodeSubnet:
			per = naiveAlloc{1, 1}
		case k.Kind == PodSubnet && k.Name == p.PodSubnet && model == ModelPodSubnetDynamic:
			per = naiveAlloc{16, 1}
		case k.Kind == PodSubnet && k.Name == p.PodSubnet && model == ModelPodSubnetStatic:
			blocks := 0
			for 16*blocks < maxPods+1 {
				blocks++
			}
			per = naiveAlloc{blocks, 16}
		case k.Kind == PodCIDR && k.Family == IPv4 && (model == ModelOverlay || model == ModelKubenet):
			per = naiveAlloc{1, 256}
		default:
			continue
		}
		for range nodes {
			steady = append(steady, per)
		}
		for range naiveSurge(surge, nodes) {
			surges[i] = append(surges[i], per)
		}
		if i == 0 && c.PrivateCluster && k.Kind == NodeSubnet && k.Name == nodeSubnet {
			steady = append(steady, naiveAlloc{1, 1})
		}
	}
	if k.Kind != PodCIDR {
		cs := c.Consumers[k.Name]
		for range cs.ILBFrontEnds + cs.PrivateEndpoints {
			steady = append(steady, naiveAlloc{1, 1})
		}
	}
	if c.Defaults.Upgrade == UpgradeSimultaneous {
		all := steady
		for _, s := range surges {
			all = append(all, s...)
		}
		return [][]naiveAlloc{all}
	}
	var steps [][]naiveAlloc
	for _, s := range surges {
		steps = append(steps, append(slices.Clone(steady), s...))
	}
	return steps
}

// naiveFitsSteps allocates every step's needs in a fresh range of prefix
// length bits: the range fits when every step fits; used is the most any
// step takes.
func naiveFitsSteps(k RangeKey, steps [][]naiveAlloc, bits int) (fits bool, used int) {
	fits = true
	for _, needs := range steps {
		ok, u := naiveFits(k, needs, bits)
		fits = fits && ok
		used = max(used, u)
	}
	return fits, used
}

// naiveFits allocates needs in a range of prefix length bits (≥ 16):
// subnets lose their first four and last address, pod CIDRs nothing.
func naiveFits(k RangeKey, needs []naiveAlloc, bits int) (fits bool, used int) {
	size := 1 << (32 - bits)
	taken := make([]bool, size)
	if k.Kind != PodCIDR {
		for _, a := range []int{0, 1, 2, 3, size - 1} {
			if a >= 0 && a < size {
				taken[a] = true
			}
		}
	}
	next := 0
	for _, n := range needs {
		for range n.count {
			found := false
			for start := 0; start+n.align <= size; start += n.align {
				if n.align == 1 {
					start = max(start, next)
					if start >= size {
						break
					}
				}
				free := true
				for a := start; a < start+n.align; a++ {
					free = free && !taken[a]
				}
				if free {
					for a := start; a < start+n.align; a++ {
						taken[a] = true
					}
					if n.align == 1 {
						next = start + 1
					}
					used += n.align
					found = true
					break
				}
			}
			if !found {
				return false, used
			}
		}
	}
	return true, used
}

func TestDemandAgreesWithNaiveAllocation(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, c := range randomValidClusters(r, 150) {
		d, err := c.Demand()
		if err != nil {
			t.Fatal(err)
		}
		for _, rg := range d.Ranges {
			if rg.Family != IPv4 {
				continue
			}
			steps := naiveSteps(c, rg.RangeKey)
			sh := shape{kind: rg.Kind, family: rg.Family, static: rg.Mode == StaticBlock}
			naiveMin := -1
			for bits := sh.longest(); bits >= 16; bits-- {
				fits, used := naiveFitsSteps(rg.RangeKey, steps, bits)
				if fits {
					naiveMin = bits
					if got, _ := rg.Peak.Uint64(); got != uint64(used) {
						t.Errorf("%+v %v: peak %d, naive %d", c, rg.RangeKey, got, used)
					}
					break
				}
			}
			if naiveMin == -1 {
				continue // larger than a /16: too big for the bitmap
			}
			if rg.MinPrefixLen != naiveMin {
				t.Errorf("%+v\n%v: MinPrefixLen %d, naive %d", c, rg.RangeKey, rg.MinPrefixLen, naiveMin)
			}
			// Fit must agree with the naive model one bit either side.
			for _, bits := range []int{naiveMin - 1, naiveMin, naiveMin + 1} {
				if bits < 16 || bits > sh.longest() {
					continue
				}
				p := netip.PrefixFrom(netip.AddrFrom4([4]byte{10, 0, 0, 0}), bits)
				f, err := c.Fit(rg.RangeKey, p)
				if err != nil {
					t.Fatal(err)
				}
				if want, _ := naiveFitsSteps(rg.RangeKey, steps, bits); f.Fits != want {
					t.Errorf("%+v\n%v in %v: Fits %v, naive %v", c, rg.RangeKey, p, f.Fits, want)
				}
			}
		}
	}
}
