package ipam_test

import (
	"fmt"
	"net/netip"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
)

// Two overlay clusters reuse a pod CIDR, which is allowed; a third, on
// kubenet, routes pods through the VNet and overlaps a subnet. Overlaps
// says which is which, and why.
func ExamplePlan_Overlaps() {
	pfx := netip.MustParsePrefix
	pool := []ipam.AgentPool{{Pool: sizing.Pool{Name: "sys", Count: 3, VNetSubnet: "aks"}}}
	overlay := ipam.NetworkProfile{NetworkPlugin: ipam.PluginAzure, NetworkPluginMode: ipam.PluginModeOverlay,
		NetworkPolicy: ipam.PolicyCilium, PodCIDR: pfx("10.244.0.0/16")}
	kubenet := ipam.NetworkProfile{NetworkPlugin: ipam.PluginKubenet, NetworkPolicy: ipam.PolicyCalico,
		PodCIDR: pfx("10.1.0.0/24")}
	plan := &ipam.Plan{
		VNets: []ipam.VNet{{Name: "hub", AddressSpace: []netip.Prefix{pfx("10.1.0.0/16")},
			Subnets: []ipam.Subnet{{Name: "aks", AddressPrefixes: []netip.Prefix{pfx("10.1.0.0/22")}}}}},
		Clusters: []ipam.Cluster{
			{Name: "a", NetworkProfile: overlay, AgentPoolProfiles: pool},
			{Name: "b", NetworkProfile: overlay, AgentPoolProfiles: pool},
			{Name: "c", NetworkProfile: kubenet, AgentPoolProfiles: pool},
		},
	}
	for _, o := range plan.Overlaps() {
		if o.Subject.Kind != ipam.RangePodCIDR || o.Other.Kind == ipam.RangeServiceCIDR {
			continue
		}
		if o.Allowed {
			fmt.Println("allowed:", o.Message)
			continue
		}
		fmt.Println(o.Severity, o.Code+":", o.Message)
	}
	// Output:
	// error PodCidrOverlapExistingSubnetsCidr: pod CIDR 10.1.0.0/24 of cluster "c" overlaps subnet "aks" (10.1.0.0/22) of VNet "hub"
	// allowed: pod CIDR 10.244.0.0/16 of cluster "b" overlaps pod CIDR 10.244.0.0/16 of cluster "a": overlay pod CIDRs are private to each cluster, so independent clusters may reuse one
}
