package sizing

// Demand is the address demand of a cluster, range by range. It is a
// plain value, safe to share once returned.
type Demand struct {
	// Ranges lists node subnets (in order of first use by the pools), then
	// pod subnets, then pod CIDRs (IPv4, then IPv6).
	Ranges []Range `json:"ranges" yaml:"ranges"`
	// Nodes is the cluster's nodes at steady state (counted nodes plus
	// scale-out); PeakNodes adds every pool's upgrade surge.
	Nodes     int `json:"nodes" yaml:"nodes"`
	PeakNodes int `json:"peakNodes" yaml:"peakNodes"`
	// Assumptions lists the defaults filled in.
	Assumptions []Assumption `json:"assumptions,omitempty" yaml:"assumptions,omitempty"`
}

// Range is the demand on one subnet or pod CIDR, itemised per pool.
type Range struct {
	RangeKey `yaml:",inline"`
	// Mode is the pod subnet's allocation mode; empty for other kinds.
	Mode      PodIPAllocationMode `json:"mode,omitempty" yaml:"mode,omitempty"`
	Pools     []Item              `json:"pools" yaml:"pools"`
	Consumers Consumers           `json:"consumers,omitzero" yaml:"consumers,omitempty"`
	// Steady and Peak are the addresses needed at steady state and at the
	// peak of an upgrade: Σ pool items + consumers.
	Steady Count `json:"steady" yaml:"steady"`
	Peak   Count `json:"peak" yaml:"peak"`
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
	Surge    int   `json:"surge" yaml:"surge"`     // upgrade surge nodes
	PerNode  Count `json:"perNode" yaml:"perNode"` // addresses one node takes here
	Steady   Count `json:"steady" yaml:"steady"`   // (Nodes + ScaleOut) × PerNode
	Peak     Count `json:"peak" yaml:"peak"`       // (Nodes + ScaleOut + Surge) × PerNode
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
// pools use. Invalid input gives the errors of Validate.
func (c Cluster) Demand() (Demand, error) {
	if err := c.Validate(); err != nil {
		return Demand{}, err
	}
	ps, as := c.plan()
	d := Demand{Assumptions: as}
	for _, p := range ps {
		d.Nodes += p.Nodes() + p.ScaleOut
		d.PeakNodes += p.peakAt(p.Nodes())
	}
	for _, k := range c.rangeKeys(ps) {
		d.Ranges = append(d.Ranges, c.rangeDemand(k, ps))
	}
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
			if c.Network.IsDualStack() && p.spec.DualStack {
				add(RangeKey{Kind: PodCIDR, Name: PodCIDRName, Family: IPv6})
			}
		}
	}
	return keys
}

// rangeDemand itemises the demand of the pools ps on range k.
func (c Cluster) rangeDemand(k RangeKey, ps []planned) Range {
	r := Range{RangeKey: k, Consumers: c.consumers(k, ps)}
	r.Steady = CountFromInt(r.Consumers.Total())
	r.Peak = r.Steady
	static := false
	for _, p := range ps {
		per, ok := k.uses(p)
		if !ok {
			continue
		}
		if k.Kind == PodSubnet {
			r.Mode = p.spec.PodSubnet
			static = static || r.Mode == StaticBlock
		}
		it := Item{Pool: p.Name, Model: p.spec.Model, MaxPods: p.maxPods, MaxSurge: p.maxSurge, Nodes: p.Nodes(), ScaleOut: p.ScaleOut, Surge: p.surgeAt(p.Nodes()), PerNode: per}
		it.Steady = per.Mul64(uint64(it.Nodes + it.ScaleOut))
		it.Peak = per.Mul64(uint64(it.Nodes + it.ScaleOut + it.Surge))
		r.Pools = append(r.Pools, it)
		r.Steady = r.Steady.Add(it.Steady)
		r.Peak = r.Peak.Add(it.Peak)
	}
	if k.Kind != PodCIDR {
		r.Reserved = ReservedPerSubnet
	}
	r.MinPrefixLen = shape{kind: k.Kind, family: k.Family, static: static}.minPrefixLen(r.Peak)
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

// UpgradePeakNodes returns the most nodes the cluster has at once while
// its pools upgrade one at a time, as AKS upgrades them: Nodes plus the
// surge of the pool that surges most, and that pool ("" when no pool
// surges). PeakNodes, every pool surging at once, is the bound for pools
// reimaged simultaneously.
func (d Demand) UpgradePeakNodes() (nodes int, pool string) {
	surge := 0
	for _, r := range d.Ranges {
		for _, it := range r.Pools {
			if it.Surge > surge {
				surge, pool = it.Surge, it.Pool
			}
		}
	}
	return d.Nodes + surge, pool
}
