package overlap

import (
	"encoding/binary"
	"math/bits"
	"net/netip"
)

// addr6 is an IPv6 address as a big-endian 128-bit integer: 16 bytes of key
// instead of a 24-byte netip.Addr.
type addr6 struct{ hi, lo uint64 }

// Node capacities for the IPv6 tree: a leaf slot is 17 bytes of key (start,
// prefix length) plus the value; leaves as wide as IPv4 leaves halve the
// inner nodes' share of memory (an inner slot is 81 bytes) and split half
// as often under inserts into a built tree. Inner nodes, searched on every
// descent, stay at 32.
const (
	leafCap6  = 64
	innerCap6 = 32
)

// bits6 is the length of an IPv6 address in bits: the longest prefix.
const bits6 = 128

// lastOf6 returns the last address of the prefix lo/p. Go's shifts by 64
// and more yield 0, so only the lower half's shift needs bounding.
func lastOf6(lo addr6, p uint8) addr6 {
	return addr6{lo.hi | ^uint64(0)>>p, lo.lo | ^uint64(0)>>max(int(p)-64, 0)}
}

// prefixLen6 returns the length of the prefix whose addresses are exactly
// [lo, hi], and false if the range is not a prefix; lo ≤ hi.
func prefixLen6(lo, hi addr6) (uint8, bool) {
	host := addr6{lo.hi ^ hi.hi, lo.lo ^ hi.lo}
	if lo.hi&host.hi != 0 || lo.lo&host.lo != 0 {
		return 0, false
	}
	if host.hi == 0 {
		if host.lo&(host.lo+1) != 0 {
			return 0, false
		}
		return uint8(bits6 - bits.Len64(host.lo)), true
	}
	if host.lo != ^uint64(0) || host.hi&(host.hi+1) != 0 {
		return 0, false
	}
	return uint8(64 - bits.Len64(host.hi)), true
}

// less6 compares by subtracting with borrow, so searches compile to
// conditional moves rather than unpredictable branches.
func less6(a, b addr6) bool {
	_, borrow := bits.Sub64(a.lo, b.lo, 0)
	_, borrow = bits.Sub64(a.hi, b.hi, borrow)
	return borrow != 0
}

func max6(a, b addr6) addr6 {
	if less6(a, b) {
		return b
	}
	return a
}

// next6 returns a+1; the caller ensures a is not the last address.
func next6(a addr6) addr6 {
	if a.lo == ^uint64(0) {
		return addr6{a.hi + 1, 0}
	}
	return addr6{a.hi, a.lo + 1}
}

// prev6 returns a−1; the caller ensures a is not the zero address.
func prev6(a addr6) addr6 {
	if a.lo == 0 {
		return addr6{a.hi - 1, ^uint64(0)}
	}
	return addr6{a.hi, a.lo - 1}
}

func isZero6(a addr6) bool { return a == addr6{} }

func fromAddr6(a netip.Addr) addr6 {
	b := a.As16()
	return addr6{binary.BigEndian.Uint64(b[:8]), binary.BigEndian.Uint64(b[8:])}
}

func toAddr6(a addr6) netip.Addr {
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], a.hi)
	binary.BigEndian.PutUint64(b[8:], a.lo)
	return netip.AddrFrom16(b)
}

// prefixKey6 returns the first and last address of a valid, masked IPv6 prefix.
func prefixKey6(p netip.Prefix) (lo, hi addr6) {
	lo = fromAddr6(p.Addr())
	host := 128 - p.Bits()
	hi = lo
	switch {
	case host == 128:
		hi = addr6{^uint64(0), ^uint64(0)}
	case host >= 64:
		hi.lo = ^uint64(0)
		hi.hi |= uint64(1)<<(host-64) - 1
	default:
		hi.lo |= uint64(1)<<host - 1
	}
	return lo, hi
}

// keyLT6 reports whether (alo, ahi) < (blo, bhi) in (start, end) order, by
// one 256-bit subtraction with borrow.
func keyLT6(alo, ahi, blo, bhi addr6) bool {
	_, borrow := bits.Sub64(ahi.lo, bhi.lo, 0)
	_, borrow = bits.Sub64(ahi.hi, bhi.hi, borrow)
	_, borrow = bits.Sub64(alo.lo, blo.lo, borrow)
	_, borrow = bits.Sub64(alo.hi, blo.hi, borrow)
	return borrow != 0
}

// keyLE6 reports whether (alo, ahi) ≤ (blo, bhi) in (start, end) order.
func keyLE6(alo, ahi, blo, bhi addr6) bool { return !keyLT6(blo, bhi, alo, ahi) }
