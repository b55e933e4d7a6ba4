package sizing_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cidrplan/cidrplan/sizing"
)

func TestUpgradePastLimits(t *testing.T) {
	pool := func(name string, count int, surge string) sizing.Pool {
		return sizing.Pool{Name: name, Count: count, MaxSurge: sizing.MustParseSurge(surge)}
	}
	tests := []struct {
		name    string
		pools   []sizing.Pool
		want    []bool // FitsPoolLimit of each step's pool
		wantErr error
	}{
		{"995 nodes plus 5 surge is 1000 within the cap", []sizing.Pool{pool("sys", 3, "1"), pool("big", 995, "5")}, []bool{true, true}, nil},
		{"995 nodes plus 10 percent is 1095 past the cap", []sizing.Pool{pool("sys", 3, "1"), pool("big", 995, "10%")}, []bool{true, false}, nil},
		{"1000 nodes plus 1 surge is 1001 past the cap", []sizing.Pool{pool("sys", 3, "1"), pool("big", 1000, "1")}, []bool{true, false}, nil},
		{"1001 nodes is past the cap without surge", []sizing.Pool{pool("sys", 3, "1"), pool("big", 1001, "1")}, nil, sizing.ErrPoolTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sizing.Cluster{Network: sizing.Network{Plugin: sizing.PluginAzure, PluginMode: sizing.PluginModeOverlay}, Pools: tt.pools}
			u, err := c.UpgradePastLimits("")
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("UpgradePastLimits() error = %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			var got []bool
			for _, s := range u.Steps {
				got = append(got, s.Pools[0].FitsPoolLimit())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("FitsPoolLimit per step (-want +got):\n%s", diff)
			}
			if _, err := c.Upgrade(""); tt.want[1] == false && !errors.Is(err, sizing.ErrPoolTooLarge) {
				t.Errorf("Upgrade() error = %v, want ErrPoolTooLarge: only UpgradePastLimits lets the peak pass", err)
			}
		})
	}
}
