package sizing

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestBoundWords: each bound names the limit that sets it, with its number
// and the model it binds (docs/aks-rules.md#a-pool-and-its-surge-hold-at-most-1000-nodes,
// docs/aks-rules.md#azure-cni-overlay-node-limit, docs/aks-rules.md#kubenet-holds-at-most-400-nodes).
func TestBoundWords(t *testing.T) {
	overlay := Network{Plugin: PluginAzure, PluginMode: PluginModeOverlay}
	kubenet := Network{Plugin: PluginKubenet}
	dual := Network{Plugin: PluginKubenet, IPFamilies: []IPFamily{IPv4, IPv6}}
	tests := []struct {
		name  string
		bound Bound
		net   Network
		d     Defaults
		want  string
	}{
		{"addresses name no limit", BoundAddresses, overlay, Defaults{}, ""},
		{"pool limit", BoundPoolLimit, overlay, Defaults{}, "AKS's 1,000 nodes per pool, surge included"},
		{"overlay limit", BoundClusterLimit, overlay, Defaults{}, "at most 5,000 nodes with Azure CNI Overlay [D]"},
		{"overlay limit overridden", BoundClusterLimit, overlay, Defaults{OverlayMaxNodes: 1000}, "at most 1,000 nodes with Azure CNI Overlay [D]"},
		{"kubenet limit", BoundClusterLimit, kubenet, Defaults{}, "at most 400 nodes with kubenet"},
		{"dual-stack kubenet limit", BoundClusterLimit, dual, Defaults{}, "at most 200 nodes with dual-stack kubenet (two routes per node)"},
		{"node subnet limit", BoundClusterLimit, Network{Plugin: PluginAzure}, Defaults{}, "at most 5,000 nodes per cluster"},
		{"routes", BoundRoutes, kubenet, Defaults{}, "kubenet's route table: 400 routes at the upgrade peak"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.bound.Words(tt.net, tt.d)); diff != "" {
				t.Errorf("Words (-want +got):\n%s", diff)
			}
		})
	}
}

// TestUpgradeModelWords: the words of each upgrade model's peak
// (docs/aks-rules.md#pools-upgrade-one-at-a-time).
func TestUpgradeModelWords(t *testing.T) {
	tests := []struct {
		m         UpgradeModel
		words     string
		peakWords string
	}{
		{"", "one pool at a time", "the peak of a sequential upgrade (one pool at a time)"},
		{UpgradeSequential, "one pool at a time", "the peak of a sequential upgrade (one pool at a time)"},
		{UpgradeSimultaneous, "every pool surging at once", "every pool surging at once (simultaneous upgrade)"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff([2]string{tt.words, tt.peakWords}, [2]string{tt.m.Words(), tt.m.PeakWords()}); diff != "" {
			t.Errorf("%q words (-want +got):\n%s", tt.m, diff)
		}
	}
}
