package buddy

import (
	"slices"
	"sort"
)

// Range is the inclusive run of offsets Lo … Hi.
type Range struct {
	Lo, Hi Key
}

// Build returns a Tree of the given depth with every offset of ranges marked
// used. Ranges may overlap, nest, touch, come in any order and reach beyond
// the space (that part is ignored); ranges with Hi < Lo are skipped. Build
// sorts and rewrites ranges in place.
//
// Sorting and merging first lets Build create each node once, in depth-first
// order, instead of walking the tree once per range: O(n log n + nodes).
// It panics unless 0 ≤ depth ≤ MaxDepth.
func Build(depth int, ranges []Range) *Tree {
	t := New(depth)
	merged := mergeRanges(ranges, t.Last())
	t.build(0, 0, Key{}, merged)
	return t
}

// mergeRanges clips ranges to 0 … last, sorts them and merges those that
// overlap or touch, reusing the storage of ranges.
func mergeRanges(ranges []Range, last Key) []Range {
	out := ranges[:0]
	for _, r := range ranges {
		if r.Hi.Less(r.Lo) || last.Less(r.Lo) {
			continue
		}
		if last.Less(r.Hi) {
			r.Hi = last
		}
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b Range) int { return a.Lo.Compare(b.Lo) })
	merged := out[:0]
	for _, r := range out {
		if n := len(merged); n > 0 {
			prev := &merged[n-1]
			if prev.Hi == last || !prev.Hi.Next().Less(r.Lo) { // touches or overlaps
				if prev.Hi.Less(r.Hi) {
					prev.Hi = r.Hi
				}
				continue
			}
		}
		merged = append(merged, r)
	}
	return merged
}

// build fills node i at depth k, whose block starts at start, from the sorted
// disjoint non-touching ranges that meet the block (clipped to it implicitly).
func (t *Tree) build(i uint32, k int, start Key, rs []Range) {
	span := t.depth - k
	switch {
	case len(rs) == 0:
		t.nodes[i] = node{free: uint8(k)}
		return
	case !start.Less(rs[0].Lo) && !rs[0].Hi.Less(start.Or(LowMask(span))):
		// Ranges neither overlap nor touch, so a block wholly used lies in one range.
		t.nodes[i] = node{free: noFree}
		return
	}
	mid := start.Or(Bit(span - 1))
	// Ranges [0, right) start before mid; [left, len) end at or after mid.
	right := sort.Search(len(rs), func(j int) bool { return !rs[j].Lo.Less(mid) })
	left := right
	if right > 0 && !rs[right-1].Hi.Less(mid) {
		left = right - 1
	}
	c := t.newPair()
	t.nodes[i].child = c
	t.build(c, k+1, start, rs[:right])
	t.build(c+1, k+1, mid, rs[left:])
	t.nodes[i].free = min(t.nodes[c].free, t.nodes[c+1].free)
}
