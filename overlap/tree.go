package overlap

//go:generate go run ./internal/famgen/cmd/famgen

import (
	"net/netip"

	"go4.org/netipx"
)

// Entry is one stored range and its value.
type Entry[V comparable] struct {
	Range netipx.IPRange
	Value V
}

// Tree is a multiset of entries. The zero value is an empty tree ready to use.
//
// IPv4 and IPv6 entries live in separate B+-trees and never overlap each
// other. A Tree must not be copied after first use: the copy would share
// nodes with the original, and a write to either would leave the other
// inconsistent (go vet reports such copies). [Tree.Clone] makes an
// independent copy. Concurrent reads are safe; a write must not run
// concurrently with any other call.
type Tree[V comparable] struct {
	_     noCopy
	v4    btree4[V]
	v6    btree6[V]
	cover *cover4 // nil below coverMin IPv4 entries
	// coverAt overrides coverMin when positive, so that tests can exercise
	// the table on small trees.
	coverAt int
}

// noCopy makes go vet's copylocks check report a copied Tree: the check
// flags values of any type with Lock and Unlock methods, as sync does for
// its own types. It takes no space.
type noCopy struct{}

func (*noCopy) Lock()   {}
func (*noCopy) Unlock() {}

func (t *Tree[V]) coverThreshold() int {
	if t.coverAt > 0 {
		return t.coverAt
	}
	return coverMin
}

// insert4 updates the cover table before the tree: the table does not
// depend on the tree, so its cache miss overlaps the descent instead of
// following it.
func (t *Tree[V]) insert4(lo, hi addr4, v V) {
	if t.cover != nil {
		t.cover.add(lo, hi)
	}
	t.v4.insert(lo, hi, v)
	if t.cover == nil && t.v4.n >= t.coverThreshold() {
		t.cover = newCover4(&t.v4)
	}
}

// remove4 reads the cover table before the tree changes, for the same
// reason as insert4; the table needs recomputing only where it holds hi.
func (t *Tree[V]) remove4(lo, hi addr4, v V) bool {
	stale := t.cover != nil && t.cover.holds(lo, hi)
	if !t.v4.remove(lo, hi, v) {
		return false
	}
	switch {
	case t.cover == nil:
	case t.v4.n < t.coverThreshold()/2: // hysteresis: no rebuild loop at the threshold
		t.cover = nil
	case stale:
		t.cover.remove(lo, hi, t.v4.maxEndBefore)
	}
	return true
}

func (t *Tree[V]) overlaps4(lo, hi addr4) bool {
	if c := t.cover; c != nil && c.hit(lo, hi) {
		return true
	}
	return t.v4.overlaps(lo, hi)
}

// maxHeight bounds the number of inner levels: with at least innerCap/4
// children per inner node, 16 levels hold far more entries than memory.
const maxHeight = 16

// Insert adds the entry (p, v), even if an equal entry is already stored.
// It returns a *PrefixError wrapping ErrInvalidPrefix, ErrHostBits or
// ErrMappedIPv6 if p is not a valid, masked, unmapped prefix. O(log n).
func (t *Tree[V]) Insert(p netip.Prefix, v V) error {
	if err := checkPrefix(p); err != nil {
		return &PrefixError{Prefix: p, Err: err}
	}
	if p.Addr().Is4() {
		lo, hi := prefixKey4(p)
		t.insert4(lo, hi, v)
	} else {
		lo, hi := prefixKey6(p)
		t.v6.insert(lo, hi, v)
	}
	return nil
}

// InsertRange adds the entry (r, v), even if an equal entry is already
// stored. It returns a *RangeError wrapping ErrInvalidRange (zero ends,
// mixed families, start after end) or ErrMappedIPv6. O(log n).
func (t *Tree[V]) InsertRange(r netipx.IPRange, v V) error {
	if err := checkRange(r); err != nil {
		return &RangeError{Range: r, Index: -1, Err: err}
	}
	if r.From().Is4() {
		t.insert4(fromAddr4(r.From()), fromAddr4(r.To()), v)
	} else {
		t.v6.insert(fromAddr6(r.From()), fromAddr6(r.To()), v)
	}
	return nil
}

// Delete removes one entry equal to (p, v) and reports whether there was
// one; of several equal entries it removes the earliest inserted. A prefix
// Insert would reject matches nothing. Values are compared with ==, so for
// an interface V, values holding incomparable types panic as == does.
// O(log n + entries with the same range).
func (t *Tree[V]) Delete(p netip.Prefix, v V) bool {
	if checkPrefix(p) != nil {
		return false
	}
	if p.Addr().Is4() {
		lo, hi := prefixKey4(p)
		return t.remove4(lo, hi, v)
	}
	lo, hi := prefixKey6(p)
	return t.v6.remove(lo, hi, v)
}

// DeleteRange removes one entry equal to (r, v) and reports whether there
// was one, like Delete.
func (t *Tree[V]) DeleteRange(r netipx.IPRange, v V) bool {
	if checkRange(r) != nil {
		return false
	}
	if r.From().Is4() {
		return t.remove4(fromAddr4(r.From()), fromAddr4(r.To()), v)
	}
	return t.v6.remove(fromAddr6(r.From()), fromAddr6(r.To()), v)
}

// Len returns the number of entries, counting equal entries separately.
func (t *Tree[V]) Len() int { return t.v4.n + t.v6.n }

// Overlaps reports whether any entry shares an address with p. It reports
// false for a prefix Insert would reject. O(log n), no allocation.
func (t *Tree[V]) Overlaps(p netip.Prefix) bool {
	if checkPrefix(p) != nil {
		return false
	}
	if p.Addr().Is4() {
		return t.overlaps4(prefixKey4(p))
	}
	return t.v6.overlaps(prefixKey6(p))
}

// OverlapsRange reports whether any entry shares an address with r. It
// reports false for a range InsertRange would reject. O(log n), no allocation.
func (t *Tree[V]) OverlapsRange(r netipx.IPRange) bool {
	if checkRange(r) != nil {
		return false
	}
	if r.From().Is4() {
		return t.overlaps4(fromAddr4(r.From()), fromAddr4(r.To()))
	}
	return t.v6.overlaps(fromAddr6(r.From()), fromAddr6(r.To()))
}

func entry4[V comparable](lo, hi addr4, v V) Entry[V] {
	return Entry[V]{Range: netipx.IPRangeFrom(toAddr4(lo), toAddr4(hi)), Value: v}
}

func entry6[V comparable](lo, hi addr6, v V) Entry[V] {
	return Entry[V]{Range: netipx.IPRangeFrom(toAddr6(lo), toAddr6(hi)), Value: v}
}

// spread returns how many nodes of capacity c hold n items: ⌈n/c⌉.
func spread(n, c int) int { return (n + c - 1) / c }

// share returns the size of part i when n items are split into k parts
// whose sizes differ by at most one.
func share(n, k, i int) int {
	if i < n%k {
		return n/k + 1
	}
	return n / k
}
