package sizing

import "github.com/cidrplan/cidrplan/internal/u128"

// shape is what decides a range's capacity: its kind, family and, for a
// pod subnet, the allocation mode.
type shape struct {
	kind   RangeKind
	family IPFamily
	static bool
}

func (s shape) addrBits() int {
	if s.family == IPv6 {
		return 128
	}
	return 32
}

// longest returns the longest prefix length the shape allows.
func (s shape) longest() int {
	switch {
	case s.kind == PodCIDR && s.family == IPv6:
		return NodeBlockBitsV6
	case s.kind == PodCIDR:
		return NodeBlockBitsV4
	case s.static:
		return StaticBlockBits
	}
	return MinSubnetBits
}

// capacity returns the addresses a prefix of length bits offers to the
// shape's demand:
//   - subnets: 2^(32−bits) − 5 (Azure's reserved addresses);
//   - static-block pod subnets: whole aligned /28 blocks, less the first
//     (holding .0–.3) and the last (holding the broadcast address), × 16;
//   - pod CIDRs: whole per-node blocks (/24, or /80 for IPv6), no reserve.
//
// Lengths outside 0..addrBits give 0.
func (s shape) capacity(bits int) u128.Uint128 {
	ab := s.addrBits()
	if bits < 0 || bits > ab {
		return u128.Uint128{}
	}
	switch {
	case s.kind == PodCIDR:
		blockBits := s.longest()
		if bits > blockBits {
			return u128.Uint128{}
		}
		return u128.PrefixSize(ab, bits)
	case s.static:
		if bits > StaticBlockBits {
			return u128.Uint128{}
		}
		return u128.Pow2(StaticBlockBits - bits).Sub(u128.From64(2)).Mul64(blockSize)
	}
	return u128.PrefixSize(ab, bits).Sub(u128.From64(ReservedPerSubnet))
}

// minPrefixLen returns the longest prefix length whose capacity holds
// need, or -1 if even a /0 does not.
func (s shape) minPrefixLen(need u128.Uint128) int {
	for bits := s.longest(); bits >= 0; bits-- {
		if !s.capacity(bits).Less(need) {
			return bits
		}
	}
	return -1
}
