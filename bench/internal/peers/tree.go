package peers

import (
	"net/netip"

	"go4.org/netipx"

	"github.com/cidrplan/cidrplan/overlap"
)

// Tree adapts cidrplan's overlap.Tree: a multiset of ranges, so duplicates
// are kept and reported.
type Tree struct{}

func (Tree) Name() string          { return "cidrplan" }
func (Tree) KeepsDuplicates() bool { return true }

// Prepare converts the prefixes to overlap.Entry, whose key is a range: the
// tree's native input.
func (Tree) Prepare(ps []netip.Prefix) Input {
	es := make([]overlap.Entry[uint32], len(ps))
	for i, p := range ps {
		es[i] = overlap.Entry[uint32]{Range: netipx.RangeOfPrefix(p), Value: uint32(i)}
	}
	return es
}

func (Tree) Build(in Input) (Index, error) {
	t, err := overlap.Build(in.([]overlap.Entry[uint32]))
	return &treeIndex{t}, err
}

type treeIndex struct{ t *overlap.Tree[uint32] }

// entry converts back; every stored range came from a prefix.
func entry(e overlap.Entry[uint32]) Entry {
	p, _ := e.Range.Prefix()
	return Entry{p, e.Value}
}

func (x *treeIndex) Insert(p netip.Prefix, id uint32) error { return x.t.Insert(p, id) }

func (x *treeIndex) Delete(p netip.Prefix, id uint32) (bool, error) { return x.t.Delete(p, id), nil }

func (x *treeIndex) Overlaps(p netip.Prefix) bool { return x.t.Overlaps(p) }

func (x *treeIndex) Overlapping(p netip.Prefix, yield func(Entry) bool) error {
	for e := range x.t.Overlapping(p) {
		if !yield(entry(e)) {
			break
		}
	}
	return nil
}

func (x *treeIndex) Conflicts(yield func(a, b Entry) bool) error {
	for a, b := range x.t.Conflicts() {
		if !yield(entry(a), entry(b)) {
			break
		}
	}
	return nil
}

func (x *treeIndex) Gaps(within netip.Prefix, yield func(netipx.IPRange) bool) error {
	for r := range x.t.Gaps(within) {
		if !yield(r) {
			break
		}
	}
	return nil
}

// ConflictsAmong yields every overlapping pair of the prepared entries with
// overlap.ConflictsAmong: a radix sort and a sweep, no tree.
func (Tree) ConflictsAmong(in Input, yield func(a, b Entry) bool) error {
	pairs, err := overlap.ConflictsAmong(in.([]overlap.Entry[uint32]))
	if err != nil {
		return err
	}
	for a, b := range pairs {
		if !yield(entry(a), entry(b)) {
			break
		}
	}
	return nil
}
