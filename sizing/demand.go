package sizing

// Demand is the address demand of a cluster, range by range. It is a
// plain value, safe to share once returned.
type Demand struct {
	// Ranges lists node subnets (in order of first use by the pools), then
	// pod subnets, then pod CIDRs (IPv4, then IPv6).
	Ranges []Range `json:"ranges" yaml:"ranges"`
	// Upgrade is the upgrade model the peaks are computed for
	// (Defaults.EffectiveUpgrade).
	Upgrade UpgradeModel `json:"upgrade" yaml:"upgrade"`
	// Nodes is the cluster's nodes at steady state (counted nodes plus
	// scale-out); PeakNodes the most it holds during an upgrade of model
	// Upgrade; SimultaneousPeakNodes adds every pool's surge at once.
	Nodes                 int `json:"nodes" yaml:"nodes"`
	PeakNodes             int `json:"peakNodes" yaml:"peakNodes"`
	SimultaneousPeakNodes int `json:"simultaneousPeakNodes" yaml:"simultaneousPeakNodes"`
	// Assumptions lists the defaults filled in; the upgrade model only
	// when the two models give different peaks.
	Assumptions []Assumption `json:"assumptions,omitempty" yaml:"assumptions,omitempty"`
}

// Range is the demand on one subnet or pod CIDR, itemised per pool.
type Range struct {
	RangeKey `yaml:",inline"`
	// Mode is the pod subnet's allocation mode; empty for other kinds.
	Mode      PodIPAllocationMode `json:"mode,omitempty" yaml:"mode,omitempty"`
	Pools     []Item              `json:"pools" yaml:"pools"`
	Consumers Consumers           `json:"consumers,omitzero" yaml:"consumers,omitempty"`
	// Steady is the addresses needed at steady state: Σ pool items'
	// Steady + consumers. Peak is the most an upgrade of the model
	// Demand.Upgrade needs (Upgrade.Peak): sequentially, every pool's
	// steady share plus the largest single pool's surge share.
	// SimultaneousPeak is every pool surging at once: Σ pool items' Peak +
	// consumers.
	Steady           Count `json:"steady" yaml:"steady"`
	Peak             Count `json:"peak" yaml:"peak"`
	SimultaneousPeak Count `json:"simultaneousPeak" yaml:"simultaneousPeak"`
	// PeakAllPods is Peak with every node holding maxPods pods. It equals
	// Peak except in a dynamic pod subnet: AKS requires one batch of 16
	// per node (Peak), and a node gets a further batch as its pods need
	// one, ceil(maxPods / 16) batches when full.
	PeakAllPods Count `json:"peakAllPods" yaml:"peakAllPods"`
	// Reserved is what the range loses to Azure per prefix: 5 for a
	// subnet, 0 for a pod CIDR.
	Reserved int `json:"reserved" yaml:"reserved"`
	// MinPrefixLen is the longest prefix length (the smallest range) that
	// holds Peak; -1 if none does.
	MinPrefixLen int `json:"minPrefixLength" yaml:"minPrefixLength"`
}

// Item is one pool's share of a range.
type Item struct {
	Pool string `json:"pool" yaml:"pool"`
	// Model, MaxPods and MaxSurge are the pool's, defaults applied.
	Model    Model `json:"model" yaml:"model"`
	MaxPods  int   `json:"maxPods" yaml:"maxPods"`
	MaxSurge Surge `json:"maxSurge" yaml:"maxSurge"`
	Nodes    int   `json:"nodes" yaml:"nodes"` // count, or maxCount when autoscaling
	ScaleOut int   `json:"scaleOut,omitzero" yaml:"scaleOut,omitempty"`
	Surge    int   `json:"surge" yaml:"surge"`     // upgrade surge nodes, at most Nodes + ScaleOut
	PerNode  Count `json:"perNode" yaml:"perNode"` // addresses one node takes here
	Steady   Count `json:"steady" yaml:"steady"`   // (Nodes + ScaleOut) × PerNode
	Peak     Count `json:"peak" yaml:"peak"`       // (Nodes + ScaleOut + Surge) × PerNode, while the pool surges
}

// Find returns the range named by k and whether d has it.
func (d Demand) Find(k RangeKey) (Range, bool) {
	for _, r := range d.Ranges {
		if r.RangeKey == k {
			return r, true
		}
	}
	return Range{}, false
}

