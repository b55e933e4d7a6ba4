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
// allocate it; a VNet prefix, pod or service CIDR wholly inside pool.Own
// gets an info (AvnmAllocationAssumed) saying it was taken as the pool's
// allocation to the plan. Defaults are applied first; p is not modified.
// The other findings of the plan are Validate's.
func (p *Plan) CheckAddressPool(pool AddressPool) Findings {
	if p == nil {
		return nil
	}
	space, own := prefixSet(pool.Space), prefixSet(pool.Own)
	v := newValidation(p.withDefaults())
	v.findings = nil // the plan's own findings are Validate's
	name := strconv.Quote(pool.Name)
	for _, r := range v.collectRangesQuiet() {
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
