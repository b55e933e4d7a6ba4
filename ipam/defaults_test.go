package ipam

import (
	"testing"

	"github.com/cidrplan/cidrplan/sizing"
	"github.com/google/go-cmp/cmp"
)

func TestWithDefaultsValues(t *testing.T) {
	p := &Plan{
		VNets: []VNet{{Name: "v", Subnets: []Subnet{{Name: "n"}, {Name: "p"}, {Name: BastionSubnetName}, {Name: "x"}}}},
		Clusters: []Cluster{
			{Name: "kubenet", NetworkProfile: NetworkProfile{NetworkPlugin: PluginKubenet},
				AgentPoolProfiles: []AgentPool{pool("a", 3, "n"), pool("b", 3, "n")}},
			{Name: "podsubnet", AgentPoolProfiles: []AgentPool{pool("a", 3, "n")}},
			{Name: "svc-only", NetworkProfile: NetworkProfile{ServiceCIDR: pfx("10.9.0.0/16")}},
		},
		Avoid: []AvoidRange{{Name: "a"}},
	}
	p.Clusters[1].AgentPoolProfiles[0].PodSubnet = "p"
	q := p.WithDefaults()
	type got struct {
		Modes        []PoolMode
		MaxPods      []int
		VNet         string
		PodMode      PodIPAllocationMode
		Purposes     []Purpose
		Source       Source
		KubenetPods  string
		ClassicPods  int
		SvcOnlyDNS   bool
		SvcOnlyCIDRs int
	}
	var purposes []Purpose
	for _, s := range q.VNets[0].Subnets {
		purposes = append(purposes, s.Purpose)
	}
	k, ps := q.Clusters[0], q.Clusters[1]
	g := got{
		Modes:        []PoolMode{k.AgentPoolProfiles[0].Mode, k.AgentPoolProfiles[1].Mode},
		MaxPods:      []int{k.AgentPoolProfiles[0].MaxPods, ps.AgentPoolProfiles[0].MaxPods},
		VNet:         k.VNet,
		PodMode:      ps.AgentPoolProfiles[0].PodIPAllocationMode,
		Purposes:     purposes,
		Source:       q.Avoid[0].Source,
		KubenetPods:  k.NetworkProfile.PodCIDR.String(),
		ClassicPods:  len(ps.NetworkProfile.PodPrefixes()),
		SvcOnlyDNS:   q.Clusters[2].NetworkProfile.DNSServiceIP.IsValid(),
		SvcOnlyCIDRs: len(q.Clusters[2].NetworkProfile.ServiceCIDRs),
	}
	want := got{
		Modes:        []PoolMode{ModeSystem, ModeUser},
		MaxPods:      []int{110, 250},
		VNet:         "v",
		PodMode:      DynamicIndividual,
		Purposes:     []Purpose{PurposeNode, PurposePod, PurposeBastion, PurposeOther},
		Source:       SourceOther,
		KubenetPods:  "10.244.0.0/16",
		ClassicPods:  0,
		SvcOnlyDNS:   false, // never invented: the pair is reported instead
		SvcOnlyCIDRs: 1,
	}
	if diff := cmp.Diff(want, g); diff != "" {
		t.Errorf("WithDefaults (-want +got):\n%s", diff)
	}
}

// WithDefaults fills a default only where it applies: overlayMaxNodes for
// the model whose node limit it sets (overlay), maxUnavailable on pools
// that take one (not System pools).
func TestWithDefaultsApplicable(t *testing.T) {
	overlay := NetworkProfile{NetworkPlugin: PluginAzure, NetworkPluginMode: PluginModeOverlay}
	p := &Plan{Clusters: []Cluster{
		{Name: "overlay", NetworkProfile: overlay, AgentPoolProfiles: []AgentPool{pool("sys", 3, "n"), pool("user", 3, "n")}},
		{Name: "kubenet", NetworkProfile: NetworkProfile{NetworkPlugin: PluginKubenet}, AgentPoolProfiles: []AgentPool{pool("sys", 3, "n")}},
		{Name: "classic", AgentPoolProfiles: []AgentPool{pool("sys", 3, "n")}},
	}}
	type applied struct {
		OverlayMaxNodes int
		MaxUnavailable  []string
	}
	var got []applied
	for _, c := range p.WithDefaults().Clusters {
		a := applied{OverlayMaxNodes: c.Defaults.OverlayMaxNodes}
		for _, ap := range c.AgentPoolProfiles {
			a.MaxUnavailable = append(a.MaxUnavailable, ap.MaxUnavailable.String())
		}
		got = append(got, a)
	}
	want := []applied{
		{OverlayMaxNodes: sizing.DefaultOverlayMaxNodes, MaxUnavailable: []string{"", "0"}},
		{MaxUnavailable: []string{""}},
		{MaxUnavailable: []string{""}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("WithDefaults (-want +got):\n%s", diff)
	}
}
