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
	kind    rangeKind
	prefix  netip.Prefix
	i       int // position in its list (address space, prefixes, pod/service CIDRs)
	avoidAt int // for kindAvoid: position of the avoid range in the plan
	vnet    *vnetView
	subnet  *subnetView
	cluster *clusterView
	avoid   *AvoidRange
	label   string // for kindReserved
}

// field returns the range's full field path, built only when a finding
// needs it (a plan may hold a million ranges).
func (r *planRange) field() string {
	switch r.kind {
	case kindVNet:
		return r.vnet.field(listField("addressSpace", r.i))
	case kindSubnet:
		return r.subnet.field(listField("addressPrefixes", r.i))
	case kindPod:
		return r.cluster.field(podField(&r.cluster.c.NetworkProfile, r.i))
	case kindService:
		return r.cluster.field(serviceField(&r.cluster.c.NetworkProfile, r.i))
	case kindDocker:
		return r.cluster.field("networkProfile.dockerBridgeCidr")
	case kindAvoid:
		return elemPath("avoid", r.avoid.Name, r.avoidAt) + "." + listField("prefixes", r.i)
	}
	return ""
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
		if u, ok := parsePoolInUse(r.avoid.Name); ok && r.avoid.Source == SourceAVNMPool {
			return u.describe(p)
		}
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
			add(planRange{kind: kindVNet, prefix: p, i: i, vnet: vv})
		}
	}
	for _, sv := range v.subnets {
		for i, p := range sv.s.AddressPrefixes {
			add(planRange{kind: kindSubnet, prefix: p, i: i, vnet: sv.vnet, subnet: sv})
		}
	}
	for _, cv := range v.clusters {
		np := &cv.c.NetworkProfile
		for i, p := range np.PodPrefixes() {
			add(planRange{kind: kindPod, prefix: p, i: i, cluster: cv, vnet: cv.vnet})
		}
		for i, p := range np.ServicePrefixes() {
			add(planRange{kind: kindService, prefix: p, i: i, cluster: cv, vnet: cv.vnet})
		}
		if d := np.DockerBridgeCIDR.Masked(); cidr.PrefixSentinel(d) == nil {
			out = append(out, planRange{kind: kindDocker, prefix: d, cluster: cv, vnet: cv.vnet})
		}
	}
	for i := range v.plan.Avoid {
		a := &v.plan.Avoid[i]
		for j, p := range a.Prefixes {
			add(planRange{kind: kindAvoid, prefix: p, i: j, avoidAt: i, avoid: a})
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
