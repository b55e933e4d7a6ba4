package planfile_test

import (
	"fmt"
	"net/netip"
	"os"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/planfile"
	"github.com/cidrplan/cidrplan/sizing"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// Load and Parse report unknown keys and malformed CIDRs with the file and
// line; a prefix with host bits names its masked form.
func ExampleParse() {
	_, err := planfile.Parse([]byte("clusters:\n  - name: prod\n    networkProfile:\n      serviceCidr: 10.2.0.1/24\n"), "plan.yaml")
	fmt.Println(err)
	// Output:
	// ipam: plan.yaml:4: clusters[prod].networkProfile.serviceCidr: prefix "10.2.0.1/24": host bits set (want 10.2.0.0/24) (CidrStringParseError)
}

// Load reads a plan file; Validate says what AKS would reject.
func ExampleLoad() {
	plan, err := planfile.Load("../testdata/classic-cni.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range plan.Validate().Filter(ipam.SeverityError) {
		fmt.Println(f.Code, f.Field)
	}
	// Output:
	// VnetPeerCidrOverlapping clusters[prod].networkProfile.serviceCidr
}

// WithDefaults makes every default explicit, so the printed plan says what
// AKS would use; reading the printed plan back gives the same plan.
func ExampleMarshal() {
	plan := &ipam.Plan{Clusters: []ipam.Cluster{{
		Name:              "dev",
		NetworkProfile:    ipam.NetworkProfile{NetworkPlugin: ipam.PluginKubenet},
		AgentPoolProfiles: []ipam.AgentPool{{Pool: sizing.Pool{Name: "system", Count: 3, VNetSubnet: "aks"}}},
	}}}
	full := plan.WithDefaults()
	out, err := planfile.Marshal(full, planfile.YAML)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(out))
	back, err := planfile.Parse(out, "plan.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("round trip:", cmp.Equal(full, back, cmpopts.EquateComparable(netip.Addr{}, netip.Prefix{}, sizing.Surge{})))
	// Output:
	// clusters:
	//   - name: dev
	//     defaults:
	//       maxSurge: 10%
	//     networkProfile:
	//       networkPlugin: kubenet
	//       networkDataplane: azure
	//       ipFamilies:
	//         - IPv4
	//       podCidr: 10.244.0.0/16
	//       podCidrs:
	//         - 10.244.0.0/16
	//       serviceCidr: 10.0.0.0/16
	//       serviceCidrs:
	//         - 10.0.0.0/16
	//       dnsServiceIP: 10.0.0.10
	//     agentPoolProfiles:
	//       - name: system
	//         osType: Linux
	//         count: 3
	//         maxPods: 110
	//         maxSurge: 10%
	//         vnetSubnet: aks
	//         mode: System
	// round trip: true
}

// Write prints a plan as JSON (or YAML) with the keys Parse reads.
func ExampleWrite() {
	plan := &ipam.Plan{VNets: []ipam.VNet{{
		Name:         "spoke",
		AddressSpace: []netip.Prefix{netip.MustParsePrefix("10.1.0.0/16")},
		Subnets:      []ipam.Subnet{{Name: "aks", AddressPrefixes: []netip.Prefix{netip.MustParsePrefix("10.1.0.0/22")}}},
	}}}
	if err := planfile.Write(os.Stdout, plan, planfile.JSON); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {
	//   "vnets": [
	//     {
	//       "name": "spoke",
	//       "addressSpace": [
	//         "10.1.0.0/16"
	//       ],
	//       "subnets": [
	//         {
	//           "name": "aks",
	//           "addressPrefixes": [
	//             "10.1.0.0/22"
	//           ]
	//         }
	//       ]
	//     }
	//   ]
	// }
}
