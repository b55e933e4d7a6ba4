// Package plangen makes seeded pseudo-random address plans for overlap's
// tests and benchmarks.
//
// Clustered draws prefixes and ranges near the edges of both address spaces
// (0.0.0.0, 255.255.255.255, ::, ffff:…:ffff) and a few private blocks, so
// that nesting, duplicates and conflicts are common; Realistic and RandomIPv4
// are the two plans the benchmarks use.
package plangen

import (
	"encoding/binary"
	"math/rand/v2"
	"net/netip"

	"go4.org/netipx"
)

var bases4 = []uint32{0x00000000, 0x0a000000, 0x0a0a0000, 0x7fffff00, 0x80000000, 0xc0a80000, 0xffffff00}

var bases6 = []netip.Addr{
	netip.MustParseAddr("::"),
	netip.MustParseAddr("2001:db8::"),
	netip.MustParseAddr("fd00::"),
	netip.MustParseAddr("fd00:0:0:1::"),
	netip.MustParseAddr("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ff00"),
}

// ClusteredAddr returns an address of the given family close to one of a
// few edge and private bases.
func ClusteredAddr(r *rand.Rand, v6 bool) netip.Addr {
	if !v6 {
		a := bases4[r.IntN(len(bases4))]
		off := uint32(r.IntN(512))
		if a > ^uint32(0)-off {
			a = ^uint32(0)
		} else {
			a += off
		}
		return addr4(a)
	}
	b := bases6[r.IntN(len(bases6))].As16()
	hi, lo := binary.BigEndian.Uint64(b[:8]), binary.BigEndian.Uint64(b[8:])
	switch r.IntN(3) {
	case 0:
		lo = addSat(lo, uint64(r.IntN(512)))
	case 1:
		lo = r.Uint64()
	default:
		hi = addSat(hi, uint64(r.IntN(4))<<16)
	}
	binary.BigEndian.PutUint64(b[:8], hi)
	binary.BigEndian.PutUint64(b[8:], lo)
	return netip.AddrFrom16(b)
}

// ClusteredPrefix returns a masked prefix near an edge or private base;
// lengths favour the long end, with /0 and the host length included.
func ClusteredPrefix(r *rand.Rand) netip.Prefix {
	v6 := r.IntN(2) == 1
	a := ClusteredAddr(r, v6)
	var bits int
	switch w := a.BitLen(); r.IntN(10) {
	case 0:
		bits = r.IntN(w + 1)
	case 1:
		bits = []int{0, 1, w}[r.IntN(3)]
	default:
		bits = w - r.IntN(12)
	}
	p, _ := a.Prefix(bits)
	return p
}

// ClusteredRange returns a valid range between two clustered addresses of
// one family; about one in four is a single address.
func ClusteredRange(r *rand.Rand) netipx.IPRange {
	v6 := r.IntN(2) == 1
	a := ClusteredAddr(r, v6)
	b := a
	if r.IntN(4) != 0 {
		b = ClusteredAddr(r, v6)
	}
	if b.Less(a) {
		a, b = b, a
	}
	return netipx.IPRangeFrom(a, b)
}

// Realistic returns n prefixes, shuffled: half are VNet-like IPv4 subnets
// (/20 to /29, aligned, disjoint, spread over the whole space) of which
// about 0.1% are replaced by conflicts (a duplicate, a sub- or a
// supernet of another subnet); the other half are random IPv6 /48, /56 and
// /64 inside fd00::/8.
func Realistic(r *rand.Rand, n int) []netip.Prefix {
	out := make([]netip.Prefix, 0, n)
	n4 := n / 2
	cur := uint64(1 << 24) // 1.0.0.0
	for range n4 {
		bits := 20 + r.IntN(10)
		size := uint64(1) << (32 - bits)
		cur = (cur + size - 1) &^ (size - 1)
		cur += size * uint64(r.IntN(2)) // leave some holes
		if cur+size > 1<<32 {
			cur = 1 << 24
		}
		out = append(out, netip.PrefixFrom(addr4(uint32(cur)), bits))
		cur += size
	}
	for i := 0; i < n4/1000+1 && n4 > 0; i++ {
		victim := out[r.IntN(n4)]
		switch r.IntN(3) {
		case 0:
			out[r.IntN(n4)] = victim
		case 1:
			sub, _ := victim.Addr().Prefix(victim.Bits() + 1)
			out[r.IntN(n4)] = sub
		default:
			sup, _ := victim.Addr().Prefix(victim.Bits() - 1)
			out[r.IntN(n4)] = sup
		}
	}
	for len(out) < n {
		var b [16]byte
		binary.BigEndian.PutUint64(b[:8], 0xfd<<56|r.Uint64()>>8)
		bits := []int{48, 56, 64}[r.IntN(3)]
		p, _ := netip.AddrFrom16(b).Prefix(bits)
		out = append(out, p)
	}
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// RandomIPv4 returns n uniformly random masked IPv4 prefixes of length 8 to 30.
func RandomIPv4(r *rand.Rand, n int) []netip.Prefix {
	out := make([]netip.Prefix, n)
	for i := range out {
		p, _ := addr4(r.Uint32()).Prefix(8 + r.IntN(23))
		out[i] = p
	}
	return out
}

func addr4(a uint32) netip.Addr {
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], a)
	return netip.AddrFrom4(b)
}

// addSat returns a+b, or the largest uint64 if that overflows, so that
// offsets from the last base stay at the top of the space.
func addSat(a, b uint64) uint64 {
	if a > ^uint64(0)-b {
		return ^uint64(0)
	}
	return a + b
}
