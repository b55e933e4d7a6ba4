package ipam

import (
	"fmt"
	"net/netip"
	"slices"

	"github.com/cidrplan/cidrplan/cidr"
)

// checkRanges checks every prefix on its own (syntax, sizes, forbidden,
// reserved and public ranges, DNS service IP) and then every overlap between
// prefixes through one overlap index (see checkOverlaps).
func checkRanges(v *validation) {
	ranges := v.collectRanges()
	v.ranges, v.index = ranges, rangeIndex(ranges)
	for i := range ranges {
		r := &ranges[i]
		for _, rf := range v.singleRangeFindings(r) {
			v.findings = append(v.findings, rf.Finding)
		}
		if r.kind == kindSubnet && len(r.vnet().v.AddressSpace) > 0 && !v.insideVNet(r) {
			v.errorFix(CodeSubnetOutsideVNet, r.field(), v.freeHint(r.vnet(), r.prefix, r.field()).around("move the subnet inside "+describeList(r.vnet().v.AddressSpace), ""),
				"subnet %q prefix %s is not inside the address space %s of VNet %q",
				r.subnet.s.Name, r.prefix, describeList(r.vnet().v.AddressSpace), r.vnet().v.Name)
		}
	}
	for _, vv := range v.vnets {
		if len(vv.v.AddressSpace) == 0 {
			v.errorf(CodeMissingRange, vv.field("addressSpace"), "give the VNet at least one address prefix",
				"VNet %q has no address space", vv.v.Name)
		}
	}
	v.checkMissingSubnets()
	for _, cv := range v.clusters {
		v.checkRequiredPodCIDR(cv)
		v.checkCIDRLists(cv)
		v.checkDNSServiceIP(cv)
		v.checkDockerBridge(cv)
		v.checkDefaultRanges(cv)
	}
	checkOverlaps(v, ranges)
}

// clusterVNet reports whether some cluster uses the VNet.
func (v *validation) clusterVNet(vv *vnetView) bool {
	return vv != nil && vv.hasCluster
}

// rangeFinding is a finding about one range on its own; other is the
// well-known range it overlaps, if that is what it reports.
type rangeFinding struct {
	Finding
	other  PlanRange
	others []PlanRange // every well-known range it overlaps, other first
}

// singleRangeFindings returns the findings of r judged on its own (see
// CheckRange); Validate reports them all, Overlaps the ones that name a
// well-known range.
func (v *validation) singleRangeFindings(r *planRange) []rangeFinding {
	switch r.kind {
	case kindVNet:
		return v.vnetSpaceFindings(r)
	case kindSubnet:
		return rangeProblemFindings(r, RangeSubnet, func() string {
			subject := fmt.Sprintf("subnet %q prefix %s", r.subnet.s.Name, r.prefix)
			if r.prefix.Addr().Is6() {
				subject = "IPv6 " + subject
			}
			return subject
		})
	case kindService:
		return rangeProblemFindings(r, RangeServiceCIDR, func() string {
			return fmt.Sprintf("service CIDR %s of cluster %q", r.prefix, r.cluster.c.Name)
		})
	case kindPod:
		p, name := r.prefix, r.cluster.c.Name
		if !r.cluster.c.NetworkProfile.UsesPodCIDR() {
			return []rangeFinding{{Finding: Finding{Severity: SeverityWarning, Code: CodePodCIDRNotUsed, Field: r.field(),
				Message: fmt.Sprintf("cluster %q sets pod CIDR %s, but its network model (%s without overlay) takes pod IPs from VNet subnets; it is ignored",
					name, p, r.cluster.c.NetworkProfile.NetworkPlugin)}}}
		}
		return rangeProblemFindings(r, RangePodCIDR, func() string { return fmt.Sprintf("pod CIDR %s of cluster %q", p, name) })
	}
	return nil
}

// rangeProblemFindings turns what CheckRange finds in r, used as k, into
// findings: the subject followed by each problem's reason. The subject is
// worded only for a range with problems (most have none).
func rangeProblemFindings(r *planRange, k RangeKind, subject func() string) []rangeFinding {
	var out []rangeFinding
	for _, pr := range CheckRange(k, r.prefix) {
		rf := rangeFinding{Finding: Finding{Severity: pr.Severity, Code: pr.Code, Field: r.field(),
			Message: subject() + " " + pr.Reason, Fix: pr.Fix}}
		if pr.Overlaps.Prefix.IsValid() {
			rf.other = wellKnown(pr.Overlaps)
			for _, n := range pr.OverlapsAll {
				rf.others = append(rf.others, wellKnown(n))
			}
		}
		out = append(out, rf)
	}
	return out
}

