package ipam

import (
	"net/netip"
	"strconv"

	"github.com/cidrplan/cidrplan/cidr"
)

// rangeKind says what a plan range is.
type rangeKind int8

const (
	kindVNet     rangeKind = iota // a VNet address space
	kindSubnet                    // a subnet prefix
	kindPod                       // a cluster's pod CIDR
	kindService                   // a cluster's service CIDR
	kindDocker                    // a cluster's docker bridge CIDR (masked)
	kindAvoid                     // a range to avoid
	kindReserved                  // a range AKS reserves
)

// planRange is one prefix of the plan with what it belongs to. Exactly the
// owner fields that fit the kind are set.
type planRange struct {
	prefix  netip.Prefix
	net     *vnetView // kindVNet's VNet (see vnet)
	subnet  *subnetView
	cluster *clusterView
	avoid   *AvoidRange
	i       int32 // position in its list (address space, prefixes, pod/service CIDRs)
	avoidAt int32 // for kindAvoid: position of the avoid range in the plan
	kind    rangeKind
}

// vnet returns the VNet the range is in: a VNet's own, a subnet's, a
// cluster's (nil when unresolved); nil for other ranges. (A plan may hold
// a million ranges: each says it once.)
func (r *planRange) vnet() *vnetView {
	switch {
	case r.subnet != nil:
		return r.subnet.vnet
	case r.cluster != nil:
		return r.cluster.vnet
	}
	return r.net
}

// field returns the range's full field path, built only when a finding
// needs it (a plan may hold a million ranges).
func (r *planRange) field() string {
	switch r.kind {
	case kindVNet:
		return r.net.field(listField("addressSpace", int(r.i)))
	case kindSubnet:
		return r.subnet.field(listField("addressPrefixes", int(r.i)))
	case kindPod:
		return r.cluster.field(podField(&r.cluster.c.NetworkProfile, int(r.i)))
	case kindService:
		return r.cluster.field(serviceField(&r.cluster.c.NetworkProfile, int(r.i)))
	case kindDocker:
		return r.cluster.field("networkProfile.dockerBridgeCidr")
	case kindAvoid:
		return elemPath("avoid", r.avoid.Name, int(r.avoidAt)) + "." + listField("prefixes", int(r.i))
	}
	return ""
}

// describe names the range for a message: `subnet "aks" (10.0.0.0/24) of VNet "hub"`.
func (r *planRange) describe() string {
	p := r.prefix.String()
	switch r.kind {
	case kindVNet:
		return "address space " + p + " of VNet " + strconv.Quote(r.net.v.Name)
	case kindSubnet:
		return "subnet " + strconv.Quote(r.subnet.s.Name) + " (" + p + ") of VNet " + strconv.Quote(r.subnet.vnet.v.Name)
	case kindPod:
		return "pod CIDR " + p + " of cluster " + strconv.Quote(r.cluster.c.Name)
	case kindService:
		return "service CIDR " + p + " of cluster " + strconv.Quote(r.cluster.c.Name)
	case kindDocker:
		return "docker bridge " + p + " of cluster " + strconv.Quote(r.cluster.c.Name)
	case kindAvoid:
		if u, ok := parsePoolInUse(r.avoid.Name); ok && r.avoid.Source == SourceAVNMPool {
			return u.describe(p)
		}
		return string(r.avoid.Source) + " range " + strconv.Quote(r.avoid.Name) + " (" + p + ")"
	}
	return p
}

// collectRanges lists every valid prefix of the plan with its owner and
// reports the invalid ones (zero, 4in6, host bits) as CidrStringParseError.
// Invalid prefixes are left out of the result.
func (v *validation) collectRanges() []planRange {
	n := len(v.plan.Avoid)
	for _, vv := range v.vnets {
		n += len(vv.v.AddressSpace)
	}
	for _, sv := range v.subnets {
		n += len(sv.s.AddressPrefixes)
	}
	out := make([]planRange, 0, n+3*len(v.clusters))
	add := func(r planRange) {
		if v.checkPrefixSyntax(r.prefix, r.field) {
			out = append(out, r)
		}
	}
	for _, vv := range v.vnets {
		for i, p := range vv.v.AddressSpace {
			add(planRange{kind: kindVNet, prefix: p, i: int32(i), net: vv})
		}
	}
	for _, sv := range v.subnets {
		for i, p := range sv.s.AddressPrefixes {
			add(planRange{kind: kindSubnet, prefix: p, i: int32(i), subnet: sv})
		}
	}
	for _, cv := range v.clusters {
		np := &cv.c.NetworkProfile
		for i, p := range np.PodPrefixes() {
			add(planRange{kind: kindPod, prefix: p, i: int32(i), cluster: cv})
		}
		for i, p := range np.ServicePrefixes() {
			add(planRange{kind: kindService, prefix: p, i: int32(i), cluster: cv})
		}
		if d := np.DockerBridgeCIDR.Masked(); cidr.PrefixSentinel(d) == nil {
			out = append(out, planRange{kind: kindDocker, prefix: d, cluster: cv})
		}
	}
	for i := range v.plan.Avoid {
		a := &v.plan.Avoid[i]
		for j, p := range a.Prefixes {
			add(planRange{kind: kindAvoid, prefix: p, i: int32(j), avoidAt: int32(i), avoid: a})
		}
	}
	return out
}

func listField(name string, i int) string { return name + "[" + strconv.Itoa(i) + "]" }

// podField is the field path of the i-th effective pod CIDR: podCIDR when
// the plan uses the singular form, podCIDRs[i] otherwise.
func podField(np *NetworkProfile, i int) string {
	if len(np.PodCIDRs) <= 1 {
		return "networkProfile.podCidr"
	}
	return "networkProfile." + listField("podCidrs", i)
}

func serviceField(np *NetworkProfile, i int) string {
	if len(np.ServiceCIDRs) <= 1 {
		return "networkProfile.serviceCidr"
	}
	return "networkProfile." + listField("serviceCidrs", i)
}

// checkPrefixSyntax reports a zero, IPv4-mapped or host-bits prefix that
// reached validation (a Go-built plan; planfile rejects them) and says
// whether p is usable. The check is cidr's; the finding's hint names the
// form cidr's error names.
func (v *validation) checkPrefixSyntax(p netip.Prefix, fieldOf func() string) bool {
	err := cidr.CheckPrefix(p)
	if err == nil {
		return true
	}
	pe := err.(*cidr.PrefixError)
	var fix string
	switch pe.Err {
	case cidr.ErrInvalidPrefix:
		fix = "give a CIDR such as 10.0.0.0/16"
	case cidr.ErrMappedIPv6:
		fix = "write the IPv4 prefix without the ::ffff: mapping"
	case cidr.ErrHostBits:
		fix = "use " + p.Masked().String()
	}
	v.errorf(CodeCIDRStringParseError, fieldOf(), fix, "%v", pe)
	return false
}
