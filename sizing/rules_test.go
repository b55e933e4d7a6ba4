package sizing_test

// Tests that pin rules of docs/aks-rules.md that no other test states on
// its own. Each names the public source of its rule; the document names the
// test back.

import (
	"errors"
	"fmt"
	"net/netip"
	"testing"

	"github.com/cidrplan/cidrplan/sizing"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var (
	ruleClassic = sizing.Network{Plugin: sizing.PluginAzure}
	ruleOverlay = sizing.Network{Plugin: sizing.PluginAzure, PluginMode: sizing.PluginModeOverlay}
	ruleKubenet = sizing.Network{Plugin: sizing.PluginKubenet}
	ruleBYOCNI  = sizing.Network{Plugin: sizing.PluginNone}
)

// ruleDemand returns c's demand, failing the test on an error.
func ruleDemand(t *testing.T, c sizing.Cluster) sizing.Demand {
	t.Helper()
	d, err := c.Demand()
	if err != nil {
		t.Fatalf("Demand() = %v", err)
	}
	return d
}

// rulePoolSettings is what a Demand says about one pool: the maxPods and
// maxSurge it used and the surge nodes they gave.
type rulePoolSettings struct {
	Pool     string
	MaxPods  int
	MaxSurge string
	Surge    int
}

// settings lists the pool items of d's first range.
func ruleSettings(d sizing.Demand) []rulePoolSettings {
	var out []rulePoolSettings
	for _, it := range d.Ranges[0].Pools {
		out = append(out, rulePoolSettings{it.Pool, it.MaxPods, it.MaxSurge.String(), it.Surge})
	}
	return out
}

// assumed lists the fields d says it assumed, as "pool.field=value".
func ruleAssumed(d sizing.Demand) []string {
	var out []string
	for _, a := range d.Assumptions {
		out = append(out, a.Pool+"."+a.Field+"="+a.Value)
	}
	return out
}

// The default maxPods per network model, and its override. Sources:
// articles/aks/concepts-network-ip-address-planning.md ("Azure CNI
// (Legacy) | 30", "Kubenet | 110"), articles/aks/azure-cni-overlay.md ("The
// default for Azure CNI Overlay is 250."),
// articles/aks/configure-azure-cni-dynamic-ip-allocation.md (110, where
// cidrplan takes 250: disputed).
func TestRuleDefaultMaxPods(t *testing.T) {
	tests := []struct {
		name     string
		network  sizing.Network
		pool     sizing.Pool
		defaults sizing.Defaults
		want     []rulePoolSettings
		assumed  []string
	}{
		{name: "node subnet takes 30", network: ruleClassic,
			want: []rulePoolSettings{{"np", 30, "1", 1}}, assumed: []string{"np.maxPods=30"}},
		{name: "kubenet takes 110", network: ruleKubenet,
			want: []rulePoolSettings{{"np", 110, "1", 1}}, assumed: []string{"np.maxPods=110"}},
		{name: "overlay takes 250", network: ruleOverlay,
			want: []rulePoolSettings{{"np", 250, "1", 1}}, assumed: []string{"np.maxPods=250"}},
		{name: "dynamic pod subnet takes 250", network: ruleClassic, pool: sizing.Pool{PodSubnet: "pods"},
			want: []rulePoolSettings{{"np", 250, "1", 1}}, assumed: []string{"np.maxPods=250"}},
		{name: "static block pod subnet takes 250", network: ruleClassic,
			pool: sizing.Pool{PodSubnet: "pods", PodIPAllocationMode: sizing.StaticBlock},
			want: []rulePoolSettings{{"np", 250, "1", 1}}, assumed: []string{"np.maxPods=250"}},
		{name: "bring your own CNI takes 250", network: ruleBYOCNI,
			want: []rulePoolSettings{{"np", 250, "1", 1}}, assumed: []string{"np.maxPods=250"}},
		{name: "Defaults.MaxPods overrides the model default", network: ruleOverlay,
			defaults: sizing.Defaults{MaxPods: map[sizing.Model]int{sizing.ModelOverlay: 110}},
			want:     []rulePoolSettings{{"np", 110, "1", 1}}, assumed: []string{"np.maxPods=110"}},
		{name: "a stated maxPods is no assumption", network: ruleOverlay, pool: sizing.Pool{MaxPods: 50},
			want: []rulePoolSettings{{"np", 50, "1", 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.pool
			p.Name, p.Count, p.MaxSurge = "np", 10, sizing.MustParseSurge("1")
			d := ruleDemand(t, sizing.Cluster{Network: tt.network, Pools: []sizing.Pool{p}, Defaults: tt.defaults})
			if diff := cmp.Diff(tt.want, ruleSettings(d)); diff != "" {
				t.Errorf("pool settings (-want +got)\n%s", diff)
			}
			if diff := cmp.Diff(tt.assumed, ruleAssumed(d)); diff != "" {
				t.Errorf("assumptions (-want +got)\n%s", diff)
			}
		})
	}
}

// The default maxSurge of 10%, rounded up, and its override. Sources: the
// AKS release notes (Azure/AKS CHANGELOG.md, 2025-03-16: 10% for
// Kubernetes ≥ 1.32) against the one node of older text in
// articles/aks/upgrade-aks-node-pools-rolling.md ("AKS configures upgrades
// to surge with one extra node by default"), which also says "A percent
// value is rounded up to the nearest node count."
func TestRuleDefaultMaxSurge(t *testing.T) {
	tests := []struct {
		name     string
		nodes    int
		surge    string // the pool's maxSurge; "" leaves it unset
		defaults sizing.Defaults
		want     []rulePoolSettings
		assumed  []string
	}{
		{name: "unset is 10 percent of 25 rounded up", nodes: 25,
			want: []rulePoolSettings{{"np", 30, "10%", 3}}, assumed: []string{"np.maxPods=30", "np.maxSurge=10%"}},
		{name: "unset is 10 percent of 1 rounded up", nodes: 1,
			want: []rulePoolSettings{{"np", 30, "10%", 1}}, assumed: []string{"np.maxPods=30", "np.maxSurge=10%"}},
		{name: "Defaults.MaxSurge overrides the default", nodes: 25, defaults: sizing.Defaults{MaxSurge: sizing.MustParseSurge("1")},
			want: []rulePoolSettings{{"np", 30, "1", 1}}, assumed: []string{"np.maxPods=30", "np.maxSurge=1"}},
		{name: "a stated maxSurge is no assumption", nodes: 25, surge: "33%",
			want: []rulePoolSettings{{"np", 30, "33%", 9}}, assumed: []string{"np.maxPods=30"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := sizing.Pool{Name: "np", Count: tt.nodes}
			if tt.surge != "" {
				p.MaxSurge = sizing.MustParseSurge(tt.surge)
			}
			d := ruleDemand(t, sizing.Cluster{Network: ruleClassic, Pools: []sizing.Pool{p}, Defaults: tt.defaults})
			if diff := cmp.Diff(tt.want, ruleSettings(d)); diff != "" {
				t.Errorf("pool settings (-want +got)\n%s", diff)
			}
			if diff := cmp.Diff(tt.assumed, ruleAssumed(d)); diff != "" {
				t.Errorf("assumptions (-want +got)\n%s", diff)
			}
		})
	}
}

// The upgrade peak. AKS upgrades one pool at a time
// (articles/aks/upgrade-aks-control-plane.md: "AKS upgrades the control
// plane first, then upgrades each node pool sequentially"), so a range
// peaks at every pool's nodes plus the largest single pool's surge there;
// every pool surges at once only when pools are reimaged together
// (articles/aks/update-azure-cni.md: "node pools to be reimaged
// simultaneously") — the quota example of
// articles/aks/upgrade-aks-node-pools-rolling.md ("five node pools, each
// with a count of four nodes ... a max surge value of 50%, extra compute and
// IP quota of 10 nodes"). The model is a default [D] that Defaults.Upgrade
// overrides.
func TestRuleUpgradePeak(t *testing.T) {
	surge := sizing.MustParseSurge
	five := make([]sizing.Pool, 5)
	for i := range five {
		five[i] = sizing.Pool{Name: fmt.Sprint("np", i), Count: 4, MaxPods: 30, MaxSurge: surge("50%")}
	}
	seven := []sizing.Pool{
		{Name: "a", Count: 7, MaxPods: 30, MaxSurge: surge("2")},
		{Name: "b", Count: 7, MaxPods: 30, MaxSurge: surge("2")},
	}
	type peak struct {
		Nodes, PeakNodes, SimultaneousPeakNodes int
		Ranges                                  []string // "kind name: steady/peak/simultaneous"
	}
	tests := []struct {
		name    string
		cluster sizing.Cluster
		want    peak
	}{
		{"five pools of four at 50 percent upgrade one at a time",
			sizing.Cluster{Network: ruleOverlay, Pools: five},
			peak{20, 22, 30, []string{"nodeSubnet aks-subnet: 20/22/30", "podCIDR podCIDR: 5120/5632/7680"}}},
		{"reimaged together every pool surges",
			sizing.Cluster{Network: ruleOverlay, Pools: five, Defaults: sizing.Defaults{Upgrade: sizing.UpgradeSimultaneous}},
			peak{20, 30, 30, []string{"nodeSubnet aks-subnet: 20/30/30", "podCIDR podCIDR: 5120/7680/7680"}}},
		// (7 + 7 + 2) × 31 = 496 holds in a /23 (507); both surges, 18 × 31 = 558, do not.
		{"two pools of seven at surge 2 in the node subnet",
			sizing.Cluster{Network: ruleClassic, Pools: seven},
			peak{14, 16, 18, []string{"nodeSubnet aks-subnet: 434/496/558"}}},
		// The largest surge share counts in addresses, not in nodes: a's 1
		// node × 31 beats b's 2 × 11.
		{"the largest share in addresses",
			sizing.Cluster{Network: ruleClassic, Pools: []sizing.Pool{
				{Name: "a", Count: 3, MaxPods: 30, MaxSurge: surge("1")},
				{Name: "b", Count: 6, MaxPods: 10, MaxSurge: surge("2")}}},
			peak{9, 11, 12, []string{"nodeSubnet aks-subnet: 159/190/212"}}},
		// Each range peaks in its own worst step: a surges in subnet x, b
		// in subnet y, both in the pod CIDR.
		{"pools in their own subnets",
			sizing.Cluster{Network: ruleOverlay, Pools: []sizing.Pool{
				{Name: "a", Count: 10, VNetSubnet: "x", MaxSurge: surge("3")},
				{Name: "b", Count: 20, VNetSubnet: "y", MaxSurge: surge("5")}}},
			peak{30, 35, 38, []string{"nodeSubnet x: 10/13/13", "nodeSubnet y: 20/25/25", "podCIDR podCIDR: 7680/8960/9728"}}},
		// An autoscaled pool counts at maxCount, and surges 10% of it.
		{"autoscaled pools count at maxCount",
			sizing.Cluster{Network: ruleOverlay, Pools: []sizing.Pool{
				{Name: "sys", Count: 3, MaxSurge: surge("1")},
				{Name: "apps", Count: 2, MaxCount: 40, EnableAutoScaling: true, MaxSurge: surge("10%")}}},
			peak{43, 47, 48, []string{"nodeSubnet aks-subnet: 43/47/48", "podCIDR podCIDR: 11008/12032/12288"}}},
		// Scale-out is planned nodes: it surges too.
		{"scale-out surges too",
			sizing.Cluster{Network: ruleKubenet, Pools: []sizing.Pool{{Name: "np", Count: 10, ScaleOut: 10, MaxSurge: surge("50%")}}},
			peak{20, 30, 30, []string{"nodeSubnet aks-subnet: 20/30/30", "podCIDR podCIDR: 5120/7680/7680"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := ruleDemand(t, tt.cluster)
			got := peak{Nodes: d.Nodes, PeakNodes: d.PeakNodes, SimultaneousPeakNodes: d.SimultaneousPeakNodes}
			for _, r := range d.Ranges {
				got.Ranges = append(got.Ranges, fmt.Sprintf("%s %s: %v/%v/%v", r.Kind, r.Name, r.Steady, r.Peak, r.SimultaneousPeak))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

// The two pools of seven at maxSurge 2 fit a /23 at maxPods 30: AKS's own
// peak is 16 × 31 = 496 of 507 (articles/aks/upgrade-aks-control-plane.md,
// pools upgraded "sequentially"); a /24 is one over.
func TestRuleUpgradePeakFit(t *testing.T) {
	c := sizing.Cluster{Network: ruleClassic, Pools: []sizing.Pool{
		{Name: "a", Count: 7, MaxPods: 30, MaxSurge: sizing.MustParseSurge("2")},
		{Name: "b", Count: 7, MaxPods: 30, MaxSurge: sizing.MustParseSurge("2")},
	}}
	key := sizing.RangeKey{Kind: sizing.NodeSubnet, Name: sizing.DefaultNodeSubnet, Family: sizing.IPv4}
	tests := []struct {
		name                  string
		prefix                string
		upgrade               sizing.UpgradeModel
		fits                  bool
		capacity, peak, extra string
	}{
		{"sequential fits a 23", "10.0.0.0/23", "", true, "507", "496", "558"},
		{"simultaneous does not fit a 23", "10.0.0.0/23", sizing.UpgradeSimultaneous, false, "507", "558", "558"},
		{"sequential does not fit a 24", "10.0.0.0/24", "", false, "251", "496", "558"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := c
			c.Defaults.Upgrade = tt.upgrade
			f, err := c.Fit(key, netip.MustParsePrefix(tt.prefix))
			if err != nil {
				t.Fatal(err)
			}
			got := []string{fmt.Sprint(f.Fits), f.Capacity.String(), f.Peak.String(), f.SimultaneousPeak.String()}
			want := []string{fmt.Sprint(tt.fits), tt.capacity, tt.peak, tt.extra}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("fits, capacity, peak, simultaneous peak (-want +got)\n%s", diff)
			}
		})
	}
}

// Surge is capped at the pool. Source:
// articles/aks/upgrade-aks-node-pools-rolling.md: "If the max surge value is
// higher than the required number of nodes to be upgraded, the number of
// nodes to be upgraded is used for the max surge value."
func TestRuleSurgeCappedAtPool(t *testing.T) {
	tests := []struct {
		name     string
		nodes    int
		maxSurge string
		want     int
	}{
		{"a pool of 2 with maxSurge 10 surges 2", 2, "10", 2},
		{"a pool of 0 surges 0", 0, "10", 0},
		{"a pool of 0 at a percent surges 0", 0, "50%", 0},
		{"exactly the pool", 5, "5", 5},
		{"one under the pool", 5, "4", 4},
		{"100 percent is the pool", 7, "100%", 7},
		{"a percent rounds up within the pool", 3, "50%", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sizing.MustParseSurge(tt.maxSurge).Nodes(tt.nodes); got != tt.want {
				t.Errorf("Surge(%s).Nodes(%d) = %d, want %d", tt.maxSurge, tt.nodes, got, tt.want)
			}
			// A pool of 0 nodes is valid as a second pool.
			p := sizing.Pool{Name: "np", Count: tt.nodes, MaxPods: 30, MaxSurge: sizing.MustParseSurge(tt.maxSurge)}
			d := ruleDemand(t, sizing.Cluster{Network: ruleOverlay, Pools: []sizing.Pool{{Name: "sys", Count: 1}, p}})
			if got := d.Ranges[0].Pools[1].Surge; got != tt.want {
				t.Errorf("Demand surge = %d, want %d", got, tt.want)
			}
		})
	}
}

// A pool plus its surge holds at most 1,000 nodes. Source:
// articles/aks/upgrade-aks-node-pools-rolling.md: "If a node pool's current
// size plus the calculated surge count would exceed 1,000 instances, AKS
// rejects the upgrade before it starts."
func TestRulePoolLimitAtPeak(t *testing.T) {
	tests := []struct {
		name     string
		pool     sizing.Pool
		wantErr  error
		wantPeak int
	}{
		{"909 at 10 percent is exactly 1000", sizing.Pool{Name: "np", Count: 909}, nil, 1000},
		{"910 at 10 percent is one over", sizing.Pool{Name: "np", Count: 910}, sizing.ErrPoolTooLarge, 0},
		{"995 with surge 5 is exactly 1000", sizing.Pool{Name: "np", Count: 995, MaxSurge: sizing.MustParseSurge("5")}, nil, 1000},
		{"996 with surge 5 is one over", sizing.Pool{Name: "np", Count: 996, MaxSurge: sizing.MustParseSurge("5")}, sizing.ErrPoolTooLarge, 0},
		{"autoscaled at maxCount", sizing.Pool{Name: "np", Count: 3, MaxCount: 991, EnableAutoScaling: true, MaxSurge: sizing.MustParseSurge("10")}, sizing.ErrPoolTooLarge, 0},
		{"scale-out counts", sizing.Pool{Name: "np", Count: 900, ScaleOut: 90, MaxSurge: sizing.MustParseSurge("10")}, nil, 1000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := sizing.Cluster{Network: ruleOverlay, Pools: []sizing.Pool{tt.pool}}.Upgrade("")
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Upgrade() err = %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if got := u.Steps[0].Pools[0].Peak(); got != tt.wantPeak {
				t.Errorf("pool peak = %d, want %d", got, tt.wantPeak)
			}
		})
	}
}

// The Cilium dataplane changes no arithmetic: the IPAM mode underneath
// decides. Source: articles/aks/azure-cni-powered-by-cilium.md (Cilium runs
// on overlay, pod subnet or node subnet IPAM).
func TestRuleCiliumKeepsArithmetic(t *testing.T) {
	tests := []struct {
		name    string
		network sizing.Network
		pool    sizing.Pool
	}{
		{"node subnet", ruleClassic, sizing.Pool{}},
		{"dynamic pod subnet", ruleClassic, sizing.Pool{PodSubnet: "pods"}},
		{"static block pod subnet", ruleClassic, sizing.Pool{PodSubnet: "pods", PodIPAllocationMode: sizing.StaticBlock}},
		{"overlay", ruleOverlay, sizing.Pool{}},
	}
	// ranges summarises a demand's ranges as text, so that the comparison
	// does not depend on how counts are represented.
	ranges := func(d sizing.Demand) []string {
		var out []string
		for _, r := range d.Ranges {
			out = append(out, fmt.Sprintf("%s %s %s: steady %v peak %v /%d", r.Kind, r.Name, r.Family, r.Steady, r.Peak, r.MinPrefixLen))
		}
		return out
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.pool
			p.Name, p.Count, p.MaxPods, p.MaxSurge = "np", 40, 50, sizing.MustParseSurge("33%")
			azure := ruleDemand(t, sizing.Cluster{Network: tt.network, Pools: []sizing.Pool{p}})
			cilium := tt.network
			cilium.Dataplane = sizing.DataplaneCilium
			got := ruleDemand(t, sizing.Cluster{Network: cilium, Pools: []sizing.Pool{p}})
			if diff := cmp.Diff(ranges(azure), ranges(got), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Cilium demand differs (-azure +cilium)\n%s", diff)
			}
		})
	}
}

// A dynamic pod subnet: AKS requires one batch of 16 pod IPs per node
// (articles/aks/configure-azure-cni-dynamic-ip-allocation.md: "IPs are
// allocated to nodes in batches of 16"; the pod subnet should hold "a
// minimum of 16 IPs per node"), which is Peak; with every node full a node
// holds ceil(maxPods / 16) batches, which is PeakAllPods. The pods the
// subnet can address never exceed its usable addresses in whole batches
// [C].
func TestRuleDynamicPodSubnetBatches(t *testing.T) {
	type answer struct {
		Fits                 bool
		Capacity, Peak, Full string
		Addressable          string
		MaxNodes, Pods       int
	}
	tests := []struct {
		name    string
		nodes   int
		maxPods int
		prefix  string
		want    answer
	}{
		// 4 nodes at the peak × 16 = 64 > 59; 2 nodes fit, and their 220
		// pods would need 14 batches where the subnet has 3.
		{"3 nodes of 110 in a 26", 3, 110, "10.90.16.0/26", answer{false, "59", "64", "448", "48", 2, 48}},
		// 13 nodes + 2 surge = 15 batches of 251 usable; full nodes take 2
		// batches each (30 pods), 4 × 32 = 128 at the peak of 3 nodes.
		{"3 nodes of 30 in a 24", 3, 30, "10.90.16.0/24", answer{true, "251", "64", "128", "240", 13, 240}},
		// maxPods 16 is one batch: full nodes take what AKS requires.
		{"maxPods 16 is one batch", 6, 16, "10.90.16.0/25", answer{true, "123", "112", "112", "112", 6, 96}},
		// 7 batches in a 25 exactly: 6 nodes + 1 surge.
		{"exact fit", 6, 30, "10.90.16.0/25", answer{true, "123", "112", "224", "112", 6, 112}},
	}
	key := sizing.RangeKey{Kind: sizing.PodSubnet, Name: "pods", Family: sizing.IPv4}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sizing.Cluster{Network: ruleClassic, Pools: []sizing.Pool{{Name: "np", Count: tt.nodes, MaxPods: tt.maxPods, PodSubnet: "pods"}}}
			f, err := c.Fit(key, netip.MustParsePrefix(tt.prefix))
			if err != nil {
				t.Fatal(err)
			}
			got := answer{f.Fits, f.Capacity.String(), f.Peak.String(), f.PeakAllPods.String(), f.AddressablePods.String(),
				f.Pools[0].MaxNodes, f.Pools[0].Pods}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}
