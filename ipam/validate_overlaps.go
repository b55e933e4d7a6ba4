package ipam

import (
	"fmt"
)

// checkOverlaps reports every overlap between plan ranges that matters, once,
// with both names and the code of its pair kind:
//
//	service × subnet of its VNet      ServiceCidrOverlapExistingSubnetsCidr (error)
//	service × its VNet space only     ServiceCidrOverlapVnet (warning)
//	pod × subnet of its VNet          PodCidrOverlapExistingSubnetsCidr (error)
//	pod × its VNet space only         NetworkProfileCIDROverlapVNET (warning [D])
//	pod × service of one cluster      PodCidrOverlapServiceCidr (error)
//	pod × pod, not both overlay       PodCidrOverlapPodCidr (error in one VNet)
//	docker bridge × VNet/pod/service  DockerBridgeIn... (warning: AKS ignores it)
//	peering / on-premises / other     VnetPeerCidrOverlapping, OnPremisesCidrOverlapping,
//	  avoid range × any plan range      AvoidCidrOverlapping (error)
//	subnet × subnet of one VNet       SubnetCidrOverlap (error)
//	VNet × VNet                       VnetAddressSpaceOverlap (error in one VNet, else warning)
//
// Expected containment (a subnet inside its own VNet's space) is not an
// overlap. A pod or service range overlapping another VNet of the plan is a
// warning, once per VNet address space: it matters only if the VNets are
// peered. An avoid range equal to a VNet address space is that VNet listed
// twice (a peered hub), not an overlap. The same pod CIDR reused by
// independent overlay clusters, and service CIDRs reused across clusters,
// are allowed. A subnet-level overlap hides the VNet-space overlap of the
// same range, so each problem appears once.
func checkOverlaps(v *validation, ranges []planRange) {
	c := conflictSet{v: v, ranges: ranges, spaceHits: make(map[[2]int]bool)}
	forEachConflict(v.index, c.classify)
	c.emit()
}

// conflictSet collects the overlaps first, because whether a VNet-space
// overlap is worth reporting depends on the subnet overlaps of the same range.
type conflictSet struct {
	v      *validation
	ranges []planRange
	// spaceHits[{range, vnet}]: the range overlaps a subnet of (or, for
	// avoid and docker ranges, the space of) that VNet.
	spaceHits map[[2]int]bool
	deferred  [][2]int // VNet-space overlaps, emitted unless spaceHits says otherwise
	findings  []Finding
}

func (c *conflictSet) classify(i, j int) {
	a, b := &c.ranges[i], &c.ranges[j]
	if a.kind > b.kind || (a.kind == b.kind && i > j) {
		a, b = b, a
		i, j = j, i
	}
	v := c.v
	switch {
	case a.kind == kindVNet && b.kind == kindVNet:
		if a.vnet == b.vnet {
			c.errorf(CodeVNetOverlap, b.field(), "remove one of the overlapping address prefixes",
				"%s overlaps %s", b.describe(), a.describe())
		} else {
			c.warnf(CodeVNetOverlap, b.field(), "%s overlaps %s: the two VNets cannot be peered",
				b.describe(), a.describe())
		}
	case a.kind == kindVNet && b.kind == kindSubnet:
		// Inside its own VNet: expected. Inside another VNet: the VNet
		// overlap, or the subnet being outside its VNet, is reported.
	case a.kind == kindVNet && (b.kind == kindPod || b.kind == kindService):
		if b.kind == kindPod && !b.cluster.c.NetworkProfile.UsesPodCIDR() {
			return
		}
		c.deferred = append(c.deferred, [2]int{j, i})
	case a.kind == kindVNet && b.kind == kindDocker:
		if b.vnet == a.vnet {
			c.spaceHits[[2]int{j, a.vnet.index}] = true
			c.warnf(CodeDockerBridgeInVNet, b.field(), "%s overlaps %s (AKS ignores the docker bridge, but remove or move it)",
				b.describe(), a.describe())
		}
	case a.kind == kindVNet && b.kind == kindAvoid:
		if a.prefix == b.prefix {
			return // the same network listed as a VNet and as a range to avoid (a peered hub)
		}
		c.avoidOverlap(b, a)
	case a.kind == kindSubnet && b.kind == kindSubnet:
		if a.vnet == b.vnet {
			c.errorf(CodeSubnetOverlap, b.field(), "move one of the subnets to a free range"+v.freeHint(a.vnet, b.prefix),
				"%s overlaps %s", b.describe(), a.describe())
		}
	case a.kind == kindSubnet && (b.kind == kindPod || b.kind == kindService):
		if b.kind == kindPod && !b.cluster.c.NetworkProfile.UsesPodCIDR() {
			return
		}
		if b.vnet != a.vnet {
			return // reported once against the other VNet's address space
		}
		c.spaceHits[[2]int{j, a.vnet.index}] = true
		code, fix := CodeServiceCIDROverlapExistingSubnetsCIDR, "use serviceCidr "+v.freeServiceHint(b.cluster, b.prefix)
		if b.kind == kindPod {
			code, fix = CodePodCIDROverlapExistingSubnetsCIDR, "use podCidr "+v.freePodHint(b.cluster, b.prefix)
		}
		c.errorf(code, b.field(), fix, "%s overlaps %s", b.describe(), a.describe())
	case a.kind == kindSubnet && b.kind == kindDocker:
		if b.vnet == a.vnet {
			c.spaceHits[[2]int{j, a.vnet.index}] = true
		}
	case a.kind == kindSubnet && b.kind == kindAvoid:
		// Reported against the VNet space that holds the subnet, unless the
		// subnet lies outside every space of its VNet.
		if !c.v.insideVNet(a) {
			c.avoidOverlap(b, a)
		}
	case a.kind == kindPod && b.kind == kindPod:
		na, nb := &a.cluster.c.NetworkProfile, &b.cluster.c.NetworkProfile
		switch {
		case a.cluster == b.cluster:
			c.errorf(CodePodCIDROverlapPodCIDR, b.field(), "give each pod CIDR its own range",
				"%s overlaps %s", b.describe(), a.describe())
		case !na.UsesPodCIDR() || !nb.UsesPodCIDR(), na.podCIDRReusable() && nb.podCIDRReusable():
			// Overlay pod CIDRs are private to each cluster: reuse is allowed.
		case a.vnet != nil && a.vnet == b.vnet:
			c.errorf(CodePodCIDROverlapPodCIDR, b.field(), "use podCidr "+v.freePodHint(b.cluster, b.prefix),
				"%s overlaps %s in the same VNet: kubenet routes would collide", b.describe(), a.describe())
		default:
			c.warnf(CodePodCIDROverlapPodCIDR, b.field(), "%s overlaps %s: pods of the two clusters can't reach each other directly",
				b.describe(), a.describe())
		}
	case a.kind == kindPod && b.kind == kindService:
		if a.cluster == b.cluster && a.cluster.c.NetworkProfile.UsesPodCIDR() {
			c.errorf(CodePodCIDROverlapServiceCIDR, b.field(), "use serviceCidr "+v.freeServiceHint(b.cluster, b.prefix),
				"%s overlaps %s", b.describe(), a.describe())
		}
	case a.kind == kindPod && b.kind == kindDocker:
		if a.cluster == b.cluster && a.cluster.c.NetworkProfile.UsesPodCIDR() {
			c.warnf(CodeDockerBridgeInPodCIDR, b.field(), "%s overlaps %s (AKS ignores the docker bridge, but remove or move it)",
				b.describe(), a.describe())
		}
	case a.kind == kindPod && b.kind == kindAvoid:
		if a.cluster.c.NetworkProfile.UsesPodCIDR() {
			c.avoidOverlap(b, a)
		}
	case a.kind == kindService && b.kind == kindService:
		if a.cluster == b.cluster {
			c.errorf(CodeServiceCIDROverlapServiceCIDR, b.field(), "give each service CIDR its own range",
				"%s overlaps %s", b.describe(), a.describe())
		}
	case a.kind == kindService && b.kind == kindDocker:
		if a.cluster == b.cluster {
			c.warnf(CodeDockerBridgeInServiceCIDR, b.field(), "%s overlaps %s (AKS ignores the docker bridge, but remove or move it)",
				b.describe(), a.describe())
		}
	case a.kind == kindService && b.kind == kindAvoid:
		c.avoidOverlap(b, a)
	}
}

