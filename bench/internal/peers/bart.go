package peers

import (
	"net/netip"

	"github.com/gaissmai/bart"
	"go4.org/netipx"
)

// Bart adapts gaissmai/bart's Table: a multibit trie keyed by prefix.
// Inserting a prefix again overwrites the earlier entry, so exact duplicates
// (the same CIDR twice) are neither stored nor reported as conflicts, and
// Delete removes the prefix whatever its ID.
type Bart struct{}

func (Bart) Name() string { return "bart" }

func (Bart) Prepare(ps []netip.Prefix) Input { return ps }

func (Bart) Build(in Input) (Index, error) {
	t := new(bart.Table[uint32])
	for i, p := range in.([]netip.Prefix) {
		t.Insert(p, uint32(i))
	}
	return &bartIndex{t}, nil
}

type bartIndex struct{ t *bart.Table[uint32] }

func (x *bartIndex) Insert(p netip.Prefix, id uint32) error {
	x.t.Insert(p, id)
	return nil
}

func (x *bartIndex) Delete(p netip.Prefix, _ uint32) (bool, error) {
	before := x.t.Size()
	x.t.Delete(p)
	return x.t.Size() < before, nil
}

func (x *bartIndex) Overlaps(p netip.Prefix) bool { return x.t.OverlapsPrefix(p) }

func (x *bartIndex) Overlapping(p netip.Prefix, yield func(Entry) bool) error {
	for q, v := range x.t.Supernets(p) { // includes p itself
		if !yield(Entry{q, v}) {
			return nil
		}
	}
	for q, v := range x.t.Subnets(p) {
		if q != p && !yield(Entry{q, v}) {
			return nil
		}
	}
	return nil
}

// Conflicts walks the Supernets of every stored prefix.
func (x *bartIndex) Conflicts(yield func(a, b Entry) bool) error {
	for p, v := range x.t.All() {
		for q, w := range x.t.Supernets(p) {
			if q != p && !yield(Entry{q, w}, Entry{p, v}) {
				return nil
			}
		}
	}
	return nil
}

func (x *bartIndex) Gaps(within netip.Prefix, yield func(netipx.IPRange) bool) error {
	for range x.t.Supernets(within) {
		return nil // covered whole
	}
	var in []netip.Prefix
	for q := range x.t.Subnets(within) { // in CIDR order: by address, shorter first
		in = append(in, q)
	}
	sweepGaps(within, in, yield)
	return nil
}

func (Bart) KeepsDuplicates() bool { return false }
