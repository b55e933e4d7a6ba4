package peers

import (
	"net/netip"
	"slices"

	"go4.org/netipx"
)

// Naive is the approach many tools use: a slice of entries, pairwise
// comparison for conflicts (O(n²)) and a linear scan for every query. It is
// the reference every other implementation is checked against.
type Naive struct{}

func (Naive) Name() string          { return "naive" }
func (Naive) KeepsDuplicates() bool { return true }

func (Naive) Prepare(ps []netip.Prefix) Input {
	es := make([]Entry, len(ps))
	for i, p := range ps {
		es[i] = Entry{p, uint32(i)}
	}
	return es
}

func (Naive) Build(in Input) (Index, error) {
	return &naiveIndex{entries: slices.Clone(in.([]Entry))}, nil
}

type naiveIndex struct{ entries []Entry }

func (x *naiveIndex) Insert(p netip.Prefix, id uint32) error {
	x.entries = append(x.entries, Entry{p, id})
	return nil
}

func (x *naiveIndex) Delete(p netip.Prefix, id uint32) (bool, error) {
	i := slices.Index(x.entries, Entry{p, id})
	if i < 0 {
		return false, nil
	}
	x.entries = slices.Delete(x.entries, i, i+1)
	return true, nil
}

func (x *naiveIndex) Overlaps(p netip.Prefix) bool {
	for _, e := range x.entries {
		if e.Prefix.Overlaps(p) {
			return true
		}
	}
	return false
}

func (x *naiveIndex) Overlapping(p netip.Prefix, yield func(Entry) bool) error {
	for _, e := range x.entries {
		if e.Prefix.Overlaps(p) && !yield(e) {
			break
		}
	}
	return nil
}

func (x *naiveIndex) Conflicts(yield func(a, b Entry) bool) error {
	for i, a := range x.entries {
		for _, b := range x.entries[i+1:] {
			if a.Prefix.Overlaps(b.Prefix) && !yield(a, b) {
				return nil
			}
		}
	}
	return nil
}

func (x *naiveIndex) Gaps(within netip.Prefix, yield func(netipx.IPRange) bool) error {
	var in []netip.Prefix
	for _, e := range x.entries {
		if e.Prefix.Overlaps(within) {
			in = append(in, e.Prefix)
		}
	}
	slices.SortFunc(in, func(a, b netip.Prefix) int { return a.Addr().Compare(b.Addr()) })
	sweepGaps(within, in, yield)
	return nil
}
