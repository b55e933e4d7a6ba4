package addrmap

import (
	"math/rand/v2"
	"net/netip"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/planfile"
	"github.com/cidrplan/cidrplan/sizing"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"go4.org/netipx"
)

// overlapCodes are the codes of findings about two ranges sharing
// addresses: what the map hatches.
var overlapCodes = map[ipam.Code]bool{
	ipam.CodeServiceCIDROverlapExistingSubnetsCIDR: true, ipam.CodePodCIDROverlapExistingSubnetsCIDR: true,
	ipam.CodeNetworkProfileCIDROverlapVNet: true, ipam.CodeServiceCIDROverlapVNet: true,
	ipam.CodePodCIDROverlapServiceCIDR: true, ipam.CodePodCIDROverlapPodCIDR: true,
	ipam.CodeServiceCIDROverlapServiceCIDR: true, ipam.CodeDockerBridgeInServiceCIDR: true,
	ipam.CodeDockerBridgeInPodCIDR: true, ipam.CodeDockerBridgeInVNet: true,
	ipam.CodeVNetPeerCIDROverlapping: true, ipam.CodeOnPremisesCIDROverlapping: true,
	ipam.CodeAvoidCIDROverlapping: true, ipam.CodeSubnetOverlap: true, ipam.CodeVNetOverlap: true,
	ipam.CodeReservedRangeOverlap: true, ipam.CodeVNetForbiddenRange: true,
}

// mark is an overlap as the map shows it or as check reports it.
type mark struct {
	Code    ipam.Code
	Message string
}

// checkMarks holds the map and check together: the overlaps the map hatches
// (in any band) are exactly the overlap findings of Validate, with the same
// codes.
func checkMarks(t *testing.T, p *ipam.Plan) {
	t.Helper()
	want := map[mark]bool{}
	for _, f := range p.Validate() {
		if overlapCodes[f.Code] {
			want[mark{f.Code, f.Message}] = true
		}
	}
	got := map[mark]bool{}
	for _, b := range layout(p) {
		for _, o := range b.overlaps {
			got[mark{o.code, o.msg}] = true
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("map marks differ from check's overlap findings (-check +map):\n%s", diff)
	}
}

func TestMapMarksWhatCheckReportsSamples(t *testing.T) {
	for _, path := range bundledPlans(t) {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".yaml"), func(t *testing.T) {
			p, err := planfile.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			checkMarks(t, p)
		})
	}
}

// bundledPlans returns the plan files of the repository: the samples of
// ipam's tests and the examples (completed copies left out).
func bundledPlans(t *testing.T) []string {
	t.Helper()
	var paths []string
	for _, glob := range []string{"../ipam/testdata/*.yaml", "../ipam/testdata/rules/*.yaml", "../examples/plans/*.yaml"} {
		m, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range m {
			if !strings.HasSuffix(path, ".completed.yaml") {
				paths = append(paths, path)
			}
		}
	}
	if len(paths) < 10 {
		t.Fatalf("found %d plans, want the bundled ones", len(paths))
	}
	return paths
}

func mp(s string) netip.Prefix { return netip.MustParsePrefix(s) }

// agreePlan is one VNet hub (10.1.0.0/16, subnet aks 10.1.0.0/20) and the
// given clusters, each with a system pool in aks.
func agreePlan(avoid []ipam.AvoidRange, clusters ...ipam.Cluster) *ipam.Plan {
	for i := range clusters {
		clusters[i].AgentPoolProfiles = []ipam.AgentPool{{Pool: sizing.Pool{Name: "sys", Count: 3, VNetSubnet: "aks"}}}
	}
	return &ipam.Plan{
		VNets: []ipam.VNet{{Name: "hub", AddressSpace: []netip.Prefix{mp("10.1.0.0/16")},
			Subnets: []ipam.Subnet{{Name: "aks", AddressPrefixes: []netip.Prefix{mp("10.1.0.0/20")}}}}},
		Clusters: clusters,
		Avoid:    avoid,
	}
}

func overlayCluster(name, pods, services, dns string) ipam.Cluster {
	return ipam.Cluster{Name: name, NetworkProfile: ipam.NetworkProfile{
		NetworkPlugin: ipam.PluginAzure, NetworkPluginMode: ipam.PluginModeOverlay, NetworkPolicy: ipam.PolicyCilium,
		PodCIDR: mp(pods), ServiceCIDR: mp(services), DNSServiceIP: netip.MustParseAddr(dns)}}
}

func kubenetCluster(name, pods, services, dns string) ipam.Cluster {
	c := overlayCluster(name, pods, services, dns)
	c.NetworkProfile.NetworkPlugin, c.NetworkProfile.NetworkPluginMode = ipam.PluginKubenet, ""
	return c
}