// insideVNet reports whether a subnet range lies inside one address space
// of its VNet.
func (v *validation) insideVNet(r *planRange) bool {
	for _, sp := range r.vnet.v.AddressSpace {
		if sp.IsValid() && sp.Bits() <= r.prefix.Bits() && sp.Contains(r.prefix.Addr()) {
			return true
		}
	}
	return false
}

func codeForeignOverlap(k rangeKind) Code {
	if k == kindPod {
		return CodeNetworkProfileCIDROverlapVNet
	}
	return CodeServiceCIDROverlapVNet
}

// avoidOverlap reports a plan range r overlapping a range to avoid, with the
// code of the avoid range's source.
func (c *conflictSet) avoidOverlap(av, r *planRange) {
	code := CodeAvoidCIDROverlapping
	switch av.avoid.Source {
	case SourcePeering:
		code = CodeVNetPeerCIDROverlapping
	case SourceOnPremises:
		code = CodeOnPremisesCIDROverlapping
	}
	fix := "move it clear of " + av.prefix.String()
	switch r.kind {
	case kindService:
		fix = "use serviceCidr " + c.v.freeServiceHint(r.cluster, r.prefix)
	case kindPod:
		fix = "use podCidr " + c.v.freePodHint(r.cluster, r.prefix)
	case kindSubnet:
		fix += c.v.freeHint(r.vnet, r.prefix)
	}
	c.errorf(code, r.field(), fix, "%s overlaps %s", r.describe(), av.describe())
}

func (c *conflictSet) errorf(code Code, field, fix, format string, args ...any) {
	c.findings = append(c.findings, Finding{Severity: SeverityError, Code: code, Field: field,
		Message: fmt.Sprintf(format, args...), Fix: fix})
}

func (c *conflictSet) warnf(code Code, field, format string, args ...any) {
	c.findings = append(c.findings, Finding{Severity: SeverityWarning, Code: code, Field: field,
		Message: fmt.Sprintf(format, args...)})
}

// emit adds the collected findings and the VNet-space overlaps not already
// explained by a subnet overlap of the same range.
func (c *conflictSet) emit() {
	for _, d := range c.deferred {
		r, space := &c.ranges[d[0]], &c.ranges[d[1]]
		if c.spaceHits[[2]int{d[0], space.vnet.index}] {
			continue
		}
		if r.vnet != space.vnet {
			c.warnf(codeForeignOverlap(r.kind), r.field(), "%s overlaps %s, another VNet of the plan: if the VNets are peered, pods cannot reach it",
				r.describe(), space.describe())
			continue
		}
		if r.kind == kindPod {
			c.warnf(CodeNetworkProfileCIDROverlapVNet, r.field(),
				"%s overlaps %s, though no subnet: AKS may reject it (docs disagree) and no subnet can be added there later",
				r.describe(), space.describe())
		} else {
			c.warnf(CodeServiceCIDROverlapVNet, r.field(),
				"%s overlaps %s, though no subnet: a subnet added there later breaks cluster upgrades",
				r.describe(), space.describe())
		}
	}
	c.v.findings = append(c.v.findings, c.findings...)
}
