package sizing_test

import (
	"errors"
	"testing"

	"github.com/cidrplan/cidrplan/sizing"
	"github.com/google/go-cmp/cmp"
)

// Which models take dual-stack, which network policies dual-stack refuses,
// and the disputed static block case. Sources:
// articles/aks/azure-cni-overlay.md (Azure and Calico network policies
// "aren't supported with dual-stack networking"),
// articles/aks/configure-kubenet-dual-stack.md (dual-stack kubenet, no
// Windows), Azure/AKS CHANGELOG.md 2026-06-19 ("dual-stack Azure CNI static
// block allocation (VnetScale) cluster") against
// articles/aks/configure-dual-stack.md (overlay required) [D].
func TestRuleDualStack(t *testing.T) {
	dual := []sizing.IPFamily{sizing.IPv4, sizing.IPv6}
	net := func(n sizing.Network, policy sizing.NetworkPolicy) sizing.Network {
		n.IPFamilies, n.Policy = dual, policy
		return n
	}
	linux := sizing.Pool{Name: "sys", Count: 3}
	static := sizing.Pool{Name: "np", Count: 3, PodSubnet: "pods", PodIPAllocationMode: sizing.StaticBlock}
	dynamic := sizing.Pool{Name: "np", Count: 3, PodSubnet: "pods", PodIPAllocationMode: sizing.DynamicIndividual}
	win := sizing.Pool{Name: "win", OSType: sizing.Windows, Count: 3}
	staticSys := static
	staticSys.Name = "sys"
	tests := []struct {
		name    string
		cluster sizing.Cluster
		wantErr error // nil: valid
	}{
		{"overlay", sizing.Cluster{Network: net(ruleOverlay, ""), Pools: []sizing.Pool{linux}}, nil},
		{"overlay with cilium policy", sizing.Cluster{Network: net(ruleOverlay, sizing.PolicyCilium), Pools: []sizing.Pool{linux}}, nil},
		{"overlay with policy none", sizing.Cluster{Network: net(ruleOverlay, sizing.PolicyNone), Pools: []sizing.Pool{linux}}, nil},
		{"overlay with azure policy", sizing.Cluster{Network: net(ruleOverlay, sizing.PolicyAzure), Pools: []sizing.Pool{linux}}, sizing.ErrNetworkPolicy},
		{"overlay with calico policy", sizing.Cluster{Network: net(ruleOverlay, sizing.PolicyCalico), Pools: []sizing.Pool{linux}}, sizing.ErrNetworkPolicy},
		{"kubenet", sizing.Cluster{Network: net(ruleKubenet, ""), Pools: []sizing.Pool{linux}}, nil},
		{"kubenet with calico policy", sizing.Cluster{Network: net(ruleKubenet, sizing.PolicyCalico), Pools: []sizing.Pool{linux}}, sizing.ErrNetworkPolicy},
		{"kubenet with azure policy", sizing.Cluster{Network: net(ruleKubenet, sizing.PolicyAzure), Pools: []sizing.Pool{linux}}, sizing.ErrNetworkPolicy},
		{"kubenet with windows", sizing.Cluster{Network: net(ruleKubenet, ""), Pools: []sizing.Pool{linux, win}}, sizing.ErrWindows},
		{"static block", sizing.Cluster{Network: net(ruleClassic, ""), Pools: []sizing.Pool{staticSys}}, nil},
		{"static block beside a node subnet pool", sizing.Cluster{Network: net(ruleClassic, ""), Pools: []sizing.Pool{linux, static}}, sizing.ErrNetwork},
		{"dynamic pod subnet", sizing.Cluster{Network: net(ruleClassic, ""), Pools: []sizing.Pool{staticSys, dynamic}}, sizing.ErrNetwork},
		{"node subnet", sizing.Cluster{Network: net(ruleClassic, ""), Pools: []sizing.Pool{linux}}, sizing.ErrNetwork},
		{"bring your own CNI", sizing.Cluster{Network: net(ruleBYOCNI, ""), Pools: []sizing.Pool{linux}}, sizing.ErrNetwork},
		{"single stack azure policy", sizing.Cluster{Network: sizing.Network{Plugin: sizing.PluginAzure, PluginMode: sizing.PluginModeOverlay, Policy: sizing.PolicyAzure}, Pools: []sizing.Pool{linux}}, nil},
		{"unknown policy", sizing.Cluster{Network: sizing.Network{Plugin: sizing.PluginAzure, Policy: "Azure"}, Pools: []sizing.Pool{linux}}, sizing.ErrNetwork},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.cluster.Validate()
			if tt.wantErr == nil && err != nil || !errors.Is(err, tt.wantErr) {
				t.Errorf("Validate() = %v, want %v", err, tt.wantErr)
			}
		})
	}
}

