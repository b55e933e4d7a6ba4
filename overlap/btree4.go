package overlap

import "fmt"

// This file is the template for btree6_gen.go: `go generate` copies it with
// every identifier ending in "4" renamed to end in "6" (see internal/famgen).
// Keep other such identifiers out of it.

// btree4 is a B+-tree of IPv4 entries keyed by (start, end), ties kept in
// insertion order. Leaves hold pointers only to arrays allocated for rare
// entries (the ends of ranges that are not prefixes; for IPv6, starts with
// a nonzero lower half), walks go through a path4, so for a pointer-free V
// the garbage collector reads a word or two of a leaf. Every node
// also stores running maxima of the entries' ends ("pmax"), so "does
// anything starting at or before b reach a?" is one root-to-leaf descent:
//
//	entries sorted by start:  [s0..e0] [s1..e1] ... [sj..ej] | [s(j+1)... > b
//	pmax[j] = max(e0..ej) ≥ a  ⇔  some entry with start ≤ b ends at or after a
//
// The zero value is an empty tree.
type btree4[V comparable] struct {
	rootLeaf  *leaf4[V]  // the root while height == 0
	rootInner *inner4[V] // the root while height > 0
	height    int        // number of inner levels
	n         int
}

// leaf4 keeps an entry's end as the length of the prefix it is (1 byte
// instead of an address: address plans are made of prefixes) and only the
// ends of other ranges in full, in an array it allocates for the first. Its
// running maxima of ends are kept per block of eight entries, which the
// search in a node reads anyway; within a block they are recomputed.
type leaf4[V comparable] struct {
	n int
	// hole is the first i with an address between the ends before i and
	// start i, or -1: then the leaf is solid, its entries' union one
	// interval [start 0, maxEnd()], and a gap search passes it whole.
	hole   int
	starts starts4             // ascending
	plen   [leafCap4]uint8     // prefix length of each entry, or wideLen: its end is in wide
	bmax   [leafCap4 / 8]addr4 // bmax[k] = the largest end of entries 0 … 8k+7
	vals   [leafCap4]V
	wide   *[leafCap4]addr4 // ends of the entries that are not prefixes, by slot; nil until one is stored
}

type inner4[V comparable] struct {
	n        int
	lo       keys4 // first key of each child
	hi       [innerCap4]addr4
	maxHi    [innerCap4]addr4      // largest end in each child
	pmax     keys4                 // pmax[i] = max(maxHi[0..i])
	inners   [innerCap4]*inner4[V] // children, on levels above the leaves' parents
	leaves   [innerCap4]*leaf4[V]  // children, on the leaves' parents
	kidSolid [innerCap4]bool       // whether each child is solid
	// hole is the first child that is not solid or leaves an address
	// between the children before it and its first start, or -1: then the
	// node is solid, the union of all entries below one interval.
	hole int
}

// path4 is a root-to-leaf path: inner[d].child(idx[d]) is the next node.
type path4[V comparable] struct {
	inner [maxHeight]*inner4[V]
	idx   [maxHeight]int
	leaf  *leaf4[V]
	pos   int
	warm  uint // what descend's leaf.touch returned, kept so that its loads stay
}

// end returns entry i's last address.
func (l *leaf4[V]) end(i int) addr4 {
	if p := l.plen[i]; p != wideLen {
		return lastOf4(l.starts.at(i), p)
	}
	return l.wide[i]
}

// set stores entry i.
func (l *leaf4[V]) set(i int, lo, hi addr4, v V) {
	l.starts.put(i, lo)
	l.vals[i] = v
	if p, ok := prefixLen4(lo, hi); ok {
		l.plen[i] = p
		return
	}
	l.plen[i] = wideLen
	if l.wide == nil {
		l.wide = new([leafCap4]addr4)
	}
	l.wide[i] = hi
}

// touch loads a word from each cache line of the prefix lengths and block
// maxima (and, for an insert or a removal, of the values) and returns their
// sum, which means nothing. The caller reads those lines after searching
// the starts, at places the search decides; loading them before, while the
// search's cache misses are still pending, lets their misses overlap
// instead of following one another. Go has no prefetch instruction, so the
// caller must use the sum (store it, or branch on it) to keep the loads.
func (l *leaf4[V]) touch(write bool) uint {
	w := uint(l.plen[0]) + uint(l.plen[leafCap4-1]) + word4(l.bmax[0]) + word4(l.bmax[leafCap4/8-1])
	if write {
		for i := leafCap4 / 8; i < leafCap4; i += leafCap4 / 4 {
			if l.vals[i] == l.vals[i-1] {
				w++
			}
		}
	}
	return w
}

// maxEnd returns the largest end in the leaf, which is not empty.
func (l *leaf4[V]) maxEnd() addr4 { return l.bmax[(l.n-1)/8] }

