package ipam

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"net/netip"
	"testing"

	"github.com/cidrplan/cidrplan/sizing"
	"github.com/google/go-cmp/cmp"
)

func pool(name string, count int, subnet string) AgentPool {
	return AgentPool{Pool: sizing.Pool{Name: name, Count: count, VNetSubnet: subnet}}
}

func TestCompleteFillsEverything(t *testing.T) {
	p := &Plan{
		VNets: []VNet{{Name: "spoke", AddressSpace: []netip.Prefix{pfx("10.0.0.0/16")},
			Subnets: []Subnet{{Name: "gw", AddressPrefixes: []netip.Prefix{pfx("10.0.0.0/24")}}}}},
		Clusters: []Cluster{
			{Name: "classic", NetworkProfile: NetworkProfile{NetworkPolicy: PolicyAzure},
				AgentPoolProfiles: []AgentPool{pool("sys", 50, "")}},
			{Name: "ovl", VNet: "spoke",
				NetworkProfile:    NetworkProfile{NetworkPlugin: PluginAzure, NetworkPluginMode: PluginModeOverlay, NetworkPolicy: PolicyCilium, NetworkDataplane: DataplaneCilium},
				AgentPoolProfiles: []AgentPool{pool("sys", 3, ""), pool("apps", 300, "")}},
		},
	}
	got, err := p.Complete()
	if err != nil {
		t.Fatalf("Complete() error = %v", err)
	}
	if errs := got.Validate().Filter(SeverityError); len(errs) > 0 {
		t.Fatalf("completed plan has errors: %v", errs)
	}
	subnets := map[string]netip.Prefix{}
	for _, s := range got.VNets[0].Subnets {
		subnets[s.Name] = s.AddressPrefixes[0]
	}
	// classic: 50 nodes + 10% surge (5) = 55 × 31 = 1,705 IPs → /21.
	// ovl: (3+1) + (300+30) = 334 node IPs → /23. Largest placed first,
	// lowest free address: 10.0.0.0/24 is taken, so the /21 goes to
	// 10.0.8.0/21 and the /23 to 10.0.2.0/23.
	want := map[string]netip.Prefix{
		"gw":            pfx("10.0.0.0/24"),
		"classic-nodes": pfx("10.0.8.0/21"),
		"ovl-nodes":     pfx("10.0.2.0/23"),
	}
	if diff := cmp.Diff(want, subnets, cmpNet); diff != "" {
		t.Errorf("subnets (-want +got):\n%s", diff)
	}
	ovl := got.Clusters[1].NetworkProfile
	// 334 nodes at peak need 334 /24s: a /15. The VNet holds 10.0.0.0/16, so
	// the service range moves away from its default.
	if ovl.PodCIDR != pfx("10.244.0.0/15") {
		t.Errorf("overlay pod CIDR = %v, want 10.244.0.0/15", ovl.PodCIDR)
	}
	for _, c := range got.Clusters {
		np := c.NetworkProfile
		if np.ServiceCIDR != pfx("10.1.0.0/16") && np.ServiceCIDR != pfx("10.2.0.0/16") {
			t.Errorf("cluster %s service CIDR = %v, want a free /16 after 10.0.0.0/16", c.Name, np.ServiceCIDR)
		}
		if dns, _ := dnsCandidate(np.ServiceCIDR); np.DNSServiceIP != dns {
			t.Errorf("cluster %s DNS = %v, want %v", c.Name, np.DNSServiceIP, dns)
		}
	}
	if p.VNets[0].Subnets[0].Name != "gw" || len(p.VNets[0].Subnets) != 1 || p.Clusters[0].AgentPoolProfiles[0].VNetSubnet != "" {
		t.Error("Complete modified its receiver")
	}
}

