package peers

import (
	"net/netip"

	"go4.org/netipx"
)

// sweepGaps yields the maximal parts of within that none of the prefixes
// touches. The prefixes must be sorted by start address and overlap within.
func sweepGaps(within netip.Prefix, sorted []netip.Prefix, yield func(netipx.IPRange) bool) {
	w := netipx.RangeOfPrefix(within)
	next := w.From() // first address not yet known to be covered
	for _, p := range sorted {
		r := netipx.RangeOfPrefix(p)
		if r.From().Compare(next) > 0 {
			if !yield(netipx.IPRangeFrom(next, r.From().Prev())) {
				return
			}
		}
		if r.To().Compare(next) >= 0 {
			if r.To().Compare(w.To()) >= 0 {
				return // covered to the end
			}
			next = r.To().Next()
		}
	}
	yield(netipx.IPRangeFrom(next, w.To()))
}