// maxEndThrough returns the largest end among entries 0 … j.
func (l *leaf4[V]) maxEndThrough(j int) addr4 {
	var m addr4
	k := j / 8
	if k > 0 {
		m = l.bmax[k-1]
	}
	for i := k * 8; i <= j; i++ {
		m = max4(m, l.end(i))
	}
	return m
}

// reaches reports whether an entry among 0 … j ends at or after a.
func (l *leaf4[V]) reaches(j int, a addr4) bool {
	k := j / 8
	if k > 0 && !less4(l.bmax[k-1], a) {
		return true
	}
	for i := k * 8; i <= j; i++ {
		if !less4(l.end(i), a) {
			return true
		}
	}
	return false
}

// firstReaching returns the first i whose entries 0 … i reach a (some ends
// at or after a), or l.n.
func (l *leaf4[V]) firstReaching(a addr4) int {
	k := 0
	for k*8 < l.n && less4(l.bmax[k], a) {
		k++
	}
	for i := k * 8; i < l.n; i++ {
		if !less4(l.end(i), a) {
			return i
		}
	}
	return l.n
}

// countKeyLE returns how many entries are ≤ (klo, khi), searching like
// countKeyLE4.
func (l *leaf4[V]) countKeyLE(klo, khi addr4) int {
	c := l.starts.countLE(l.n, klo)
	for c > 0 && l.starts.at(c-1) == klo && less4(khi, l.end(c-1)) {
		c--
	}
	return c
}

// countKeyLT returns how many entries are < (klo, khi).
func (l *leaf4[V]) countKeyLT(klo, khi addr4) int {
	c := l.starts.countLT(l.n, klo)
	for c < l.n && l.starts.at(c) == klo && less4(l.end(c), khi) {
		c++
	}
	return c
}

// countKeyLE returns how many children's first keys (lo[i], hi[i]) are
// ≤ (klo, khi). It searches the starts alone and reads ends only among
// keys with start klo, which are rare: half the cache lines of a search on
// both arrays, and cache misses are what a descent waits on.
func (nd *inner4[V]) countKeyLE(klo, khi addr4) int {
	c := nd.lo.countLE(nd.n, klo)
	for c > 0 && nd.lo.at(c-1) == klo && less4(khi, nd.hi[c-1]) {
		c--
	}
	return c
}

// countKeyLT returns how many children's first keys are < (klo, khi),
// searching like countKeyLE.
func (nd *inner4[V]) countKeyLT(klo, khi addr4) int {
	c := nd.lo.countLT(nd.n, klo)
	for c < nd.n && nd.lo.at(c) == klo && less4(nd.hi[c], khi) {
		c++
	}
	return c
}

// fixPmax recomputes the block maxima from index from on, and solid.
func (l *leaf4[V]) fixPmax(from int) {
	k := from / 8
	var m addr4
	if k > 0 {
		m = l.bmax[k-1]
	}
	if l.hole < 0 || l.hole >= k*8 { // else a hole before the block still stands
		l.hole = l.firstHole(k*8, m)
	}
	for ; k*8 < l.n; k++ {
		for i := k * 8; i < min(k*8+8, l.n); i++ {
			m = max4(m, l.end(i))
		}
		l.bmax[k] = m
	}
}

// firstHole returns the first i ≥ from with an address between the ends
// before i, whose largest is m, and start i; or -1.
func (l *leaf4[V]) firstHole(from int, m addr4) int {
	for i := from; i < l.n; i++ {
		if i > 0 && hole4(m, l.starts.at(i)) {
			return i
		}
		m = max4(m, l.end(i))
	}
	return -1
}

// hole4 reports whether an address lies between the end m of what came
// before and the next start lo.
func hole4(m, lo addr4) bool {
	return less4(m, lo) && prev4(lo) != m
}

// fixPmax recomputes the running maxima from index from on, and solid.
func (nd *inner4[V]) fixPmax(from int) {
	var m addr4
	if from > 0 {
		m = nd.pmax.at(from - 1)
	}
	for i := from; i < nd.n; i++ {
		m = max4(m, nd.maxHi[i])
		nd.pmax.put(i, m)
	}
	if nd.hole < 0 || nd.hole >= from { // a hole before from still stands
		nd.hole = -1
		for i := from; i < nd.n; i++ {
			if !nd.kidSolid[i] || i > 0 && hole4(nd.pmax.at(i-1), nd.lo.at(i)) {
				nd.hole = i
				break
			}
		}
	}
}

// summarize copies child i's first key and largest end into nd.
func (nd *inner4[V]) summarize(i int, leafKids bool) {
	if leafKids {
		c := nd.leaves[i]
		nd.lo.put(i, c.starts.at(0))
		nd.hi[i], nd.maxHi[i], nd.kidSolid[i] = c.end(0), c.maxEnd(), c.hole < 0
		return
	}
	c := nd.inners[i]
	nd.lo.put(i, c.lo.at(0))
	nd.hi[i], nd.maxHi[i], nd.kidSolid[i] = c.hi[0], c.pmax.at(c.n-1), c.hole < 0
}

