package ipam_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cidrplan/cidrplan/ipam"
)

// TestUpgradeRangeWords: a step's range or limit is named once, by ipam, for
// every front end (the upgrade and report tables, the report page), with the
// rule behind a limit (docs/aks-rules.md#kubenet-holds-at-most-400-nodes,
// docs/aks-rules.md#a-pool-and-its-surge-hold-at-most-1000-nodes,
// docs/aks-rules.md#upgrades-are-blocked-at-5000-nodes).
func TestUpgradeRangeWords(t *testing.T) {
	tests := []struct {
		r    ipam.UpgradeRange
		want string
	}{
		{ipam.UpgradeRange{Kind: ipam.CapacityNodeSubnet, Name: "aks-nodes"}, "node subnet aks-nodes"},
		{ipam.UpgradeRange{Kind: ipam.CapacityPodSubnet, Name: "pods"}, "pod subnet pods"},
		{ipam.UpgradeRange{Kind: ipam.CapacityPodCIDR, Name: "IPv4 pod CIDR"}, "IPv4 pod CIDR"},
		{ipam.UpgradeRange{Kind: ipam.CapacityRoutes, Name: "route table"}, "kubenet's route table"},
		{ipam.UpgradeRange{Kind: ipam.CapacityPoolNodes, Name: "system"}, "pool system: nodes with surge (AKS's limit per pool)"},
		{ipam.UpgradeRange{Kind: ipam.CapacityClusterNodes, Name: "prod"}, "cluster prod: nodes (AKS blocks upgrades past its limit)"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, tt.r.Words()); diff != "" {
			t.Errorf("%s Words (-want +got):\n%s", tt.r.Kind, diff)
		}
	}
}

// TestCapacityKindLimitWords: what ends a range's runway names the AKS
// limit, or nothing when the range's own addresses run out
// (docs/aks-rules.md#upgrades-are-blocked-at-5000-nodes).
func TestCapacityKindLimitWords(t *testing.T) {
	got := map[ipam.CapacityKind]string{}
	for _, k := range []ipam.CapacityKind{ipam.CapacityNodeSubnet, ipam.CapacityPodSubnet, ipam.CapacityPodCIDR,
		ipam.CapacityRoutes, ipam.CapacityPoolNodes, ipam.CapacityClusterNodes} {
		got[k] = k.LimitWords()
	}
	want := map[ipam.CapacityKind]string{ipam.CapacityNodeSubnet: "", ipam.CapacityPodSubnet: "", ipam.CapacityPodCIDR: "",
		ipam.CapacityRoutes: "route limit", ipam.CapacityPoolNodes: "pool node limit", ipam.CapacityClusterNodes: "cluster node limit"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("LimitWords (-want +got):\n%s", diff)
	}
}
