package sizing

import (
	"fmt"
	"net/netip"
	"slices"
	"sort"
)

// Bound names what stops a pool from growing further.
type Bound string

// The bounds.
const (
	BoundAddresses    Bound = "addresses"    // the range is full
	BoundPoolLimit    Bound = "poolLimit"    // MaxPoolNodes, surge included
	BoundClusterLimit Bound = "clusterLimit" // MaxClusterNodes, MaxKubenetNodes or the overlay limit
	BoundRoutes       Bound = "routes"       // MaxRoutes in the cluster's route table at the upgrade peak (kubenet)
)

// Fit answers the inverse questions for one range of a cluster and one
// prefix: does the plan fit, how many addresses are left, how far can each
// pool grow.
type Fit struct {
	RangeKey `yaml:",inline"`
	Prefix   netip.Prefix `json:"prefix" yaml:"prefix"`
	// Capacity is the usable addresses of Prefix for this kind of range
	// (see Range for the reserve rules); Peak the planned demand at
	// upgrade peak (Range.Peak, of the cluster's upgrade model); Headroom
	// = Capacity − Peak, 0 when it does not fit. SimultaneousPeak and
	// PeakAllPods are the Range's too.
	Capacity         Count `json:"capacity" yaml:"capacity"`
	Peak             Count `json:"peak" yaml:"peak"`
	SimultaneousPeak Count `json:"simultaneousPeak" yaml:"simultaneousPeak"`
	PeakAllPods      Count `json:"peakAllPods" yaml:"peakAllPods"`
	Headroom         Count `json:"headroom" yaml:"headroom"`
	Fits             bool  `json:"fits" yaml:"fits"`
	// AddressablePods is set for a dynamic pod subnet: the pods it can
	// give addresses to, Capacity less the range's other consumers in
	// whole batches of DynamicBatch (WholeBatches). Other ranges hold
	// every node's maxPods once they hold its addresses.
	AddressablePods Count `json:"addressablePods,omitzero" yaml:"addressablePods,omitempty"`
	// MaxNodes is the most nodes the range holds whichever of its pools
	// grows: the planned nodes (counted, plus scale-out) of its pools plus
	// the smallest growth any one pool has; 0 when the plan does not fit.
	MaxNodes int       `json:"maxNodes" yaml:"maxNodes"`
	Pools    []PoolFit `json:"pools" yaml:"pools"`
}

// PoolFit is how far one pool can grow in a range, the other pools and
// consumers staying as planned.
type PoolFit struct {
	Pool  string `json:"pool" yaml:"pool"`
	Nodes int    `json:"nodes" yaml:"nodes"` // planned count, or maxCount when autoscaling
	// MaxNodes is the largest count (maxCount when autoscaling) whose
	// demand at upgrade peak — the nodes, the surge they imply and the
	// scale-out — fits the range and the AKS limits; LimitedBy says which
	// bound stops it. 0 with BoundAddresses when even 0 nodes do not fit.
	MaxNodes  int   `json:"maxNodes" yaml:"maxNodes"`
	LimitedBy Bound `json:"limitedBy" yaml:"limitedBy"`
	// Pods is MaxNodes × the pool's maxPods; in a dynamic pod subnet never
	// more than the pods the range can address for the pool (the range's
	// capacity less everything else at steady state, in whole batches).
	Pods int `json:"pods" yaml:"pods"`
	// MaxPods is the largest maxPods (10–250) with which the plan fits,
	// 0 if none does. Under static block allocation it is snapped to a
	// whole number of blocks, 16k − 1 (or 250). Where maxPods does not
	// change this range's demand it is 250 when the plan fits.
	MaxPods int `json:"maxPods" yaml:"maxPods"`
}

// Err returns nil when f fits, else a *CapacityError.
func (f Fit) Err() error {
	if f.Fits {
		return nil
	}
	return &CapacityError{Range: f.RangeKey, Prefix: f.Prefix, Need: f.Peak, Have: f.Capacity}
}

// Fit validates c, then measures the range k of its demand against
// prefix p. It rejects a range the pools do not use (ErrUnknownSubnet) and
// a prefix of the wrong family, with host bits, 4in6, or of a length the
// range kind does not allow (ErrPrefix): subnets /29 or larger, static-block
// pod subnets /12 or smaller, pod CIDRs no longer than the per-node block.
// A plan that does not fit is not an error: see Fit.Fits and Fit.Err.
func (c Cluster) Fit(k RangeKey, p netip.Prefix) (Fit, error) {
	d, err := c.Demand()
	if err != nil {
		return Fit{}, err
	}
	r, ok := d.Find(k)
	if !ok {
		return Fit{}, &Error{Field: string(k.Kind), Value: k.Name + " " + string(k.Family), Err: ErrUnknownSubnet,
			Detail: "no pool uses this range"}
	}
	sh := shape{kind: k.Kind, family: k.Family, static: r.Mode == StaticBlock}
	if err := checkRangePrefix(sh, p); err != nil {
		return Fit{}, err
	}
	ps, _ := c.plan()
	capacity := sh.capacity(p.Bits())
	f := Fit{RangeKey: k, Prefix: p, Capacity: capacity, Peak: r.Peak, SimultaneousPeak: r.SimultaneousPeak,
		PeakAllPods: r.PeakAllPods, Fits: !capacity.Less(r.Peak)}
	f.Headroom = capacity.Sub(r.Peak)
	dynamic := k.Kind == PodSubnet && r.Mode == DynamicIndividual
	if dynamic {
		f.AddressablePods = WholeBatches(capacity.Sub(CountFromInt(r.Consumers.Total())))
	}
	// with upgrades the cluster, range k only, with pool j changed to q.
	m, keys := c.Defaults.EffectiveUpgrade(), []RangeKey{k}
	with := func(j int, q planned) Upgrade {
		qs := slices.Clone(ps)
		qs[j] = q
		return c.upgrade(qs, keys, m)
	}
	steady := 0
	for _, q := range ps {
		steady += q.steadyNodes()
	}
	growth, rangeNodes := MaxPoolNodes+1, 0
	for j, pl := range ps {
		per, ok := k.uses(pl)
		if !ok {
			continue
		}
		probe := func(q planned) Upgrade { return with(j, q) }
		pf := c.poolFit(pl, steady, capacity, k, probe)
		pf.MaxPods = maxPodsFit(k, pl, func(q planned) bool { return !capacity.Less(probe(q).Peak(k)) })
		if dynamic {
			// The pods this pool's nodes can address: the range less
			// everything else at steady state, in whole batches.
			others := r.Steady.Sub(per.Mul64(uint64(pl.steadyNodes())))
			if avail, ok := WholeBatches(capacity.Sub(others)).Uint64(); ok && uint64(pf.Pods) > avail {
				pf.Pods = int(avail)
			}
		}
		f.Pools = append(f.Pools, pf)
		rangeNodes += pl.steadyNodes()
		growth = min(growth, pf.MaxNodes-pf.Nodes)
	}
	if f.Fits {
		f.MaxNodes = max(0, rangeNodes+growth)
	}
	return f, nil
}