// resummarize refreshes child i's summary and the running maxima, and
// reports whether the summary changed.
func (nd *inner4[V]) resummarize(i int, leafKids bool) bool {
	lo, hi, mx, solid := nd.lo.at(i), nd.hi[i], nd.maxHi[i], nd.kidSolid[i]
	nd.summarize(i, leafKids)
	if lo == nd.lo.at(i) && hi == nd.hi[i] && mx == nd.maxHi[i] && solid == nd.kidSolid[i] {
		return false
	}
	nd.fixPmax(i)
	return true
}

// moveInner4 copies count children from src[from:] to dst[at:].
func moveInner4[V comparable](dst *inner4[V], at int, src *inner4[V], from, count int) {
	moveKeys4(&dst.lo, at, &src.lo, from, count)
	copy(dst.hi[at:at+count], src.hi[from:from+count])
	copy(dst.maxHi[at:at+count], src.maxHi[from:from+count])
	copy(dst.inners[at:at+count], src.inners[from:from+count])
	copy(dst.leaves[at:at+count], src.leaves[from:from+count])
	copy(dst.kidSolid[at:at+count], src.kidSolid[from:from+count])
}

// moveLeaf4 copies count entries from src[from:] to dst[at:].
func moveLeaf4[V comparable](dst *leaf4[V], at int, src *leaf4[V], from, count int) {
	moveStarts4(&dst.starts, at, &src.starts, from, count)
	copy(dst.plen[at:at+count], src.plen[from:from+count])
	copy(dst.vals[at:at+count], src.vals[from:from+count])
	if src.wide != nil {
		if dst.wide == nil {
			dst.wide = new([leafCap4]addr4)
		}
		copy(dst.wide[at:at+count], src.wide[from:from+count])
	}
}

// clearInner drops the child pointers in [from, to) so they can be collected.
func (nd *inner4[V]) clearInner(from, to int) {
	clear(nd.inners[from:to])
	clear(nd.leaves[from:to])
	clear(nd.kidSolid[from:to])
}

func (l *leaf4[V]) insertAt(pos int, lo, hi addr4, v V) {
	moveLeaf4(l, pos+1, l, pos, l.n-pos)
	l.set(pos, lo, hi, v)
	l.n++
	l.fixPmax(pos)
}

func (l *leaf4[V]) removeAt(pos int) {
	moveLeaf4(l, pos, l, pos+1, l.n-pos-1)
	l.n--
	var zero V
	l.vals[l.n] = zero
	l.fixPmax(pos)
}

// split moves the upper half of l into a new leaf linked after l.
func (l *leaf4[V]) split() *leaf4[V] {
	r := &leaf4[V]{}
	half := l.n / 2
	r.n = l.n - half
	moveLeaf4(r, 0, l, half, r.n)
	clear(l.vals[half:l.n])
	l.n = half
	l.fixPmax(l.n)
	r.fixPmax(0)
	return r
}

// split moves the upper half of nd's children into a new node.
func (nd *inner4[V]) split() *inner4[V] {
	r := &inner4[V]{}
	half := nd.n / 2
	r.n = nd.n - half
	moveInner4(r, 0, nd, half, r.n)
	nd.clearInner(half, nd.n)
	nd.n = half
	nd.fixPmax(nd.n)
	r.fixPmax(0)
	return r
}

// insertChild puts the new node c (a *leaf4 or *inner4 per leafKids) at
// position i, splitting nd if it is full; it returns the split-off right
// half or nil.
func (nd *inner4[V]) insertChild(i int, leafKids bool, cl *leaf4[V], ci *inner4[V]) *inner4[V] {
	target, r := nd, (*inner4[V])(nil)
	if nd.n == innerCap4 {
		r = nd.split()
		if i > nd.n {
			target, i = r, i-nd.n
		}
	}
	moveInner4(target, i+1, target, i, target.n-i)
	target.inners[i], target.leaves[i] = ci, cl
	target.n++
	target.summarize(i, leafKids)
	target.fixPmax(i)
	return r
}

func (nd *inner4[V]) removeChild(i int) {
	moveInner4(nd, i, nd, i+1, nd.n-i-1)
	nd.n--
	nd.clearInner(nd.n, nd.n+1)
	nd.fixPmax(i)
}

