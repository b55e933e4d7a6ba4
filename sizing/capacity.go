package sizing

// Usable returns the addresses a prefix of length bits offers to a range of
// kind k and family f (mode matters for pod subnets only):
//   - subnets: 2^(32−bits) − 5, Azure reserving 5 addresses;
//   - static-block pod subnets: the whole aligned /28 blocks, less the first
//     and the last (they hold reserved addresses), × 16;
//   - pod CIDRs: whole per-node blocks (/24, IPv6 /80); nothing reserved.
//
// A length the range cannot have (longer than /29 for a subnet, /28 for a
// static-block pod subnet, the per-node block for a pod CIDR; outside the
// family) gives 0.
func Usable(k RangeKind, f IPFamily, mode PodIPAllocationMode, bits int) Count {
	sh := shape{kind: k, family: f, static: k == PodSubnet && mode == StaticBlock}
	if bits > sh.longest() {
		return Count{}
	}
	return sh.capacity(bits)
}

// MinPrefixLen returns the longest prefix length (the smallest range) of a
// range of kind k, family f and pod IP allocation mode (pod subnets only)
// whose Usable addresses hold need; -1 when none does (a static-block pod
// subnet is at most a /12). It is what Range.MinPrefixLen holds.
func MinPrefixLen(k RangeKind, f IPFamily, mode PodIPAllocationMode, need Count) int {
	return shape{kind: k, family: f, static: k == PodSubnet && mode == StaticBlock}.minPrefixLen(need)
}

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
func (s shape) capacity(bits int) Count {
	ab := s.addrBits()
	if bits < 0 || bits > ab {
		return Count{}
	}
	switch {
	case s.kind == PodCIDR:
		blockBits := s.longest()
		if bits > blockBits {
			return Count{}
		}
		return countPow2(ab - bits)
	case s.static:
		if bits > StaticBlockBits {
			return Count{}
		}
		return countPow2(StaticBlockBits - bits).Sub(CountFrom64(2)).Mul64(blockSize)
	}
	return countPow2(ab - bits).Sub(CountFrom64(ReservedPerSubnet))
}

// shortest returns the shortest prefix length the shape allows.
func (s shape) shortest() int {
	if s.static {
		return MaxStaticPodSubnet
	}
	return 0
}

// minPrefixLen returns the longest prefix length whose capacity holds
// need, or -1 if no allowed length does.
func (s shape) minPrefixLen(need Count) int {
	for bits := s.longest(); bits >= s.shortest(); bits-- {
		if !s.capacity(bits).Less(need) {
			return bits
		}
	}
	return -1
}
