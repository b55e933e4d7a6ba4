package ipam

import (
	"net/netip"
	"strconv"

	"go4.org/netipx"
)

// AddressPool is an address pool a plan takes its space from, such as an Azure
// Virtual Network Manager IPAM pool (package ipam/avnm reads one and
// builds this). Name labels the pool in messages; Space is the pool's
// prefixes; Own holds the ranges the pool has in use that are the plan's
// own: its allocations to the plan's VNets and its static CIDRs of the
// plan's pod and service ranges. What the pool has in use for others is
// not here: it joins the plan as ranges to avoid of source
// [SourceAVNMPool], which overlaps report as AvnmPrefixInUse.
type AddressPool struct {
	Name  string
	Space []netip.Prefix
	Own   []netip.Prefix
}

// CheckAddressPool returns the findings of p against pool, sorted as
// [Plan.Validate] sorts them: a VNet address prefix not wholly inside
// pool.Space is an error (AvnmPrefixOutsidePool), since the pool can't
// allocate it; a pod or service CIDR over the pool's allocation to a VNet
// of the plan is an error too (AvnmPrefixInUse): no static CIDR can hold
// it back; any other VNet prefix, pod or service CIDR wholly inside
// pool.Own gets an info (AvnmAllocationAssumed) saying it was taken as the
// pool's allocation or static CIDR to the plan. Defaults are applied first; p is not modified.
// The other findings of the plan are Validate's.
func (p *Plan) CheckAddressPool(pool AddressPool) Findings {
	if p == nil {
		return nil
	}
	space, own := prefixSet(pool.Space), prefixSet(pool.Own)
	v := newValidation(p.withDefaults())
	v.findings = nil // the plan's own findings are Validate's
	name := strconv.Quote(pool.Name)
	ranges := v.collectRangesQuiet()
	// The pool's allocations to the plan's VNets: a pod or service CIDR
	// over one is in use all the same, and Azure refuses a static CIDR
	// over it (emit avnm leaves it out).
	var allocated netipx.IPSetBuilder
	for _, r := range ranges {
		if r.kind == kindVNet && own.ContainsPrefix(r.prefix) {
			allocated.AddPrefix(r.prefix)
		}
	}
	vnetAllocs, _ := allocated.IPSet() // valid prefixes only: no error
	for _, r := range ranges {
		switch r.kind {
		case kindVNet, kindPod, kindService:
		default:
			continue
		}
		if r.kind == kindVNet && !space.ContainsPrefix(r.prefix) {
			v.errorf(CodeAVNMPrefixOutsidePool, r.field(), "take the VNet's address space from the pool (cidrplan alloc --avnm)",
				"%s is not inside the prefixes of AVNM pool %s, which can't allocate it", r.describe(), name)
			continue
		}
		if r.kind != kindVNet && vnetAllocs.OverlapsPrefix(r.prefix) {
			v.errorf(CodeAVNMPrefixInUse, r.field(), "take it from the pool's available prefixes (cidrplan complete --avnm)",
				"%s overlaps what AVNM pool %s has allocated to a VNet of the plan (%s): no static CIDR can hold it back",
				r.describe(), name, joinPrefixes(overlapping(vnetAllocs, r.prefix)))
			continue
		}
		if own.ContainsPrefix(r.prefix) {
			what := "allocation"
			if r.kind != kindVNet {
				what = "static CIDR"
			}
			v.infof(CodeAVNMAllocationAssumed, r.field(),
				"%s lies in what AVNM pool %s has in use: taken as the pool's %s to it (the pool's usage names no resource)",
				r.describe(), name, what)
		}
	}
	return v.result()
}

// overlapping returns the part of s that p overlaps, as prefixes.
func overlapping(s *netipx.IPSet, p netip.Prefix) []netip.Prefix {
	var b netipx.IPSetBuilder
	b.AddPrefix(p)
	b.Intersect(s)
	in, _ := b.IPSet()
	return in.Prefixes()
}

// prefixSet returns the set of ps; invalid prefixes are left out.
func prefixSet(ps []netip.Prefix) *netipx.IPSet {
	var b netipx.IPSetBuilder
	for _, p := range ps {
		if p.IsValid() {
			b.AddPrefix(p.Masked())
		}
	}
	s, _ := b.IPSet() // valid prefixes only: no error
	return s
}