// wellKnown is a well-known range as an overlap names it.
func wellKnown(n NamedPrefix) PlanRange {
	return PlanRange{Kind: RangeReserved, Prefix: n.Prefix, Name: n.Name}
}

// vnetSpaceFindings judges a VNet address space on its own: ranges Azure
// forbids in a VNet, ranges AKS reserves (for a VNet with clusters), size
// and public address space.
func (v *validation) vnetSpaceFindings(r *planRange) []rangeFinding {
	var out []rangeFinding
	add := func(sev Severity, code Code, other NamedPrefix, fix, format string, args ...any) {
		rf := rangeFinding{Finding: Finding{Severity: sev, Code: code, Field: r.field(), Message: fmt.Sprintf(format, args...), Fix: fix}}
		if other.Prefix.IsValid() {
			rf.other = wellKnown(other)
		}
		out = append(out, rf)
	}
	p := r.prefix
	// One finding for every forbidden range the space overlaps, with one
	// fix: remove a space that lies inside one of them, else move it clear
	// of them all.
	var forbiddenHit []NamedPrefix
	var forbiddenPrefixes []string
	inside := false
	for _, f := range VNetForbiddenRanges() {
		if p.Overlaps(f.Prefix) {
			forbiddenHit, forbiddenPrefixes = append(forbiddenHit, f), append(forbiddenPrefixes, f.Prefix.String())
			inside = inside || (f.Prefix.Bits() <= p.Bits() && f.Prefix.Contains(p.Addr()))
		}
	}
	forbidden := len(forbiddenHit) > 0
	if forbidden {
		fix := "use an address space clear of " + andList(forbiddenPrefixes)
		if inside {
			fix = "remove " + p.String() + " from the address space"
		}
		add(SeverityError, CodeVNetForbiddenRange, forbiddenHit[0], fix,
			"VNet %q address space %s overlaps %s, which Azure does not allow in a VNet",
			r.vnet().v.Name, p, namedList(forbiddenHit))
		for _, f := range forbiddenHit {
			out[len(out)-1].others = append(out[len(out)-1].others, wellKnown(f))
		}
	}
	if v.clusterVNet(r.vnet()) {
		var hit []NamedPrefix
		var prefixes []string
		for _, f := range AKSReservedRanges() {
			if p.Overlaps(f.Prefix) && !f.Prefix.Overlaps(netip.MustParsePrefix("169.254.0.0/16")) {
				hit, prefixes = append(hit, f), append(prefixes, f.Prefix.String())
			}
		}
		if len(hit) > 0 {
			add(SeverityError, CodeReservedRangeOverlap, hit[0], "use a VNet range clear of "+andList(prefixes),
				"VNet %q address space %s overlaps %s", r.vnet().v.Name, p, namedList(hit))
			for _, f := range hit {
				out[len(out)-1].others = append(out[len(out)-1].others, wellKnown(f))
			}
		}
		if p.Addr().Is4() && p.Bits() < 8 {
			add(SeverityError, CodeVNetTooLarge, NamedPrefix{}, "split the address space into /8 or smaller prefixes",
				"VNet %q address space %s is larger than /8, the largest AKS plans for", r.vnet().v.Name, p)
		}
	}
	_, reserved := insideAKSReserved(p)
	if !IsPrivate(p) && !forbidden && !(reserved && v.clusterVNet(r.vnet())) {
		add(SeverityWarning, CodePublicRangeAsPrivate, NamedPrefix{}, "",
			"VNet %q address space %s is %s; %s avoid clashes with Internet destinations",
			r.vnet().v.Name, p, notPrivateWords(p), privateAdvice(p))
	}
	return out
}

// checkCIDRLists reports a singular pod/service CIDR that disagrees with
// the first entry of the plural list.
func (v *validation) checkCIDRLists(cv *clusterView) {
	np := &cv.c.NetworkProfile
	if np.PodCIDR.IsValid() && len(np.PodCIDRs) > 0 && np.PodCIDRs[0] != np.PodCIDR {
		v.errorf(CodeCIDRMismatch, cv.field("networkProfile.podCidr"), "drop podCidr or make it podCidrs[0]",
			"podCidr %s differs from podCidrs[0] %s", np.PodCIDR, np.PodCIDRs[0])
	}
	if np.ServiceCIDR.IsValid() && len(np.ServiceCIDRs) > 0 && np.ServiceCIDRs[0] != np.ServiceCIDR {
		v.errorf(CodeCIDRMismatch, cv.field("networkProfile.serviceCidr"), "drop serviceCidr or make it serviceCidrs[0]",
			"serviceCidr %s differs from serviceCidrs[0] %s", np.ServiceCIDR, np.ServiceCIDRs[0])
	}
}

