package overlap

import (
	"cmp"
	"slices"
)

// Build returns a tree holding entries, in their order for equal ranges, so
// that it equals inserting them one by one, but packed full and built in
// O(n log n) without per-entry tree descents. Every range is checked as
// InsertRange checks it; the first bad one is returned as a *RangeError with
// its Index, and no tree.
func Build[V comparable](entries []Entry[V]) (*Tree[V], error) {
	var n4 int
	for i, e := range entries {
		if err := checkRange(e.Range); err != nil {
			return nil, &RangeError{Range: e.Range, Index: i, Err: err}
		}
		if e.Range.From().Is4() {
			n4++
		}
	}
	type rec4 struct {
		lo, hi addr4
		i      int
	}
	type rec6 struct {
		lo, hi addr6
		i      int
	}
	r4 := make([]rec4, 0, n4)
	r6 := make([]rec6, 0, len(entries)-n4)
	for i, e := range entries {
		if e.Range.From().Is4() {
			r4 = append(r4, rec4{fromAddr4(e.Range.From()), fromAddr4(e.Range.To()), i})
		} else {
			r6 = append(r6, rec6{fromAddr6(e.Range.From()), fromAddr6(e.Range.To()), i})
		}
	}
	slices.SortStableFunc(r4, func(a, b rec4) int {
		return cmp.Or(cmp.Compare(a.lo, b.lo), cmp.Compare(a.hi, b.hi))
	})
	slices.SortStableFunc(r6, func(a, b rec6) int {
		return cmp.Or(cmp6(a.lo, b.lo), cmp6(a.hi, b.hi))
	})
	t := &Tree[V]{}
	t.v4.build(len(r4), func(k int) (addr4, addr4, V) { return r4[k].lo, r4[k].hi, entries[r4[k].i].Value })
	t.v6.build(len(r6), func(k int) (addr6, addr6, V) { return r6[k].lo, r6[k].hi, entries[r6[k].i].Value })
	return t, nil
}

func cmp6(a, b addr6) int {
	return cmp.Or(cmp.Compare(a.hi, b.hi), cmp.Compare(a.lo, b.lo))
}
