package ipam_test

import (
	"fmt"

	"github.com/cidrplan/cidrplan/ipam"
)

// Every code a finding can carry is in the registry, with its severity,
// meaning and source.
func ExampleCode_Info() {
	info, ok := ipam.CodeServiceCIDROverlapExistingSubnetsCIDR.Info()
	fmt.Println(ok, info.Severity)
	fmt.Println(info.Meaning)
	fmt.Println(info.Source)
	// Output:
	// true error
	// a service CIDR overlaps a subnet of the cluster's VNet.
	// support/azure/azure-kubernetes/error-codes/servicecidroverlapexistingsubnetscidr-error.md
}

// Codes lists the registry, for documentation or a tool's table of codes.
func ExampleCodes() {
	n := map[ipam.Severity]int{}
	for _, ci := range ipam.Codes() {
		n[ci.Severity]++
	}
	fmt.Println(n[ipam.SeverityError] > 0, n[ipam.SeverityWarning] > 0, n[ipam.SeverityInfo] > 0)
	// Output:
	// true true true
}
