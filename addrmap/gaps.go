package addrmap

import (
	"go4.org/netipx"

	"github.com/cidrplan/cidrplan/overlap"
)

// gap is free space in a band: no drawn range covers it.
type gap struct {
	rng    netipx.IPRange
	lo, hi float64
}

// gaps returns the free ranges of a band in ascending order, as
// overlap.Tree.Gaps finds them among the band's items. A band that is not
// one prefix (ranges outside the VNet spaces) is asked prefix by prefix,
// and gaps that meet at a prefix boundary are joined.
func gaps(b *band) []gap {
	entries := make([]overlap.Entry[struct{}], len(b.items))
	for i, it := range b.items {
		entries[i].Range = intersect(it.rng(), b.rng)
	}
	t, err := overlap.Build(entries)
	if err != nil {
		return nil // unreachable: items are valid ranges of one family
	}
	var free []netipx.IPRange
	for _, p := range b.rng.Prefixes() {
		for g := range t.Gaps(p) {
			if n := len(free); n > 0 && free[n-1].To().Next() == g.From() {
				free[n-1] = netipx.IPRangeFrom(free[n-1].From(), g.To())
				continue
			}
			free = append(free, g)
		}
	}
	out := make([]gap, len(free))
	for i, g := range free {
		out[i] = gap{g, b.frac(g.From()), b.fracEnd(g.To())}
	}
	return out
}
