// Package naive is a deliberately simple reference model of overlap.Tree: a
// slice of entries scanned in full for every question. Tests compare the
// fast tree against it.
package naive

import (
	"cmp"
	"net/netip"
	"slices"

	"go4.org/netipx"
)

// Entry is one stored range and its value.
type Entry[V comparable] struct {
	Range netipx.IPRange
	Value V
}

// Pair is two conflicting entries, X before Y in All's order.
type Pair[V comparable] struct {
	X, Y Entry[V]
}

// Model is a multiset of entries in insertion order. The zero value is empty.
type Model[V comparable] struct {
	entries []Entry[V]
}

// Insert appends (r, v); r must be valid.
func (m *Model[V]) Insert(r netipx.IPRange, v V) {
	m.entries = append(m.entries, Entry[V]{r, v})
}

// Delete removes the earliest inserted entry equal to (r, v) and reports
// whether there was one.
func (m *Model[V]) Delete(r netipx.IPRange, v V) bool {
	for i, e := range m.entries {
		if e.Range == r && e.Value == v {
			m.entries = slices.Delete(m.entries, i, i+1)
			return true
		}
	}
	return false
}

// Len returns the number of entries.
func (m *Model[V]) Len() int { return len(m.entries) }

// Compare orders ranges by start, then end; IPv4 sorts before IPv6.
func Compare(a, b netipx.IPRange) int {
	return cmp.Or(a.From().Compare(b.From()), a.To().Compare(b.To()))
}

// All returns the entries sorted by (start, end), equal ranges in insertion
// order.
func (m *Model[V]) All() []Entry[V] {
	out := slices.Clone(m.entries)
	slices.SortStableFunc(out, func(a, b Entry[V]) int { return Compare(a.Range, b.Range) })
	return out
}

// Overlapping returns the entries sharing an address with r, in All's order.
func (m *Model[V]) Overlapping(r netipx.IPRange) []Entry[V] {
	var out []Entry[V]
	for _, e := range m.entries {
		if e.Range.Overlaps(r) {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b Entry[V]) int { return Compare(a.Range, b.Range) })
	return out
}

// Overlaps reports whether any entry shares an address with r.
func (m *Model[V]) Overlaps(r netipx.IPRange) bool {
	for _, e := range m.entries {
		if e.Range.Overlaps(r) {
			return true
		}
	}
	return false
}

// Conflicts returns every overlapping pair (x, y) with x before y in All's
// order, sorted by x's position, then y's.
func (m *Model[V]) Conflicts() []Pair[V] {
	all := m.All()
	var out []Pair[V]
	for i := range all {
		for j := i + 1; j < len(all); j++ {
			if all[i].Range.Overlaps(all[j].Range) {
				out = append(out, Pair[V]{all[i], all[j]})
			}
		}
	}
	return out
}

// Gaps returns the maximal ranges inside within that no entry touches, by
// set subtraction in netipx.
func (m *Model[V]) Gaps(within netip.Prefix) []netipx.IPRange {
	var b netipx.IPSetBuilder
	b.AddPrefix(within)
	for _, e := range m.entries {
		b.RemoveRange(e.Range)
	}
	s, err := b.IPSet()
	if err != nil {
		panic(err) // the model is only fed valid ranges
	}
	return s.Ranges()
}

// At returns the i-th entry in insertion order (after deletions).
func (m *Model[V]) At(i int) Entry[V] { return m.entries[i] }
