package workload

import (
	"encoding/binary"
	"net/netip"
)

// v4 is the prefix of bits length starting at address a.
func v4(a uint64, bits int) netip.Prefix {
	return netip.PrefixFrom(netip.AddrFrom4([4]byte{byte(a >> 24), byte(a >> 16), byte(a >> 8), byte(a)}), bits)
}

// v6 is the prefix of bits length whose address has hi as its upper 64 bits
// and lo as its lower 64 bits.
func v6(hi, lo uint64, bits int) netip.Prefix {
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], hi)
	binary.BigEndian.PutUint64(b[8:], lo)
	return netip.PrefixFrom(netip.AddrFrom16(b), bits)
}

// alignUp rounds x up to a multiple of size, a power of two.
func alignUp(x, size uint64) uint64 { return (x + size - 1) &^ (size - 1) }

// pick returns an index into weights, chosen with probability proportional
// to its weight.
func pick(r interface{ IntN(int) int }, weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	x := r.IntN(total)
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

// ComparePrefix orders prefixes by address, then shorter first: the order in
// which a parent precedes everything it contains.
func ComparePrefix(a, b netip.Prefix) int {
	if c := a.Addr().Compare(b.Addr()); c != 0 {
		return c
	}
	return a.Bits() - b.Bits()
}
