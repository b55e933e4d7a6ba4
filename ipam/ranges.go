package ipam

import (
	"net/netip"
	"strconv"
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
	kind    rangeKind
	prefix  netip.Prefix
	field   string // full field path
	vnet    *vnetView
	subnet  *subnetView
	cluster *clusterView
	avoid   *AvoidRange
	label   string // for kindReserved
}

// describe names the range for a message: `subnet "aks" (10.0.0.0/24) of VNet "hub"`.
func (r *planRange) describe() string {
	p := r.prefix.String()
	switch r.kind {
	case kindVNet:
		return "address space " + p + " of VNet " + strconv.Quote(r.vnet.v.Name)
	case kindSubnet:
		return "subnet " + strconv.Quote(r.subnet.s.Name) + " (" + p + ") of VNet " + strconv.Quote(r.subnet.vnet.v.Name)
	case kindPod:
		return "pod CIDR " + p + " of cluster " + strconv.Quote(r.cluster.c.Name)
	case kindService:
		return "service CIDR " + p + " of cluster " + strconv.Quote(r.cluster.c.Name)
	case kindDocker:
		return "docker bridge " + p + " of cluster " + strconv.Quote(r.cluster.c.Name)
	case kindAvoid:
		return string(r.avoid.Source) + " range " + strconv.Quote(r.avoid.Name) + " (" + p + ")"
	case kindReserved:
		return p + " (" + r.label + ")"
	}
	return p
}

// collectRanges lists every valid prefix of the plan with its owner and
// reports the invalid ones (zero, 4in6, host bits) as CidrStringParseError.
// Invalid prefixes are left out of the result.
func (v *validation) collectRanges() []planRange {
	var out []planRange
	add := func(r planRange) {
		if v.checkPrefixSyntax(r.prefix, r.field) {
			out = append(out, r)
		}
	}
	for _, vv := range v.vnets {
		for i, p := range vv.v.AddressSpace {
			add(planRange{kind: kindVNet, prefix: p, field: vv.field(listField("addressSpace", i)), vnet: vv})
		}
	}
	for _, sv := range v.subnets {
		for i, p := range sv.s.AddressPrefixes {
			add(planRange{kind: kindSubnet, prefix: p, field: sv.field(listField("addressPrefixes", i)),
				vnet: sv.vnet, subnet: sv})
		}
	}
	for _, cv := range v.clusters {
		np := &cv.c.NetworkProfile
		for i, p := range np.PodPrefixes() {
			add(planRange{kind: kindPod, prefix: p, field: cv.field(podField(np, i)), cluster: cv, vnet: cv.vnet})
		}
		for i, p := range np.ServicePrefixes() {
			add(planRange{kind: kindService, prefix: p, field: cv.field(serviceField(np, i)), cluster: cv, vnet: cv.vnet})
		}
		if d := np.DockerBridgeCIDR; d.IsValid() && !d.Addr().Is4In6() {
			out = append(out, planRange{kind: kindDocker, prefix: d.Masked(),
				field: cv.field("networkProfile.dockerBridgeCIDR"), cluster: cv, vnet: cv.vnet})
		}
	}
	for i := range v.plan.Avoid {
		a := &v.plan.Avoid[i]
		for j, p := range a.Prefixes {
			add(planRange{kind: kindAvoid, prefix: p,
				field: elemPath("avoid", a.Name, i) + "." + listField("prefixes", j), avoid: a})
		}
	}
	return out
}

func listField(name string, i int) string { return name + "[" + strconv.Itoa(i) + "]" }

// podField is the field path of the i-th effective pod CIDR: podCIDR when
// the plan uses the singular form, podCIDRs[i] otherwise.
func podField(np *NetworkProfile, i int) string {
	if len(np.PodCIDRs) <= 1 {
		return "networkProfile.podCIDR"
	}
	return "networkProfile." + listField("podCIDRs", i)
}

func serviceField(np *NetworkProfile, i int) string {
	if len(np.ServiceCIDRs) <= 1 {
		return "networkProfile.serviceCIDR"
	}
	return "networkProfile." + listField("serviceCIDRs", i)
}

// checkPrefixSyntax reports a zero, IPv4-mapped or host-bits prefix that
// reached validation (a Go-built plan; Parse rejects them) and says whether p
// is usable.
func (v *validation) checkPrefixSyntax(p netip.Prefix, field string) bool {
	switch {
	case !p.IsValid():
		v.errorf(CodeCIDRStringParseError, field, "give a CIDR such as 10.0.0.0/16",
			"%q is not a valid CIDR", p.String())
	case p.Addr().Is4In6():
		v.errorf(CodeCIDRStringParseError, field, "write the IPv4 prefix without the ::ffff: mapping",
			"%s is an IPv4-mapped IPv6 prefix", p)
	case p.Masked() != p:
		v.errorf(CodeCIDRStringParseError, field, "use "+p.Masked().String(),
			"%s has host bits set (want %s)", p, p.Masked())
	default:
		return true
	}
	return false
}
