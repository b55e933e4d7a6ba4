package ipam

import (
	"net/netip"
	"slices"

	"github.com/cidrplan/cidrplan/sizing"
)

// withCluster returns a copy of p whose cluster i is edited by edit; p and
// its other clusters are shared, not modified.
func (p *Plan) withCluster(i int, edit func(*Cluster)) *Plan {
	q := *p
	q.Clusters = slices.Clone(p.Clusters)
	c := &q.Clusters[i]
	c.AgentPoolProfiles = slices.Clone(c.AgentPoolProfiles)
	c.NetworkProfile.PodCIDRs = slices.Clone(c.NetworkProfile.PodCIDRs)
	edit(c)
	return &q
}

// asOverlay turns c into the Azure CNI Overlay cluster a migration makes:
// pods in podCIDR, no pod subnets, no network policy engine (uninstalled
// first).
func asOverlay(c *Cluster, podCIDR netip.Prefix) {
	np := &c.NetworkProfile
	np.NetworkPlugin, np.NetworkPluginMode = PluginAzure, PluginModeOverlay
	np.PodCIDR, np.PodCIDRs = podCIDR, nil
	np.IPFamilies = nil
	if np.NetworkPolicy != "" {
		np.NetworkPolicy = PolicyNone
	}
	for j := range c.AgentPoolProfiles {
		c.AgentPoolProfiles[j].PodSubnet, c.AgentPoolProfiles[j].PodIPAllocationMode = "", ""
	}
}

// podCIDRConflicts returns the overlaps Plan.Overlaps reports (errors and
// warnings, not allowed ones) between the named cluster's pod CIDR pod in
// plan q and any other range but a docker bridge, which AKS ignores: the
// VNets, subnets, service CIDRs, routed pod CIDRs, ranges to avoid and
// reserved ranges in its way. Each is returned as the other range.
func podCIDRConflicts(q *Plan, cluster string, pod netip.Prefix) []PlanRange {
	isPod := func(r PlanRange) bool {
		return r.Kind == RangePodCIDR && r.Cluster == cluster && r.Prefix == pod
	}
	var out []PlanRange
	for _, o := range q.Overlaps() {
		if o.Allowed {
			continue
		}
		var others []PlanRange
		switch {
		case isPod(o.Subject):
			others = o.Others // one finding may list several ranges
		case slices.ContainsFunc(o.Others, isPod):
			others = []PlanRange{o.Subject}
		}
		for _, other := range others {
			if other.Kind == RangeDockerBridge || slices.Contains(out, other) {
				continue
			}
			out = append(out, other)
		}
	}
	return out
}

// sizingInput returns c as sizing's input, enough for node and pod CIDR
// counts (subnet consumers left out).
func (c *Cluster) sizingInput() sizing.Cluster {
	in := sizing.Cluster{Network: c.NetworkProfile.network(), Defaults: c.Defaults,
		PrivateCluster: c.APIServerAccessProfile.EnablePrivateCluster}
	for _, ap := range c.AgentPoolProfiles {
		in.Pools = append(in.Pools, ap.Pool)
	}
	return in
}

// overlayPodBits returns the prefix length of the smallest IPv4 pod CIDR
// that holds one node block per node of c as an overlay cluster when every
// pool surges at once (sizing's MinPrefixLen of the pod CIDR); ok is false
// when sizing refuses the cluster or no prefix holds it.
func overlayPodBits(c Cluster) (bits int, ok bool) {
	c.AgentPoolProfiles = slices.Clone(c.AgentPoolProfiles)
	asOverlay(&c, netip.Prefix{})
	in := c.sizingInput()
	in.Defaults.Upgrade = sizing.UpgradeSimultaneous
	d, err := in.Demand()
	if err != nil {
		return 0, false
	}
	r, found := d.Find(sizing.RangeKey{Kind: sizing.PodCIDR, Name: sizing.PodCIDRName, Family: sizing.IPv4})
	if !found || r.MinPrefixLen < 0 {
		return 0, false
	}
	return r.MinPrefixLen, true
}

// proposePodCIDR returns the lowest private IPv4 prefix of length bits
// (RFC 1918 or 100.64.0.0/10, in address order) that the allocator finds
// free of everything p holds and that, given to cluster i as an overlay
// pod CIDR, Plan.Overlaps finds in nobody's way.
func (p *Plan) proposePodCIDR(i int, bits int) (netip.Prefix, bool) {
	for _, parent := range PrivateRanges() {
		if !parent.Addr().Is4() {
			continue
		}
		got, err := p.AllocateIn(parent, bits, 1)
		if err != nil {
			continue
		}
		q := p.withCluster(i, func(c *Cluster) { asOverlay(c, got[0]) })
		if len(podCIDRConflicts(q, p.Clusters[i].Name, got[0])) == 0 {
			return got[0], true
		}
	}
	return netip.Prefix{}, false
}