// descend fills p with the path to the leaf position just after the last
// entry ≤ (lo, hi) (upper) or < (lo, hi) (!upper). The tree is not empty.
func (t *btree4[V]) descend(p *path4[V], lo, hi addr4, upper bool) {
	if t.height == 0 {
		p.leaf = t.rootLeaf
	} else {
		nd := t.rootInner
		for d := range t.height {
			var i int
			if upper {
				i = nd.countKeyLE(lo, hi) - 1
			} else {
				i = nd.countKeyLT(lo, hi) - 1
			}
			i = max(i, 0)
			p.inner[d], p.idx[d] = nd, i
			if d == t.height-1 {
				p.leaf = nd.leaves[i]
			} else {
				nd = nd.inners[i]
			}
		}
	}
	l := p.leaf
	p.warm = l.touch(true)
	if upper {
		p.pos = l.countKeyLE(lo, hi)
	} else {
		p.pos = l.countKeyLT(lo, hi)
	}
}

// nextLeaf moves p to the first position of the following leaf; it reports
// false at the last leaf.
func (t *btree4[V]) nextLeaf(p *path4[V]) bool {
	d := t.height - 1
	for d >= 0 && p.idx[d]+1 == p.inner[d].n {
		d--
	}
	if d < 0 {
		return false
	}
	p.idx[d]++
	for ; d < t.height-1; d++ {
		p.inner[d+1], p.idx[d+1] = p.inner[d].inners[p.idx[d]], 0
	}
	p.leaf, p.pos = p.inner[t.height-1].leaves[p.idx[t.height-1]], 0
	return true
}

// insert adds (lo, hi, v) after all entries with the same key.
func (t *btree4[V]) insert(lo, hi addr4, v V) {
	t.n++
	if t.rootLeaf == nil && t.rootInner == nil {
		t.rootLeaf = &leaf4[V]{}
	}
	var p path4[V]
	t.descend(&p, lo, hi, true)
	l, pos := p.leaf, p.pos
	var right *leaf4[V]
	if l.n == leafCap4 {
		right = l.split()
		if pos > l.n {
			l, pos = right, pos-l.n
		}
	}
	// An entry after the leaf's first that raises neither its largest end
	// nor its solidity leaves the parent's summary of the leaf as it was:
	// the walk up stops before reading it.
	kept := right == nil && pos > 0
	var maxEnd addr4
	if kept {
		maxEnd = l.maxEnd()
	}
	solid := l.hole < 0
	l.insertAt(pos, lo, hi, v)
	if kept && l.maxEnd() == maxEnd && (l.hole < 0) == solid {
		return
	}

	var rightInner *inner4[V]
	for d := t.height - 1; d >= 0; d-- {
		nd, i := p.inner[d], p.idx[d]
		leafKids := d == t.height-1
		grew := leafKids && right != nil || !leafKids && rightInner != nil
		if !nd.resummarize(i, leafKids) && !grew {
			break // nothing above changes either
		}
		switch {
		case leafKids && right != nil:
			rightInner = nd.insertChild(i+1, true, right, nil)
		case !leafKids && rightInner != nil:
			rightInner = nd.insertChild(i+1, false, nil, rightInner)
		}
	}
	switch {
	case t.height == 0 && right != nil:
		root := &inner4[V]{n: 2}
		root.leaves[0], root.leaves[1] = t.rootLeaf, right
		root.summarize(0, true)
		root.summarize(1, true)
		root.fixPmax(0)
		t.rootLeaf, t.rootInner, t.height = nil, root, 1
	case t.height > 0 && rightInner != nil:
		root := &inner4[V]{n: 2}
		root.inners[0], root.inners[1] = t.rootInner, rightInner
		root.summarize(0, false)
		root.summarize(1, false)
		root.fixPmax(0)
		t.rootInner = root
		t.height++
	}
}

// remove deletes the first entry equal to (lo, hi, v) and reports whether
// there was one.
func (t *btree4[V]) remove(lo, hi addr4, v V) bool {
	if t.n == 0 {
		return false
	}
	var p path4[V]
	t.descend(&p, lo, hi, false)
	for {
		if p.pos == p.leaf.n {
			if !t.nextLeaf(&p) {
				return false
			}
			continue
		}
		l := p.leaf
		if l.starts.at(p.pos) != lo || l.end(p.pos) != hi {
			return false
		}
		if l.vals[p.pos] == v {
			break
		}
		p.pos++
	}
	p.leaf.removeAt(p.pos)
	t.n--
	t.rebalance(&p)
	return true
}

// Underfull nodes below a quarter of capacity are merged with or refilled
// from a sibling; a quarter rather than half keeps alternating
// insert/delete at a boundary from splitting and merging every time.
const (
	minLeaf4  = leafCap4 / 4
	minInner4 = innerCap4 / 4
)

