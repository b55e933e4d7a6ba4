package ipam

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/cidrplan/cidrplan/sizing"
)

// RangeKind says what a range of a plan is.
type RangeKind string

// The kinds of range.
const (
	RangeVNetSpace    RangeKind = "vnetSpace"    // a VNet address space
	RangeSubnet       RangeKind = "subnet"       // a VNet subnet (node, pod or other)
	RangePodCIDR      RangeKind = "podCIDR"      // an overlay, kubenet or BYO CNI pod CIDR
	RangeServiceCIDR  RangeKind = "serviceCIDR"  // a cluster's service CIDR
	RangeDockerBridge RangeKind = "dockerBridge" // a cluster's docker bridge (masked)
	RangeAvoid        RangeKind = "avoid"        // a range to avoid (peered, on-premises, other)
	RangeReserved     RangeKind = "reserved"     // a range AKS reserves or Azure forbids in a VNet
)

// RangeProblem is a rule that a range breaks on its own, whatever else the
// plan holds.
type RangeProblem struct {
	Code     Code
	Severity Severity
	// Reason completes a sentence whose subject is the range: "is larger
	// than /2, the largest Azure subnet".
	Reason string
	// Fix suggests a remedy; set for errors.
	Fix string
	// Overlaps is the well-known range the problem is about (a range AKS
	// reserves); zero for the other problems. When the range overlaps
	// several, it is the first of OverlapsAll.
	Overlaps NamedPrefix
	// OverlapsAll is every well-known range the problem is about, in order:
	// one problem lists them all rather than one problem each.
	OverlapsAll []NamedPrefix
}

// CheckRange returns the problems of p used as a range of kind k, judged on its own: the
// size bounds of its use (Azure's subnet sizes, the service CIDR's), the
// ranges AKS reserves, multicast and public address space. Validate
// reports the same problems for the plan's ranges; front ends that take a
// single range (cidrplan size) ask here rather than judge it themselves.
// Problems come in a fixed order (size, multicast, public, reserved); an
// invalid prefix has none (syntax is the parser's), and so have the kinds
// other than RangeSubnet, RangePodCIDR and RangeServiceCIDR.
func CheckRange(k RangeKind, p netip.Prefix) []RangeProblem {
	if !p.IsValid() {
		return nil
	}
	var out []RangeProblem
	add := func(code Code, sev Severity, fix, format string, args ...any) {
		out = append(out, RangeProblem{Code: code, Severity: sev, Reason: fmt.Sprintf(format, args...), Fix: fix})
	}
	switch k {
	case RangeSubnet:
		switch {
		case p.Addr().Is6() && p.Bits() != sizing.IPv6SubnetBits:
			add(CodeIPv6SubnetSize, SeverityError, fmt.Sprintf("use an IPv6 /%d", sizing.IPv6SubnetBits),
				"is /%d; Azure IPv6 subnets must be exactly /%d", p.Bits(), sizing.IPv6SubnetBits)
		case p.Addr().Is4() && p.Bits() > sizing.MinSubnetBits:
			add(CodeSubnetTooSmall, SeverityError, fmt.Sprintf("use a /%d or larger", sizing.MinSubnetBits),
				"is smaller than /%d, the smallest Azure subnet", sizing.MinSubnetBits)
		case p.Addr().Is4() && p.Bits() < sizing.MaxSubnetBits:
			add(CodeSubnetTooLarge, SeverityError, fmt.Sprintf("use a /%d or smaller", sizing.MaxSubnetBits),
				"is larger than /%d, the largest Azure subnet", sizing.MaxSubnetBits)
		}
	case RangeServiceCIDR:
		switch {
		case p.Addr().Is4() && p.Bits() < 12:
			add(CodeServiceCIDRTooLarge, SeverityError, "use a range smaller than /12, e.g. /16", "is larger than /12")
		case p.Addr().Is4() && p.Bits() == 12:
			add(CodeServiceCIDRSizeDisputed, SeverityWarning, "",
				"is exactly /12: the AKS docs ask for smaller than /12, Kubernetes accepts /12 (a /16 avoids the question)")
		case p.Addr().Is6() && p.Bits() < 108:
			add(CodeServiceCIDRTooLarge, SeverityError, "use a /108 or smaller", "is larger than /108")
		}
		_, reserved := insideAKSReserved(p) // reported as reserved below
		fix := "use a private range such as " + DefaultServiceCIDR().String()
		if p.Addr().Is6() {
			fix = "use a unique local range such as " + DefaultServiceCIDRv6().String()
		}
		switch {
		case IsMulticast(p):
			add(CodeServiceCIDRMulticast, SeverityError, fix, "%s", multicastWords(p))
		case !IsPrivate(p) && !reserved:
			add(CodeServiceCIDRPublic, SeverityError, fix, "is public address space, which AKS rejects")
		}
		out = appendReserved(out, p, "service")
	case RangePodCIDR:
		_, reserved := insideAKSReserved(p) // reported as reserved below
		switch {
		case IsMulticast(p):
			fix := "use a private range such as " + DefaultPodCIDR().String()
			if p.Addr().Is6() {
				fix = "use a unique local range such as " + DefaultPodCIDRv6().String()
			}
			add(CodePodCIDRMulticast, SeverityError, fix, "%s", multicastWords(p))
		case !IsPrivate(p) && !reserved:
			add(CodePublicRangeAsPrivate, SeverityWarning, "",
				"is public address space; pods could not reach those Internet destinations")
		}
		out = appendReserved(out, p, "pod")
	}
	return out
}

// appendReserved adds one problem listing every range AKS reserves that p
// overlaps (an overlap test: 172.16.0.0/12 contains 172.30.0.0/16), with
// one fix clear of them all.
func appendReserved(out []RangeProblem, p netip.Prefix, what string) []RangeProblem {
	var hit []NamedPrefix
	for _, f := range AKSReservedRanges() {
		if p.Overlaps(f.Prefix) {
			hit = append(hit, f)
		}
	}
	if len(hit) == 0 {
		return out
	}
	prefixes := make([]string, len(hit))
	for i, f := range hit {
		prefixes[i] = f.Prefix.String()
	}
	return append(out, RangeProblem{Code: CodeReservedRangeOverlap, Severity: SeverityError,
		Reason: "overlaps " + namedList(hit),
		Fix:    "choose a " + what + " range clear of " + andList(prefixes), Overlaps: hit[0], OverlapsAll: hit})
}

// namedList lists well-known ranges with their names, a shared name once:
// "172.30.0.0/16 and 172.31.0.0/16 (reserved by AKS)".
func namedList(ns []NamedPrefix) string {
	var parts []string
	for i, n := range ns {
		part := n.Prefix.String()
		if i == len(ns)-1 || ns[i+1].Name != n.Name {
			part += " (" + n.Name + ")"
		}
		parts = append(parts, part)
	}
	return andList(parts)
}

// andList joins items as a sentence does: "a", "a and b", "a, b and c".
func andList(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