// checkDNSServiceIP checks the DNS service IP against the service CIDR of
// its family: given together, inside it, not its network address, not its
// first host (the kubernetes service), not its last address.
func (v *validation) checkDNSServiceIP(cv *clusterView) {
	np := &cv.c.NetworkProfile
	field := cv.field("networkProfile.dnsServiceIP")
	services := np.ServicePrefixes()
	dns := np.DNSServiceIP
	switch {
	case !dns.IsValid() && len(services) == 0:
		return
	case !dns.IsValid():
		fix := fixText("set dnsServiceIP")
		if a, ok := dnsCandidate(services[0]); ok {
			fix = proposed(field, a.String()).around("set dnsServiceIP to ", "")
		}
		v.errorFix(CodeDNSServiceIPWithoutServiceCIDR, field, fix,
			"cluster %q sets service CIDR %s but no DNS service IP; the two are given together", cv.c.Name, services[0])
		return
	case len(services) == 0:
		v.errorf(CodeDNSServiceIPWithoutServiceCIDR, cv.field("networkProfile.serviceCidr"),
			"set serviceCidr to the range holding "+dns.String(),
			"cluster %q sets DNS service IP %s but no service CIDR; the two are given together", cv.c.Name, dns)
		return
	case cidr.CheckAddr(dns) != nil:
		v.errorf(CodeCIDRStringParseError, field, "write a plain IP address",
			"DNS service IP: %v", cidr.CheckAddr(dns))
		return
	}
	var svc netip.Prefix
	for _, s := range services {
		if s.IsValid() && s.Addr().BitLen() == dns.BitLen() {
			svc = s.Masked()
			break
		}
	}
	if !svc.IsValid() || !svc.Contains(dns) {
		fix := fixText("put the DNS service IP inside the service CIDR")
		shown := services[0]
		if svc.IsValid() {
			shown = svc
			if a, ok := dnsCandidate(svc); ok {
				fix = proposed(field, a.String()).around("set dnsServiceIP to ", "")
			}
		}
		v.errorFix(CodeDNSServiceIPOutOfServiceCIDR, field, fix,
			"The DNS service IP %s is out of the range defined by service CIDR %s.", dns, shown)
		return
	}
	first := svc.Addr()
	last := netipxLast(svc)
	var why string
	switch dns {
	case first:
		why = "the network address"
	case first.Next():
		why = "the first host address, which the kubernetes service takes"
	case last:
		why = "the last (broadcast) address"
	default:
		return
	}
	fix := fixText("use another address of the service CIDR")
	if a, ok := dnsCandidate(svc); ok {
		fix = proposed(field, a.String()).around("use ", ", the conventional .10 address")
	}
	v.errorFix(CodeDNSServiceIPReserved, field, fix, "DNS service IP %s of service CIDR %s is %s", dns, svc, why)
}

// dnsCandidate returns the conventional DNS service IP of a service range:
// its 10th address, if the range has room for it.
func dnsCandidate(svc netip.Prefix) (netip.Addr, bool) {
	if !svc.IsValid() {
		return netip.Addr{}, false
	}
	svc = svc.Masked()
	a := svc.Addr()
	for range 10 {
		a = a.Next()
	}
	if !a.IsValid() || !svc.Contains(a) || a == netipxLast(svc) {
		return netip.Addr{}, false
	}
	return a, true
}

// netipxLast returns the last address of p.
func netipxLast(p netip.Prefix) netip.Addr {
	b := p.Addr().AsSlice()
	for i := p.Bits(); i < len(b)*8; i++ {
		b[i/8] |= 0x80 >> (i % 8)
	}
	a, _ := netip.AddrFromSlice(b)
	return a
}

