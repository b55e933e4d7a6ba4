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
	for _, o := range classifyOverlaps(v, ranges, false) {
		v.findings = append(v.findings, o.Finding)
	}
}

// classifyOverlaps judges every overlap between ranges (see checkOverlaps):
// the reported ones with their findings and, withRanges, both ranges of
// each and the allowed overlaps too (Validate skips them: clusters reusing
// one service CIDR make a quadratic number of allowed pairs).
func classifyOverlaps(v *validation, ranges []planRange, withRanges bool) []Overlap {
	c := conflictSet{v: v, ranges: ranges, spaceHits: make(map[[2]int]bool), withRanges: withRanges}
	forEachConflict(v.index, c.classify)
	c.emit()
	return mergeOverlaps(c.overlaps)
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
	overlaps  []Overlap
	// withRanges describes both ranges of each overlap and records the
	// allowed ones too (Plan.Overlaps); Validate needs neither.
	withRanges bool
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
		if a.vnet() == b.vnet() {
			c.errorf(CodeVNetOverlap, b, a, "remove one of the overlapping address prefixes",
				"%s overlaps %s", b.describe(), a.describe())
		} else {
			c.warnf(CodeVNetOverlap, b, a, "%s overlaps %s: the two VNets cannot be peered",
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
		if b.vnet() == a.vnet() {
			c.spaceHits[[2]int{j, a.vnet().index}] = true
			c.warnf(CodeDockerBridgeInVNet, b, a, "%s overlaps %s (AKS ignores the docker bridge, but remove or move it)",
				b.describe(), a.describe())
		}
	case a.kind == kindVNet && b.kind == kindAvoid:
		if a.prefix == b.prefix && b.avoid.Source != SourceAVNMPool {
			c.allow(b, a, "the same network listed as a VNet and as a range to avoid (a peered hub)")
			return
		}
		c.avoidOverlap(b, a)
	case a.kind == kindSubnet && b.kind == kindSubnet:
		if a.vnet() == b.vnet() {
			c.errorFix(CodeSubnetOverlap, b, a, v.freeHint(a.vnet(), b.prefix, b.field()).around("move one of the subnets to a free range", ""),
				"%s overlaps %s", b.describe(), a.describe())
		}
	case a.kind == kindSubnet && (b.kind == kindPod || b.kind == kindService):
		if b.kind == kindPod && !b.cluster.c.NetworkProfile.UsesPodCIDR() {
			return
		}
		if b.vnet() != a.vnet() {
			return // reported once against the other VNet's address space
		}
		c.spaceHits[[2]int{j, a.vnet().index}] = true
		code, fix := CodeServiceCIDROverlapExistingSubnetsCIDR, v.freeServiceHint(b.cluster, b.prefix, b.field()).around("use serviceCidr ", "")
		if b.kind == kindPod {
			code, fix = CodePodCIDROverlapExistingSubnetsCIDR, v.freePodHint(b.cluster, b.prefix, b.field()).around("use podCidr ", "")
		}
		c.errorFix(code, b, a, fix, "%s overlaps %s", b.describe(), a.describe())
	case a.kind == kindSubnet && b.kind == kindDocker:
		if b.vnet() == a.vnet() {
			c.spaceHits[[2]int{j, a.vnet().index}] = true
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
			c.errorf(CodePodCIDROverlapPodCIDR, b, a, "give each pod CIDR its own range",
				"%s overlaps %s", b.describe(), a.describe())
		case !na.UsesPodCIDR() || !nb.UsesPodCIDR():
			// A pod CIDR the model ignores (PodCidrNotUsed) overlaps nothing.
		case na.podCIDRReusable() && nb.podCIDRReusable():
			c.allow(b, a, "overlay pod CIDRs are private to each cluster, so independent clusters may reuse one")
		case a.vnet() != nil && a.vnet() == b.vnet():
			c.errorFix(CodePodCIDROverlapPodCIDR, b, a, v.freePodHint(b.cluster, b.prefix, b.field()).around("use podCidr ", ""),
				"%s overlaps %s in the same VNet: kubenet routes would collide", b.describe(), a.describe())
		default:
			c.warnf(CodePodCIDROverlapPodCIDR, b, a, "%s overlaps %s: pods of the two clusters can't reach each other directly",
				b.describe(), a.describe())
		}
	case a.kind == kindPod && b.kind == kindService:
		if a.cluster == b.cluster && a.cluster.c.NetworkProfile.UsesPodCIDR() {
			c.errorFix(CodePodCIDROverlapServiceCIDR, b, a, v.freeServiceHint(b.cluster, b.prefix, b.field()).around("use serviceCidr ", ""),
				"%s overlaps %s", b.describe(), a.describe())
		}
	case a.kind == kindPod && b.kind == kindDocker:
		if a.cluster == b.cluster && a.cluster.c.NetworkProfile.UsesPodCIDR() {
			c.warnf(CodeDockerBridgeInPodCIDR, b, a, "%s overlaps %s (AKS ignores the docker bridge, but remove or move it)",
				b.describe(), a.describe())
		}
	case a.kind == kindPod && b.kind == kindAvoid:
		if a.cluster.c.NetworkProfile.UsesPodCIDR() {
			c.avoidOverlap(b, a)
		}
	case a.kind == kindService && b.kind == kindService:
		if a.cluster != b.cluster {
			c.allow(b, a, "service CIDRs are private to each cluster, so clusters may reuse one")
		} else {
			c.errorf(CodeServiceCIDROverlapServiceCIDR, b, a, "give each service CIDR its own range",
				"%s overlaps %s", b.describe(), a.describe())
		}
	case a.kind == kindService && b.kind == kindDocker:
		if a.cluster == b.cluster {
			c.warnf(CodeDockerBridgeInServiceCIDR, b, a, "%s overlaps %s (AKS ignores the docker bridge, but remove or move it)",
				b.describe(), a.describe())
		}
	case a.kind == kindService && b.kind == kindAvoid:
		c.avoidOverlap(b, a)
	}
}

// insideVNet reports whether a subnet range lies inside one address space
// of its VNet.
func (v *validation) insideVNet(r *planRange) bool {
	for _, sp := range r.vnet().v.AddressSpace {
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
	case SourceAVNMPool:
		code = CodeAVNMPrefixInUse
	}
	fix, fixOther := fixText("move it clear of "+av.prefix.String()), av.prefix.String()
	switch r.kind {
	case kindService:
		fix, fixOther = c.v.freeServiceHint(r.cluster, r.prefix, r.field()).around("use serviceCidr ", ""), ""
	case kindPod:
		fix, fixOther = c.v.freePodHint(r.cluster, r.prefix, r.field()).around("use podCidr ", ""), ""
	case kindSubnet:
		fix = c.v.freeHint(r.vnet(), r.prefix, r.field()).around(fix.words, "")
	}
	c.errorFix(code, r, av, fix, "%s overlaps %s", r.describe(), av.describe())
	c.overlaps[len(c.overlaps)-1].fixOther = fixOther
}

// errorf reports subject overlapping other as an error on subject's field.
func (c *conflictSet) errorf(code Code, subject, other *planRange, fix, format string, args ...any) {
	c.errorFix(code, subject, other, fixText(fix), format, args...)
}

// errorFix is errorf with a fix that may propose values.
func (c *conflictSet) errorFix(code Code, subject, other *planRange, fix fix, format string, args ...any) {
	f := Finding{Severity: SeverityError, Code: code, Field: subject.field(), Message: fmt.Sprintf(format, args...)}
	fix.apply(&f)
	c.report(f, subject, other)
}

// warnf reports subject overlapping other as a warning on subject's field.
func (c *conflictSet) warnf(code Code, subject, other *planRange, format string, args ...any) {
	c.report(Finding{Severity: SeverityWarning, Code: code, Field: subject.field(), Message: fmt.Sprintf(format, args...)},
		subject, other)
}

// report records f, about subject overlapping other; the ranges are
// described only for Plan.Overlaps (Validate needs the finding alone).
func (c *conflictSet) report(f Finding, subject, other *planRange) {
	o := Overlap{Finding: f, subjectDesc: subject.describe(), otherDesc: other.describe()}
	if c.withRanges {
		o.Subject, o.Other = subject.public(), other.public()
		o.Others = []PlanRange{o.Other}
	}
	c.overlaps = append(c.overlaps, o)
}

// allow records an overlap that is no problem, and why.
func (c *conflictSet) allow(subject, other *planRange, why string) {
	if !c.withRanges {
		return
	}
	c.overlaps = append(c.overlaps, Overlap{Allowed: true, Finding: Finding{Field: subject.field(),
		Message: subject.describe() + " overlaps " + other.describe() + ": " + why},
		Subject: subject.public(), Other: other.public(), Others: []PlanRange{other.public()}})
}

// emit adds the collected findings and the VNet-space overlaps not already
// explained by a subnet overlap of the same range.
func (c *conflictSet) emit() {
	for _, d := range c.deferred {
		r, space := &c.ranges[d[0]], &c.ranges[d[1]]
		if c.spaceHits[[2]int{d[0], space.vnet().index}] {
			continue
		}
		if r.vnet() != space.vnet() {
			c.warnf(codeForeignOverlap(r.kind), r, space, "%s overlaps %s, another VNet of the plan: if the VNets are peered, pods cannot reach it",
				r.describe(), space.describe())
			continue
		}
		if r.kind == kindPod {
			c.warnf(CodeNetworkProfileCIDROverlapVNet, r, space,
				"%s overlaps %s, though no subnet: AKS may reject it (docs disagree) and no subnet can be added there later",
				r.describe(), space.describe())
		} else {
			c.warnf(CodeServiceCIDROverlapVNet, r, space,
				"%s overlaps %s, though no subnet: a subnet added there later breaks cluster upgrades",
				r.describe(), space.describe())
		}
	}
}
