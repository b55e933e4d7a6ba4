package sizing

import (
	"fmt"
	"net/netip"
)

// nodeBlockBits returns the per-node block length in a pod CIDR of the
// family of a.
func nodeBlockBits(a netip.Addr) int {
	if a.Is4() {
		return NodeBlockBitsV4
	}
	return NodeBlockBitsV6
}

// checkPodCIDR validates a pod CIDR: a clean prefix no longer than the
// per-node block of its family.
func checkPodCIDR(podCIDR netip.Prefix) error {
	if err := checkPrefix(podCIDR, ""); err != nil {
		return err
	}
	if bb := nodeBlockBits(podCIDR.Addr()); podCIDR.Bits() > bb {
		return &PrefixError{Prefix: podCIDR, Detail: fmt.Sprintf("pod CIDR longer than the per-node /%d", bb)}
	}
	return nil
}

// PodCIDRNodes returns how many nodes a kubenet or overlay pod CIDR holds:
// 2^(24 − len) for IPv4 (a /16 holds 256), 2^(80 − len) for IPv6. It
// rejects an invalid prefix, host bits, 4in6, or a prefix longer than the
// per-node block.
func PodCIDRNodes(podCIDR netip.Prefix) (Count, error) {
	if err := checkPodCIDR(podCIDR); err != nil {
		return Count{}, err
	}
	return countPow2(nodeBlockBits(podCIDR.Addr()) - podCIDR.Bits()), nil
}

// NodePodBlock returns the pod block of node i (from 0) in a kubenet or
// overlay pod CIDR: the i-th /24 (IPv4) or /80 (IPv6) in address order, so
// node 0 of 10.244.0.0/16 gets 10.244.0.0/24 and node 1 10.244.1.0/24. It
// rejects what PodCIDRNodes rejects and i outside 0..PodCIDRNodes−1.
func NodePodBlock(podCIDR netip.Prefix, i int) (netip.Prefix, error) {
	n, err := PodCIDRNodes(podCIDR)
	if err != nil {
		return netip.Prefix{}, err
	}
	if i < 0 || !CountFromInt(i).Less(n) {
		return netip.Prefix{}, &Error{Field: "node", Value: fmt.Sprint(i), Err: ErrInsufficientSubnetSize,
			Detail: fmt.Sprintf("pod CIDR %v holds nodes 0..%v", podCIDR, n.Sub(CountFrom64(1)))}
	}
	bb := nodeBlockBits(podCIDR.Addr())
	a := podCIDR.Addr().As16()
	// Add i × 2^(addrBits − bb) to the address: i < 2^(bb − len) fits in
	// the bits between len and bb, so there is no carry past the prefix.
	shift := podCIDR.Addr().BitLen() - bb
	addShifted(&a, uint64(i), shift)
	addr := netip.AddrFrom16(a)
	if podCIDR.Addr().Is4() {
		addr = addr.Unmap()
	}
	return netip.PrefixFrom(addr, bb), nil
}

// addShifted adds v << shift to the big-endian 128-bit value a.
func addShifted(a *[16]byte, v uint64, shift int) {
	var hi, lo uint64
	for j := range 8 {
		hi = hi<<8 | uint64(a[j])
		lo = lo<<8 | uint64(a[8+j])
	}
	var vhi, vlo uint64
	switch {
	case shift >= 128:
	case shift >= 64:
		vhi = v << (shift - 64)
	case shift == 0:
		vlo = v
	default:
		vhi, vlo = v>>(64-shift), v<<shift
	}
	lo2 := lo + vlo
	carry := uint64(0)
	if lo2 < lo {
		carry = 1
	}
	hi += vhi + carry
	for j := 7; j >= 0; j-- {
		a[j], a[8+j] = byte(hi), byte(lo2)
		hi >>= 8
		lo2 >>= 8
	}
}

// CheckPodCIDRExpansion reports whether an overlay pod CIDR may change
// from one prefix to another: only to a superset (10.244.0.0/18 → 10.244.0.0/16),
// never shrunk or moved, IPv4 only. An unchanged CIDR is allowed. A
// refused change is an *Error wrapping ErrPodCIDRExpansion; a bad prefix
// a *PrefixError.
func CheckPodCIDRExpansion(from, to netip.Prefix) error {
	for _, p := range []netip.Prefix{from, to} {
		if err := checkPodCIDR(p); err != nil {
			return err
		}
	}
	bad := func(detail string) error {
		return &Error{Field: "podCIDR", Value: to.String(), Err: ErrPodCIDRExpansion,
			Detail: fmt.Sprintf("from %v: %s", from, detail)}
	}
	switch {
	case !from.Addr().Is4() || !to.Addr().Is4():
		return bad("IPv6 pod CIDRs cannot be expanded")
	case to.Bits() > from.Bits():
		return bad("a pod CIDR cannot shrink")
	case !to.Contains(from.Addr()):
		return bad("a pod CIDR cannot move; the new range must contain the old")
	}
	return nil
}
