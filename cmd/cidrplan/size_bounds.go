package main

import (
	"fmt"
	"net/netip"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
)

// largestSubnetBits is the shortest prefix an Azure IPv4 subnet may have
// (AKS-RULES §1: /2 [D]; ipam's SubnetTooLarge checks the same bound).
const largestSubnetBits = 2

// ipv6SubnetBits is the only length of an Azure IPv6 subnet.
const ipv6SubnetBits = 64

// checkSizeRange refuses a range given to size that AKS would refuse
// whatever its size: a subnet larger than Azure's largest, a pod CIDR that
// overlaps a range AKS reserves or multicast space (ipam's check reports
// the same as errors). Without it 0.0.0.0/0 would "fit" any pool.
func checkSizeRange(k sizing.RangeKind, p netip.Prefix) error {
	if k != sizing.PodCIDR {
		switch {
		case p.Addr().Is4() && p.Bits() < largestSubnetBits:
			return fmt.Errorf("larger than /%d, the largest Azure subnet", largestSubnetBits)
		case p.Addr().Is6() && p.Bits() != ipv6SubnetBits:
			return fmt.Errorf("an Azure IPv6 subnet is exactly /%d (and size counts the IPv4 one)", ipv6SubnetBits)
		}
		return nil
	}
	for _, r := range ipam.AKSReservedRanges() {
		if p.Overlaps(r.Prefix) {
			return fmt.Errorf("overlaps %s (%s), which AKS refuses for pods", r.Prefix, r.Name)
		}
	}
	if ipam.IsMulticast(p) {
		return fmt.Errorf("overlaps multicast address space (%s), which AKS refuses for pods", multicastOf(p))
	}
	return nil
}

// multicastOf names the multicast range of p's family.
func multicastOf(p netip.Prefix) string {
	if p.Addr().Is4() {
		return "224.0.0.0/4"
	}
	return "ff00::/8"
}
