package ipam

import (
	"fmt"
	"math/rand/v2"
	"net/netip"
	"testing"

	"github.com/cidrplan/cidrplan/sizing"
)

// Two growth questions share a key exactly when they differ in nothing but
// the names of their subnets (consistently renamed).
func TestGrowthKey(t *testing.T) {
	cluster := func(node, pod string, count int, consumers map[string]sizing.Consumers) sizing.Cluster {
		return sizing.Cluster{
			Network:   sizing.Network{Plugin: sizing.PluginAzure},
			Pools:     []sizing.Pool{{Name: "sys", Count: count, VNetSubnet: node, PodSubnet: pod}, {Name: "apps", Count: 3, VNetSubnet: node}},
			Consumers: consumers,
		}
	}
	nodes := func(name string) sizing.RangeKey {
		return sizing.RangeKey{Kind: sizing.NodeSubnet, Name: name, Family: sizing.IPv4}
	}
	pe := func(name string, n int) map[string]sizing.Consumers {
		return map[string]sizing.Consumers{name: {PrivateEndpoints: n}}
	}
	base := growthKey(cluster("a", "b", 3, pe("a", 4)), "sys", nodes("a"))
	tests := []struct {
		name string
		key  string
		same bool
	}{
		{"subnets renamed", growthKey(cluster("x", "y", 3, pe("x", 4)), "sys", nodes("x")), true},
		{"the other subnet measured", growthKey(cluster("a", "b", 3, pe("a", 4)), "sys", nodes("b")), false},
		{"node and pod subnet swapped", growthKey(cluster("b", "a", 3, pe("a", 4)), "sys", nodes("a")), false},
		{"one subnet for both", growthKey(cluster("a", "a", 3, pe("a", 4)), "sys", nodes("a")), false},
		{"another count", growthKey(cluster("a", "b", 4, pe("a", 4)), "sys", nodes("a")), false},
		{"another pool grows", growthKey(cluster("a", "b", 3, pe("a", 4)), "apps", nodes("a")), false},
		{"consumers elsewhere", growthKey(cluster("a", "b", 3, pe("b", 4)), "sys", nodes("a")), false},
		{"other consumers", growthKey(cluster("a", "b", 3, pe("a", 5)), "sys", nodes("a")), false},
		{"another family", growthKey(cluster("a", "b", 3, pe("a", 4)), "sys", sizing.RangeKey{Kind: sizing.NodeSubnet, Name: "a", Family: sizing.IPv6}), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.key == base; got != tt.same {
				t.Errorf("same key = %v, want %v\nbase %q\nthis %q", got, tt.same, base, tt.key)
			}
		})
	}
}

// The memo answers every growth question of a plan as sizing does, on a
// plan whose clusters repeat a few shapes under other subnet names.
func TestGrowthMemoAgreesWithSizing(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	p := &Plan{VNets: []VNet{{Name: "hub", AddressSpace: rulePrefixes("10.0.0.0/8")}}}
	for i := range 40 {
		p.VNets[0].Subnets = append(p.VNets[0].Subnets, Subnet{Name: fmt.Sprintf("s%d", i),
			AddressPrefixes: rulePrefixes(fmt.Sprintf("10.%d.0.0/16", i)),
			Consumers:       Consumers{InternalLoadBalancers: rng.IntN(2) * 3}})
	}
	for i := range 20 {
		c := Cluster{Name: fmt.Sprintf("c%d", i), NetworkProfile: NetworkProfile{NetworkPlugin: PluginAzure,
			ServiceCIDR: netip.MustParsePrefix("172.16.0.0/16"), DNSServiceIP: netip.MustParseAddr("172.16.0.10")}}
		for j := range 1 + rng.IntN(3) {
			ap := rulePool(fmt.Sprintf("p%d", j), 2+rng.IntN(3), pMaxPods(30), pSurge([]string{"1", "33%"}[rng.IntN(2)]))
			ap.VNetSubnet = fmt.Sprintf("s%d", 2*i+rng.IntN(2))
			c.AgentPoolProfiles = append(c.AgentPoolProfiles, ap)
		}
		p.Clusters = append(p.Clusters, c)
	}
	v := newValidation(p.WithDefaults())
	asked := 0
	for _, l := range v.subnetLoads() {
		for _, lp := range l.parts {
			gotCost, gotOK := lp.growthCost()
			wantCost, wantOK := lp.askGrowthCost()
			asked++
			if gotCost != wantCost || gotOK != wantOK {
				t.Errorf("subnet %s, pool %s: growthCost = %v, %v; sizing says %v, %v",
					l.sv.path(), lp.item.Pool, gotCost, gotOK, wantCost, wantOK)
			}
		}
	}
	if len(v.sizings) == 0 || len(v.sizings[0].growth) == 0 || len(v.sizings[0].growth) >= asked {
		t.Errorf("%d questions, %d answers kept: want some kept, fewer than asked", asked, len(v.sizings[0].growth))
	}
}
