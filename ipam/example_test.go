package ipam_test

import (
	"fmt"
	"net/netip"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/planfile"
	"github.com/cidrplan/cidrplan/sizing"
)

// A service CIDR that overlaps a subnet of the cluster's VNet is what AKS
// rejects with ServiceCidrOverlapExistingSubnetsCidr; the fix names a free
// range.
func ExamplePlan_Validate() {
	plan, err := planfile.Parse([]byte(`
vnets:
  - name: spoke
    addressSpace: [10.1.0.0/16]
    subnets:
      - name: aks
        addressPrefixes: [10.1.0.0/22]
clusters:
  - name: prod
    networkProfile:
      networkPlugin: azure
      networkPolicy: azure
      serviceCidr: 10.1.0.0/16
      dnsServiceIP: 10.1.0.10
    agentPoolProfiles:
      - name: system
        count: 3
        maxSurge: "33%"
        maxPods: 30
        vnetSubnet: aks
`), "plan.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range plan.Validate().Filter(ipam.SeverityError) {
		fmt.Println(f.Code)
		fmt.Println(f.Field)
		fmt.Println(f.Message)
		fmt.Println("fix:", f.Fix)
	}
	// Output:
	// ServiceCidrOverlapExistingSubnetsCidr
	// clusters[prod].networkProfile.serviceCidr
	// service CIDR 10.1.0.0/16 of cluster "prod" overlaps subnet "aks" (10.1.0.0/22) of VNet "spoke"
	// fix: use serviceCidr 10.0.0.0/16 and dnsServiceIP 10.0.0.10
}

// Allocate finds the lowest free aligned prefixes in a VNet, clear of its
// subnets, the clusters' ranges and the ranges to avoid.
func ExamplePlan_Allocate() {
	plan := &ipam.Plan{
		VNets: []ipam.VNet{{
			Name:         "spoke",
			AddressSpace: []netip.Prefix{netip.MustParsePrefix("10.1.0.0/16")},
			Subnets: []ipam.Subnet{
				{Name: "aks", AddressPrefixes: []netip.Prefix{netip.MustParsePrefix("10.1.0.0/22")}},
			},
		}},
		Avoid: []ipam.AvoidRange{{
			Name: "branch", Source: ipam.SourceOnPremises,
			Prefixes: []netip.Prefix{netip.MustParsePrefix("10.1.4.0/24")},
		}},
	}
	got, err := plan.Allocate("spoke", 24, 3)
	fmt.Println(got, err)
	// Output:
	// [10.1.5.0/24 10.1.6.0/24 10.1.7.0/24] <nil>
}

// Complete sizes a missing node subnet with sizing (at the upgrade peak),
// places it in the VNet, and picks pod and service ranges that overlap
// nothing.
func ExamplePlan_Complete() {
	plan := &ipam.Plan{
		VNets: []ipam.VNet{{
			Name:         "spoke",
			AddressSpace: []netip.Prefix{netip.MustParsePrefix("10.8.0.0/16")},
		}},
		Clusters: []ipam.Cluster{{
			Name: "web",
			NetworkProfile: ipam.NetworkProfile{
				NetworkPlugin:     ipam.PluginAzure,
				NetworkPluginMode: ipam.PluginModeOverlay,
				NetworkPolicy:     ipam.PolicyCilium,
				NetworkDataplane:  ipam.DataplaneCilium,
			},
			AgentPoolProfiles: []ipam.AgentPool{
				{Pool: sizing.Pool{Name: "system", Count: 3}},
				{Pool: sizing.Pool{Name: "apps", EnableAutoScaling: true, MaxCount: 100}},
			},
		}},
		Avoid: []ipam.AvoidRange{{
			Name: "datacenter", Source: ipam.SourceOnPremises,
			Prefixes: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/16")},
		}},
	}
	done, err := plan.Complete()
	if err != nil {
		fmt.Println(err)
		return
	}
	s := done.VNets[0].Subnets[0]
	np := done.Clusters[0].NetworkProfile
	fmt.Println("node subnet:", s.Name, s.AddressPrefixes)
	fmt.Println("pod CIDR:", np.PodCIDR)
	fmt.Println("service CIDR:", np.ServiceCIDR, "DNS:", np.DNSServiceIP)
	fmt.Println("errors:", done.Validate().HasErrors())
	// Output:
	// node subnet: web-nodes [10.8.0.0/25]
	// pod CIDR: 10.244.0.0/16
	// service CIDR: 10.1.0.0/16 DNS: 10.1.0.10
	// errors: false
}