func TestCompleteNoRoom(t *testing.T) {
	p := &Plan{
		VNets:    []VNet{{Name: "tiny", AddressSpace: []netip.Prefix{pfx("10.0.0.0/24")}}},
		Clusters: []Cluster{{Name: "c", AgentPoolProfiles: []AgentPool{pool("sys", 50, "")}}},
	}
	_, err := p.Complete()
	if !errors.Is(err, ErrInvalidPlan) || !errors.Is(err, ErrNoSpace) {
		t.Fatalf("Complete() error = %v, want ErrInvalidPlan wrapping ErrNoSpace", err)
	}
	var ce *CompleteError
	if !errors.As(err, &ce) {
		t.Fatalf("Complete() error = %#v, want a *CompleteError", err)
	}
	// One package name, and the allocator's cause by its Message.
	const want = `subnet "c-nodes" needs a /21 in VNet "tiny": no room for 1 /21 in 10.0.0.0/24 (found 0)`
	if diff := cmp.Diff(want, ce.Message()); diff != "" {
		t.Errorf("Message (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff("ipam: invalid plan: "+want, err.Error()); diff != "" {
		t.Errorf("Error (-want +got):\n%s", diff)
	}
}

func TestCompleteKeepsGivenErrors(t *testing.T) {
	p := basePlan()
	p.Clusters[0].NetworkProfile.ServiceCIDR = pfx("10.1.0.0/16")
	p.Clusters[0].NetworkProfile.DNSServiceIP = netip.MustParseAddr("10.1.0.10")
	_, err := p.Complete()
	var pe *PlanError
	if !errors.As(err, &pe) || !errors.Is(err, ErrInvalidPlan) {
		t.Fatalf("Complete() error = %v, want *PlanError", err)
	}
	if diff := cmp.Diff([]Code{CodeServiceCIDROverlapExistingSubnetsCIDR}, pe.Findings.Codes()); diff != "" {
		t.Errorf("codes (-want +got):\n%s", diff)
	}
}

func TestCompletePodSubnetAndDualStack(t *testing.T) {
	p := &Plan{
		VNets: []VNet{{Name: "v", AddressSpace: []netip.Prefix{pfx("10.50.0.0/16"), pfx("fd00:50::/48")},
			Subnets: []Subnet{{Name: "nodes"}, {Name: "pods"}, {Name: "ds-nodes"}}}},
		Clusters: []Cluster{
			{Name: "cni", VNet: "v", NetworkProfile: NetworkProfile{NetworkPlugin: PluginAzure, NetworkPolicy: PolicyAzure},
				AgentPoolProfiles: []AgentPool{{Pool: sizing.Pool{Name: "sys", Count: 100, MaxPods: 16, MaxSurge: sizing.MustParseSurge("1"),
					VNetSubnet: "nodes", PodSubnet: "pods"}}}},
			{Name: "ds", VNet: "v", NetworkProfile: NetworkProfile{NetworkPlugin: PluginAzure, NetworkPluginMode: PluginModeOverlay,
				NetworkPolicy: PolicyCilium, NetworkDataplane: DataplaneCilium, IPFamilies: []IPFamily{IPv4, IPv6}},
				AgentPoolProfiles: []AgentPool{pool("sys", 3, "ds-nodes")}},
		},
	}
	got, err := p.Complete()
	if err != nil {
		t.Fatalf("Complete() = %v", err)
	}
	prefixes := map[string][]netip.Prefix{}
	for _, s := range got.VNets[0].Subnets {
		prefixes[s.Name] = s.AddressPrefixes
	}
	// docs/aks-rules.md#azure-cni-dynamic-pod-subnet-takes-16-pod-addresses-per-node:
	// dynamic pod subnet, 100 nodes + 1 surge → 1,616 IPs → /21 (a System
	// pool upgrades with surge: it takes no maxUnavailable; maxPods 16:
	// one batch is a full node; completion sizes a pod subnet for full nodes,
	// docs/aks-rules.md#a-dynamic-pod-subnet-addresses-pods-in-whole-batches).
	// The node subnet holds 101 node IPs → /25; the dual-stack nodes a /28
	// (3 nodes + 1 surge = 4 IPs > 3 usable in a /29, so a /28) and an IPv6 /64.
	want := map[string][]netip.Prefix{
		"pods":     {pfx("10.50.0.0/21")},
		"nodes":    {pfx("10.50.8.0/25")},
		"ds-nodes": {pfx("10.50.8.128/28"), pfx("fd00:50::/64")},
	}
	if diff := cmp.Diff(want, prefixes, cmpNet); diff != "" {
		t.Errorf("subnets (-want +got):\n%s", diff)
	}
	ds := got.Clusters[1].NetworkProfile
	wantPods := []netip.Prefix{pfx("10.244.0.0/16"), pfx("fd12:3456:789a::/64")}
	wantSvc := []netip.Prefix{pfx("10.0.0.0/16"), pfx("fd12:3456:789a:1::/108")}
	if !cmp.Equal(wantPods, ds.PodCIDRs, cmpNet) || !cmp.Equal(wantSvc[1], ds.ServiceCIDRs[1], cmpNet) {
		t.Errorf("dual-stack pod CIDRs %v, service CIDRs %v; want %v, IPv6 service %v", ds.PodCIDRs, ds.ServiceCIDRs, wantPods, wantSvc[1])
	}
}

// TestCompleteRandomPlans completes seeded random plans that leave their
// subnets and ranges out: the result must validate with no errors, keep
// every given range, and place new subnets inside the VNet.
func TestCompleteRandomPlans(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	models := []NetworkProfile{
		{NetworkPlugin: PluginAzure, NetworkPolicy: PolicyAzure},
		{NetworkPlugin: PluginAzure, NetworkPluginMode: PluginModeOverlay, NetworkPolicy: PolicyCilium, NetworkDataplane: DataplaneCilium},
		{NetworkPlugin: PluginKubenet, NetworkPolicy: PolicyCalico},
		{NetworkPlugin: PluginNone},
	}
	for round := range 200 {
		space := netip.PrefixFrom(netip.AddrFrom4([4]byte{10, byte(rng.IntN(200)), 0, 0}), 16)
		p := &Plan{VNets: []VNet{{Name: "v", AddressSpace: []netip.Prefix{space}}}}
		if rng.IntN(2) == 0 {
			a := space.Addr().As4()
			a[2] = byte(rng.IntN(256))
			p.VNets[0].Subnets = []Subnet{{Name: "given", AddressPrefixes: []netip.Prefix{netip.PrefixFrom(netip.AddrFrom4(a), 24)}}}
		}
		for c := range 1 + rng.IntN(4) {
			cl := Cluster{Name: fmt.Sprintf("c%d", c), NetworkProfile: models[rng.IntN(len(models))]}
			for i := range 1 + rng.IntN(3) {
				ap := AgentPool{Pool: sizing.Pool{Name: fmt.Sprintf("p%d", i), Count: 1 + rng.IntN(40)}}
				if ap.Count < 3 {
					ap.Count = 3
				}
				if rng.IntN(3) == 0 {
					ap.EnableAutoScaling, ap.MaxCount = true, ap.Count+rng.IntN(20)
				}
				cl.AgentPoolProfiles = append(cl.AgentPoolProfiles, ap)
			}
			p.Clusters = append(p.Clusters, cl)
		}
		if rng.IntN(2) == 0 {
			p.Avoid = []AvoidRange{{Name: "onprem", Source: SourceOnPremises, Prefixes: []netip.Prefix{pfx("10.0.0.0/16"), pfx("10.244.0.0/15")}}}
		}
		got, err := p.Complete()
		if err != nil {
			t.Fatalf("round %d: Complete() = %v", round, err)
		}
		if fs := got.Validate(); fs.HasErrors() {
			t.Fatalf("round %d: completed plan has errors:\n%s", round, fs.Filter(SeverityError))
		}
		for _, s := range got.VNets[0].Subnets {
			if s.Name == "given" && !cmp.Equal(s.AddressPrefixes, p.VNets[0].Subnets[0].AddressPrefixes, cmpNet) {
				t.Fatalf("round %d: given subnet moved to %v", round, s.AddressPrefixes)
			}
			for _, sp := range s.AddressPrefixes {
				if !space.Contains(sp.Addr()) || sp.Bits() < space.Bits() {
					t.Fatalf("round %d: subnet %s %v outside %v", round, s.Name, sp, space)
				}
			}
		}
	}
}

// Completion sizes a new subnet for every pool surging at once and, in a
// dynamic pod subnet, for every node running maxPods pods, so the
// completed plan draws none of the warnings those peaks raise
// (docs/aks-rules.md#pools-upgrade-one-at-a-time).
func TestCompleteHoldsEveryPeak(t *testing.T) {
	p := &Plan{
		VNets: []VNet{{Name: "v", AddressSpace: []netip.Prefix{pfx("10.60.0.0/16")},
			Subnets: []Subnet{{Name: "nodes"}, {Name: "pods"}}}},
		Clusters: []Cluster{{Name: "c", VNet: "v", NetworkProfile: NetworkProfile{NetworkPlugin: PluginAzure, NetworkPolicy: PolicyAzure,
			ServiceCIDR: pfx("10.0.0.0/16"), DNSServiceIP: netip.MustParseAddr("10.0.0.10")},
			AgentPoolProfiles: []AgentPool{
				{Pool: sizing.Pool{Name: "a", Count: 7, MaxPods: 30, MaxSurge: sizing.MustParseSurge("2"), VNetSubnet: "nodes"}},
				{Pool: sizing.Pool{Name: "b", Count: 7, MaxPods: 30, MaxSurge: sizing.MustParseSurge("2"), VNetSubnet: "nodes"}},
				{Pool: sizing.Pool{Name: "d", Count: 3, MaxPods: 110, MaxSurge: sizing.MustParseSurge("1"), VNetSubnet: "nodes", PodSubnet: "pods"}},
			}}},
	}
	got, err := p.Complete()
	if err != nil {
		t.Fatalf("Complete() = %v", err)
	}
	prefixes := map[string][]netip.Prefix{}
	for _, s := range got.VNets[0].Subnets {
		prefixes[s.Name] = s.AddressPrefixes
	}
	// nodes: (7 + 2 + 7 + 2) × 31 + (3 + 1) × 1 = 562 → /22 (the
	// sequential peak, 500, would fit a /23); pods: (3 + 1) × 112 = 448
	// with full nodes → /23 (one batch each, 64, would fit a /25).
	want := map[string][]netip.Prefix{"nodes": {pfx("10.60.0.0/22")}, "pods": {pfx("10.60.4.0/23")}}
	if diff := cmp.Diff(want, prefixes, cmpNet); diff != "" {
		t.Errorf("subnets (-want +got):\n%s", diff)
	}
	if fs := withCodes(got.Validate(), CodeSimultaneousUpgradePeak, CodePodSubnetBelowMaxPods, CodeInsufficientSubnetSize); len(fs) > 0 {
		t.Errorf("the completed plan draws %v", fs)
	}
}
