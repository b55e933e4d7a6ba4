package buddy

import "fmt"

// MaxDepth is the depth of the largest space a Tree covers: 2^128 offsets,
// the whole IPv6 space.
const MaxDepth = 128

// noFree marks a subtree without any free block.
const noFree = 0xFF

// node is an aligned block of the space. Children come in pairs stored next to
// each other: child is the index of the left one, child+1 the right one, and 0
// means none (index 0 is the root, never a child). A node without children is
// wholly free (free == its own depth) or wholly used (free == noFree); a node
// with children is mixed and free is the smallest depth of a free block below
// it, always deeper than the node itself.
type node struct {
	child uint32
	free  uint8
}

// Tree is a set of used offsets in the space 0 … 2^depth−1 (depth as given to
// New or Build) that finds the lowest free aligned block of any size.
//
// The zero Tree covers a space of depth 0 (one offset), all free. A Tree is
// not safe for concurrent use; copying a Tree value shares its storage, use
// Clone for an independent copy.
type Tree struct {
	depth int
	nodes []node           // nodes[0] is the root
	spare []uint32         // released child pairs, reused before nodes grows
	path  [MaxDepth]uint32 // Alloc's scratch: kept here, not zeroed per call
}

// New returns a Tree over 2^depth offsets, all free.
// It panics unless 0 ≤ depth ≤ MaxDepth.
func New(depth int) *Tree {
	t := &Tree{}
	t.reset(depth)
	return t
}

func (t *Tree) reset(depth int) {
	if depth < 0 || depth > MaxDepth {
		panic(fmt.Sprintf("buddy: depth %d outside 0…%d", depth, MaxDepth))
	}
	t.depth = depth
	t.nodes = append(t.nodes[:0], node{free: 0})
	t.spare = t.spare[:0]
}

func (t *Tree) init() {
	if len(t.nodes) == 0 {
		t.nodes = append(t.nodes, node{free: 0})
	}
}

// Last returns the last offset of t's space, 2^depth−1.
func (t *Tree) Last() Key { return LowMask(t.depth) }

// Nodes returns the number of nodes t holds, a measure of its memory
// (8 bytes each).
func (t *Tree) Nodes() int {
	t.init()
	return len(t.nodes) - 2*len(t.spare)
}

// Clone returns an independent copy of t.
func (t *Tree) Clone() *Tree {
	t.init()
	return &Tree{
		depth: t.depth,
		nodes: append([]node(nil), t.nodes...),
		spare: append([]uint32(nil), t.spare...),
	}
}

// Set marks the offsets lo … hi (inclusive) used, or free if used is false.
// Offsets beyond the space are ignored; an empty range (hi < lo) does
// nothing.
func (t *Tree) Set(lo, hi Key, used bool) {
	t.init()
	if hi.Less(lo) {
		return
	}
	last := t.Last()
	if last.Less(lo) {
		return
	}
	if last.Less(hi) {
		hi = last
	}
	t.set(0, 0, Key{}, lo, hi, used)
}

// set applies Set to node i at depth k whose block starts at start; the
// caller guarantees that lo … hi meets the block.
func (t *Tree) set(i uint32, k int, start, lo, hi Key, used bool) {
	span := t.depth - k
	end := start.Or(LowMask(span))
	if !start.Less(lo) && !hi.Less(end) { // lo ≤ start && end ≤ hi: whole block
		t.makeLeaf(i, k, used)
		return
	}
	n := t.nodes[i]
	if n.child == 0 {
		if (n.free == noFree) == used {
			return // already in the wanted state
		}
		t.split(i, k)
	}
	c := t.nodes[i].child
	mid := start.Or(Bit(span - 1))
	if lo.Less(mid) {
		t.set(c, k+1, start, lo, hi, used)
	}
	if !hi.Less(mid) {
		t.set(c+1, k+1, mid, lo, hi, used)
	}
	t.pull(i, k)
}

// makeLeaf turns node i at depth k into a wholly used or wholly free block,
// releasing its descendants.
func (t *Tree) makeLeaf(i uint32, k int, used bool) {
	if c := t.nodes[i].child; c != 0 {
		t.release(c)
	}
	t.nodes[i] = node{free: leafFree(k, used)}
}

func leafFree(k int, used bool) uint8 {
	if used {
		return noFree
	}
	return uint8(k)
}

// split gives leaf i at depth k two children in its own state.
func (t *Tree) split(i uint32, k int) {
	f := t.nodes[i].free
	if f != noFree {
		f = uint8(k + 1)
	}
	c := t.newPair()
	t.nodes[c] = node{free: f}
	t.nodes[c+1] = node{free: f}
	t.nodes[i].child = c
}

// pull recomputes node i at depth k from its children and merges them away
// when both are leaves in the same state. It reports whether node i changed.
func (t *Tree) pull(i uint32, k int) bool {
	old := t.nodes[i]
	c := old.child
	l, r := t.nodes[c], t.nodes[c+1]
	if l.child == 0 && r.child == 0 && l.free == r.free {
		t.spare = append(t.spare, c)
		t.nodes[i] = node{free: leafFree(k, l.free == noFree)}
	} else {
		t.nodes[i].free = min(l.free, r.free)
	}
	return t.nodes[i] != old
}

func (t *Tree) newPair() uint32 {
	if n := len(t.spare); n > 0 {
		c := t.spare[n-1]
		t.spare = t.spare[:n-1]
		return c
	}
	c := uint32(len(t.nodes))
	t.nodes = append(t.nodes, node{}, node{})
	return c
}

// release returns the pair at c and all pairs below it to the spare list.
func (t *Tree) release(c uint32) {
	t.spare = append(t.spare, c)
	for _, i := range [2]uint32{c, c + 1} {
		if g := t.nodes[i].child; g != 0 {
			t.release(g)
		}
	}
}

// Alloc finds the lowest free aligned block at depth d (2^(depth−d) offsets),
// marks it used and returns its first offset. It reports false, changing
// nothing, when no such block is free or d is outside 0 … depth.
// It visits d nodes, however many used ranges the tree holds.
func (t *Tree) Alloc(d int) (Key, bool) {
	t.init()
	if d < 0 || d > t.depth || int(t.nodes[0].free) > d {
		return Key{}, false
	}
	path := &t.path
	var start Key
	i := uint32(0)
	for k := 0; k < d; k++ {
		path[k] = i
		if t.nodes[i].child == 0 { // a free leaf above d: carve its first block
			t.split(i, k)
			i = t.nodes[i].child
			continue
		}
		c := t.nodes[i].child
		if int(t.nodes[c].free) <= d {
			i = c
		} else {
			i = c + 1
			start = start.Or(Bit(t.depth - k - 1))
		}
	}
	// Node i sits at depth d with a free block no deeper than d: it is a free leaf.
	t.nodes[i].free = noFree
	for k := d - 1; k >= 0; k-- {
		if !t.pull(path[k], k) {
			break
		}
	}
	return start, true
}
