package addrmap

import (
	"go4.org/netipx"
)

// gap is free space in a band: no drawn range covers it.
type gap struct {
	rng    netipx.IPRange
	lo, hi float64
}

// gaps returns the free ranges of a band in ascending order. Items are
// sorted by start, so one sweep with the furthest end seen so far finds them.
func gaps(b *band) []gap {
	var out []gap
	next, done := b.rng.From(), false
	for _, it := range b.items {
		r := intersect(it.rng(), b.rng)
		if done {
			break
		}
		if next.Less(r.From()) {
			g := netipx.IPRangeFrom(next, r.From().Prev())
			out = append(out, gap{g, b.frac(g.From()), b.fracEnd(g.To())})
		}
		if !r.To().Less(next) {
			if r.To() == b.rng.To() {
				done = true
			}
			next = r.To().Next()
		}
	}
	if !done {
		g := netipx.IPRangeFrom(next, b.rng.To())
		out = append(out, gap{g, b.frac(g.From()), b.fracEnd(g.To())})
	}
	return out
}
