package peers

import (
	"net/netip"

	"go4.org/netipx"
)

// IPSet adapts go4.org/netipx's IPSet: sorted, merged, disjoint ranges. As
// it merges its input, it cannot say which entries overlap (no Overlapping,
// no Conflicts); it is immutable, so Insert and Delete mean a rebuild.
type IPSet struct{}

func (IPSet) Name() string { return "netipx" }

func (IPSet) Prepare(ps []netip.Prefix) Input { return ps }

func (IPSet) Build(in Input) (Index, error) {
	var b netipx.IPSetBuilder
	for _, p := range in.([]netip.Prefix) {
		b.AddPrefix(p)
	}
	s, err := b.IPSet()
	return &ipsetIndex{s}, err
}

type ipsetIndex struct{ s *netipx.IPSet }

func (x *ipsetIndex) Insert(netip.Prefix, uint32) error { return ErrUnsupported }

func (x *ipsetIndex) Delete(netip.Prefix, uint32) (bool, error) { return false, ErrUnsupported }

func (x *ipsetIndex) Overlaps(p netip.Prefix) bool { return x.s.OverlapsPrefix(p) }

func (x *ipsetIndex) Overlapping(netip.Prefix, func(Entry) bool) error { return ErrUnsupported }

func (x *ipsetIndex) Conflicts(func(a, b Entry) bool) error { return ErrUnsupported }

// Gaps removes the set from within and lists what is left.
func (x *ipsetIndex) Gaps(within netip.Prefix, yield func(netipx.IPRange) bool) error {
	var b netipx.IPSetBuilder
	b.AddPrefix(within)
	b.RemoveSet(x.s)
	free, err := b.IPSet()
	if err != nil {
		return err
	}
	for _, r := range free.Ranges() {
		if !yield(r) {
			break
		}
	}
	return nil
}

func (IPSet) KeepsDuplicates() bool { return false }
