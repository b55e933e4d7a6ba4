package ipam

import (
	"maps"
	"net/netip"
	"slices"

	"github.com/cidrplan/cidrplan/sizing"
)

// Defaults AKS applies when a value is left out. Those marked [D] are
// disputed or changed over time (see
// docs/aks-rules.md#disputed-defaults-and-overrides); a plan overrides each by
// stating the value. They are functions so that no caller can change them.

// DefaultServiceCIDR returns AKS's default service range, 10.0.0.0/16.
func DefaultServiceCIDR() netip.Prefix {
	return netip.PrefixFrom(netip.AddrFrom4([4]byte{10, 0, 0, 0}), 16)
}

// DefaultDNSServiceIP returns AKS's default DNS service IP, 10.0.0.10 (the
// .10 address of the default service range).
func DefaultDNSServiceIP() netip.Addr { return netip.AddrFrom4([4]byte{10, 0, 0, 10}) }

// DefaultPodCIDR returns the default pod range of overlay and kubenet,
// 10.244.0.0/16.
func DefaultPodCIDR() netip.Prefix {
	return netip.PrefixFrom(netip.AddrFrom4([4]byte{10, 244, 0, 0}), 16)
}

// DefaultPodCIDRv6 returns the default IPv6 pod range of a dual-stack
// cluster, fd12:3456:789a::/64 [D] (newer AKS releases pick random ULA
// ranges).
func DefaultPodCIDRv6() netip.Prefix { return netip.MustParsePrefix("fd12:3456:789a::/64") }

// DefaultServiceCIDRv6 returns the default IPv6 service range of a
// dual-stack cluster, fd12:3456:789a:1::/108 [D].
func DefaultServiceCIDRv6() netip.Prefix { return netip.MustParsePrefix("fd12:3456:789a:1::/108") }

// WithDefaults returns a copy of p with every default filled in explicitly,
// so that printing it shows what AKS would use. It fills: networkPlugin
// (azure), networkDataplane (azure), ipFamilies (IPv4), service CIDRs and DNS
// IP (both, only when both are absent), pod CIDRs (overlay and kubenet;
// bring your own CNI has no default: the plan must state one),
// podCidr/podCidrs and serviceCidr/serviceCidrs mirrored, the cluster's
// defaults (maxSurge 10% [D]; overlayMaxNodes 5,000 [D] for a model whose
// node limit it sets, [sizing.ModelSpec.MaxNodesDisputed]: overlay), each
// pool's osType (Linux), mode (first pool System), maxPods (the cluster's
// defaults resolved by [sizing.Defaults.EffectiveMaxPods] for the pool's
// model), maxSurge (the cluster's defaults.maxSurge), maxUnavailable (0,
// on pools that take one: [sizing.PoolMode.TakesMaxUnavailable]),
// podIpAllocationMode (DynamicIndividual when a pod subnet is named), the
// cluster's vnet when its pools name subnets of one VNet only, subnet
// purposes inferred from use, and avoid-range sources (other).
// Values already set are kept as they are, even when invalid. A nil p gives nil.
func (p *Plan) WithDefaults() *Plan {
	q := p.withDefaults()
	if q != nil {
		defaultPurposes(q)
	}
	return q
}

// withDefaults is WithDefaults without the subnet purposes, which
// validation infers on its own.
func (p *Plan) withDefaults() *Plan {
	if p == nil {
		return nil
	}
	q := p.Clone()
	applyDefaults(q)
	return q
}

// withClusterDefaults is withDefaults for a reader that never writes to
// the VNets (Validate): they are p's own, not copies (defaults change only
// clusters and avoid ranges).
func (p *Plan) withClusterDefaults() *Plan {
	if p == nil {
		return nil
	}
	q := (&Plan{Name: p.Name, Clusters: p.Clusters, Avoid: p.Avoid}).Clone()
	q.VNets = slices.Clip(p.VNets)
	applyDefaults(q)
	return q
}

// applyDefaults fills in q's clusters' and avoid ranges' defaults.
func applyDefaults(q *Plan) {
	for i := range q.Clusters {
		defaultCluster(q, &q.Clusters[i])
	}
	for i := range q.Avoid {
		if q.Avoid[i].Source == "" {
			q.Avoid[i].Source = SourceOther
		}
	}
}

// DefaultNetworkPlugin is the network plugin of a plan cluster that names
// none: Azure CNI (with no mode, pods in the node subnet), as plan files
// have always meant. az aks create defaults to Overlay and cidrplan size
// follows it; see docs/aks-rules.md#not-yet-implemented.
const DefaultNetworkPlugin = PluginAzure

