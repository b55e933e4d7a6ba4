package ipam

import (
	"testing"

	"github.com/cidrplan/cidrplan/sizing"
	"github.com/google/go-cmp/cmp"
)

func TestAdviseUpgradeRoutes(t *testing.T) {
	pool := func(name string, count int, surge string) sizing.Pool {
		return sizing.Pool{Name: name, Count: count, MaxSurge: sizing.MustParseSurge(surge)}
	}
	tests := []struct {
		name   string
		plugin sizing.NetworkPlugin
		mode   sizing.NetworkPluginMode
		pools  []sizing.Pool
		want   RouteAdvice
		wantOK bool
	}{
		{"kubenet within the limit at the peak", sizing.PluginKubenet, "", []sizing.Pool{pool("a", 380, "10")}, RouteAdvice{}, false},
		{"kubenet past the limit at the peak", sizing.PluginKubenet, "", []sizing.Pool{pool("a", 300, "1"), pool("b", 95, "10")},
			RouteAdvice{Nodes: 395, Peak: 405, Limit: sizing.MaxKubenetNodes, Pool: "b", Surge: 10}, true},
		{"kubenet exactly at the limit", sizing.PluginKubenet, "", []sizing.Pool{pool("a", 390, "10")}, RouteAdvice{}, false},
		{"overlay takes no routes", sizing.PluginAzure, sizing.PluginModeOverlay, []sizing.Pool{pool("a", 395, "10")}, RouteAdvice{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sizing.Cluster{Network: sizing.Network{Plugin: tt.plugin, PluginMode: tt.mode}, Pools: tt.pools}
			d, err := c.Demand()
			if err != nil {
				t.Fatal(err)
			}
			got, ok := AdviseUpgradeRoutes(c.Network.Model(sizing.Pool{}), d)
			if diff := cmp.Diff(tt.want, got); diff != "" || ok != tt.wantOK {
				t.Errorf("AdviseUpgradeRoutes() = _, %v, want %v (-want +got):\n%s", ok, tt.wantOK, diff)
			}
		})
	}
}

func TestCapacityCode(t *testing.T) {
	tests := []struct {
		m    sizing.Model
		k    sizing.RangeKind
		want Code
	}{
		{sizing.ModelKubenet, sizing.PodCIDR, CodeInsufficientPodCIDR},
		{sizing.ModelKubenet, sizing.NodeSubnet, CodeInsufficientSubnetSize},
		{sizing.ModelOverlay, sizing.PodCIDR, CodeInsufficientSubnetSize},
		{sizing.ModelPodSubnetStatic, sizing.PodSubnet, CodeInsufficientSubnetSize},
	}
	for _, tt := range tests {
		if got := CapacityCode(tt.m, tt.k); got != tt.want {
			t.Errorf("CapacityCode(%s, %s) = %s, want %s", tt.m, tt.k, got, tt.want)
		}
	}
}