// Plans of our own for the overlaps where the map and check disagreed, or
// could: overlay clusters reusing a pod CIDR (allowed, not hatched), a
// service CIDR over a subnet, peered and on-premises ranges, routed
// clusters sharing pod space, reserved ranges.
func TestMapMarksWhatCheckReports(t *testing.T) {
	tests := []struct {
		name      string
		plan      *ipam.Plan
		wantCodes []ipam.Code // codes the map must hatch, at least
		wantNone  bool        // the map hatches nothing
	}{
		{"overlay clusters reuse a pod CIDR", agreePlan(nil,
			overlayCluster("a", "10.244.0.0/16", "10.0.0.0/16", "10.0.0.10"),
			overlayCluster("b", "10.244.0.0/16", "10.0.0.0/16", "10.0.0.10")), nil, true},
		{"service CIDR over a subnet", agreePlan(nil,
			overlayCluster("a", "10.244.0.0/16", "10.1.0.0/20", "10.1.0.10")),
			[]ipam.Code{ipam.CodeServiceCIDROverlapExistingSubnetsCIDR}, false},
		{"pod CIDR over the VNet space only", agreePlan(nil,
			overlayCluster("a", "10.1.128.0/17", "10.0.0.0/16", "10.0.0.10")),
			[]ipam.Code{ipam.CodeNetworkProfileCIDROverlapVNet}, false},
		{"peered and on-premises overlaps", agreePlan([]ipam.AvoidRange{
			{Name: "spoke", Source: ipam.SourcePeering, Prefixes: []netip.Prefix{mp("10.1.8.0/21")}},
			{Name: "dc", Source: ipam.SourceOnPremises, Prefixes: []netip.Prefix{mp("10.244.0.0/20"), mp("10.0.0.0/24")}},
		}, overlayCluster("a", "10.244.0.0/16", "10.0.0.0/16", "10.0.0.10")),
			[]ipam.Code{ipam.CodeVNetPeerCIDROverlapping, ipam.CodeOnPremisesCIDROverlapping}, false},
		{"kubenet clusters share pod space in one VNet", agreePlan(nil,
			kubenetCluster("a", "10.244.0.0/16", "10.0.0.0/16", "10.0.0.10"),
			kubenetCluster("b", "10.244.128.0/17", "10.0.0.0/16", "10.0.0.10")),
			[]ipam.Code{ipam.CodePodCIDROverlapPodCIDR}, false},
		{"pod CIDR over service CIDR and reserved ranges", agreePlan(nil,
			overlayCluster("a", "172.16.0.0/12", "172.20.0.0/16", "172.20.0.10")),
			[]ipam.Code{ipam.CodePodCIDROverlapServiceCIDR, ipam.CodeReservedRangeOverlap}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkMarks(t, tt.plan)
			got := map[ipam.Code]bool{}
			for _, b := range layout(tt.plan) {
				for _, o := range b.overlaps {
					got[o.code] = true
				}
			}
			if tt.wantNone && len(got) > 0 {
				t.Errorf("map hatches %v, want nothing", got)
			}
			for _, c := range tt.wantCodes {
				if !got[c] {
					t.Errorf("map does not hatch %s; it hatches %v", c, got)
				}
			}
		})
	}
}

// Seeded random plans: VNets, subnets and avoided ranges anywhere, and
// clusters of every model with random pod and service CIDRs.
func TestMapMarksWhatCheckReportsRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 300 {
		p := randomPlan(r)
		for c := range r.IntN(3) {
			name := "c" + strconv.Itoa(c)
			svc := netip.PrefixFrom(netip.AddrFrom4([4]byte{10, byte(r.IntN(4)), 0, 0}), 16+r.IntN(8)).Masked()
			cl := overlayCluster(name, randomPrefix(r, false).String(), svc.String(), svc.Addr().Next().Next().String())
			switch r.IntN(3) {
			case 0:
				cl.NetworkProfile.NetworkPlugin, cl.NetworkProfile.NetworkPluginMode = ipam.PluginKubenet, ""
			case 1:
				cl.NetworkProfile.NetworkPluginMode = ""
			}
			if len(p.VNets) > 0 && len(p.VNets[0].Subnets) > 0 {
				cl.AgentPoolProfiles = []ipam.AgentPool{{Pool: sizing.Pool{Name: "sys", Count: 3,
					VNetSubnet: p.VNets[0].Name + "/" + p.VNets[0].Subnets[0].Name}}}
			}
			p.Clusters = append(p.Clusters, cl)
		}
		if r.IntN(2) == 0 {
			p.Avoid = append(p.Avoid, ipam.AvoidRange{Name: "peer", Source: ipam.SourcePeering, Prefixes: []netip.Prefix{randomPrefix(r, false)}})
		}
		t.Run(strconv.Itoa(i), func(t *testing.T) { checkMarks(t, p) })
		if t.Failed() {
			return
		}
	}
}

// TestGapsAreTheComplement checks the free space of every band of seeded
// random plans against a set complement: the band minus its items.
func TestGapsAreTheComplement(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for i := range 300 {
		for _, b := range layout(randomPlan(r)) {
			var sb netipx.IPSetBuilder
			sb.AddRange(b.rng)
			for _, it := range b.items {
				sb.RemoveRange(it.rng())
			}
			set, err := sb.IPSet()
			if err != nil {
				t.Fatal(err)
			}
			var got []netipx.IPRange
			for _, g := range gaps(&b) {
				got = append(got, g.rng)
			}
			if diff := cmp.Diff(set.Ranges(), got, cmpopts.EquateEmpty(), cmp.Comparer(func(x, y netipx.IPRange) bool { return x == y })); diff != "" {
				t.Fatalf("plan %d, band %s: gaps (-complement +got):\n%s", i, b.title, diff)
			}
		}
	}
}
