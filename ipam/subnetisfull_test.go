package ipam

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSubnetIsFullIsReportedBeforeAKS: AKS reports SubnetIsFull when a
// scale-out or upgrade finds no free address for a new node
// (support/azure/azure-kubernetes/error-codes/subnetisfull-error.md: "This
// error occurs if your cluster doesn't have enough IP addresses to create a
// new node"). cidrplan's peak counts the planned scale-out and surge
// nodes, so the same subnet is InsufficientSubnetSize when the plan is
// checked, and SubnetIsFull stays reserved: never emitted
// (docs/aks-rules.md#a-full-subnet-is-reported-before-aks-finds-it).
func TestSubnetIsFullIsReportedBeforeAKS(t *testing.T) {
	tests := []struct {
		name string
		plan *Plan
		want []Code
	}{
		// 7 nodes + 1 surge (10%) at maxPods 30: 248 of a /24's 251.
		{"fits without the scale-out", rulePlan(PluginAzure, "10.1.0.0/24", rulePool("system", 7, pMaxPods(30))), nil},
		// The node scaled out finds no address: (8 + 1 surge) × 31 = 279.
		{"no address for the node scaled out", rulePlan(PluginAzure, "10.1.0.0/24", rulePool("system", 7, pMaxPods(30), pScaleOut(1))),
			[]Code{CodeInsufficientSubnetSize}},
		// The surge node finds no address: (8 + 1 surge) × 31 = 279.
		{"no address for the surge node", rulePlan(PluginAzure, "10.1.0.0/24", rulePool("system", 8, pMaxPods(30))),
			[]Code{CodeInsufficientSubnetSize}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := withCodes(tt.plan.Validate(), CodeInsufficientSubnetSize, CodeSubnetIsFull)
			var codes []Code
			for _, f := range got {
				codes = append(codes, f.Code)
			}
			if diff := cmp.Diff(tt.want, codes); diff != "" {
				t.Errorf("codes (-want +got):\n%s", diff)
			}
		})
	}
}
