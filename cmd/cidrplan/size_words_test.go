package main

import (
	"strings"
	"testing"

	"github.com/cidrplan/cidrplan/sizing"
)

// TestSizeMessagesNameTheirModel holds size's one-line messages on stderr
// to naming the upgrade model, network model and limit or per-node formula
// behind each number, in the words of their owners in sizing.
func TestSizeMessagesNameTheirModel(t *testing.T) {
	dynamic := sizing.ModelPodSubnetDynamic.Spec()
	tests := []struct {
		name     string
		args     []string
		wantCode int
		want     []string
	}{
		{"node subnet too small", []string{"--network-plugin", "azure", "--node-count", "300", "--node-subnet", "10.0.0.0/24"}, exitFailure, []string{
			"needs 10,230 addresses at " + sizing.UpgradeSequential.PeakWords() + ", has 251 usable",
			"model: " + modelName(sizing.ModelNodeSubnet),
			"per node: " + sizing.ModelNodeSubnet.Spec().PerNodeWords(sizing.NodeSubnet, sizing.IPv4, 30),
		}},
		{"pod subnet too small", []string{"--pod-subnet", "10.90.16.0/26", "--node-count", "3", "--max-pods", "110"}, exitFailure, []string{
			"needs 64 addresses at " + sizing.UpgradeSequential.PeakWords(),
			"model: " + modelName(sizing.ModelPodSubnetDynamic),
			"per node: " + dynamic.PerNodeWords(sizing.PodSubnet, sizing.IPv4, 110),
		}},
		{"pod subnet below maxPods", []string{"--pod-subnet", "10.90.16.0/25", "--node-count", "3", "--max-pods", "112"}, exitOK, []string{
			"need 448 at " + sizing.UpgradeSequential.PeakWords(),
			"model: " + modelName(sizing.ModelPodSubnetDynamic),
		}},
		{"kubenet routes", []string{"--network-plugin", "kubenet", "--node-count", "370", "--node-subnet", "10.0.0.0/23", "--pod-cidr", "10.0.0.0/15", "--max-surge", "10%"}, exitFailure, []string{
			"407 routes, one per node with surge, at " + sizing.UpgradeSequential.PeakWords(),
			"past the limit of " + sizing.BoundRoutes.Words(sizing.Network{Plugin: sizing.PluginKubenet}, sizing.Defaults{}) + ";",
		}},
		{"simultaneous upgrade", []string{"--upgrade", "simultaneous", "--pod-subnet", "10.90.16.0/26", "--node-count", "3", "--max-pods", "110"}, exitFailure, []string{
			"needs 64 addresses at " + sizing.UpgradeSimultaneous.PeakWords(),
		}},
		{"pool limit", []string{"--node-count", "999", "--max-surge", "2"}, exitUsage, []string{
			"(limit: " + sizing.BoundPoolLimit.Words(sizing.Network{}, sizing.Defaults{}) + ")",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := cli(t, append([]string{"size"}, tt.args...)...)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d: %s", code, tt.wantCode, stderr)
			}
			for _, w := range tt.want {
				if w == "" || !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
		})
	}
}
