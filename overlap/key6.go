package overlap

import (
	"encoding/binary"
	"math/bits"
	"net/netip"
)

// addr6 is an IPv6 address as a big-endian 128-bit integer: 16 bytes of key
// instead of a 24-byte netip.Addr.
type addr6 struct{ hi, lo uint64 }

// Node capacities for the IPv6 tree: a leaf slot is 9 bytes of key (the
// start's upper half, see starts6, and the prefix length) plus the value; leaves as wide as IPv4 leaves halve the
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

// starts6 holds a leaf's starts, ascending, as their upper and lower
// halves. The lower halves are zero for every prefix up to /64 (all of an
// address plan's VNets and subnets), so they get an array only once a leaf
// stores a start with a nonzero lower half: 8 bytes a start instead of 16,
// half the cache lines for a search and half the bytes an insert shifts.
type starts6 struct {
	hi [leafCap6]uint64
	lo *[leafCap6]uint64 // nil while every lower half is zero
}

func (s *starts6) at(i int) addr6 {
	a := addr6{hi: s.hi[i]}
	if s.lo != nil {
		a.lo = s.lo[i]
	}
	return a
}

func (s *starts6) put(i int, a addr6) {
	s.hi[i] = a.hi
	if s.lo == nil {
		if a.lo == 0 {
			return
		}
		s.lo = new([leafCap6]uint64)
	}
	s.lo[i] = a.lo
}

// countLE returns how many of the first n starts are ≤ x. Without lower
// halves, (h, 0) ≤ x exactly when h ≤ x.hi.
func (s *starts6) countLE(n int, x addr6) int {
	if s.lo == nil {
		return countLE64(s.hi[:n], x.hi)
	}
	c := 0
	for i := n; i > 0; { // binary search for the first start > x
		half := i / 2
		if !less6(x, s.at(c+half)) {
			c += half + 1
			i -= half + 1
		} else {
			i = half
		}
	}
	return c
}

// countLT returns how many of the first n starts are < x. Without lower
// halves, (h, 0) < x exactly when h < x.hi, or h = x.hi and x.lo > 0.
func (s *starts6) countLT(n int, x addr6) int {
	if s.lo == nil {
		if x.lo == 0 {
			return countLT64(s.hi[:n], x.hi)
		}
		return countLE64(s.hi[:n], x.hi)
	}
	c := 0
	for i := n; i > 0; { // binary search for the first start ≥ x
		half := i / 2
		if less6(s.at(c+half), x) {
			c += half + 1
			i -= half + 1
		} else {
			i = half
		}
	}
	return c
}

// own makes s, a copy of another leaf's starts, share nothing with them.
func (s *starts6) own() {
	if s.lo != nil {
		lo := *s.lo
		s.lo = &lo
	}
}

// moveStarts6 copies count starts from src[from:] to dst[at:].
func moveStarts6(dst *starts6, at int, src *starts6, from, count int) {
	copy(dst.hi[at:at+count], src.hi[from:from+count])
	switch {
	case src.lo != nil:
		if dst.lo == nil {
			dst.lo = new([leafCap6]uint64)
		}
		copy(dst.lo[at:at+count], src.lo[from:from+count])
	case dst.lo != nil:
		clear(dst.lo[at : at+count])
	}
}

// countLE64 returns how many a[i] ≤ x in the ascending a, searching like
// countLE4.
func countLE64(a []uint64, x uint64) int {
	full := 0
	for k := 7; k < len(a); k += 8 {
		more := full + 8
		if x < a[k] {
			more = full
		}
		full = more
	}
	c := full
	for _, v := range a[full:min(full+8, len(a))] {
		if v <= x {
			c++
		}
	}
	return c
}

// countLT64 returns how many a[i] < x in the ascending a, searching like
// countLE4.
func countLT64(a []uint64, x uint64) int {
	full := 0
	for k := 7; k < len(a); k += 8 {
		more := full + 8
		if a[k] >= x {
			more = full
		}
		full = more
	}
	c := full
	for _, v := range a[full:min(full+8, len(a))] {
		if v < x {
			c++
		}
	}
	return c
}

// keys6 holds an inner node's first keys or running maxima, ascending, as
// their upper and lower halves: a search or a comparison reads the lower
// half only where the upper halves are equal, so a descent reads half the
// cache lines.
type keys6 struct{ hi, lo [innerCap6]uint64 }

func (k *keys6) at(i int) addr6 { return addr6{k.hi[i], k.lo[i]} }

func (k *keys6) put(i int, a addr6) { k.hi[i], k.lo[i] = a.hi, a.lo }

// countLE returns how many of the first n keys are ≤ x: those whose upper
// half is ≤ x.hi, less the last few with upper half x.hi and a larger
// lower half.
func (k *keys6) countLE(n int, x addr6) int {
	c := countLE64(k.hi[:n], x.hi)
	for c > 0 && k.hi[c-1] == x.hi && k.lo[c-1] > x.lo {
		c--
	}
	return c
}

// countLT returns how many of the first n keys are < x, searching like
// countLE.
func (k *keys6) countLT(n int, x addr6) int {
	c := countLT64(k.hi[:n], x.hi)
	for c < n && k.hi[c] == x.hi && k.lo[c] < x.lo {
		c++
	}
	return c
}

// reaches reports whether key i is ≥ a.
func (k *keys6) reaches(i int, a addr6) bool {
	h := k.hi[i]
	return h > a.hi || h == a.hi && k.lo[i] >= a.lo
}

// moveKeys6 copies count keys from src[from:] to dst[at:].
func moveKeys6(dst *keys6, at int, src *keys6, from, count int) {
	copy(dst.hi[at:at+count], src.hi[from:from+count])
	copy(dst.lo[at:at+count], src.lo[from:from+count])
}

// word6 returns a folded into a machine word, for leaf6.touch.
func word6(a addr6) uint { return uint(a.hi ^ a.lo) }