// Demand validates c and returns its address demand on every range its
// pools use, at steady state and at the peak of an upgrade of the model of
// c.Defaults (see Cluster.Upgrade). Invalid input gives the errors of
// Validate.
func (c Cluster) Demand() (Demand, error) {
	if err := c.Validate(); err != nil {
		return Demand{}, err
	}
	ps, as := c.plan()
	keys := c.rangeKeys(ps)
	d := Demand{Upgrade: c.Defaults.EffectiveUpgrade()}
	u, sim := c.upgrade(ps, keys, d.Upgrade), c.upgrade(ps, keys, UpgradeSimultaneous)
	d.Nodes, d.PeakNodes, d.SimultaneousPeakNodes = u.Nodes, u.PeakNodes(), sim.PeakNodes()
	for _, k := range keys {
		r := c.rangeDemand(k, ps)
		r.Peak, r.PeakAllPods = u.peakOf(k)
		r.SimultaneousPeak, _ = sim.peakOf(k)
		r.MinPrefixLen = shape{kind: k.Kind, family: k.Family, static: r.Mode == StaticBlock}.minPrefixLen(r.Peak)
		d.Ranges = append(d.Ranges, r)
	}
	if c.Defaults.Upgrade == "" && d.PeakNodes != d.SimultaneousPeakNodes {
		// The model changes the answer: say which one it is.
		as = append(as, c.Defaults.UpgradeAssumption())
	}
	d.Assumptions = as
	return d, nil
}

// rangeKeys lists the ranges the pools use, in Demand order.
func (c Cluster) rangeKeys(ps []planned) []RangeKey {
	var keys []RangeKey
	seen := map[RangeKey]bool{}
	add := func(k RangeKey) {
		if !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	for _, p := range ps {
		add(RangeKey{Kind: NodeSubnet, Name: p.nodeSubnet(), Family: IPv4})
	}
	for _, p := range ps {
		if p.spec.Uses(PodSubnet) {
			add(RangeKey{Kind: PodSubnet, Name: p.PodSubnet, Family: IPv4})
		}
	}
	for _, p := range ps {
		if p.spec.Uses(PodCIDR) {
			add(RangeKey{Kind: PodCIDR, Name: PodCIDRName, Family: IPv4})
			if c.Network.IsDualStack() && p.spec.PodCIDRBlockBits(IPv6) != 0 {
				add(RangeKey{Kind: PodCIDR, Name: PodCIDRName, Family: IPv6})
			}
		}
	}
	return keys
}

// rangeDemand itemises the demand of the pools ps on range k at steady
// state; the peaks come from the upgrade steps.
func (c Cluster) rangeDemand(k RangeKey, ps []planned) Range {
	r := Range{RangeKey: k, Consumers: c.consumers(k, ps)}
	r.Steady = CountFromInt(r.Consumers.Total())
	for _, p := range ps {
		per, ok := k.uses(p)
		if !ok {
			continue
		}
		if k.Kind == PodSubnet {
			r.Mode = p.spec.PodSubnet
		}
		it := Item{Pool: p.Name, Model: p.spec.Model, MaxPods: p.maxPods, MaxSurge: p.maxSurge, Nodes: p.Nodes(),
			ScaleOut: p.ScaleOut, Surge: p.surgeNodes(), PerNode: per}
		it.Steady = per.Mul64(uint64(it.Nodes + it.ScaleOut))
		it.Peak = per.Mul64(uint64(it.Nodes + it.ScaleOut + it.Surge))
		r.Pools = append(r.Pools, it)
		r.Steady = r.Steady.Add(it.Steady)
	}
	if k.Kind != PodCIDR {
		r.Reserved = ReservedPerSubnet
	}
	return r
}

// consumers returns the other consumers of range k: the caller's per-subnet
// counts, plus the private cluster's API endpoint in the first pool's node
// subnet.
func (c Cluster) consumers(k RangeKey, ps []planned) Consumers {
	if k.Kind == PodCIDR {
		return Consumers{}
	}
	cs := c.Consumers[k.Name]
	if c.PrivateCluster && k.Kind == NodeSubnet && len(ps) > 0 && ps[0].nodeSubnet() == k.Name {
		cs = cs.add(Consumers{APIServer: 1})
	}
	return cs
}
