package overlap

import (
	"iter"
	"net/netip"

	"go4.org/netipx"
)

// All returns every entry in ascending (start, end) order, IPv4 before
// IPv6; equal ranges come in insertion order (for Build, input order).
// O(n) for the whole walk.
func (t *Tree[V]) All() iter.Seq[Entry[V]] {
	return func(yield func(Entry[V]) bool) {
		more := t.v4.all(func(lo, hi addr4, v V) bool { return yield(entry4(lo, hi, v)) })
		if more {
			t.v6.all(func(lo, hi addr6, v V) bool { return yield(entry6(lo, hi, v)) })
		}
	}
}

// Overlapping returns the entries sharing an address with p, in All's
// order. A prefix Insert would reject yields nothing. O(log n + k·log n) in
// the worst case for k entries yielded, O(log n + k) when they are adjacent.
func (t *Tree[V]) Overlapping(p netip.Prefix) iter.Seq[Entry[V]] {
	return func(yield func(Entry[V]) bool) {
		if checkPrefix(p) != nil {
			return
		}
		if p.Addr().Is4() {
			lo, hi := prefixKey4(p)
			t.v4.overlapping(lo, hi, func(lo, hi addr4, v V) bool { return yield(entry4(lo, hi, v)) })
			return
		}
		lo, hi := prefixKey6(p)
		t.v6.overlapping(lo, hi, func(lo, hi addr6, v V) bool { return yield(entry6(lo, hi, v)) })
	}
}

// OverlappingRange returns the entries sharing an address with r, in All's
// order. A range InsertRange would reject yields nothing.
func (t *Tree[V]) OverlappingRange(r netipx.IPRange) iter.Seq[Entry[V]] {
	return func(yield func(Entry[V]) bool) {
		if checkRange(r) != nil {
			return
		}
		if r.From().Is4() {
			t.v4.overlapping(fromAddr4(r.From()), fromAddr4(r.To()),
				func(lo, hi addr4, v V) bool { return yield(entry4(lo, hi, v)) })
			return
		}
		t.v6.overlapping(fromAddr6(r.From()), fromAddr6(r.To()),
			func(lo, hi addr6, v V) bool { return yield(entry6(lo, hi, v)) })
	}
}

// Conflicts returns every unordered pair of entries that share an address,
// once, as (x, y) with x before y in All's order; pairs come sorted by x,
// then by y. Two equal entries conflict with each other. The pairs are
// streamed, never collected: O(n + k) for k pairs yielded, stopping as soon
// as the caller stops.
func (t *Tree[V]) Conflicts() iter.Seq2[Entry[V], Entry[V]] {
	return func(yield func(Entry[V], Entry[V]) bool) {
		more := t.v4.conflicts(func(xlo, xhi addr4, xv V, ylo, yhi addr4, yv V) bool {
			return yield(entry4(xlo, xhi, xv), entry4(ylo, yhi, yv))
		})
		if more {
			t.v6.conflicts(func(xlo, xhi addr6, xv V, ylo, yhi addr6, yv V) bool {
				return yield(entry6(xlo, xhi, xv), entry6(ylo, yhi, yv))
			})
		}
	}
}

// Gaps returns the maximal ranges inside within that share no address with
// any entry, in ascending order. A prefix Insert would reject yields
// nothing. Typically O((g+1)·log n) for g gaps, since runs of entries that
// cover an interval without holes are passed a subtree at a time; at worst
// O(log n + g + m) for m entries starting inside within. It stops as soon
// as the caller stops.
func (t *Tree[V]) Gaps(within netip.Prefix) iter.Seq[netipx.IPRange] {
	return func(yield func(netipx.IPRange) bool) {
		if checkPrefix(within) != nil {
			return
		}
		if within.Addr().Is4() {
			ws, we := prefixKey4(within)
			t.v4.gaps(ws, we, func(lo, hi addr4) bool {
				return yield(netipx.IPRangeFrom(toAddr4(lo), toAddr4(hi)))
			})
			return
		}
		ws, we := prefixKey6(within)
		t.v6.gaps(ws, we, func(lo, hi addr6) bool {
			return yield(netipx.IPRangeFrom(toAddr6(lo), toAddr6(hi)))
		})
	}
}
