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
// Sorting (a radix sort, linear in n) and merging first lets Build create
// each node once, in depth-first order, in one sweep over the range
// boundaries, instead of walking the tree once per range: O(n + nodes).
// It panics unless 0 ≤ depth ≤ MaxDepth.
func Build(depth int, ranges []Range) *Tree {
	t := New(depth)
	merged := mergeRanges(ranges, t.Last())
	t.nodes = slices.Grow(t.nodes, nodeBound(depth, merged)-1)
	t.sweep(merged)
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

// pending marks a child whose state is not known yet during a sweep.
const pending = 0xFE

// sweep builds the tree from the sorted, disjoint, non-touching ranges rs in
// one pass over their boundaries, without searching: the nodes with children
// are exactly those whose block straddles a boundary (see nodeBound), and in
// boundary order they come out depth first. The stack holds the path from
// the root to the deepest node straddling the current boundary; a node is
// finished when a boundary falls outside it, so the state of its upper child,
// if no boundary split it, is the state after the last boundary seen.
func (t *Tree) sweep(rs []Range) {
	last := t.Last()
	used := len(rs) > 0 && rs[0].Lo == (Key{}) // the state of the current run
	if len(rs) == 0 || (used && rs[0].Hi == last) {
		t.nodes[0] = node{free: leafFree(0, used)}
		return
	}
	var stack [MaxDepth]sweepFrame // stack[k] is the node at depth k
	n := 0
	for _, r := range rs {
		for side := range 2 { // r.Lo starts a used run, r.Hi+1 a free one
			var b Key
			if side == 0 {
				if r.Lo == (Key{}) {
					continue
				}
				b = r.Lo
			} else {
				if r.Hi == last {
					continue
				}
				b = r.Hi.Next()
			}
			// Finish the nodes that do not straddle b.
			for ; n > 0; n-- {
				f := &stack[n-1]
				if f.start.Less(b) && !f.start.Or(LowMask(t.depth-n+1)).Less(b) {
					break
				}
				t.finish(f.i, n, used)
			}
			if n == 0 {
				t.splitPending(0)
				stack[0], n = sweepFrame{0, Key{}}, 1
			}
			// Descend to the node that b splits, creating the path.
			for {
				f := stack[n-1]
				c := t.nodes[f.i].child
				mid := f.start.Or(Bit(t.depth - n))
				cmp := b.Compare(mid)
				if cmp >= 0 && t.nodes[c].free == pending { // the lower child lies wholly before b
					t.nodes[c].free = leafFree(n, used)
				}
				if cmp == 0 { // the upper child waits for finish
					break
				}
				if cmp < 0 {
					stack[n] = sweepFrame{c, f.start}
				} else {
					stack[n] = sweepFrame{c + 1, mid}
				}
				t.splitPending(stack[n].i)
				n++
			}
			used = side == 0
		}
	}
	for ; n > 0; n-- {
		t.finish(stack[n-1].i, n, used)
	}
}

type sweepFrame struct {
	i     uint32
	start Key
}

// splitPending gives node i two children whose state is not known yet.
func (t *Tree) splitPending(i uint32) {
	c := t.newPair()
	t.nodes[i].child = c
	t.nodes[c].free, t.nodes[c+1].free = pending, pending
}

// finish completes node i, whose children sit at depth k, once the sweep has
// passed it: an upper child still pending holds the current run's state.
func (t *Tree) finish(i uint32, k int, used bool) {
	c := t.nodes[i].child
	if t.nodes[c+1].free == pending {
		t.nodes[c+1].free = leafFree(k, used)
	}
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
