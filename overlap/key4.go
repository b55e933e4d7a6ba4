package overlap

import (
	"encoding/binary"
	"math/bits"
	"net/netip"
)

// addr4 is an IPv4 address as a big-endian integer: 4 bytes of key instead of
// a 24-byte netip.Addr.
type addr4 = uint32

// Node capacities for the IPv4 tree: a leaf slot is 5 bytes of key (start,
// prefix length) plus the value, so a leaf spans a dozen cache lines and a 1e6-entry tree is
// three levels deep.
const (
	leafCap4  = 64
	innerCap4 = 64
)

// bits4 is the length of an IPv4 address in bits: the longest prefix.
const bits4 = 32

// wideLen marks, in a leaf's prefix lengths, an entry that is not a prefix:
// its end is stored in full.
const wideLen = 0xff

func less4(a, b addr4) bool { return a < b }

// lastOf4 returns the last address of the prefix lo/p; Go's shifts by the
// address length and more yield 0, so p = 0 and p = 32 need no branch.
func lastOf4(lo addr4, p uint8) addr4 { return lo | ^addr4(0)>>p }

// prefixLen4 returns the length of the prefix whose addresses are exactly
// [lo, hi], and false if the range is not a prefix; lo ≤ hi.
func prefixLen4(lo, hi addr4) (uint8, bool) {
	host := lo ^ hi
	if host&(host+1) != 0 || lo&host != 0 {
		return 0, false
	}
	return uint8(bits4 - bits.Len32(host)), true
}

func max4(a, b addr4) addr4 { return max(a, b) }

// next4 returns a+1; the caller ensures a is not the last address.
func next4(a addr4) addr4 { return a + 1 }

// prev4 returns a−1; the caller ensures a is not the zero address.
func prev4(a addr4) addr4 { return a - 1 }

func isZero4(a addr4) bool { return a == 0 }

func fromAddr4(a netip.Addr) addr4 {
	b := a.As4()
	return binary.BigEndian.Uint32(b[:])
}

func toAddr4(a addr4) netip.Addr {
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], a)
	return netip.AddrFrom4(b)
}

// prefixKey4 returns the first and last address of a valid, masked IPv4 prefix.
func prefixKey4(p netip.Prefix) (lo, hi addr4) {
	lo = fromAddr4(p.Addr())
	host := 32 - p.Bits()
	if host == 32 {
		return 0, ^addr4(0)
	}
	return lo, lo | (addr4(1)<<host - 1)
}

// keyLE4 reports whether (alo, ahi) ≤ (blo, bhi) in (start, end) order, as
// one 64-bit comparison.
func keyLE4(alo, ahi, blo, bhi addr4) bool {
	return uint64(alo)<<32|uint64(ahi) <= uint64(blo)<<32|uint64(bhi)
}

// starts4 holds a leaf's starts, ascending.
type starts4 [leafCap4]addr4

func (s *starts4) at(i int) addr4     { return s[i] }
func (s *starts4) put(i int, a addr4) { s[i] = a }

// countLE returns how many of the first n starts are ≤ x.
func (s *starts4) countLE(n int, x addr4) int { return countLE4(s[:n], x) }

// countLT returns how many of the first n starts are < x.
func (s *starts4) countLT(n int, x addr4) int { return countLT4(s[:n], x) }

// own makes s, a copy of another leaf's starts, share nothing with them.
func (s *starts4) own() {}

// moveStarts4 copies count starts from src[from:] to dst[at:].
func moveStarts4(dst *starts4, at int, src *starts4, from, count int) {
	copy(dst[at:at+count], src[from:from+count])
}

// countLE4 returns how many a[i] ≤ x in the ascending a. It reads every
// eighth key to find the block of eight holding the answer, then counts in
// that block: no more than two dependent steps and a few cache lines per
// node, whether the node is cold (a binary search would wait on one miss
// per step) or hot (a full scan would do needless compares).
func countLE4(a []addr4, x addr4) int {
	full := 0
	for k := 7; k < len(a); k += 8 {
		more := full + 8
		if less4(x, a[k]) {
			more = full
		}
		full = more
	}
	c := full
	for _, v := range a[full:min(full+8, len(a))] {
		if !less4(x, v) {
			c++
		}
	}
	return c
}

// countLT4 returns how many a[i] < x in the ascending a, searching like
// countLE4.
func countLT4(a []addr4, x addr4) int {
	full := 0
	for k := 7; k < len(a); k += 8 {
		more := full + 8
		if !less4(a[k], x) {
			more = full
		}
		full = more
	}
	c := full
	for _, v := range a[full:min(full+8, len(a))] {
		if less4(v, x) {
			c++
		}
	}
	return c
}

// keys4 holds an inner node's first keys or running maxima, ascending.
type keys4 [innerCap4]addr4

func (k *keys4) at(i int) addr4     { return k[i] }
func (k *keys4) put(i int, a addr4) { k[i] = a }

// countLE returns how many of the first n keys are ≤ x.
func (k *keys4) countLE(n int, x addr4) int { return countLE4(k[:n], x) }

// countLT returns how many of the first n keys are < x.
func (k *keys4) countLT(n int, x addr4) int { return countLT4(k[:n], x) }

// reaches reports whether key i is ≥ a.
func (k *keys4) reaches(i int, a addr4) bool { return k[i] >= a }

// moveKeys4 copies count keys from src[from:] to dst[at:].
func moveKeys4(dst *keys4, at int, src *keys4, from, count int) {
	copy(dst[at:at+count], src[from:from+count])
}

// word4 returns a as a machine word, for leaf4.touch.
func word4(a addr4) uint { return uint(a) }

// cold does nothing; a caller of leaf4.touch calls it on a sum it has no
// use for, so that the loads behind the sum are kept.
//
//go:noinline
func cold() {}
