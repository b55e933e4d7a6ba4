package sizing

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Each model's facts, with the public source that states them (paths in
// the AKS docs repository, MicrosoftDocs/azure-aks-docs, unless named).
func TestModelSpecs(t *testing.T) {
	want := []ModelSpec{
		{
			Model: ModelNodeSubnet,
			Label: "Azure CNI, pods in the node subnet (classic)",
			// articles/aks/concepts-network-ip-address-planning.md: every
			// node takes 1 address plus maxPods pre-reserved addresses of
			// the node subnet.
			Plugin: PluginAzure, PodsInNodeSubnet: true,
			// articles/aks/concepts-network-ip-address-planning.md (maximum
			// pods per node table): 30 by the CLI and ARM, 110 in the portal.
			DefaultMaxPods: 30, MaxPodsDispute: "CLI/ARM; the portal uses 110",
			// articles/aks/quotas-skus-regions.md: 5,000 nodes per
			// cluster, 1,000 per pool.
			MaxNodes: 5000, MaxNodesScope: "per cluster", MaxPoolNodes: 1000,
			// articles/aks/windows-faq.md: Windows pools need Azure CNI.
			Windows: true,
		},
		{
			Model: ModelPodSubnetDynamic,
			Label: "Azure CNI, pods in a pod subnet (dynamic allocation)",
			// articles/aks/configure-azure-cni-dynamic-ip-allocation.md: pod
			// IPs are handed to nodes in batches of 16.
			Plugin: PluginAzure, PodSubnet: DynamicIndividual, PodSubnetUnit: 16,
			// articles/aks/configure-azure-cni-dynamic-ip-allocation.md says
			// 250; articles/aks/concepts-network-ip-address-planning.md 110.
			DefaultMaxPods: 250, MaxPodsDispute: "docs also say 110",
			MaxNodes: 5000, MaxNodesScope: "per cluster", MaxPoolNodes: 1000,
			Windows: true,
		},
		{
			Model: ModelPodSubnetStatic,
			Label: "Azure CNI, pods in a pod subnet (static block allocation)",
			// articles/aks/configure-azure-cni-static-block-allocation.md:
			// /28 blocks of 16 addresses per node.
			Plugin: PluginAzure, PodSubnet: StaticBlock, PodSubnetUnit: 16,
			// Azure/AKS CHANGELOG.md 2026-06-19: "dual-stack Azure CNI
			// static block allocation (VnetScale) cluster"; configure-dual-stack.md
			// still asks for overlay [D].
			DualStack:        true,
			DualStackDispute: "release notes 2026-06-19 create it; configure-dual-stack.md still asks for overlay",
			DefaultMaxPods:   250, MaxPodsDispute: "docs also say 110",
			MaxNodes: 5000, MaxNodesScope: "per cluster", MaxPoolNodes: 1000,
			Windows: true,
		},
		{
			Model: ModelOverlay,
			Label: "Azure CNI Overlay, pods in the pod CIDR",
			// articles/aks/azure-cni-overlay.md: each node a /24 of the pod
			// CIDR; dual-stack nodes also a /80 of the IPv6 pod CIDR.
			Plugin: PluginAzure, PluginMode: PluginModeOverlay,
			PodCIDR: true, PodCIDRBitsV4: 24, PodCIDRBitsV6: 80, DualStack: true,
			// articles/aks/azure-cni-overlay.md: independent clusters may
			// reuse a pod CIDR; articles/aks/azure-cni-overlay-pod-expand.md:
			// it can grow to a superset only.
			PodCIDRReusable: true, PodCIDRExpandable: true,
			// articles/aks/azure-cni-overlay.md: 5,000 nodes; 1,000 before
			// 2024-03 (Azure/AKS CHANGELOG.md) [D].
			MaxNodes: 5000, MaxNodesDisputed: true, MaxNodesScope: "with Azure CNI Overlay [D]", MaxPoolNodes: 1000,
			// articles/aks/azure-cni-overlay.md: maxPods 250 by default,
			// 30 before 2023-09 (Azure/AKS CHANGELOG.md) [D].
			DefaultMaxPods: 250, MaxPodsDispute: "30 before 2023-09",
			Windows: true,
		},
		{
			Model: ModelKubenet,
			Label: "kubenet, pods in the pod CIDR",
			// articles/aks/configure-kubenet.md: one /24 of the pod CIDR
			// per node, 400 nodes (one route per node in the route table),
			// no Windows pools, maxPods 110 by default.
			// articles/aks/configure-kubenet-dual-stack.md: dual-stack,
			// two routes per node (RoutesPerNode).
			Plugin: PluginKubenet, PodCIDR: true, PodCIDRBitsV4: 24, DualStack: true,
			MaxNodes: 400, MaxNodesScope: "with kubenet", NodeRoutes: true, MaxPoolNodes: 1000,
			DefaultMaxPods: 110,
			// Azure updates retirement notice 485172: kubenet retires on
			// 2028-03-31.
			Retires: "2028-03-31",
		},
		{
			Model: ModelNone,
			Label: "bring your own CNI, node addresses only",
			// articles/aks/use-byo-cni.md: AKS assigns node addresses
			// only; maxPods 250 by default. "You must specify a Pod CIDR
			// ... The AKS control plane uses this range".
			Plugin:          PluginNone,
			PodCIDR:         true,
			PodCIDRRequired: true,
			MaxNodes:        5000,
			MaxNodesScope:   "per cluster",
			MaxPoolNodes:    1000,
			DefaultMaxPods:  250,
			Windows:         true,
		},
	}
	if diff := cmp.Diff(want, Models()); diff != "" {
		t.Errorf("Models() (-want +got):\n%s", diff)
	}
	for _, s := range want {
		if got := s.Model.Spec(); got != s {
			t.Errorf("%s.Spec() = %+v, want the Models entry", s.Model, got)
		}
	}
}

