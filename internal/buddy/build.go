package buddy

import (
	"math/bits"
	"slices"
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
	t.nodes = slices.Grow(t.nodes, nodeBound(depth, merged)-1)
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
	sortByLo(out)
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
	right := searchLo(rs, mid)
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

// nodeBound returns an upper bound on the nodes a tree holds for the sorted,
// disjoint, non-touching ranges rs, so that Build allocates its node slice
// once instead of regrowing and copying it.
//
// A node has children exactly when it straddles a boundary b (the first
// offset of a range, or the one after its end): when b is not its first
// offset. Those nodes are the ancestors of the node split at b, at depths 0
// to h(b) = depth − 1 − trailingZeros(b). Boundary b's path shares with the
// previous boundary's path its nodes down to the shallower of their longest
// common prefix and that path's own end; the rest it adds.
func nodeBound(depth int, rs []Range) int {
	mixed := 0
	prev, prevH := Key{}, -1
	add := func(b Key) {
		if b == (Key{}) {
			return // offset 0 starts every block that holds it: no boundary
		}
		h := depth - 1 - b.trailingZeros()
		shared := -1 // deepest depth already counted
		if prevH >= 0 {
			shared = min(depth-Key{b.Hi ^ prev.Hi, b.Lo ^ prev.Lo}.bitLen(), prevH) // common prefix length
		}
		mixed += max(0, h-shared)
		prev, prevH = b, h
	}
	last := LowMask(depth)
	for _, r := range rs {
		add(r.Lo)
		if r.Hi != last {
			add(r.Hi.Next())
		}
	}
	return 1 + 2*mixed
}

func (k Key) trailingZeros() int {
	if k.Lo != 0 {
		return bits.TrailingZeros64(k.Lo)
	}
	return 64 + bits.TrailingZeros64(k.Hi)
}

func (k Key) bitLen() int {
	if k.Hi != 0 {
		return 64 + bits.Len64(k.Hi)
	}
	return bits.Len64(k.Lo)
}

// searchLo returns the index of the first range in rs with Lo ≥ k.
func searchLo(rs []Range, k Key) int {
	lo, hi := 0, len(rs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if rs[m].Lo.Less(k) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
