package sizing

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPerNodeWords: the words of every model's per-node formula, and that
// they name the count perNode computes (docs/aks-rules.md#address-demand-per-model).
func TestPerNodeWords(t *testing.T) {
	tests := []struct {
		name    string
		model   Model
		kind    RangeKind
		family  IPFamily
		maxPods int
		want    string
	}{
		{"node subnet classic", ModelNodeSubnet, NodeSubnet, IPv4, 30, "30 pods (maxPods) + 1 for the node"},
		{"node subnet overlay", ModelOverlay, NodeSubnet, IPv4, 250, "1 for the node"},
		{"dynamic pod subnet", ModelPodSubnetDynamic, PodSubnet, IPv4, 110, "one batch of 16 pod IPs"},
		{"static block pod subnet", ModelPodSubnetStatic, PodSubnet, IPv4, 32, "ceil((32 pods + 1) / 16) = 3 /28 blocks of 16"},
		{"overlay pod CIDR", ModelOverlay, PodCIDR, IPv4, 250, "one /24"},
		{"overlay IPv6 pod CIDR", ModelOverlay, PodCIDR, IPv6, 250, "one /80 = 2^48"},
		{"kubenet pod CIDR", ModelKubenet, PodCIDR, IPv4, 110, "one /24"},
		{"no pod subnet under overlay", ModelOverlay, PodSubnet, IPv4, 250, ""},
		{"no pod CIDR under classic", ModelNodeSubnet, PodCIDR, IPv4, 30, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.model.Spec().PerNodeWords(tt.kind, tt.family, tt.maxPods)); diff != "" {
				t.Errorf("PerNodeWords (-want +got):\n%s", diff)
			}
		})
	}
}