func TestModelSpecUnknown(t *testing.T) {
	for _, m := range []Model{"", "Overlay", "azure"} {
		if got := m.Spec(); got != (ModelSpec{}) {
			t.Errorf("Model(%q).Spec() = %+v, want the zero ModelSpec", m, got)
		}
		if m.IsValid() {
			t.Errorf("Model(%q).IsValid() = true", m)
		}
	}
}

// The network profile that a spec says selects its model does select it.
func TestModelSpecSelectsModel(t *testing.T) {
	for _, s := range Models() {
		p := Pool{Name: "p"}
		if s.PodSubnet != "" {
			p.PodSubnet, p.PodIPAllocationMode = "pods", s.PodSubnet
		}
		if got := (Network{Plugin: s.Plugin, PluginMode: s.PluginMode}).Model(p); got != s.Model {
			t.Errorf("%s: Network{%s, %q}.Model = %q", s.Model, s.Plugin, s.PluginMode, got)
		}
	}
}

// What one node costs in each range, per model.
func TestModelSpecPerNode(t *testing.T) {
	type cost struct {
		NodeSubnet, PodSubnet, BitsV4, BitsV6 int
		Uses                                  [3]bool // node subnet, pod subnet, pod CIDR
	}
	tests := []struct {
		model   Model
		maxPods int
		want    cost
	}{
		// articles/aks/concepts-network-ip-address-planning.md: maxPods 30 → 31 per node.
		{ModelNodeSubnet, 30, cost{NodeSubnet: 31, Uses: [3]bool{true, false, false}}},
		{ModelPodSubnetDynamic, 30, cost{NodeSubnet: 1, PodSubnet: 16, Uses: [3]bool{true, true, false}}},
		// articles/aks/configure-azure-cni-static-block-allocation.md:
		// maxPods 30 and 31 → 2 blocks, 32 → 3 blocks.
		{ModelPodSubnetStatic, 30, cost{NodeSubnet: 1, PodSubnet: 32, Uses: [3]bool{true, true, false}}},
		{ModelPodSubnetStatic, 31, cost{NodeSubnet: 1, PodSubnet: 32, Uses: [3]bool{true, true, false}}},
		{ModelPodSubnetStatic, 32, cost{NodeSubnet: 1, PodSubnet: 48, Uses: [3]bool{true, true, false}}},
		{ModelOverlay, 250, cost{NodeSubnet: 1, BitsV4: 24, BitsV6: 80, Uses: [3]bool{true, false, true}}},
		{ModelKubenet, 110, cost{NodeSubnet: 1, BitsV4: 24, Uses: [3]bool{true, false, true}}},
		{ModelNone, 250, cost{NodeSubnet: 1, Uses: [3]bool{true, false, false}}},
		{"", 30, cost{NodeSubnet: 1}},
	}
	for _, tt := range tests {
		t.Run(string(tt.model), func(t *testing.T) {
			s := tt.model.Spec()
			got := cost{NodeSubnet: s.NodeSubnetAddrs(tt.maxPods), PodSubnet: s.PodSubnetAddrs(tt.maxPods),
				BitsV4: s.PodCIDRBlockBits(IPv4), BitsV6: s.PodCIDRBlockBits(IPv6),
				Uses: [3]bool{s.Uses(NodeSubnet), s.Uses(PodSubnet), s.Uses(PodCIDR)}}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("maxPods %d (-want +got):\n%s", tt.maxPods, diff)
			}
		})
	}
}