// rebalance repairs p's nodes bottom-up after an entry left p.leaf.
func (t *btree4[V]) rebalance(p *path4[V]) {
	if t.height == 0 {
		if t.rootLeaf.n == 0 {
			t.rootLeaf = nil
		}
		return
	}
	for d := t.height - 1; d >= 0; d-- {
		nd, i := p.inner[d], p.idx[d]
		leafKids := d == t.height-1
		var underfull bool
		if leafKids {
			underfull = nd.leaves[i].n < minLeaf4
		} else {
			underfull = nd.inners[i].n < minInner4
		}
		if !underfull {
			if !nd.resummarize(i, leafKids) {
				break // no merge and no new summary: nothing above changes
			}
			continue
		}
		j := i + 1
		if j == nd.n {
			j = i - 1
		}
		if leafKids {
			nd.balanceLeaves(min(i, j))
		} else {
			nd.balanceInners(min(i, j))
		}
	}
	if root := t.rootInner; root.n == 1 {
		if t.height == 1 {
			t.rootLeaf = root.leaves[0]
			t.rootInner = nil
		} else {
			t.rootInner = root.inners[0]
		}
		t.height--
	}
}

// balanceLeaves merges nd's leaves i and i+1 or evens out their sizes.
func (nd *inner4[V]) balanceLeaves(i int) {
	a, b := nd.leaves[i], nd.leaves[i+1]
	if a.n+b.n <= leafCap4 {
		moveLeaf4(a, a.n, b, 0, b.n)
		a.n += b.n
		a.fixPmax(0)
		nd.removeChild(i + 1)
		nd.summarize(i, true)
		nd.fixPmax(i)
		return
	}
	want := (a.n + b.n) / 2
	if a.n < want {
		k := want - a.n
		moveLeaf4(a, a.n, b, 0, k)
		moveLeaf4(b, 0, b, k, b.n-k)
		clear(b.vals[b.n-k : b.n])
		a.n, b.n = want, b.n-k
	} else {
		k := a.n - want
		moveLeaf4(b, k, b, 0, b.n)
		moveLeaf4(b, 0, a, want, k)
		clear(a.vals[want:a.n])
		a.n, b.n = want, b.n+k
	}
	a.fixPmax(0)
	b.fixPmax(0)
	nd.summarize(i, true)
	nd.summarize(i+1, true)
	nd.fixPmax(i)
}

// balanceInners merges nd's inner children i and i+1 or evens out their sizes.
func (nd *inner4[V]) balanceInners(i int) {
	a, b := nd.inners[i], nd.inners[i+1]
	if a.n+b.n <= innerCap4 {
		moveInner4(a, a.n, b, 0, b.n)
		a.n += b.n
		a.fixPmax(0)
		nd.removeChild(i + 1)
		nd.summarize(i, false)
		nd.fixPmax(i)
		return
	}
	want := (a.n + b.n) / 2
	if a.n < want {
		k := want - a.n
		moveInner4(a, a.n, b, 0, k)
		moveInner4(b, 0, b, k, b.n-k)
		b.clearInner(b.n-k, b.n)
		a.n, b.n = want, b.n-k
	} else {
		k := a.n - want
		moveInner4(b, k, b, 0, b.n)
		moveInner4(b, 0, a, want, k)
		a.clearInner(want, a.n)
		a.n, b.n = want, b.n+k
	}
	a.fixPmax(0)
	b.fixPmax(0)
	nd.summarize(i, false)
	nd.summarize(i+1, false)
	nd.fixPmax(i)
}

// overlaps reports whether an entry shares an address with [a, b].
func (t *btree4[V]) overlaps(a, b addr4) bool {
	l := t.rootLeaf
	if t.height > 0 {
		nd := t.rootInner
		for h := t.height; ; h-- {
			i := nd.lo.countLE(nd.n, b) - 1
			if i < 0 {
				return false
			}
			if i > 0 && nd.pmax.reaches(i-1, a) {
				return true
			}
			if h == 1 {
				l = nd.leaves[i]
				break
			}
			nd = nd.inners[i]
		}
	} else if l == nil {
		return false
	}
	if l.touch(false) == 0 {
		cold()
	}
	j := l.starts.countLE(l.n, b) - 1
	return j >= 0 && l.reaches(j, a)
}

// maxEndUpTo returns the largest end among entries starting at or before b;
// ok is false if there are none.
func (t *btree4[V]) maxEndUpTo(b addr4) (m addr4, ok bool) {
	l := t.rootLeaf
	if t.height > 0 {
		nd := t.rootInner
		for h := t.height; ; h-- {
			i := nd.lo.countLE(nd.n, b) - 1
			if i < 0 {
				return m, ok
			}
			if i > 0 {
				m, ok = nd.pmax.at(i-1), true
			}
			if h == 1 {
				l = nd.leaves[i]
				break
			}
			nd = nd.inners[i]
		}
	} else if l == nil {
		return m, false
	}
	if j := l.starts.countLE(l.n, b) - 1; j >= 0 {
		m, ok = max4(m, l.maxEndThrough(j)), true
	}
	return m, ok
}

// overlapping calls yield for each entry sharing an address with [a, b], in
// order, until yield returns false; it reports whether yield never did.
func (t *btree4[V]) overlapping(a, b addr4, yield func(lo, hi addr4, v V) bool) bool {
	if t.height == 0 {
		if t.rootLeaf == nil {
			return true
		}
		return t.rootLeaf.overlapping(a, b, yield)
	}
	return t.rootInner.overlapping(t.height, a, b, yield)
}

