package ipam_test

import (
	"fmt"
	"net/netip"

	"github.com/cidrplan/cidrplan/ipam"
	"go4.org/netipx"
)

// Allocate places new subnets in the lowest free aligned slots of a VNet
// space, around the subnets that exist and a peered range.
func ExampleAllocate() {
	vnet := netip.MustParsePrefix("10.10.0.0/16")
	used := []netipx.IPRange{
		netipx.RangeOfPrefix(netip.MustParsePrefix("10.10.0.0/24")), // nodes
		netipx.RangeOfPrefix(netip.MustParsePrefix("10.10.2.0/26")), // bastion
		netipx.MustParseIPRange("10.10.3.0-10.10.4.255"),            // peered VNet
	}
	subnets, err := ipam.Allocate(vnet, 24, 3, used...)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(subnets)
	// Output: [10.10.1.0/24 10.10.5.0/24 10.10.6.0/24]
}

// An Allocator keeps its free space between calls: allocate prefixes of
// different sizes, avoid more ranges as they turn up, and list what is left.
func ExampleAllocator() {
	a, err := ipam.NewAllocator(netip.MustParsePrefix("10.0.0.0/22"),
		netipx.RangeOfPrefix(netip.MustParsePrefix("10.0.0.0/25")))
	if err != nil {
		fmt.Println(err)
		return
	}
	pods, _ := a.Allocate(23)
	api, _ := a.Allocate(28)
	fmt.Println("pods:", pods, "api server:", api)

	if err := a.Avoid(netipx.MustParseIPRange("10.0.0.200-10.0.1.255")); err != nil {
		fmt.Println(err)
		return
	}
	for r := range a.Free() {
		fmt.Println("free:", r)
	}
	if _, err := a.AllocateN(24, 2); err != nil {
		fmt.Println(err)
	}
	// Output:
	// pods: 10.0.2.0/23 api server: 10.0.0.128/28
	// free: 10.0.0.144-10.0.0.199
	// ipam: no room for 2 /24 in 10.0.0.0/22 (found 0)
}

func ExampleAllocError() {
	_, err := ipam.Allocate(netip.MustParsePrefix("10.0.0.0/16"), 24, 3,
		netipx.MustParseIPRange("10.0.0.0-10.0.254.255"))
	fmt.Println(err)
	// Output: ipam: no room for 3 /24 in 10.0.0.0/16 (found 1)
}
