package ipam

import (
	"github.com/cidrplan/cidrplan/overlap"
	"go4.org/netipx"
)

// rangeIndex is the single overlap index of a validation: every plan range,
// valued by its position in the ranges slice.
func rangeIndex(ranges []planRange) *overlap.Tree[int] {
	entries := make([]overlap.Entry[int], len(ranges))
	for i, r := range ranges {
		entries[i] = overlap.Entry[int]{Range: netipx.RangeOfPrefix(r.prefix), Value: i}
	}
	t, err := overlap.Build(entries)
	if err != nil {
		// Unreachable: collectRanges keeps only valid, masked, non-4in6
		// prefixes. Fall back to an empty index rather than panic.
		return &overlap.Tree[int]{}
	}
	return t
}

// forEachConflict calls f(i, j) once for every unordered pair of entries of
// the index that share an address, from one pass of its Conflicts stream.
func forEachConflict(index *overlap.Tree[int], f func(i, j int)) {
	for x, y := range index.Conflicts() {
		f(x.Value, y.Value)
	}
}
