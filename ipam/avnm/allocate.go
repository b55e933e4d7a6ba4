package avnm

import (
	"cmp"
	"errors"
	"fmt"
	"net/netip"
	"slices"

	"go4.org/netipx"

	"github.com/cidrplan/cidrplan/ipam"
)

// NoSpaceError reports that the pool's available prefixes hold only Found
// free prefixes of length Bits, not Count. It matches [ipam.ErrNoSpace].
type NoSpaceError struct {
	Bits, Count, Found int
}

func (e *NoSpaceError) Error() string {
	return fmt.Sprintf("avnm: the pool has room for %d free /%d prefixes, not %d", e.Found, e.Bits, e.Count)
}

func (e *NoSpaceError) Unwrap() error { return ipam.ErrNoSpace }

// InUse returns the ranges of the pool that are taken: its allocated and
// reserved prefixes, and whatever of its address prefixes is not
// available (so that a usage whose lists disagree never yields an address
// the pool did not offer).
func (u *Usage) InUse() []netipx.IPRange {
	var b netipx.IPSetBuilder
	for _, p := range u.AddressPrefixes {
		b.AddPrefix(p)
	}
	for _, p := range u.AvailableAddressPrefixes {
		b.RemovePrefix(p)
	}
	for _, p := range slices.Concat(u.AllocatedAddressPrefixes, u.ReservedAddressPrefixes) {
		b.AddPrefix(p)
	}
	s, _ := b.IPSet() // prefixes from ParseUsage are valid: no error
	return s.Ranges()
}

// Free returns the pool's available prefixes in the order they are
// allocated from: IPv4 before IPv6, lowest address first.
func (u *Usage) Free() []netip.Prefix {
	out := slices.Clone(u.AvailableAddressPrefixes)
	slices.SortFunc(out, func(a, b netip.Prefix) int {
		return cmp.Or(cmp.Compare(a.Addr().BitLen(), b.Addr().BitLen()), a.Addr().Compare(b.Addr()))
	})
	return out
}

// Allocate returns the count lowest free prefixes of length bits inside the
// pool's available prefixes, clear of the pool's ranges in use ([Usage.InUse])
// and of used: first fit, lowest address first, IPv4 before IPv6. It takes
// nothing from the pool (the usage is not modified). When fewer fit it
// returns a *[NoSpaceError]; bad bits or count give ipam's errors wrapping
// [ipam.ErrBadAllocRequest].
func (u *Usage) Allocate(bits, count int, used ...netipx.IPRange) ([]netip.Prefix, error) {
	if count < 1 {
		return nil, fmt.Errorf("avnm: count %d: %w", count, ipam.ErrBadAllocRequest)
	}
	parents := u.Free()
	taken := slices.Concat(u.InUse(), used)
	var out []netip.Prefix
	for _, parent := range parents {
		if len(out) == count {
			break
		}
		if bits < parent.Bits() || bits > parent.Addr().BitLen() {
			continue // no prefix of that length fits this parent
		}
		var same []netipx.IPRange
		for _, r := range taken {
			if r.From().Is4() == parent.Addr().Is4() {
				same = append(same, r)
			}
		}
		a, err := ipam.NewAllocator(parent, same...)
		if err != nil {
			return nil, err
		}
		for len(out) < count {
			p, err := a.Allocate(bits)
			if errors.Is(err, ipam.ErrNoSpace) {
				break
			}
			if err != nil {
				return nil, err
			}
			out = append(out, p)
			taken = append(taken, netipx.RangeOfPrefix(p))
		}
	}
	if len(out) < count {
		return nil, &NoSpaceError{Bits: bits, Count: count, Found: len(out)}
	}
	return out, nil
}
