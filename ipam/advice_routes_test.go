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
		name    string
		plugin  sizing.NetworkPlugin
		mode    sizing.NetworkPluginMode
		pools   []sizing.Pool
		upgrade sizing.UpgradeModel
		want    RouteAdvice
		wantOK  bool
	}{
		{"kubenet within the limit at the peak", sizing.PluginKubenet, "", []sizing.Pool{pool("a", 380, "10")}, "", RouteAdvice{}, false},
		{"kubenet past the limit at the peak", sizing.PluginKubenet, "", []sizing.Pool{pool("a", 300, "1"), pool("b", 95, "10")}, "",
			RouteAdvice{Nodes: 395, Peak: 405, Routes: 405, Limit: sizing.MaxRoutes, Pools: []string{"b"}, Surge: 10}, true},
		{"kubenet exactly at the limit", sizing.PluginKubenet, "", []sizing.Pool{pool("a", 390, "10")}, "", RouteAdvice{}, false},
		// One pool at a time: 395 + 3 = 398 routes; both at once: 401.
		{"one pool at a time stays within", sizing.PluginKubenet, "", []sizing.Pool{pool("a", 300, "3"), pool("b", 95, "3")}, "", RouteAdvice{}, false},
		{"every pool at once passes", sizing.PluginKubenet, "", []sizing.Pool{pool("a", 300, "3"), pool("b", 95, "3")}, sizing.UpgradeSimultaneous,
			RouteAdvice{Nodes: 395, Peak: 401, Routes: 401, Limit: sizing.MaxRoutes, Pools: []string{"a", "b"}, Surge: 6}, true},
		{"overlay takes no routes", sizing.PluginAzure, sizing.PluginModeOverlay, []sizing.Pool{pool("a", 395, "10")}, "", RouteAdvice{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sizing.Cluster{Network: sizing.Network{Plugin: tt.plugin, PluginMode: tt.mode}, Pools: tt.pools}
			u, err := c.Upgrade(tt.upgrade)
			if err != nil {
				t.Fatal(err)
			}
			got, ok := AdviseUpgradeRoutes(c.Network.Model(sizing.Pool{}), u)
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
