package ipam

import (
	"net/netip"
	"slices"
)

// PlanRange is one range of a plan, or a well-known range, as an overlap
// names it. Exactly the owner fields that fit Kind are set.
type PlanRange struct {
	Kind   RangeKind
	Prefix netip.Prefix
	// Field is the range's path in the plan, as findings name it; "" for a
	// well-known range.
	Field string
	// VNet is the VNet of an address space or subnet, the VNet of a
	// cluster's range (its pools' VNet, "" when unresolved).
	VNet    string
	Subnet  string // RangeSubnet: the subnet's name
	Cluster string // RangePodCIDR, RangeServiceCIDR, RangeDockerBridge: the cluster's name
	// Name is a range to avoid's name, or a well-known range's (RangeReserved).
	Name   string
	Source Source // RangeAvoid: where the range comes from
}

// Overlap is one overlap that Validate judges: two ranges sharing
// addresses and the verdict on them. A reported overlap carries the finding
// Validate returns for it (on Subject's field); an allowed one has Allowed
// set, no Code, and a Message that says why it is allowed.
type Overlap struct {
	Finding
	Allowed bool
	// Subject is the range the finding is about; Other the range it
	// overlaps, the first of Others when it overlaps several.
	Subject, Other PlanRange
	// Others is every range the finding names as overlapped, Other first:
	// one overlap of Subject with several ranges of a kind, under one code,
	// is one finding listing them all.
	Others []PlanRange
	// subjectDesc and otherDesc are the ranges as the message words them,
	// for merging overlaps into one finding; fixOther is the other range's
	// prefix as the fix names it ("move it clear of 10.8.0.0/20"), empty
	// when the fix does not depend on the other range.
	subjectDesc, otherDesc, fixOther string
}

// Overlaps returns every overlap of ranges in p that Validate judges, in
// the order of [Findings.Sort] (allowed overlaps last): the pairs of plan
// ranges (see Validate for which pairs are errors, warnings or allowed) and
// the plan ranges that overlap a range AKS reserves or Azure forbids in a
// VNet. The findings of the reported ones are exactly the overlap findings
// of Validate; front ends that draw overlaps (the address map) ask here
// instead of judging ranges themselves. Defaults are applied first, as in
// Validate. Expected containment (a subnet in its VNet's space) is no
// overlap; nor are overlaps that Validate reports through another range
// (a subnet in another VNet's space is that VNet's overlap).
func (p *Plan) Overlaps() []Overlap {
	if p == nil {
		return nil
	}
	v := newValidation(p.withDefaults())
	ranges := v.collectRanges()
	v.ranges, v.index = ranges, rangeIndex(ranges)
	var out []Overlap
	for i := range ranges {
		for _, rf := range v.singleRangeFindings(&ranges[i]) {
			if rf.other.Kind != "" {
				others := rf.others
				if len(others) == 0 {
					others = []PlanRange{rf.other}
				}
				out = append(out, Overlap{Finding: rf.Finding, Subject: ranges[i].public(), Other: rf.other, Others: others})
			}
		}
	}
	out = append(out, classifyOverlaps(v, ranges, true)...)
	sortOverlaps(out)
	return out
}

// public describes r for an Overlap.
func (r *planRange) public() PlanRange {
	pr := PlanRange{Prefix: r.prefix, Field: r.field()}
	if vv := r.vnet(); vv != nil {
		pr.VNet = vv.v.Name
	}
	switch r.kind {
	case kindVNet:
		pr.Kind = RangeVNetSpace
	case kindSubnet:
		pr.Kind, pr.Subnet = RangeSubnet, r.subnet.s.Name
	case kindPod:
		pr.Kind, pr.Cluster = RangePodCIDR, r.cluster.c.Name
	case kindService:
		pr.Kind, pr.Cluster = RangeServiceCIDR, r.cluster.c.Name
	case kindDocker:
		pr.Kind, pr.Cluster = RangeDockerBridge, r.cluster.c.Name
	case kindAvoid:
		pr.Kind, pr.Name, pr.Source = RangeAvoid, r.avoid.Name, r.avoid.Source
	}
	return pr
}

// sortOverlaps orders reported overlaps as Findings.Sort orders their
// findings, then the allowed ones, each by field and message.
func sortOverlaps(os []Overlap) {
	slices.SortStableFunc(os, func(a, b Overlap) int {
		if a.Allowed != b.Allowed {
			if a.Allowed {
				return 1
			}
			return -1
		}
		return compareFindings(a.Finding, b.Finding)
	})
}
