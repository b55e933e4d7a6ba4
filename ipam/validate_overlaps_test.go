package ipam

import (
	"net/netip"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// twoClusterPlan returns a valid plan with two overlay clusters in one VNet,
// sharing the pod CIDR (allowed for overlay), each with its own subnet.
func twoClusterPlan() *Plan {
	p := overlayPlan()
	p.VNets[0].Subnets = append(p.VNets[0].Subnets, Subnet{Name: "aks2", AddressPrefixes: []netip.Prefix{pfx("10.1.4.0/22")}})
	c2 := p.Clusters[0]
	c2.Name = "dev"
	c2.AgentPoolProfiles = []AgentPool{pool("system", 3, "aks2")}
	p.Clusters = append(p.Clusters, c2)
	return p
}

func TestOverlapRules(t *testing.T) {
	np := func(p *Plan, i int) *NetworkProfile { return &p.Clusters[i].NetworkProfile }
	addSubnet := func(name, prefix string) func(*Plan) {
		return func(p *Plan) {
			p.VNets[0].Subnets = append(p.VNets[0].Subnets, Subnet{Name: name, AddressPrefixes: []netip.Prefix{pfx(prefix)}})
		}
	}
	avoid := func(src Source, prefix string) func(*Plan) {
		return func(p *Plan) {
			p.Avoid = append(p.Avoid, AvoidRange{Name: "x", Source: src, Prefixes: []netip.Prefix{pfx(prefix)}})
		}
	}
	E, W := SeverityError, SeverityWarning
	tests := []struct {
		name   string
		base   func() *Plan
		mutate func(*Plan)
		sev    Severity
		code   Code
		field  string
		want   int // how many such findings
	}{
		{"subnets overlap", basePlan, addSubnet("other", "10.1.2.0/24"), E, CodeSubnetOverlap, "vnets[hub].subnets[other].addressPrefixes[0]", 1},
		{"subnets disjoint", basePlan, addSubnet("other", "10.1.4.0/24"), E, CodeSubnetOverlap, "", 0},
		{"subnets identical", basePlan, addSubnet("twin", "10.1.0.0/22"), E, CodeSubnetOverlap, "vnets[hub].subnets[twin].addressPrefixes[0]", 1},
		{"service over subnet", overlayPlan, func(p *Plan) { np(p, 0).ServiceCIDR, np(p, 0).DNSServiceIP = pfx("10.1.0.0/24"), addr("10.1.0.10") }, E, CodeServiceCIDROverlapExistingSubnetsCIDR, "clusters[prod].networkProfile.serviceCidr", 1},
		{"service in vnet space only", overlayPlan, func(p *Plan) { np(p, 0).ServiceCIDR, np(p, 0).DNSServiceIP = pfx("10.1.200.0/24"), addr("10.1.200.10") }, W, CodeServiceCIDROverlapVNet, "clusters[prod].networkProfile.serviceCidr", 1},
		{"service in vnet space only no error", overlayPlan, func(p *Plan) { np(p, 0).ServiceCIDR, np(p, 0).DNSServiceIP = pfx("10.1.200.0/24"), addr("10.1.200.10") }, E, CodeServiceCIDROverlapExistingSubnetsCIDR, "", 0},
		{"pod over subnet", overlayPlan, func(p *Plan) { np(p, 0).PodCIDR = pfx("10.1.0.0/16") }, E, CodePodCIDROverlapExistingSubnetsCIDR, "clusters[prod].networkProfile.podCidr", 1},
		{"pod over subnet hides vnet warning", overlayPlan, func(p *Plan) { np(p, 0).PodCIDR = pfx("10.1.0.0/16") }, W, CodeNetworkProfileCIDROverlapVNet, "", 0},
		{"pod in vnet space only", overlayPlan, func(p *Plan) { np(p, 0).PodCIDR = pfx("10.1.128.0/17") }, W, CodeNetworkProfileCIDROverlapVNet, "clusters[prod].networkProfile.podCidr", 1},
		{"pod over service", overlayPlan, func(p *Plan) { np(p, 0).PodCIDR = pfx("10.0.0.0/14") }, E, CodePodCIDROverlapServiceCIDR, "clusters[prod].networkProfile.serviceCidr", 1},
		{"overlay clusters reuse pod cidr", twoClusterPlan, func(p *Plan) {}, E, CodePodCIDROverlapPodCIDR, "", 0},
		{"kubenet clusters share pod cidr", twoClusterPlan, func(p *Plan) {
			for i := range p.Clusters {
				np(p, i).NetworkPlugin, np(p, i).NetworkPluginMode = PluginKubenet, ""
			}
		}, E, CodePodCIDROverlapPodCIDR, "clusters[dev].networkProfile.podCidr", 1},
		{"service cidrs of one cluster overlap", overlayPlan, func(p *Plan) {
			np(p, 0).ServiceCIDR = netip.Prefix{}
			np(p, 0).ServiceCIDRs = []netip.Prefix{pfx("10.0.0.0/16"), pfx("10.0.128.0/17")}
		}, E, CodeServiceCIDROverlapServiceCIDR, "clusters[prod].networkProfile.serviceCidrs[1]", 1},
		{"service cidrs of one cluster not a vnet overlap", overlayPlan, func(p *Plan) {
			np(p, 0).ServiceCIDR = netip.Prefix{}
			np(p, 0).ServiceCIDRs = []netip.Prefix{pfx("10.0.0.0/16"), pfx("10.0.128.0/17")}
		}, E, CodeServiceCIDROverlapVNet, "", 0},
		{"clusters reuse service cidr", twoClusterPlan, func(p *Plan) {}, E, CodeServiceCIDROverlapVNet, "", 0},
		{"peering over service", overlayPlan, avoid(SourcePeering, "10.0.4.0/24"), E, CodeVNetPeerCIDROverlapping, "clusters[prod].networkProfile.serviceCidr", 1},
		{"peering over vnet reported once", overlayPlan, avoid(SourcePeering, "10.1.0.0/24"), E, CodeVNetPeerCIDROverlapping, "vnets[hub].addressSpace[0]", 1},
		{"peering over vnet not per subnet", overlayPlan, avoid(SourcePeering, "10.1.0.0/24"), E, CodeVNetPeerCIDROverlapping, "addressPrefixes[0]", 0},
		{"peering clear", overlayPlan, avoid(SourcePeering, "10.2.0.0/16"), E, CodeVNetPeerCIDROverlapping, "", 0},
		{"on-prem over pod", overlayPlan, avoid(SourceOnPremises, "10.244.8.0/24"), E, CodeOnPremisesCIDROverlapping, "clusters[prod].networkProfile.podCidr", 1},
		{"other cluster over subnet", overlayPlan, avoid(SourceCluster, "10.1.0.0/20"), E, CodeAvoidCIDROverlapping, "vnets[hub].addressSpace[0]", 1},
		{"peered vnet listed twice", overlayPlan, avoid(SourcePeering, "10.1.0.0/16"), E, CodeVNetPeerCIDROverlapping, "", 0},
		{"docker in service", overlayPlan, func(p *Plan) { np(p, 0).DockerBridgeCIDR = pfx("10.0.0.1/24") }, W, CodeDockerBridgeInServiceCIDR, "clusters[prod].networkProfile.dockerBridgeCidr", 1},
		{"docker in pods", overlayPlan, func(p *Plan) { np(p, 0).DockerBridgeCIDR = pfx("10.244.0.1/24") }, W, CodeDockerBridgeInPodCIDR, "clusters[prod].networkProfile.dockerBridgeCidr", 1},
		{"docker in vnet", overlayPlan, func(p *Plan) { np(p, 0).DockerBridgeCIDR = pfx("10.1.0.1/24") }, W, CodeDockerBridgeInVNet, "clusters[prod].networkProfile.dockerBridgeCidr", 1},
		{"docker clear", overlayPlan, func(p *Plan) { np(p, 0).DockerBridgeCIDR = pfx("172.17.0.1/16") }, W, CodeDockerBridgeInVNet, "", 0},
		{"vnets overlap", basePlan, func(p *Plan) {
			p.VNets = append(p.VNets, VNet{Name: "spoke", AddressSpace: []netip.Prefix{pfx("10.1.128.0/17")}})
		}, W, CodeVNetOverlap, "vnets[spoke].addressSpace[0]", 1},
		{"vnet spaces of one vnet overlap", basePlan, func(p *Plan) {
			p.VNets[0].AddressSpace = append(p.VNets[0].AddressSpace, pfx("10.1.128.0/17"))
		}, E, CodeVNetOverlap, "vnets[hub].addressSpace[1]", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.base()
			tt.mutate(p)
			fs := p.Validate()
			n := 0
			for _, f := range fs {
				if f.Severity == tt.sev && f.Code == tt.code && (tt.field == "" || hasFinding(Findings{f}, tt.sev, tt.code, tt.field)) {
					n++
				}
			}
			if n != tt.want {
				t.Errorf("%d findings %s %s at …%s, want %d; findings:\n%s", n, tt.sev, tt.code, tt.field, tt.want, fs)
			}
			for _, f := range fs {
				if f.Severity == SeverityError && f.Fix == "" {
					t.Errorf("error without a fix: %s", f)
				}
			}
		})
	}
}

func TestOverlapMessageNamesBoth(t *testing.T) {
	p := basePlan()
	p.VNets[0].Subnets = append(p.VNets[0].Subnets, Subnet{Name: "other", AddressPrefixes: []netip.Prefix{pfx("10.1.2.0/24")}})
	got := p.Validate().Filter(SeverityError)
	want := Findings{{
		Severity: SeverityError, Code: CodeSubnetOverlap,
		Field:     "vnets[hub].subnets[other].addressPrefixes[0]",
		Message:   `subnet "other" (10.1.2.0/24) of VNet "hub" overlaps subnet "aks" (10.1.0.0/22) of VNet "hub"`,
		Fix:       "move one of the subnets to a free range such as 10.1.4.0/24",
		FixValues: FixValuesOf(FixValue{"vnets[hub].subnets[other].addressPrefixes[0]", "10.1.4.0/24"}),
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