// WholeBatches returns the addresses of addrs that whole batches of
// DynamicBatch cover: floor(addrs / 16) × 16. A dynamic pod subnet gives
// pods addresses only in whole batches, so it addresses at most
// WholeBatches(usable) pods whatever maxPods says.
func WholeBatches(addrs Count) Count {
	q, _ := addrs.u.DivMod64(DynamicBatch)
	return Count{q}.Mul64(DynamicBatch)
}

// checkRangePrefix validates p for a range of shape sh.
func checkRangePrefix(sh shape, p netip.Prefix) error {
	if err := checkPrefix(p, sh.family); err != nil {
		return err
	}
	switch {
	case p.Bits() > sh.longest():
		return &PrefixError{Prefix: p, Detail: fmt.Sprintf("too small: a %s is a /%d or larger", sh.kind.Title(), sh.longest())}
	case sh.static && p.Bits() < MaxStaticPodSubnet:
		return &PrefixError{Prefix: p, Detail: fmt.Sprintf("too large: a static-block pod subnet is a /%d or smaller", MaxStaticPodSubnet)}
	}
	return nil
}

// withNodes returns p at n counted nodes.
func (p planned) withNodes(n int) planned {
	if p.EnableAutoScaling {
		p.MaxCount = n
	} else {
		p.Count = n
	}
	return p
}

// poolFit finds the most counted nodes pool p can have; steady is the
// cluster's planned steady-state nodes, probe upgrades the cluster with p
// changed, and range k must hold its peak in capacity.
func (c Cluster) poolFit(p planned, steady int, capacity Count, k RangeKey, probe func(planned) Upgrade) PoolFit {
	limit := c.nodeLimit()
	others := steady - p.steadyNodes()
	bound := func(n int) Bound { // the first bound n breaks, "" if none
		if p.peakAt(n) > MaxPoolNodes {
			return BoundPoolLimit
		}
		if others+n+p.ScaleOut > limit {
			return BoundClusterLimit
		}
		u := probe(p.withNodes(n))
		if routes, _ := u.PeakRoutes(); routes > MaxRoutes {
			return BoundRoutes
		}
		if capacity.Less(u.Peak(k)) {
			return BoundAddresses
		}
		return ""
	}
	// Every bound is monotone in n: find the first n that breaks one.
	n := sort.Search(MaxPoolNodes+2, func(n int) bool { return bound(n) != "" })
	pf := PoolFit{Pool: p.Name, Nodes: p.Nodes(), MaxNodes: max(0, n-1), LimitedBy: bound(n)}
	if pf.MaxNodes*p.maxPods < MinPoolPods {
		// Counts from 1 up to the pool minimum are invalid, and the
		// bound stops the pool below the minimum: only 0 nodes remain.
		pf.MaxNodes = 0
	}
	pf.Pods = pf.MaxNodes * p.maxPods
	return pf
}

// maxPodsFit finds the largest maxPods of pool p with which range k fits.
func maxPodsFit(k RangeKey, p planned, fits func(planned) bool) int {
	var candidates []int // ascending
	switch {
	case k.Kind == NodeSubnet && p.spec.PodsInNodeSubnet:
		for m := MinMaxPods; m <= MaxMaxPods; m++ {
			candidates = append(candidates, m)
		}
	case k.Kind == PodSubnet && p.spec.PodSubnet == StaticBlock:
		for b := 1; b*blockSize-1 < MaxMaxPods; b++ {
			if m := b*blockSize - 1; m >= MinMaxPods {
				candidates = append(candidates, m)
			}
		}
		candidates = append(candidates, MaxMaxPods)
	default:
		if fits(p) {
			return MaxMaxPods
		}
		return 0
	}
	withMaxPods := func(m int) planned { q := p; q.maxPods = m; return q }
	i := sort.Search(len(candidates), func(i int) bool { return !fits(withMaxPods(candidates[i])) })
	if i == 0 {
		return 0
	}
	m := candidates[i-1]
	if n := p.Nodes(); n > 0 && m*n < MinPoolPods {
		return 0
	}
	return m
}

// nodeLimit returns the cluster's node limit for its network model and
// families (Network.NodeLimit).
func (c Cluster) nodeLimit() int {
	limit, _ := c.Network.NodeLimit(c.Defaults)
	return limit
}
