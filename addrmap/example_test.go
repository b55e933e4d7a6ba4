package addrmap_test

import (
	"fmt"
	"net/netip"
	"os"

	"github.com/cidrplan/cidrplan/addrmap"
	"github.com/cidrplan/cidrplan/ipam"
)

// A VNet with a node subnet, a bastion subnet and an on-premises range that
// overlaps the node subnet, drawn 32 characters wide. The overlap is marked
// as check reports it: against the VNet's address space, with its code.
func ExampleText() {
	plan := &ipam.Plan{
		VNets: []ipam.VNet{{
			Name:         "spoke",
			AddressSpace: []netip.Prefix{netip.MustParsePrefix("10.10.0.0/16")},
			Subnets: []ipam.Subnet{
				{Name: "nodes", AddressPrefixes: []netip.Prefix{netip.MustParsePrefix("10.10.0.0/18")}, Purpose: ipam.PurposeNode},
				{Name: "AzureBastionSubnet", AddressPrefixes: []netip.Prefix{netip.MustParsePrefix("10.10.255.192/26")}, Purpose: ipam.PurposeBastion},
			},
		}},
		Avoid: []ipam.AvoidRange{{Name: "branch", Source: ipam.SourceOnPremises, Prefixes: []netip.Prefix{netip.MustParsePrefix("10.10.32.0/20")}}},
	}
	if err := addrmap.Text(os.Stdout, plan, 32); err != nil {
		fmt.Println(err)
	}
	// Output:
	// VNet spoke 10.10.0.0/16  (65,536 addresses, 49,088 free)
	//   |NNNNXXNN.......................S|
	//   N  10.10.0.0/18      nodes                subnet of VNet "spoke"     16,384 addresses
	//   o  10.10.32.0/20     branch               on-premises network        4,096 addresses
	//   S  10.10.255.192/26  AzureBastionSubnet   subnet of VNet "spoke"     64 addresses
	//   X  10.10.32.0/20     VNet spoke ∩ branch  OnPremisesCidrOverlapping  4,096 addresses
	//
	// legend: N node subnet, S other subnet, o on-premises, . free, X overlap
}
