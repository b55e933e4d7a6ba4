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
