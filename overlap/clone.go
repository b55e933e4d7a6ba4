package overlap

import "net/netip"

// Clone returns a copy of t that shares nothing with it: later changes to
// either leave the other as it was. It only reads t, so it may run
// concurrently with other reads, e.g. to hand readers a snapshot while a
// writer goes on. O(n).
func (t *Tree[V]) Clone() *Tree[V] {
	c := &Tree[V]{v4: t.v4.clone(), v6: t.v6.clone(), coverAt: t.coverAt}
	if t.cover != nil {
		cover := *t.cover
		c.cover = &cover
	}
	return c
}

// AppendOverlapping appends the entries sharing an address with p to dst,
// in All's order, and returns the extended slice; for callers who reuse a
// buffer. A prefix Insert would reject appends nothing.
func (t *Tree[V]) AppendOverlapping(dst []Entry[V], p netip.Prefix) []Entry[V] {
	for e := range t.Overlapping(p) {
		dst = append(dst, e)
	}
	return dst
}