// Dual-stack static block is accepted as the newer source says, and the
// demand says so among its assumptions [D]; overlay's dual-stack is
// undisputed.
func TestRuleDualStackStaticBlockDisputed(t *testing.T) {
	dual := []sizing.IPFamily{sizing.IPv4, sizing.IPv6}
	static := sizing.Cluster{Network: sizing.Network{Plugin: sizing.PluginAzure, IPFamilies: dual},
		Pools: []sizing.Pool{{Name: "np", Count: 3, MaxPods: 30, MaxSurge: sizing.MustParseSurge("1"), PodSubnet: "pods", PodIPAllocationMode: sizing.StaticBlock}}}
	if diff := cmp.Diff([]string{"np.ipFamilies=IPv4,IPv6"}, ruleAssumed(ruleDemand(t, static))); diff != "" {
		t.Errorf("static block assumptions (-want +got):\n%s", diff)
	}
	overlay := sizing.Cluster{Network: sizing.Network{Plugin: sizing.PluginAzure, PluginMode: sizing.PluginModeOverlay, IPFamilies: dual},
		Pools: []sizing.Pool{{Name: "np", Count: 3, MaxPods: 30, MaxSurge: sizing.MustParseSurge("1")}}}
	if got := ruleAssumed(ruleDemand(t, overlay)); len(got) != 0 {
		t.Errorf("overlay assumptions = %v, want none", got)
	}
}

// A kubenet node takes a route per family: 400 routes hold 400 nodes single
// stack and 200 dual-stack. Source: articles/aks/configure-kubenet-dual-stack.md
// ("Each node in a dual-stack cluster requires two routes ... limited to 200
// nodes").
func TestRuleKubenetDualStackRoutes(t *testing.T) {
	dual := sizing.Network{Plugin: sizing.PluginKubenet, IPFamilies: []sizing.IPFamily{sizing.IPv4, sizing.IPv6}}
	tests := []struct {
		name    string
		net     sizing.Network
		nodes   int
		wantErr error
	}{
		{"single stack 400", ruleKubenet, 400, nil},
		{"single stack 401", ruleKubenet, 401, sizing.ErrClusterTooLarge},
		{"dual-stack 199", dual, 199, nil},
		{"dual-stack 200", dual, 200, nil},
		{"dual-stack 201", dual, 201, sizing.ErrClusterTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sizing.Cluster{Network: tt.net, Pools: []sizing.Pool{{Name: "np", Count: tt.nodes, MaxSurge: sizing.MustParseSurge("1")}}}
			err := c.Validate()
			if tt.wantErr == nil && err != nil || !errors.Is(err, tt.wantErr) {
				t.Errorf("Validate() = %v, want %v", err, tt.wantErr)
			}
		})
	}
	spec := sizing.ModelKubenet.Spec()
	if got := [2]int{spec.RoutesPerNode(false), spec.RoutesPerNode(true)}; got != [2]int{1, 2} {
		t.Errorf("kubenet RoutesPerNode(single, dual) = %v, want [1 2]", got)
	}
	if got, _ := dual.NodeLimit(sizing.Defaults{}); got != 200 {
		t.Errorf("dual-stack kubenet NodeLimit = %d, want 200", got)
	}
	if got := sizing.ModelOverlay.Spec().RoutesPerNode(true); got != 0 {
		t.Errorf("overlay RoutesPerNode(dual) = %d, want 0", got)
	}
}
