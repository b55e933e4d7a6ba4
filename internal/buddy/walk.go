package buddy

import "iter"

// FreeRanges returns the maximal runs of free offsets in ascending order. The
// tree must not change while the sequence is iterated.
func (t *Tree) FreeRanges() iter.Seq[Range] {
	return func(yield func(Range) bool) {
		t.init()
		w := freeWalk{t: t, yield: yield}
		if w.walk(0, 0, Key{}) && w.open {
			yield(w.run)
		}
	}
}

type freeWalk struct {
	t     *Tree
	yield func(Range) bool
	run   Range // the free run being extended, when open
	open  bool
}

// walk visits node i at depth k starting at start in address order, extending
// or emitting free runs; it reports false when the consumer stopped.
func (w *freeWalk) walk(i uint32, k int, start Key) bool {
	n := w.t.nodes[i]
	if n.child != 0 {
		mid := start.Or(Bit(w.t.depth - k - 1))
		return w.walk(n.child, k+1, start) && w.walk(n.child+1, k+1, mid)
	}
	if n.free == noFree {
		if w.open {
			w.open = false
			return w.yield(w.run)
		}
		return true
	}
	end := start.Or(LowMask(w.t.depth - k))
	if w.open {
		w.run.Hi = end
	} else {
		w.run, w.open = Range{start, end}, true
	}
	return true
}

// CountFree returns how many free aligned blocks of depth d the tree holds,
// counting no further than limit: the result is min(free blocks, limit). It
// visits only subtrees that hold such a block and stops at limit, so asking
// "are there at least n?" costs about as much as allocating them.
func (t *Tree) CountFree(d, limit int) int {
	t.init()
	if d < 0 || d > t.depth || limit <= 0 {
		return 0
	}
	return t.countFree(0, 0, d, limit)
}

func (t *Tree) countFree(i uint32, k, d, limit int) int {
	n := t.nodes[i]
	if int(n.free) > d {
		return 0
	}
	if n.child == 0 { // free leaf at depth k ≤ d holds 2^(d−k) blocks
		if d-k >= 62 || 1<<(d-k) >= limit {
			return limit
		}
		return 1 << (d - k)
	}
	got := t.countFree(n.child, k+1, d, limit)
	if got < limit {
		got += t.countFree(n.child+1, k+1, d, limit-got)
	}
	return got
}