func (nd *inner4[V]) overlapping(h int, a, b addr4, yield func(lo, hi addr4, v V) bool) bool {
	for i := nd.pmax.countLT(nd.n, a); i < nd.n && !less4(b, nd.lo.at(i)); i++ {
		if less4(nd.maxHi[i], a) {
			continue
		}
		var more bool
		if h == 1 {
			more = nd.leaves[i].overlapping(a, b, yield)
		} else {
			more = nd.inners[i].overlapping(h-1, a, b, yield)
		}
		if !more {
			return false
		}
	}
	return true
}

func (l *leaf4[V]) overlapping(a, b addr4, yield func(lo, hi addr4, v V) bool) bool {
	for i := l.firstReaching(a); i < l.n && !less4(b, l.starts.at(i)); i++ {
		if hi := l.end(i); !less4(hi, a) && !yield(l.starts.at(i), hi, l.vals[i]) {
			return false
		}
	}
	return true
}

// first sets p to the first entry and reports whether there is one.
func (t *btree4[V]) first(p *path4[V]) bool {
	if t.n == 0 {
		return false
	}
	if t.height == 0 {
		p.leaf, p.pos = t.rootLeaf, 0
		return true
	}
	nd := t.rootInner
	for d := range t.height {
		p.inner[d], p.idx[d] = nd, 0
		if d < t.height-1 {
			nd = nd.inners[0]
		}
	}
	p.leaf, p.pos = nd.leaves[0], 0
	return true
}

// all calls yield for every entry in order until it returns false; it
// reports whether yield never did.
func (t *btree4[V]) all(yield func(lo, hi addr4, v V) bool) bool {
	var p path4[V]
	for ok := t.first(&p); ok; ok = t.nextLeaf(&p) {
		l := p.leaf
		for i := range l.n {
			if !yield(l.starts.at(i), l.end(i), l.vals[i]) {
				return false
			}
		}
	}
	return true
}

// conflicts calls yield for every overlapping pair (x, y), x before y in
// order: for each x, the y are the following entries starting at or before
// x's end, so the walk costs O(n + pairs).
func (t *btree4[V]) conflicts(yield func(xlo, xhi addr4, xv V, ylo, yhi addr4, yv V) bool) bool {
	var p, q path4[V]
	for ok := t.first(&p); ok; ok = t.nextLeaf(&p) {
		l := p.leaf
		for i := range l.n {
			xlo, xhi, xv := l.starts.at(i), l.end(i), l.vals[i]
			j := i + 1
			for ; j < l.n && !less4(xhi, l.starts.at(j)); j++ {
				if !yield(xlo, xhi, xv, l.starts.at(j), l.end(j), l.vals[j]) {
					return false
				}
			}
			if j < l.n {
				continue
			}
			// x may reach into the following leaves.
			for q = p; t.nextLeaf(&q); {
				m := q.leaf
				k := 0
				for ; k < m.n && !less4(xhi, m.starts.at(k)); k++ {
					if !yield(xlo, xhi, xv, m.starts.at(k), m.end(k), m.vals[k]) {
						return false
					}
				}
				if k < m.n {
					break
				}
			}
		}
	}
	return true
}

// gaps calls yield for each maximal range inside [ws, we] that no entry
// touches, in order, until yield returns false.
func (t *btree4[V]) gaps(ws, we addr4, yield func(lo, hi addr4) bool) {
	w := gapWalk4[V]{ws: ws, we: we, cur: ws, yield: yield}
	if !isZero4(ws) {
		if m, ok := t.maxEndUpTo(prev4(ws)); ok && !less4(m, ws) {
			if !less4(m, we) {
				return
			}
			w.cur = next4(m)
		}
	}
	switch {
	case t.height > 0:
		w.inner(t.rootInner, t.height)
	case t.rootLeaf != nil:
		w.leaf(t.rootLeaf)
	}
	if !w.done {
		yield(w.cur, we)
	}
}

// gapWalk4 is a gap search in progress: every address in [ws, cur) is
// known to be covered or already reported.
type gapWalk4[V comparable] struct {
	ws, we addr4
	cur    addr4
	yield  func(lo, hi addr4) bool
	done   bool // no final gap: covered through we, or yield said stop
}

// gap reports [cur, lo−1] if it is not empty and moves cur to lo; it
// reports false if the caller asked to stop.
func (w *gapWalk4[V]) gap(lo addr4) bool {
	if less4(w.cur, lo) {
		if !w.yield(w.cur, prev4(lo)) {
			w.done = true
			return false
		}
		w.cur = lo
	}
	return true
}

