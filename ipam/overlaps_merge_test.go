package ipam_test

import (
	"net/netip"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cidrplan/cidrplan/ipam"
)

// One range overlapping several ranges of one kind, under one code, is one
// finding listing them all, with one fix; Plan.Overlaps reports the same
// finding with every range it names.
func TestOverlapWithSeveralRangesIsOneFinding(t *testing.T) {
	type finding struct {
		Code, Message, Fix string
		Others             []string
	}
	tests := []struct {
		name   string
		mutate func(*ipam.Plan)
		field  string
		want   finding
	}{
		{"pod CIDR over two reserved ranges",
			func(p *ipam.Plan) { p.Clusters[0].NetworkProfile.PodCIDR = netip.MustParsePrefix("172.16.0.0/12") },
			"clusters[prod].networkProfile.podCidr",
			finding{Code: "ReservedRangeOverlap",
				Message: `pod CIDR 172.16.0.0/12 of cluster "prod" overlaps 172.30.0.0/16 and 172.31.0.0/16 (reserved by AKS)`,
				Fix:     "choose a pod range clear of 172.30.0.0/16 and 172.31.0.0/16",
				Others:  []string{"172.30.0.0/16", "172.31.0.0/16"}}},
		{"service CIDR over two subnets",
			func(p *ipam.Plan) {
				p.VNets[0].Subnets = append(p.VNets[0].Subnets,
					ipam.Subnet{Name: "db", AddressPrefixes: []netip.Prefix{netip.MustParsePrefix("10.1.8.0/24")}})
				p.Clusters[0].NetworkProfile.ServiceCIDR = netip.MustParsePrefix("10.1.0.0/20")
				p.Clusters[0].NetworkProfile.DNSServiceIP = netip.MustParseAddr("10.1.0.10")
			},
			"clusters[prod].networkProfile.serviceCidr",
			finding{Code: "ServiceCidrOverlapExistingSubnetsCidr",
				Message: `service CIDR 10.1.0.0/20 of cluster "prod" overlaps subnet "aks" (10.1.0.0/22) of VNet "hub" and subnet "db" (10.1.8.0/24) of VNet "hub"`,
				Fix:     "use serviceCidr 10.0.0.0/20 and dnsServiceIP 10.0.0.10",
				Others:  []string{"10.1.0.0/22", "10.1.8.0/24"}}},
		// A VNet may not hold 168.63.129.16/32 or 169.254.0.0/16
		// (docs/aks-rules.md#ranges-a-vnet-may-not-hold): a space over both
		// is one finding, its fix clear of both.
		{"VNet space over two forbidden ranges",
			func(p *ipam.Plan) {
				p.VNets = append(p.VNets, ipam.VNet{Name: "wide", AddressSpace: []netip.Prefix{netip.MustParsePrefix("160.0.0.0/4")}})
			},
			"vnets[wide].addressSpace[0]",
			finding{Code: "VnetAddressSpaceForbidden",
				Message: `VNet "wide" address space 160.0.0.0/4 overlaps 168.63.129.16/32 (Azure platform address) and 169.254.0.0/16 (link-local), which Azure does not allow in a VNet`,
				Fix:     "use an address space clear of 168.63.129.16/32 and 169.254.0.0/16",
				Others:  []string{"168.63.129.16/32", "169.254.0.0/16"}}},
		// On-premises networks must not overlap plan ranges
		// (docs/aks-rules.md#peered-on-premises-and-other-known-ranges): one
		// range over two prefixes of one on-premises network is one finding
		// naming the network once, whose fix keeps clear of both, although
		// each overlap alone would name its own prefix.
		{"VNet space over two prefixes of one on-premises range",
			func(p *ipam.Plan) {
				p.Avoid = append(p.Avoid, ipam.AvoidRange{Name: "dc", Source: ipam.SourceOnPremises,
					Prefixes: []netip.Prefix{netip.MustParsePrefix("10.1.64.0/20"), netip.MustParsePrefix("10.1.128.0/20")}})
			},
			"vnets[hub].addressSpace[0]",
			finding{Code: "OnPremisesCidrOverlapping",
				Message: `address space 10.1.0.0/16 of VNet "hub" overlaps onPremises range "dc" (10.1.64.0/20, 10.1.128.0/20)`,
				Fix:     "move it clear of 10.1.64.0/20 and 10.1.128.0/20",
				Others:  []string{"10.1.64.0/20", "10.1.128.0/20"}}},
		{"VNet space over two peered VNets",
			func(p *ipam.Plan) {
				p.Avoid = append(p.Avoid,
					ipam.AvoidRange{Name: "p1", Source: ipam.SourcePeering, Prefixes: []netip.Prefix{netip.MustParsePrefix("10.1.0.0/24")}},
					ipam.AvoidRange{Name: "p2", Source: ipam.SourcePeering, Prefixes: []netip.Prefix{netip.MustParsePrefix("10.1.2.0/24")}})
			},
			"vnets[hub].addressSpace[0]",
			finding{Code: "VnetPeerCidrOverlapping",
				Message: `address space 10.1.0.0/16 of VNet "hub" overlaps peering range "p1" (10.1.0.0/24) and peering range "p2" (10.1.2.0/24)`,
				Fix:     "move it clear of 10.1.0.0/24 and 10.1.2.0/24",
				Others:  []string{"10.1.0.0/24", "10.1.2.0/24"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := rulePlan()
			tt.mutate(p)
			var fromValidate []finding
			for _, f := range p.Validate() {
				if f.Field == tt.field && string(f.Code) == tt.want.Code {
					fromValidate = append(fromValidate, finding{Code: string(f.Code), Message: f.Message, Fix: f.Fix})
				}
			}
			wantFinding := tt.want
			wantFinding.Others = nil // a Finding names no ranges
			if diff := cmp.Diff([]finding{wantFinding}, fromValidate); diff != "" {
				t.Errorf("Validate (-want +got):\n%s", diff)
			}
			var fromOverlaps []finding
			for _, o := range p.Overlaps() {
				if o.Field == tt.field && string(o.Code) == tt.want.Code {
					f := finding{Code: string(o.Code), Message: o.Message, Fix: o.Fix}
					for _, r := range o.Others {
						f.Others = append(f.Others, r.Prefix.String())
					}
					fromOverlaps = append(fromOverlaps, f)
				}
			}
			if diff := cmp.Diff([]finding{tt.want}, fromOverlaps); diff != "" {
				t.Errorf("Overlaps (-want +got):\n%s", diff)
			}
		})
	}
}