func defaultCluster(q *Plan, c *Cluster) {
	np := &c.NetworkProfile
	if np.NetworkPlugin == "" {
		np.NetworkPlugin = DefaultNetworkPlugin
	}
	if np.NetworkDataplane == "" {
		np.NetworkDataplane = DataplaneAzure
	}
	if len(np.IPFamilies) == 0 {
		np.IPFamilies = []IPFamily{IPv4}
	}
	dual := slices.Contains(np.IPFamilies, IPv6)
	if len(np.ServicePrefixes()) == 0 && !np.DNSServiceIP.IsValid() {
		np.ServiceCIDRs = []netip.Prefix{DefaultServiceCIDR()}
		if dual {
			np.ServiceCIDRs = append(np.ServiceCIDRs, DefaultServiceCIDRv6())
		}
		np.DNSServiceIP = DefaultDNSServiceIP()
	}
	if spec := np.model().Spec(); spec.PodCIDR && !spec.PodCIDRRequired && len(np.PodPrefixes()) == 0 {
		np.PodCIDRs = []netip.Prefix{DefaultPodCIDR()}
		if dual {
			np.PodCIDRs = append(np.PodCIDRs, DefaultPodCIDRv6())
		}
	}
	mirror(&np.PodCIDR, &np.PodCIDRs)
	mirror(&np.ServiceCIDR, &np.ServiceCIDRs)
	c.Defaults.MaxSurge = c.Defaults.EffectiveMaxSurge()
	if np.model().Spec().MaxNodesDisputed {
		c.Defaults.OverlayMaxNodes = c.Defaults.EffectiveOverlayMaxNodes()
	}
	net := np.network()
	vnets := map[string]bool{}
	for i := range c.AgentPoolProfiles {
		ap := &c.AgentPoolProfiles[i]
		if ap.OSType == "" {
			ap.OSType = Linux
		}
		if ap.Mode == "" {
			ap.Mode = sizing.DefaultPoolMode(i)
		}
		if ap.PodSubnet != "" && ap.PodIPAllocationMode == "" {
			ap.PodIPAllocationMode = DynamicIndividual
		}
		if ap.MaxPods == 0 {
			ap.MaxPods = c.Defaults.EffectiveMaxPods(net.Model(ap.Pool))
		}
		if ap.MaxSurge.IsZero() {
			ap.MaxSurge = c.Defaults.MaxSurge
		}
		if ap.MaxUnavailable.IsZero() && ap.Mode.TakesMaxUnavailable() {
			ap.MaxUnavailable = sizing.MustParseSurge("0")
		}
		for _, ref := range []string{ap.VNetSubnet, ap.PodSubnet} {
			if ref != "" && c.VNet == "" {
				vnets[subnetVNet(q, ref)] = true
			}
		}
	}
	if c.VNet == "" && len(vnets) == 1 {
		for name := range vnets {
			c.VNet = name
		}
	}
}

// subnetVNet returns the VNet a subnet reference points into: the part
// before "/", or the one VNet holding a subnet of that name; "" if unknown or
// ambiguous.
func subnetVNet(q *Plan, ref string) string {
	for i, r := range ref {
		if r == '/' {
			return ref[:i]
		}
	}
	found := ""
	for _, vn := range q.VNets {
		for _, s := range vn.Subnets {
			if s.Name == ref {
				if found != "" {
					return ""
				}
				found = vn.Name
			}
		}
	}
	return found
}

// mirror makes the singular and plural forms agree when only one is set.
func mirror(single *netip.Prefix, plural *[]netip.Prefix) {
	switch {
	case len(*plural) == 0 && single.IsValid():
		*plural = []netip.Prefix{*single}
	case len(*plural) > 0 && !single.IsValid():
		*single = (*plural)[0]
	}
}

func defaultPurposes(q *Plan) {
	v := newValidation(q)
	for _, sv := range v.subnets {
		sv.s.Purpose = sv.purpose
	}
}

// Clone returns a deep copy of p; nil gives nil.
func (p *Plan) Clone() *Plan {
	if p == nil {
		return nil
	}
	q := *p
	q.VNets = slices.Clone(p.VNets)
	for i := range q.VNets {
		vn := &q.VNets[i]
		vn.AddressSpace = slices.Clone(vn.AddressSpace)
		vn.Subnets = slices.Clone(vn.Subnets)
		for j := range vn.Subnets {
			vn.Subnets[j].AddressPrefixes = slices.Clone(vn.Subnets[j].AddressPrefixes)
		}
	}
	q.Clusters = slices.Clone(p.Clusters)
	for i := range q.Clusters {
		c := &q.Clusters[i]
		np := &c.NetworkProfile
		np.IPFamilies = slices.Clone(np.IPFamilies)
		np.PodCIDRs = slices.Clone(np.PodCIDRs)
		np.ServiceCIDRs = slices.Clone(np.ServiceCIDRs)
		c.AgentPoolProfiles = slices.Clone(c.AgentPoolProfiles)
		c.Defaults.MaxPods = maps.Clone(c.Defaults.MaxPods)
	}
	q.Avoid = slices.Clone(p.Avoid)
	for i := range q.Avoid {
		q.Avoid[i].Prefixes = slices.Clone(q.Avoid[i].Prefixes)
	}
	return &q
}
