package overlap

// cover4 answers most IPv4 "does anything overlap [a, b]?" questions with
// one load, before any tree descent. For each /16 block k of the address
// space it holds the largest end among entries starting before the block:
//
//	maxBefore[k] = max{ end : start < k·2^16 }   (0 if there is none)
//
// If maxBefore[b>>16] ≥ a > 0, some entry starts at or before b and ends at
// or after a: an overlap. Otherwise the tree is searched. Under dense
// nesting (random prefixes, a /8 over most queries) nearly every hit is
// answered here. The table costs 256 KiB, so a tree keeps one only while
// it holds at least coverMin IPv4 entries.
type cover4 struct {
	maxBefore [1 << (32 - coverBlock)]addr4
}

const (
	coverMin   = 1 << 15 // IPv4 entries from which a tree keeps a cover4
	coverBlock = 16      // log2 of the addresses per table slot
)

// hit reports whether the table proves that an entry overlaps [a, b].
func (c *cover4) hit(a, b addr4) bool {
	return a > 0 && c.maxBefore[b>>coverBlock] >= a
}

// add records the entry [s, e]; the table is a running maximum, so the walk
// stops at the first block already reached by another entry.
func (c *cover4) add(s, e addr4) {
	for k := int(s>>coverBlock) + 1; k < len(c.maxBefore) && c.maxBefore[k] < e; k++ {
		c.maxBefore[k] = e
	}
}

// holds reports whether the table records the end e of an entry [s, e]
// in the block after s's: only then does removing the entry change it.
func (c *cover4) holds(s, e addr4) bool {
	k := int(s>>coverBlock) + 1
	return k < len(c.maxBefore) && c.maxBefore[k] == e
}

// remove forgets the entry [s, e], which the tree t no longer holds: the
// blocks whose maximum was e are recomputed from the tree, until one keeps
// e through another entry (or never had it).
func (c *cover4) remove(s, e addr4, maxEndBefore func(k int) addr4) {
	for k := int(s>>coverBlock) + 1; k < len(c.maxBefore) && c.maxBefore[k] == e; k++ {
		m := maxEndBefore(k)
		c.maxBefore[k] = m
		if m == e {
			break
		}
	}
}

// newCover4 builds the table for t in one pass over its entries.
func newCover4[V comparable](t *btree4[V]) *cover4 {
	c := &cover4{}
	var m addr4
	k := 0 // blocks [0, k) are final
	t.all(func(lo, hi addr4, _ V) bool {
		for b := int(lo >> coverBlock); k <= b; k++ {
			c.maxBefore[k] = m
		}
		m = max(m, hi)
		return true
	})
	for ; k < len(c.maxBefore); k++ {
		c.maxBefore[k] = m
	}
	return c
}

// maxEndBefore returns the largest end among entries starting before block
// k, or 0.
func (t *btree4[V]) maxEndBefore(k int) addr4 {
	if k == 0 {
		return 0
	}
	m, _ := t.maxEndUpTo(addr4(k)<<coverBlock - 1)
	return m
}
