package addrmap

import "math"

// rowLefts holds, for each label row under a band, the leftmost x taken in
// it (a label's start or a leader line). placeLabels asks for the first row
// whose leftmost x is at least some bound, caps every row above a label
// (its leader line passes through them) and sets the label's own row. A
// plain slice makes that O(rows) per label and O(n²) for a band of tiny
// subnets that each need a label; this segment tree of row maxima with a
// lazy "cap at x" makes each step O(log n).
type rowLefts struct {
	n       int       // rows in use
	max     []float64 // max[node]: the largest leftmost x in the node's rows
	pending []float64 // pending cap for the node's children; +Inf for none
	size    int       // leaves (a power of two ≥ the most rows possible)
}

// newRowLefts returns room for up to n rows, each starting at empty.
func newRowLefts(n int, empty float64) *rowLefts {
	size := 1
	for size < max(n, 1) {
		size *= 2
	}
	t := &rowLefts{max: make([]float64, 2*size), pending: make([]float64, 2*size), size: size}
	for i := range t.max {
		t.max[i], t.pending[i] = empty, math.Inf(1)
	}
	return t
}

func (t *rowLefts) apply(node int, x float64) {
	t.max[node] = min(t.max[node], x)
	t.pending[node] = min(t.pending[node], x)
}

func (t *rowLefts) push(node int) {
	if c := t.pending[node]; !math.IsInf(c, 1) {
		t.apply(2*node, c)
		t.apply(2*node+1, c)
		t.pending[node] = math.Inf(1)
	}
}

// first returns the lowest row in use whose leftmost x is at least bound,
// or -1.
func (t *rowLefts) first(bound float64) int {
	return t.firstIn(1, 0, t.size, bound)
}

func (t *rowLefts) firstIn(node, lo, hi int, bound float64) int {
	if lo >= t.n || t.max[node] < bound {
		return -1
	}
	if hi-lo == 1 {
		return lo
	}
	t.push(node)
	mid := (lo + hi) / 2
	if r := t.firstIn(2*node, lo, mid, bound); r >= 0 {
		return r
	}
	return t.firstIn(2*node+1, mid, hi, bound)
}

// capBelow lowers the leftmost x of rows [0, row) to at most x.
func (t *rowLefts) capBelow(row int, x float64) {
	t.capIn(1, 0, t.size, row, x)
}

func (t *rowLefts) capIn(node, lo, hi, row int, x float64) {
	switch {
	case lo >= row:
		return
	case hi <= row:
		t.apply(node, x)
		return
	}
	t.push(node)
	mid := (lo + hi) / 2
	t.capIn(2*node, lo, mid, row, x)
	t.capIn(2*node+1, mid, hi, row, x)
	t.max[node] = max(t.max[2*node], t.max[2*node+1])
}

// set makes row's leftmost x be x, putting the row in use.
func (t *rowLefts) set(row int, x float64) {
	t.n = max(t.n, row+1)
	t.setIn(1, 0, t.size, row, x)
}

func (t *rowLefts) setIn(node, lo, hi, row int, x float64) {
	if hi-lo == 1 {
		t.max[node] = x
		return
	}
	t.push(node)
	mid := (lo + hi) / 2
	if row < mid {
		t.setIn(2*node, lo, mid, row, x)
	} else {
		t.setIn(2*node+1, mid, hi, row, x)
	}
	t.max[node] = max(t.max[2*node], t.max[2*node+1])
}
