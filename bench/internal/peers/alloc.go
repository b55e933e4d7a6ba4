package peers

import (
	"fmt"
	"net/netip"
	"slices"

	"go4.org/netipx"
)

// IPSetAllocator allocates with repeated netipx.IPSet.RemoveFreePrefix, which
// returns a new set (a rebuild) on every call.
type IPSetAllocator struct{}

func (IPSetAllocator) Name() string { return "netipx" }

func (IPSetAllocator) NewAllocator(within netip.Prefix, used []netipx.IPRange) (Allocator, error) {
	var b netipx.IPSetBuilder
	b.AddPrefix(within)
	for _, r := range used {
		b.RemoveRange(r)
	}
	s, err := b.IPSet()
	return &ipsetAllocator{s}, err
}

type ipsetAllocator struct{ free *netipx.IPSet }

func (a *ipsetAllocator) Allocate(bits int) (netip.Prefix, error) {
	p, rest, ok := a.free.RemoveFreePrefix(uint8(bits))
	if !ok {
		return netip.Prefix{}, fmt.Errorf("%w: /%d", ErrNoSpace, bits)
	}
	a.free = rest
	return p, nil
}

// NaiveAllocator scans a sorted slice of used ranges from the start for the
// first aligned hole on every call (first fit, O(k) per allocation).
type NaiveAllocator struct{}

func (NaiveAllocator) Name() string { return "naive" }

func (NaiveAllocator) NewAllocator(within netip.Prefix, used []netipx.IPRange) (Allocator, error) {
	u := slices.Clone(used)
	slices.SortFunc(u, func(a, b netipx.IPRange) int { return a.From().Compare(b.From()) })
	return &naiveAllocator{within: within, used: u}, nil
}

type naiveAllocator struct {
	within netip.Prefix
	used   []netipx.IPRange // sorted by start, disjoint
}

// alignedFrom returns the first prefix of the given length that starts at or
// after a.
func alignedFrom(a netip.Addr, bits int) (netip.Prefix, bool) {
	p := netip.PrefixFrom(a, bits).Masked()
	if p.Addr() == a {
		return p, true
	}
	next := netipx.PrefixLastIP(p).Next()
	return netip.PrefixFrom(next, bits), next.IsValid()
}

func (a *naiveAllocator) Allocate(bits int) (netip.Prefix, error) {
	if bits < a.within.Bits() || bits > a.within.Addr().BitLen() {
		return netip.Prefix{}, fmt.Errorf("%w: /%d in %s", ErrNoSpace, bits, a.within)
	}
	cursor := a.within.Addr()
	i := 0
	for {
		p, ok := alignedFrom(cursor, bits)
		if !ok || !a.within.Contains(p.Addr()) {
			return netip.Prefix{}, fmt.Errorf("%w: /%d in %s", ErrNoSpace, bits, a.within)
		}
		for i < len(a.used) && a.used[i].To().Less(p.Addr()) {
			i++
		}
		if i == len(a.used) || netipx.PrefixLastIP(p).Less(a.used[i].From()) {
			a.used = slices.Insert(a.used, i, netipx.RangeOfPrefix(p))
			return p, nil
		}
		cursor = a.used[i].To().Next()
		if !cursor.IsValid() {
			return netip.Prefix{}, fmt.Errorf("%w: /%d in %s", ErrNoSpace, bits, a.within)
		}
	}
}
