package sizing

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Pools upgrade one at a time: the peak is every node plus the surge of the
// pool that surges most, not every pool's surge (that is PeakNodes).
func TestUpgradePeakNodes(t *testing.T) {
	type peak struct {
		Nodes int
		Pool  string
	}
	tests := []struct {
		name  string
		pools []Pool
		want  peak
	}{
		{"one pool", []Pool{{Name: "a", Count: 10, MaxSurge: MustParseSurge("2")}}, peak{12, "a"}},
		{"largest surge wins", []Pool{
			{Name: "a", Count: 10, MaxSurge: MustParseSurge("2")},
			{Name: "b", Count: 10, MaxSurge: MustParseSurge("50%")},
			{Name: "c", Count: 10, MaxSurge: MustParseSurge("1")},
		}, peak{35, "b"}},
		{"scale-out counts", []Pool{{Name: "a", Count: 10, ScaleOut: 5, MaxSurge: MustParseSurge("1")}}, peak{16, "a"}},
		{"no surge", []Pool{{Name: "a", Count: 10, MaxSurge: MustParseSurge("0"), MaxUnavailable: MustParseSurge("1")}}, peak{10, ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Cluster{Network: Network{Plugin: PluginKubenet}, Pools: tt.pools}
			d, err := c.Demand()
			if err != nil {
				t.Fatal(err)
			}
			var got peak
			got.Nodes, got.Pool = d.UpgradePeakNodes()
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("UpgradePeakNodes() (-want +got):\n%s", diff)
			}
		})
	}
}