// Demand's per-node cost is the spec's, in every range of every model.
func TestDemandPerNodeIsSpecs(t *testing.T) {
	for _, s := range Models() {
		c := Cluster{Network: Network{Plugin: s.Plugin, PluginMode: s.PluginMode}, Pools: []Pool{{Name: "p", Count: 3, MaxPods: 31}}}
		if s.PodSubnet != "" {
			c.Pools[0].PodSubnet, c.Pools[0].PodIPAllocationMode = "pods", s.PodSubnet
		}
		if s.DualStack {
			c.Network.IPFamilies = IPFamilies()
		}
		d, err := c.Demand()
		if err != nil {
			t.Fatalf("%s: %v", s.Model, err)
		}
		got := map[RangeKey]uint64{}
		for _, r := range d.Ranges {
			got[r.RangeKey], _ = r.Pools[0].PerNode.Uint64()
		}
		want := map[RangeKey]uint64{{Kind: NodeSubnet, Name: DefaultNodeSubnet, Family: IPv4}: uint64(s.NodeSubnetAddrs(31))}
		if s.Uses(PodSubnet) {
			want[RangeKey{Kind: PodSubnet, Name: "pods", Family: IPv4}] = uint64(s.PodSubnetAddrs(31))
		}
		for _, f := range IPFamilies() {
			if bits := s.PodCIDRBlockBits(f); bits != 0 && (f == IPv4 || s.DualStack) {
				want[RangeKey{Kind: PodCIDR, Name: PodCIDRName, Family: f}] = 1 << (shape{family: f}.addrBits() - bits)
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s per node (-want +got):\n%s", s.Model, diff)
		}
	}
}

func TestDefaultsResolve(t *testing.T) {
	type resolved struct {
		MaxSurge        string
		MaxPods         map[Model]int
		OverlayMaxNodes int
		NodeLimit       map[Model]int
	}
	tests := []struct {
		name string
		d    Defaults
		want resolved
	}{
		{"zero", Defaults{}, resolved{
			MaxSurge: "10%",
			MaxPods: map[Model]int{ModelNodeSubnet: 30, ModelPodSubnetDynamic: 250, ModelPodSubnetStatic: 250,
				ModelOverlay: 250, ModelKubenet: 110, ModelNone: 250, "": 0},
			OverlayMaxNodes: 5000,
			NodeLimit: map[Model]int{ModelNodeSubnet: 5000, ModelPodSubnetDynamic: 5000, ModelPodSubnetStatic: 5000,
				ModelOverlay: 5000, ModelKubenet: 400, ModelNone: 5000, "": 5000},
		}},
		{"overridden", Defaults{MaxSurge: MustParseSurge("1"), MaxPods: map[Model]int{ModelOverlay: 30}, OverlayMaxNodes: 1000}, resolved{
			MaxSurge: "1",
			MaxPods: map[Model]int{ModelNodeSubnet: 30, ModelPodSubnetDynamic: 250, ModelPodSubnetStatic: 250,
				ModelOverlay: 30, ModelKubenet: 110, ModelNone: 250, "": 0},
			OverlayMaxNodes: 1000,
			NodeLimit: map[Model]int{ModelNodeSubnet: 5000, ModelPodSubnetDynamic: 5000, ModelPodSubnetStatic: 5000,
				ModelOverlay: 1000, ModelKubenet: 400, ModelNone: 5000, "": 5000},
		}},
		// The overlay limit never passes the cluster limit of 5,000.
		{"overlay above cluster limit", Defaults{OverlayMaxNodes: 9000}, resolved{
			MaxSurge: "10%",
			MaxPods: map[Model]int{ModelNodeSubnet: 30, ModelPodSubnetDynamic: 250, ModelPodSubnetStatic: 250,
				ModelOverlay: 250, ModelKubenet: 110, ModelNone: 250, "": 0},
			OverlayMaxNodes: 9000,
			NodeLimit: map[Model]int{ModelNodeSubnet: 5000, ModelPodSubnetDynamic: 5000, ModelPodSubnetStatic: 5000,
				ModelOverlay: 5000, ModelKubenet: 400, ModelNone: 5000, "": 5000},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := resolved{MaxSurge: tt.d.EffectiveMaxSurge().String(), MaxPods: map[Model]int{},
				OverlayMaxNodes: tt.d.EffectiveOverlayMaxNodes(), NodeLimit: map[Model]int{}}
			for _, m := range append(modelOrder(), "") {
				got.MaxPods[m] = tt.d.EffectiveMaxPods(m)
				got.NodeLimit[m] = tt.d.NodeLimit(m)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestDefaultsAssumptions(t *testing.T) {
	tests := []struct {
		name string
		d    Defaults
		m    Model
		want Assumption
	}{
		{"node subnet disputed", Defaults{}, ModelNodeSubnet,
			Assumption{Pool: "p", Field: "maxPods", Value: "30", Note: "default for the nodeSubnet model (CLI/ARM; the portal uses 110) [D]"}},
		{"kubenet undisputed", Defaults{}, ModelKubenet,
			Assumption{Pool: "p", Field: "maxPods", Value: "110", Note: "default for the kubenet model"}},
		{"overridden", Defaults{MaxPods: map[Model]int{ModelOverlay: 60}}, ModelOverlay,
			Assumption{Pool: "p", Field: "maxPods", Value: "60", Note: "default for the overlay model (overridden)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.d.MaxPodsAssumption("p", tt.m)); diff != "" {
				t.Errorf("MaxPodsAssumption (-want +got):\n%s", diff)
			}
		})
	}
	want := Assumption{Pool: "p", Field: "maxSurge", Value: "10%",
		Note: "default [D]: 10% on Kubernetes ≥ 1.32, 1 node in older API text; production advice 33%"}
	if diff := cmp.Diff(want, (Defaults{}).MaxSurgeAssumption("p")); diff != "" {
		t.Errorf("MaxSurgeAssumption (-want +got):\n%s", diff)
	}
}

// The allowed values of the network profile and pools, each listed once.
func TestVocabulary(t *testing.T) {
	got := map[string][]string{
		"networkPlugin":       strs(NetworkPlugins()),
		"networkPluginMode":   strs(NetworkPluginModes()),
		"networkDataplane":    strs(NetworkDataplanes()),
		"networkPolicy":       strs(NetworkPolicies()),
		"ipFamilies":          strs(IPFamilies()),
		"osType":              strs(OSTypes()),
		"podIpAllocationMode": strs(PodIPAllocationModes()),
	}
	// The AKS managed cluster API reference (Microsoft.ContainerService
	// managedClusters) and articles/aks/azure-cni-overlay.md,
	// use-network-policies.md, configure-azure-cni-static-block-allocation.md.
	want := map[string][]string{
		"networkPlugin":       {"azure", "kubenet", "none"},
		"networkPluginMode":   {"overlay"},
		"networkDataplane":    {"azure", "cilium"},
		"networkPolicy":       {"none", "azure", "calico", "cilium"},
		"ipFamilies":          {"IPv4", "IPv6"},
		"osType":              {"Linux", "Windows"},
		"podIpAllocationMode": {"DynamicIndividual", "StaticBlock"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if got, want := orList(NetworkPlugins()), "azure, kubenet or none"; got != want {
		t.Errorf("orList = %q, want %q", got, want)
	}
}

func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}
