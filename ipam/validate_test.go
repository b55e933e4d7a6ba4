package ipam

import (
	"net/netip"
	"testing"

	"github.com/cidrplan/cidrplan/sizing"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var pfx = netip.MustParsePrefix

// cmpNet lets cmp compare the plan's netip and surge values.
var cmpNet = cmp.Options{
	cmpopts.EquateComparable(netip.Addr{}, netip.Prefix{}, sizing.Surge{}),
}

// basePlan returns a valid classic Azure CNI plan: one VNet 10.1.0.0/16 with
// a /22 node subnet, one cluster with a 3-node pool and default service range.
func basePlan() *Plan {
	return &Plan{
		VNets: []VNet{{
			Name:         "hub",
			AddressSpace: []netip.Prefix{pfx("10.1.0.0/16")},
			Subnets: []Subnet{
				{Name: "aks", AddressPrefixes: []netip.Prefix{pfx("10.1.0.0/22")}},
			},
		}},
		Clusters: []Cluster{{
			Name:           "prod",
			NetworkProfile: NetworkProfile{NetworkPlugin: PluginAzure, NetworkPolicy: PolicyAzure},
			AgentPoolProfiles: []AgentPool{
				{Pool: sizing.Pool{Name: "system", Count: 3, VNetSubnet: "aks"}},
			},
		}},
	}
}

func TestValidateBasePlanHasNoErrors(t *testing.T) {
	fs := basePlan().Validate()
	if fs.HasErrors() {
		t.Fatalf("base plan has errors:\n%v", fs)
	}
}

func TestValidateServiceOverlapsSubnet(t *testing.T) {
	p := basePlan()
	p.Clusters[0].NetworkProfile.ServiceCIDR = pfx("10.1.0.0/16")
	p.Clusters[0].NetworkProfile.DNSServiceIP = netip.MustParseAddr("10.1.0.10")
	got := p.Validate().Filter(SeverityError)
	want := Findings{{
		Severity: SeverityError,
		Code:     CodeServiceCIDROverlapExistingSubnetsCIDR,
		Field:    "clusters[prod].networkProfile.serviceCidr",
		Message:  `service CIDR 10.1.0.0/16 of cluster "prod" overlaps subnet "aks" (10.1.0.0/22) of VNet "hub"`,
		Fix:      "use serviceCidr 10.0.0.0/16 and dnsServiceIP 10.0.0.10",
		FixValues: FixValuesOf(FixValue{"clusters[prod].networkProfile.serviceCidr", "10.0.0.0/16"},
			FixValue{"clusters[prod].networkProfile.dnsServiceIP", "10.0.0.10"}),
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Validate() mismatch (-want +got):\n%s", diff)
	}
}
