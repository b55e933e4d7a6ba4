package sizing

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func n(v uint64) Count { return CountFrom64(v) }

func TestDemandItemised(t *testing.T) {
	c := Cluster{
		Network: azure,
		Pools: []Pool{
			{Name: "sys", Count: 3, MaxPods: 30, MaxSurge: MustParseSurge("1")},
			{Name: "user", Count: 2, MaxCount: 20, EnableAutoScaling: true, MaxPods: 50, ScaleOut: 5, MaxSurge: MustParseSurge("33%")},
			{Name: "win", OSType: Windows, Count: 4, VNetSubnet: "win-nodes", MaxPods: 15, PodSubnet: "pods", PodIPAllocationMode: StaticBlock},
			{Name: "dyn", Count: 10, VNetSubnet: "win-nodes", PodSubnet: "pods2"},
		},
		PrivateCluster: true,
		Consumers:      map[string]Consumers{DefaultNodeSubnet: {ILBFrontEnds: 2}, "win-nodes": {PrivateEndpoints: 3}},
	}
	got, err := c.Demand()
	if err != nil {
		t.Fatal(err)
	}
	want := Demand{
		Upgrade: UpgradeSequential,
		Nodes:   3 + 25 + 4 + 10,
		// Pools upgrade one at a time: the largest surge is user's 9.
		PeakNodes:             3 + 25 + 4 + 10 + 9,
		SimultaneousPeakNodes: 3 + 25 + 4 + 10 + 1 + 9 + 1 + 1,
		Ranges: []Range{
			{
				RangeKey:  RangeKey{Kind: NodeSubnet, Name: DefaultNodeSubnet, Family: IPv4},
				Consumers: Consumers{ILBFrontEnds: 2, APIServer: 1},
				Pools: []Item{
					{Pool: "sys", Model: ModelNodeSubnet, MaxPods: 30, MaxSurge: MustParseSurge("1"), Nodes: 3, Surge: 1, PerNode: n(31), Steady: n(93), Peak: n(124)},
					// surge 33% of 20 + 5 = ceil(8.25) = 9
					{Pool: "user", Model: ModelNodeSubnet, MaxPods: 50, MaxSurge: MustParseSurge("33%"), Nodes: 20, ScaleOut: 5, Surge: 9, PerNode: n(51), Steady: n(1275), Peak: n(1734)},
				},
				// sequential: steady + user's surge 9 × 51; simultaneous adds sys's 1 × 31
				Steady: n(3 + 93 + 1275), Peak: n(3 + 93 + 1275 + 459), SimultaneousPeak: n(3 + 124 + 1734),
				PeakAllPods: n(3 + 93 + 1275 + 459), Reserved: 5, MinPrefixLen: 21,
			},
			{
				RangeKey:  RangeKey{Kind: NodeSubnet, Name: "win-nodes", Family: IPv4},
				Consumers: Consumers{PrivateEndpoints: 3},
				Pools: []Item{
					{Pool: "win", Model: ModelPodSubnetStatic, MaxPods: 15, MaxSurge: DefaultMaxSurge(), Nodes: 4, Surge: 1, PerNode: n(1), Steady: n(4), Peak: n(5)},
					{Pool: "dyn", Model: ModelPodSubnetDynamic, MaxPods: 250, MaxSurge: DefaultMaxSurge(), Nodes: 10, Surge: 1, PerNode: n(1), Steady: n(10), Peak: n(11)},
				},
				Steady: n(17), Peak: n(18), SimultaneousPeak: n(19), PeakAllPods: n(18), Reserved: 5, MinPrefixLen: 27,
			},
			{
				RangeKey: RangeKey{Kind: PodSubnet, Name: "pods", Family: IPv4}, Mode: StaticBlock,
				Pools:  []Item{{Pool: "win", Model: ModelPodSubnetStatic, MaxPods: 15, MaxSurge: DefaultMaxSurge(), Nodes: 4, Surge: 1, PerNode: n(16), Steady: n(64), Peak: n(80)}},
				Steady: n(64), Peak: n(80), SimultaneousPeak: n(80), PeakAllPods: n(80), Reserved: 5, MinPrefixLen: 25, // a /25 holds 8 − 2 whole blocks
			},
			{
				RangeKey: RangeKey{Kind: PodSubnet, Name: "pods2", Family: IPv4}, Mode: DynamicIndividual,
				Pools: []Item{{Pool: "dyn", Model: ModelPodSubnetDynamic, MaxPods: 250, MaxSurge: DefaultMaxSurge(), Nodes: 10, Surge: 1, PerNode: n(16), Steady: n(160), Peak: n(176)}},
				// full nodes: ceil(250 / 16) = 16 batches of 16 each, 11 nodes at the peak
				Steady: n(160), Peak: n(176), SimultaneousPeak: n(176), PeakAllPods: n(11 * 256), Reserved: 5, MinPrefixLen: 24,
			},
		},
		Assumptions: []Assumption{
			{Pool: "win", Field: "maxSurge", Value: "10%", Note: "default [D]: 10% on Kubernetes ≥ 1.32, 1 node in older API text; production advice 33%"},
			{Pool: "dyn", Field: "maxPods", Value: "250", Note: "default for the podSubnetDynamic model (docs also say 110) [D]"},
			{Pool: "dyn", Field: "maxSurge", Value: "10%", Note: "default [D]: 10% on Kubernetes ≥ 1.32, 1 node in older API text; production advice 33%"},
			Defaults{}.UpgradeAssumption(),
		},
	}
	if diff := cmp.Diff(want, got, cmpOpts); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func TestDemandDualStackOverlay(t *testing.T) {
	c := Cluster{
		Network: Network{Plugin: PluginAzure, PluginMode: PluginModeOverlay, IPFamilies: []IPFamily{IPv4, IPv6}},
		Pools:   []Pool{{Name: "np", Count: 1000 - 100, MaxSurge: MustParseSurge("100")}},
	}
	d, err := c.Demand()
	if err != nil {
		t.Fatal(err)
	}
	v6, ok := d.Find(RangeKey{Kind: PodCIDR, Name: PodCIDRName, Family: IPv6})
	if !ok {
		t.Fatalf("no IPv6 pod CIDR in %+v", d.Ranges)
	}
	want := countPow2(48).Mul64(1000) // 1,000 /80s
	if v6.Peak != want {
		t.Errorf("IPv6 peak = %v, want %v", v6.Peak, want)
	}
	if v6.MinPrefixLen != 70 { // 2^10 = 1,024 /80s ≥ 1,000
		t.Errorf("IPv6 MinPrefixLen = %d, want 70", v6.MinPrefixLen)
	}
	if v6.Reserved != 0 {
		t.Errorf("IPv6 pod CIDR reserved = %d, want 0", v6.Reserved)
	}
	v4, _ := d.Find(podCIDRv4)
	if v4.Peak != n(256000) || v4.MinPrefixLen != 14 {
		t.Errorf("IPv4 pod CIDR = %v /%d, want 256000 /14", v4.Peak, v4.MinPrefixLen)
	}
}

func TestDemandModelsNodeSubnet(t *testing.T) {
	// One pool of 10 nodes, maxPods 30, surge 1, in every model: the node
	// subnet holds 11 × per-node cost.
	tests := []struct {
		name    string
		network Network
		pool    Pool
		perNode uint64
	}{
		{"classic", azure, Pool{}, 31},
		{"classic cilium", Network{Plugin: PluginAzure, Dataplane: DataplaneCilium}, Pool{}, 31},
		{"pod subnet", azure, Pool{PodSubnet: "pods"}, 1},
		{"static block", azure, Pool{PodSubnet: "pods", PodIPAllocationMode: StaticBlock}, 1},
		{"overlay", overlay, Pool{}, 1},
		{"overlay cilium", Network{Plugin: PluginAzure, PluginMode: PluginModeOverlay, Dataplane: DataplaneCilium}, Pool{}, 1},
		{"kubenet", kubenet, Pool{}, 1},
		{"byo cni", Network{Plugin: PluginNone}, Pool{}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.pool
			p.Name, p.Count, p.MaxPods, p.MaxSurge = "np", 10, 30, MustParseSurge("1")
			d, err := Cluster{Network: tt.network, Pools: []Pool{p}}.Demand()
			if err != nil {
				t.Fatal(err)
			}
			r, _ := d.Find(nodeSubnetKey(DefaultNodeSubnet))
			if want := n(11 * tt.perNode); r.Peak != want {
				t.Errorf("node subnet peak = %v, want %v", r.Peak, want)
			}
		})
	}
}

func TestStaticBlockSubnetBoundaries(t *testing.T) {
	// One /28 block per node (maxPods 15). A /25 has 8 aligned blocks, a
	// /24 16; the first and last hold Azure's reserved addresses.
	tests := []struct{ nodes, minLen int }{{1, 26}, {2, 26}, {3, 25}, {6, 25}, {7, 24}, {14, 24}, {15, 23}}
	for _, tt := range tests {
		c := Cluster{Network: azure, Pools: []Pool{noSurge(Pool{Name: "np", Count: tt.nodes, MaxPods: 15,
			PodSubnet: "pods", PodIPAllocationMode: StaticBlock})}}
		if tt.nodes < 2 {
			c.Pools[0].MaxPods = 30 // 2 blocks: maxPods × nodes ≥ 30
		}
		d, err := c.Demand()
		if err != nil {
			t.Fatal(err)
		}
		r, _ := d.Find(RangeKey{Kind: PodSubnet, Name: "pods", Family: IPv4})
		if r.MinPrefixLen != tt.minLen {
			t.Errorf("%d nodes: /%d, want /%d", tt.nodes, r.MinPrefixLen, tt.minLen)
		}
	}
}
