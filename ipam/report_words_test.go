package ipam_test

import (
	"testing"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
	"github.com/google/go-cmp/cmp"
)

// TestReportPeakWords: the report says which upgrade model produced its
// peaks, cluster by cluster where they differ.
func TestReportPeakWords(t *testing.T) {
	seq, sim := sizing.UpgradeSequential, sizing.UpgradeSimultaneous
	tests := []struct {
		name   string
		models map[string]sizing.UpgradeModel
		order  []string
		want   string
	}{
		{"no cluster", nil, nil, ""},
		{"one sequential", map[string]sizing.UpgradeModel{"a": seq}, []string{"a"}, seq.PeakWords()},
		{"alike", map[string]sizing.UpgradeModel{"a": sim, "b": sim}, []string{"a", "b"}, sim.PeakWords()},
		{"differ", map[string]sizing.UpgradeModel{"a": seq, "b": sim}, []string{"a", "b"},
			"cluster a: " + seq.PeakWords() + "; cluster b: " + sim.PeakWords()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r ipam.Report
			for _, n := range tt.order {
				r.Upgrade.Clusters = append(r.Upgrade.Clusters, ipam.ClusterUpgrade{Name: n, Model: tt.models[n]})
			}
			if diff := cmp.Diff(tt.want, r.PeakWords()); diff != "" {
				t.Errorf("PeakWords (-want +got):\n%s", diff)
			}
		})
	}
}
