package ipam

import (
	"net/netip"

	"github.com/cidrplan/cidrplan/overlap"
	"go4.org/netipx"
)

// useIndex holds what completion must stay clear of, in one overlap tree,
// so that each pick and placement looks only at the ranges near it
// (O(log n + k)) instead of scanning the whole plan.
type useIndex struct {
	uses []clusterUse
	tree *overlap.Tree[int] // values index uses
}

func newUseIndex(uses []clusterUse) *useIndex {
	entries := make([]overlap.Entry[int], len(uses))
	for i, u := range uses {
		entries[i] = overlap.Entry[int]{Range: netipx.RangeOfPrefix(u.prefix), Value: i}
	}
	t, err := overlap.Build(entries)
	if err != nil {
		t = &overlap.Tree[int]{} // unreachable: uses hold valid masked prefixes
	}
	return &useIndex{uses: uses, tree: t}
}

func (x *useIndex) add(u clusterUse) {
	if x.tree.Insert(u.prefix, len(x.uses)) == nil {
		x.uses = append(x.uses, u)
	}
}

// blocks reports whether use i keeps p from being taken: it overlaps p, is
// not a VNet space holding p, and skip (if any) does not let p share it.
func (x *useIndex) blocks(i int, p netip.Prefix, skip func(*clusterUse) bool) bool {
	u := &x.uses[i]
	if u.vnetSpace && u.prefix.Bits() <= p.Bits() {
		return false
	}
	return skip == nil || !skip(u)
}

// free reports whether p overlaps nothing that blocks it.
func (x *useIndex) free(p netip.Prefix, skip func(*clusterUse) bool) bool {
	for e := range x.tree.Overlapping(p) {
		if x.blocks(e.Value, p, skip) {
			return false
		}
	}
	return true
}

// blockersFunc returns, for allocateAcross, the ranges that block
// allocation inside a parent: those of the tree overlapping it that block.
func (x *useIndex) blockersFunc(skip func(*clusterUse) bool) func(netip.Prefix) []netipx.IPRange {
	return func(parent netip.Prefix) []netipx.IPRange {
		var used []netipx.IPRange
		for e := range x.tree.Overlapping(parent) {
			if x.blocks(e.Value, parent, skip) {
				used = append(used, e.Range)
			}
		}
		return used
	}
}

// allocate returns the lowest free aligned /bits in the first of parents
// that has one. None free is an *AllocError wrapping ErrNoSpace; no parent
// of a family that holds a /bits, ErrBadAllocRequest.
func (x *useIndex) allocate(parents []netip.Prefix, bits int, skip func(*clusterUse) bool) (netip.Prefix, error) {
	got, err := allocateAcross(x.blockersFunc(skip), parents, bits, 1)
	if err != nil {
		return netip.Prefix{}, err
	}
	return got[0], nil
}