// cover moves cur past hi; it reports false once everything through we is
// covered.
func (w *gapWalk4[V]) cover(hi addr4) bool {
	if !less4(hi, w.cur) {
		if !less4(hi, w.we) {
			w.done = true
			return false
		}
		w.cur = next4(hi)
	}
	return true
}

// inner walks nd's children; it reports false when the search is over. A
// solid child is one interval, so it is passed without descending: the
// search costs O(log n) per gap and per child with a hole, not per entry.
func (w *gapWalk4[V]) inner(nd *inner4[V], h int) bool {
	for i := max(nd.lo.countLT(nd.n, w.ws)-1, 0); i < nd.n; i++ {
		lo, mx := nd.lo.at(i), nd.maxHi[i]
		switch {
		case less4(w.we, lo):
			return false
		case nd.kidSolid[i]:
			if !w.gap(lo) || !w.cover(mx) {
				return false
			}
			continue
		case i+1 < nd.n && !less4(w.cur, nd.lo.at(i+1)) && less4(mx, w.cur):
			continue // nothing in it starts after cur or reaches cur
		}
		var more bool
		if h == 1 {
			more = w.leaf(nd.leaves[i])
		} else {
			more = w.inner(nd.inners[i], h-1)
		}
		if !more {
			return false
		}
	}
	return true
}

// leaf walks l's entries starting at or after ws; it reports false when the
// search is over.
func (w *gapWalk4[V]) leaf(l *leaf4[V]) bool {
	for i := l.starts.countLT(l.n, w.ws); i < l.n; i++ {
		lo := l.starts.at(i)
		if less4(w.we, lo) {
			return false
		}
		if !w.gap(lo) || !w.cover(l.end(i)) {
			return false
		}
	}
	return true
}

// buildFill4 is how full Build packs leaves: 7/8, so that the first few
// inserts into a built tree shift entries instead of splitting (and
// allocating) nearly every leaf they touch.
const buildFill4 = leafCap4 - leafCap4/8

// build replaces t's contents with the n entries at(0), …, at(n-1), which
// must be in order; leaves are packed to buildFill4, inner nodes full.
func (t *btree4[V]) build(n int, at func(i int) (lo, hi addr4, v V)) {
	*t = btree4[V]{n: n}
	if n == 0 {
		return
	}
	// Nodes come from one array per level: two allocations per level instead
	// of one per node. A node that later merges away keeps its array alive
	// until the tree is dropped.
	leaves := make([]leaf4[V], spread(n, buildFill4))
	k := 0
	for li := range leaves {
		l := &leaves[li]
		l.n = share(n, len(leaves), li)
		for i := range l.n {
			lo, hi, v := at(k)
			l.set(i, lo, hi, v)
			k++
		}
		l.fixPmax(0)
	}
	if len(leaves) == 1 {
		t.rootLeaf = &leaves[0]
		return
	}
	level := make([]inner4[V], spread(len(leaves), innerCap4))
	k = 0
	for ni := range level {
		nd := &level[ni]
		nd.n = share(len(leaves), len(level), ni)
		for i := range nd.n {
			nd.leaves[i] = &leaves[k]
			k++
			nd.summarize(i, true)
		}
		nd.fixPmax(0)
	}
	t.height = 1
	for len(level) > 1 {
		up := make([]inner4[V], spread(len(level), innerCap4))
		k = 0
		for ni := range up {
			nd := &up[ni]
			nd.n = share(len(level), len(up), ni)
			for i := range nd.n {
				nd.inners[i] = &level[k]
				k++
				nd.summarize(i, false)
			}
			nd.fixPmax(0)
		}
		level = up
		t.height++
	}
	t.rootInner = &level[0]
}

