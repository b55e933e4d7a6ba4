package overlap

import (
	"encoding/binary"
	"net/netip"
)

// addr4 is an IPv4 address as a big-endian integer: 4 bytes of key instead of
// a 24-byte netip.Addr.
type addr4 = uint32

// Node capacities for the IPv4 tree: a leaf slot is 12 bytes of keys plus the
// value, so a leaf spans a few dozen cache lines and a 1e6-entry tree is
// three levels deep.
const (
	leafCap4  = 64
	innerCap4 = 64
)

func less4(a, b addr4) bool { return a < b }

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
