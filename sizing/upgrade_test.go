package sizing_test

import (
	"errors"
	"testing"

	"github.com/cidrplan/cidrplan/sizing"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// The steps of an upgrade: one per pool in plan order, each with every
// pool's planned nodes and that pool's surge (articles/aks/upgrade-aks-control-plane.md:
// "then upgrades each node pool sequentially"), or one with every surge.
func TestUpgradeSteps(t *testing.T) {
	c := sizing.Cluster{Network: ruleClassic, Pools: []sizing.Pool{
		{Name: "sys", Count: 3, MaxPods: 30, MaxSurge: sizing.MustParseSurge("1")},
		{Name: "apps", Count: 5, MaxCount: 10, EnableAutoScaling: true, MaxPods: 30, ScaleOut: 2, MaxSurge: sizing.MustParseSurge("50%"),
			VNetSubnet: "apps", PodSubnet: "pods"},
	}}
	nodes := sizing.RangeKey{Kind: sizing.NodeSubnet, Name: sizing.DefaultNodeSubnet, Family: sizing.IPv4}
	apps := sizing.RangeKey{Kind: sizing.NodeSubnet, Name: "apps", Family: sizing.IPv4}
	pods := sizing.RangeKey{Kind: sizing.PodSubnet, Name: "pods", Family: sizing.IPv4}
	n := sizing.CountFromInt
	// sys: 3 nodes × 31 in aks-subnet; apps: 12 nodes × 1 in apps and
	// 16 (one batch) in pods, 2 batches (32) with 30 pods each; surge
	// 50% of 12 = 6.
	sysStep := sizing.Step{
		Pools: []sizing.StepPool{{Pool: "sys", Nodes: 3, Surge: 1}}, Surge: 1, Nodes: 16,
		Ranges: []sizing.StepRange{
			{RangeKey: nodes, Peak: n(124), Surge: n(31), PeakAllPods: n(124)},
			{RangeKey: apps, Peak: n(12), PeakAllPods: n(12)},
			{RangeKey: pods, Peak: n(192), PeakAllPods: n(384)},
		},
	}
	appsStep := sizing.Step{
		Pools: []sizing.StepPool{{Pool: "apps", Nodes: 12, Surge: 6}}, Surge: 6, Nodes: 21,
		Ranges: []sizing.StepRange{
			{RangeKey: nodes, Peak: n(93), PeakAllPods: n(93)},
			{RangeKey: apps, Peak: n(18), Surge: n(6), PeakAllPods: n(18)},
			{RangeKey: pods, Peak: n(288), Surge: n(96), PeakAllPods: n(576)},
		},
	}
	allStep := sizing.Step{
		Pools: []sizing.StepPool{{Pool: "sys", Nodes: 3, Surge: 1}, {Pool: "apps", Nodes: 12, Surge: 6}}, Surge: 7, Nodes: 22,
		Ranges: []sizing.StepRange{
			{RangeKey: nodes, Peak: n(124), Surge: n(31), PeakAllPods: n(124)},
			{RangeKey: apps, Peak: n(18), Surge: n(6), PeakAllPods: n(18)},
			{RangeKey: pods, Peak: n(288), Surge: n(96), PeakAllPods: n(576)},
		},
	}
	tests := []struct {
		name     string
		model    sizing.UpgradeModel
		defaults sizing.Defaults
		want     sizing.Upgrade
	}{
		{"default is sequential", "", sizing.Defaults{},
			sizing.Upgrade{Model: sizing.UpgradeSequential, Nodes: 15, Steps: []sizing.Step{sysStep, appsStep}}},
		{"defaults choose simultaneous", "", sizing.Defaults{Upgrade: sizing.UpgradeSimultaneous},
			sizing.Upgrade{Model: sizing.UpgradeSimultaneous, Nodes: 15, Steps: []sizing.Step{allStep}}},
		{"an argument overrides the defaults", sizing.UpgradeSequential, sizing.Defaults{Upgrade: sizing.UpgradeSimultaneous},
			sizing.Upgrade{Model: sizing.UpgradeSequential, Nodes: 15, Steps: []sizing.Step{sysStep, appsStep}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := c
			c.Defaults = tt.defaults
			got, err := c.Upgrade(tt.model)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateComparable(sizing.Count{})); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
	u, _ := c.Upgrade("")
	if got, want := u.Peak(nodes), n(124); got != want {
		t.Errorf("Peak(node subnet) = %v, want %v", got, want)
	}
	if got := u.PeakNodes(); got != 21 {
		t.Errorf("PeakNodes() = %d, want 21", got)
	}
}

func TestUpgradeErrors(t *testing.T) {
	c := sizing.Cluster{Network: ruleOverlay, Pools: []sizing.Pool{{Name: "np", Count: 3}}}
	if _, err := c.Upgrade("parallel"); !errors.Is(err, sizing.ErrUpgradeModel) {
		t.Errorf("Upgrade(parallel) err = %v, want ErrUpgradeModel", err)
	}
	c.Defaults.Upgrade = "parallel"
	if _, err := c.Upgrade(""); !errors.Is(err, sizing.ErrUpgradeModel) {
		t.Errorf("Defaults.Upgrade parallel: err = %v, want ErrUpgradeModel", err)
	}
	if _, err := (sizing.Cluster{}).Upgrade(""); !errors.Is(err, sizing.ErrNoPools) {
		t.Errorf("no pools: err = %v, want ErrNoPools", err)
	}
}

// Kubenet takes one route per node in the cluster's route table, surge
// nodes included (articles/aks/configure-kubenet.md: "Azure supports a
// maximum of 400 routes in a UDR"); a dual-stack node takes two
// (articles/aks/configure-kubenet-dual-stack.md: "Each node in a dual-stack
// cluster requires two routes").
func TestRuleKubenetRoutesAtPeak(t *testing.T) {
	tests := []struct {
		name       string
		network    sizing.Network
		pools      []sizing.Pool
		wantRoutes int
		wantStep   int
	}{
		{"one route per node, the largest surge", ruleKubenet, []sizing.Pool{
			{Name: "a", Count: 200, MaxSurge: sizing.MustParseSurge("10%")},
			{Name: "b", Count: 163, MaxSurge: sizing.MustParseSurge("10%")}}, 363 + 20, 0},
		{"370 at 10 percent is 407", ruleKubenet, []sizing.Pool{{Name: "np", Count: 370}}, 407, 0},
		{"363 at 10 percent is exactly 400", ruleKubenet, []sizing.Pool{{Name: "np", Count: 363}}, 400, 0},
		{"no route table without kubenet", ruleOverlay, []sizing.Pool{{Name: "np", Count: 370}}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := sizing.Cluster{Network: tt.network, Pools: tt.pools}.Upgrade("")
			if err != nil {
				t.Fatal(err)
			}
			routes, step := u.PeakRoutes()
			if routes != tt.wantRoutes || step != tt.wantStep {
				t.Errorf("PeakRoutes() = %d, %d, want %d, %d", routes, step, tt.wantRoutes, tt.wantStep)
			}
		})
	}
	for _, tt := range []struct {
		model sizing.Model
		dual  bool
		want  int
	}{{sizing.ModelKubenet, false, 1}, {sizing.ModelKubenet, true, 2}, {sizing.ModelOverlay, true, 0}, {sizing.ModelNodeSubnet, false, 0}} {
		if got := tt.model.Spec().RoutesPerNode(tt.dual); got != tt.want {
			t.Errorf("%s.RoutesPerNode(%v) = %d, want %d", tt.model, tt.dual, got, tt.want)
		}
	}
}

func TestUpgradePeakStep(t *testing.T) {
	c := sizing.Cluster{Network: ruleOverlay, Pools: []sizing.Pool{
		{Name: "a", Count: 10, VNetSubnet: "x", MaxSurge: sizing.MustParseSurge("3")},
		{Name: "b", Count: 20, VNetSubnet: "y", MaxSurge: sizing.MustParseSurge("5")},
		{Name: "c", Count: 20, VNetSubnet: "y", MaxSurge: sizing.MustParseSurge("5")},
	}}
	u, err := c.Upgrade("")
	if err != nil {
		t.Fatal(err)
	}
	key := func(k sizing.RangeKind, name string) sizing.RangeKey {
		return sizing.RangeKey{Kind: k, Name: name, Family: sizing.IPv4}
	}
	for _, tt := range []struct {
		key  sizing.RangeKey
		want int
	}{
		{key(sizing.NodeSubnet, "x"), 0},
		{key(sizing.NodeSubnet, "y"), 1}, // b and c tie: the first
		{key(sizing.PodCIDR, sizing.PodCIDRName), 1},
		{key(sizing.NodeSubnet, "z"), -1},
	} {
		if got := u.PeakStep(tt.key); got != tt.want {
			t.Errorf("PeakStep(%v) = %d, want %d", tt.key, got, tt.want)
		}
	}
}