// check verifies the structural invariants: order, running maxima, child
// summaries, fill bounds, leaf links, cleared spare slots, and the count.
// Tests call it after every change.
func (t *btree4[V]) check() error {
	if t.height == 0 {
		if t.rootInner != nil {
			return fmt.Errorf("height 0 with an inner root")
		}
		if (t.rootLeaf == nil) != (t.n == 0) {
			return fmt.Errorf("root leaf %v with n=%d", t.rootLeaf != nil, t.n)
		}
		if t.rootLeaf == nil {
			return nil
		}
	} else if t.rootLeaf != nil || t.rootInner == nil || t.rootInner.n < 2 {
		return fmt.Errorf("height %d with a bad root", t.height)
	}
	var leaves []*leaf4[V]
	var walk func(h int, leaf *leaf4[V], nd *inner4[V], root bool) error
	walk = func(h int, leaf *leaf4[V], nd *inner4[V], root bool) error {
		if h == 0 {
			l := leaf
			if l.n < 1 || l.n > leafCap4 || !root && l.n < minLeaf4 {
				return fmt.Errorf("leaf with %d entries", l.n)
			}
			var m addr4
			hole := -1
			for i := range l.n {
				if i > 0 && !keyLE4(l.starts.at(i-1), l.end(i-1), l.starts.at(i), l.end(i)) {
					return fmt.Errorf("leaf out of order at %d", i)
				}
				if less4(l.end(i), l.starts.at(i)) {
					return fmt.Errorf("reversed entry at %d", i)
				}
				if p := l.plen[i]; p != wideLen && p > bits4 {
					return fmt.Errorf("prefix length %d at %d", p, i)
				}
				if i > 0 && hole < 0 && hole4(m, l.starts.at(i)) {
					hole = i
				}
				m = max4(m, l.end(i))
				if (i%8 == 7 || i == l.n-1) && l.bmax[i/8] != m {
					return fmt.Errorf("leaf block maximum wrong at %d", i)
				}
			}
			if l.hole != hole {
				return fmt.Errorf("leaf hole = %d, want %d", l.hole, hole)
			}
			var zero V
			for i := l.n; i < leafCap4; i++ {
				if l.vals[i] != zero {
					return fmt.Errorf("leaf keeps a value in spare slot %d", i)
				}
			}
			leaves = append(leaves, l)
			return nil
		}
		if nd.n < 1 || nd.n > innerCap4 || !root && nd.n < minInner4 {
			return fmt.Errorf("inner node with %d children", nd.n)
		}
		var m addr4
		for i := range nd.n {
			if (h == 1) != (nd.leaves[i] != nil) || (h == 1) == (nd.inners[i] != nil) {
				return fmt.Errorf("inner node at height %d has the wrong kind of child %d", h, i)
			}
			var lo, hi, mx addr4
			var solid bool
			if h == 1 {
				c := nd.leaves[i]
				if err := walk(0, c, nil, false); err != nil {
					return err
				}
				lo, hi, mx, solid = c.starts.at(0), c.end(0), c.maxEnd(), c.hole < 0
			} else {
				c := nd.inners[i]
				if err := walk(h-1, nil, c, false); err != nil {
					return err
				}
				lo, hi, mx, solid = c.lo.at(0), c.hi[0], c.pmax.at(c.n-1), c.hole < 0
			}
			if nd.lo.at(i) != lo || nd.hi[i] != hi || nd.maxHi[i] != mx || nd.kidSolid[i] != solid {
				return fmt.Errorf("stale summary of child %d at height %d", i, h)
			}
			m = max4(m, mx)
			if nd.pmax.at(i) != m {
				return fmt.Errorf("inner pmax wrong at %d, height %d", i, h)
			}
		}
		hole := -1
		for i := 0; i < nd.n && hole < 0; i++ {
			if !nd.kidSolid[i] || i > 0 && hole4(nd.pmax.at(i-1), nd.lo.at(i)) {
				hole = i
			}
		}
		if nd.hole != hole {
			return fmt.Errorf("inner hole = %d, want %d at height %d", nd.hole, hole, h)
		}
		for i := nd.n; i < innerCap4; i++ {
			if nd.leaves[i] != nil || nd.inners[i] != nil || nd.kidSolid[i] {
				return fmt.Errorf("inner node keeps a child in spare slot %d", i)
			}
		}
		return nil
	}
	if err := walk(t.height, t.rootLeaf, t.rootInner, true); err != nil {
		return err
	}
	count := 0
	var p path4[V]
	for i, ok := 0, t.first(&p); ok || i < len(leaves); i, ok = i+1, t.nextLeaf(&p) {
		if !ok || i == len(leaves) || p.leaf != leaves[i] {
			return fmt.Errorf("walking the leaves in order does not reach leaf %d", i)
		}
		l := p.leaf
		count += l.n
		if i+1 < len(leaves) {
			if r := leaves[i+1]; !keyLE4(l.starts.at(l.n-1), l.end(l.n-1), r.starts.at(0), r.end(0)) {
				return fmt.Errorf("leaves %d and %d out of order", i, i+1)
			}
		}
	}
	if count != t.n {
		return fmt.Errorf("%d entries in leaves, n=%d", count, t.n)
	}
	return nil
}

// clone returns a deep copy of t.
func (t *btree4[V]) clone() btree4[V] {
	c := btree4[V]{height: t.height, n: t.n}
	if t.rootLeaf != nil {
		c.rootLeaf = t.rootLeaf.clone()
	}
	if t.rootInner != nil {
		c.rootInner = t.rootInner.clone(t.height)
	}
	return c
}

func (nd *inner4[V]) clone(h int) *inner4[V] {
	c := *nd
	for i := range nd.n {
		if h == 1 {
			c.leaves[i] = nd.leaves[i].clone()
		} else {
			c.inners[i] = nd.inners[i].clone(h - 1)
		}
	}
	return &c
}

func (l *leaf4[V]) clone() *leaf4[V] {
	c := *l
	c.starts.own()
	if l.wide != nil {
		w := *l.wide
		c.wide = &w
	}
	return &c
}
