package main

import (
	"fmt"
	"net/netip"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
)

// checkSizeRange refuses a range given to size that AKS would refuse
// whatever its size, as ipam judges a single range: a subnet outside
// Azure's subnet sizes, a pod CIDR over a range AKS reserves or multicast
// space. Without it 0.0.0.0/0 would "fit" any pool. Warnings (a public pod
// CIDR) are not refused.
//
// The error names the flag that gave p: --node-subnet "0.0.0.0/0" is
// larger than /2, the largest Azure subnet (SubnetTooLarge).
func checkSizeRange(flag string, k sizing.RangeKind, p netip.Prefix) error {
	use := ipam.RangeSubnet
	if k == sizing.PodCIDR {
		use = ipam.RangePodCIDR
	}
	for _, pr := range ipam.CheckRange(use, p) {
		if pr.Severity == ipam.SeverityError {
			return fmt.Errorf("--%s %q %s (%s)", flag, p, pr.Reason, pr.Code)
		}
	}
	return nil
}