// checkDockerBridge warns about a docker bridge CIDR: AKS ignores it since
// Kubernetes 1.19 and API 2023-04-01 removed it. Its overlaps are checked
// with the others.
func (v *validation) checkDockerBridge(cv *clusterView) {
	d := cv.c.NetworkProfile.DockerBridgeCIDR
	if !d.IsValid() {
		return
	}
	field := cv.field("networkProfile.dockerBridgeCidr")
	// The docker bridge is an address in CIDR notation: its host bits are
	// the bridge's address, so only the masked form must pass.
	if err := cidr.PrefixSentinel(d.Masked()); err != nil {
		v.errorf(CodeCIDRStringParseError, field, "write the IPv4 prefix without the ::ffff: mapping",
			"docker bridge: %v", &cidr.PrefixError{Prefix: d, Err: err})
		return
	}
	v.warnf(CodeDockerBridgeSet, field,
		"cluster %q sets docker bridge CIDR %s; AKS ignores it since Kubernetes 1.19 and API version 2023-04-01 removed it (remove the key)",
		cv.c.Name, d)
}

// describeList formats prefixes for a message.
func describeList(ps []netip.Prefix) string {
	if len(ps) == 1 {
		return ps[0].String()
	}
	return fmt.Sprint(ps)
}

// checkDefaultRanges warns when a cluster uses AKS's default pod or service
// range without saying so: 10.0.0.0/16 and 10.244.0.0/16 are where
// corporate networks built on 10/8 often already are, and the plan's avoid
// list may not know every route.
func (v *validation) checkDefaultRanges(cv *clusterView) {
	if v.given == nil || cv.index >= len(v.given.Clusters) {
		return
	}
	given := &v.given.Clusters[cv.index].NetworkProfile
	np := &cv.c.NetworkProfile
	if len(given.ServicePrefixes()) == 0 && slices.Contains(np.ServicePrefixes(), DefaultServiceCIDR()) {
		v.warnf(CodeCommonRangeCollision, cv.field("networkProfile.serviceCidr"),
			"cluster %q gets the default service CIDR %s, which often collides with corporate 10/8 networks; set serviceCidr and dnsServiceIP explicitly (and list on-premises ranges under avoid)",
			cv.c.Name, DefaultServiceCIDR())
	}
	if np.UsesPodCIDR() && len(given.PodPrefixes()) == 0 && slices.Contains(np.PodPrefixes(), DefaultPodCIDR()) {
		v.warnf(CodeCommonRangeCollision, cv.field("networkProfile.podCidr"),
			"cluster %q gets the default pod CIDR %s, which often collides with corporate 10/8 networks; set podCidr explicitly (and list on-premises ranges under avoid)",
			cv.c.Name, DefaultPodCIDR())
	}
}

// checkRequiredPodCIDR reports a cluster whose network model needs a pod
// CIDR that AKS does not default (bring your own CNI: "You must specify a
// Pod CIDR", articles/aks/use-byo-cni.md) but that states none.
func (v *validation) checkRequiredPodCIDR(cv *clusterView) {
	np := &cv.c.NetworkProfile
	spec := np.model().Spec()
	if !spec.PodCIDRRequired || len(np.PodPrefixes()) > 0 {
		return
	}
	v.errorf(CodeMissingRange, cv.field("networkProfile.podCidr"),
		"set podCidr to a private range clear of the VNet and the service CIDR, or let cidrplan complete pick one",
		"cluster %q uses %s (networkPlugin %s) but sets no pod CIDR; AKS needs one, as its control plane uses the range",
		cv.c.Name, spec.Label, np.NetworkPlugin)
}

// checkMissingSubnets reports pools that name no node subnet and subnets
// without a prefix: ranges [Plan.Complete] can fill in.
func (v *validation) checkMissingSubnets() {
	for _, cv := range v.clusters {
		for _, pv := range cv.pools {
			if pv.p.VNetSubnet == "" {
				v.errorf(CodeMissingRange, pv.field("vnetSubnet"), "name the pool's node subnet, or let cidrplan complete add one",
					"pool %q of cluster %q names no node subnet", pv.p.Name, cv.c.Name)
			}
		}
	}
	for _, sv := range v.subnets {
		if len(sv.s.AddressPrefixes) > 0 {
			continue
		}
		if len(sv.users().nodePools)+len(sv.users().podPools)+len(sv.users().apiServerOf) > 0 {
			v.errorf(CodeMissingRange, sv.field("addressPrefixes"), "give the subnet a prefix, or let cidrplan complete size and place it",
				"subnet %q of VNet %q has no address prefix", sv.s.Name, sv.vnet.v.Name)
		} else {
			v.warnf(CodeMissingRange, sv.field("addressPrefixes"), "subnet %q of VNet %q has no address prefix", sv.s.Name, sv.vnet.v.Name)
		}
	}
}
