package main

import (
	"fmt"
	"net/netip"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
)

// checkSizeRange refuses a range given to size that AKS would refuse
// whatever its size: a subnet larger than Azure's largest, a pod CIDR that
// overlaps a range AKS reserves or multicast space (ipam's check reports
// the same as errors). Without it 0.0.0.0/0 would "fit" any pool.
func checkSizeRange(k sizing.RangeKind, p netip.Prefix) error {
	if k != sizing.PodCIDR {
		switch {
		case p.Addr().Is4() && p.Bits() < sizing.MaxSubnetBits:
			return fmt.Errorf("larger than /%d, the largest Azure subnet", sizing.MaxSubnetBits)
		case p.Addr().Is6() && p.Bits() != sizing.IPv6SubnetBits:
			return fmt.Errorf("an Azure IPv6 subnet is exactly /%d (and size counts the IPv4 one)", sizing.IPv6SubnetBits)
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
