package ipam

import (
	"fmt"
	"math/rand/v2"
	"net/netip"
	"testing"

	"github.com/cidrplan/cidrplan/sizing"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// growthKey is the memo's key of a growth question, "" when the cluster
// has no shape.
func growthKey(in sizing.Cluster, pool string, k sizing.RangeKey) growthQuestion {
	sh, ok := shapeOf(in)
	if !ok {
		return growthQuestion{}
	}
	return growthQuestion{shape: sh.key, pool: pool, key: sh.rename(k, true)}
}

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
		key  growthQuestion
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
				t.Errorf("same key = %v, want %v\nbase %+v\nthis %+v", got, tt.same, base, tt.key)
			}
		})
	}
}

// A subnet that sizing could take for one of its own ranges keeps its
// cluster from being sized by shape.
func TestShapeOfRefuses(t *testing.T) {
	for _, name := range []string{sizing.DefaultNodeSubnet, sizing.PodCIDRName, "\x000"} {
		in := sizing.Cluster{Pools: []sizing.Pool{{Name: "a", Count: 1, VNetSubnet: "x"}, {Name: "b", Count: 1, VNetSubnet: name}}}
		if _, ok := shapeOf(in); ok {
			t.Errorf("subnet %q: shaped, want sized as it is", name)
		}
	}
	in := sizing.Cluster{Pools: []sizing.Pool{{Name: "a", Count: 1, VNetSubnet: "x"}},
		Consumers: map[string]sizing.Consumers{"y": {PrivateEndpoints: 1}}}
	if _, ok := shapeOf(in); ok {
		t.Error("consumers of a subnet no pool uses: shaped, want sized as it is")
	}
}

// Sizing by shape and the memo answer every question of a plan as sizing
// does, on a plan whose clusters repeat a few shapes under other subnet
// names.
func TestGrowthMemoAgreesWithSizing(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	p := &Plan{VNets: []VNet{{Name: "hub", AddressSpace: rulePrefixes("10.0.0.0/8")}}}
	for i := range 80 {
		p.VNets[0].Subnets = append(p.VNets[0].Subnets, Subnet{Name: fmt.Sprintf("s%d", i),
			AddressPrefixes: rulePrefixes(fmt.Sprintf("10.%d.0.0/16", i)),
			Consumers:       Consumers{InternalLoadBalancers: rng.IntN(2) * 3}})
	}
	for i := range 40 {
		c := Cluster{Name: fmt.Sprintf("c%d", i), NetworkProfile: NetworkProfile{NetworkPlugin: PluginAzure,
			ServiceCIDR: netip.MustParsePrefix("172.16.0.0/16"), DNSServiceIP: netip.MustParseAddr("172.16.0.10")}}
		c.APIServerAccessProfile.EnablePrivateCluster = rng.IntN(2) == 0
		podSubnets := rng.IntN(2) == 0
		for j := range 1 + rng.IntN(3) {
			ap := rulePool(fmt.Sprintf("p%d", j), 2, pMaxPods([]int{30, 50}[rng.IntN(2)]), pSurge("1"))
			ap.VNetSubnet = fmt.Sprintf("s%d", 2*i)
			if podSubnets {
				ap.PodSubnet = fmt.Sprintf("s%d", 2*i+1)
			} else if rng.IntN(2) == 0 {
				ap.VNetSubnet = fmt.Sprintf("s%d", 2*i+1)
			}
			c.AgentPoolProfiles = append(c.AgentPoolProfiles, ap)
		}
		p.Clusters = append(p.Clusters, c)
	}
	v := newValidation(p.WithDefaults())
	shaped := map[string]bool{}
	for _, cs := range v.sized() {
		if cs.shape == nil {
			t.Fatalf("cluster %s: not shaped", cs.cv.c.Name)
		}
		shaped[cs.shape.key] = true
		d, err := cs.in.Demand()
		if err != nil {
			t.Fatal(err)
		}
		u, err := cs.in.Upgrade("")
		if err != nil {
			t.Fatal(err)
		}
		opts := cmpopts.EquateComparable(sizing.Count{}, sizing.Surge{})
		if diff := cmp.Diff(d, cs.demand, opts); diff != "" {
			t.Errorf("cluster %s demand (-sizing +by shape):\n%s", cs.cv.c.Name, diff)
		}
		if diff := cmp.Diff(u, cs.upgrade, opts); diff != "" {
			t.Errorf("cluster %s upgrade (-sizing +by shape):\n%s", cs.cv.c.Name, diff)
		}
	}
	if len(shaped) >= len(v.clusters) {
		t.Errorf("%d shapes of %d clusters: want clusters to share shapes", len(shaped), len(v.clusters))
	}
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
