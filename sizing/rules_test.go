package sizing_test

// Tests that pin rules of docs/aks-rules.md that no other test states on
// its own. Each names the public source of its rule; the document names the
// test back.

import (
	"fmt"
	"testing"

	"github.com/cidrplan/cidrplan/sizing"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var (
	ruleClassic = sizing.Network{Plugin: sizing.PluginAzure}
	ruleOverlay = sizing.Network{Plugin: sizing.PluginAzure, PluginMode: sizing.PluginModeOverlay}
	ruleKubenet = sizing.Network{Plugin: sizing.PluginKubenet}
	ruleBYOCNI  = sizing.Network{Plugin: sizing.PluginNone}
)

// ruleDemand returns c's demand, failing the test on an error.
func ruleDemand(t *testing.T, c sizing.Cluster) sizing.Demand {
	t.Helper()
	d, err := c.Demand()
	if err != nil {
		t.Fatalf("Demand() = %v", err)
	}
	return d
}

// rulePoolSettings is what a Demand says about one pool: the maxPods and
// maxSurge it used and the surge nodes they gave.
type rulePoolSettings struct {
	Pool     string
	MaxPods  int
	MaxSurge string
	Surge    int
}

// settings lists the pool items of d's first range.
func ruleSettings(d sizing.Demand) []rulePoolSettings {
	var out []rulePoolSettings
	for _, it := range d.Ranges[0].Pools {
		out = append(out, rulePoolSettings{it.Pool, it.MaxPods, it.MaxSurge.String(), it.Surge})
	}
	return out
}

// assumed lists the fields d says it assumed, as "pool.field=value".
func ruleAssumed(d sizing.Demand) []string {
	var out []string
	for _, a := range d.Assumptions {
		out = append(out, a.Pool+"."+a.Field+"="+a.Value)
	}
	return out
}

// The default maxPods per network model, and its override. Sources:
// articles/aks/concepts-network-ip-address-planning.md ("Azure CNI
// (Legacy) | 30", "Kubenet | 110"), articles/aks/azure-cni-overlay.md ("The
// default for Azure CNI Overlay is 250."),
// articles/aks/configure-azure-cni-dynamic-ip-allocation.md (110, where
// cidrplan takes 250: disputed).
func TestRuleDefaultMaxPods(t *testing.T) {
	tests := []struct {
		name     string
		network  sizing.Network
		pool     sizing.Pool
		defaults sizing.Defaults
		want     []rulePoolSettings
		assumed  []string
	}{
		{name: "node subnet takes 30", network: ruleClassic,
			want: []rulePoolSettings{{"np", 30, "1", 1}}, assumed: []string{"np.maxPods=30"}},
		{name: "kubenet takes 110", network: ruleKubenet,
			want: []rulePoolSettings{{"np", 110, "1", 1}}, assumed: []string{"np.maxPods=110"}},
		{name: "overlay takes 250", network: ruleOverlay,
			want: []rulePoolSettings{{"np", 250, "1", 1}}, assumed: []string{"np.maxPods=250"}},
		{name: "dynamic pod subnet takes 250", network: ruleClassic, pool: sizing.Pool{PodSubnet: "pods"},
			want: []rulePoolSettings{{"np", 250, "1", 1}}, assumed: []string{"np.maxPods=250"}},
		{name: "static block pod subnet takes 250", network: ruleClassic,
			pool: sizing.Pool{PodSubnet: "pods", PodIPAllocationMode: sizing.StaticBlock},
			want: []rulePoolSettings{{"np", 250, "1", 1}}, assumed: []string{"np.maxPods=250"}},
		{name: "bring your own CNI takes 250", network: ruleBYOCNI,
			want: []rulePoolSettings{{"np", 250, "1", 1}}, assumed: []string{"np.maxPods=250"}},
		{name: "Defaults.MaxPods overrides the model default", network: ruleOverlay,
			defaults: sizing.Defaults{MaxPods: map[sizing.Model]int{sizing.ModelOverlay: 110}},
			want:     []rulePoolSettings{{"np", 110, "1", 1}}, assumed: []string{"np.maxPods=110"}},
		{name: "a stated maxPods is no assumption", network: ruleOverlay, pool: sizing.Pool{MaxPods: 50},
			want: []rulePoolSettings{{"np", 50, "1", 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.pool
			p.Name, p.Count, p.MaxSurge = "np", 10, sizing.MustParseSurge("1")
			d := ruleDemand(t, sizing.Cluster{Network: tt.network, Pools: []sizing.Pool{p}, Defaults: tt.defaults})
			if diff := cmp.Diff(tt.want, ruleSettings(d)); diff != "" {
				t.Errorf("pool settings (-want +got)\n%s", diff)
			}
			if diff := cmp.Diff(tt.assumed, ruleAssumed(d)); diff != "" {
				t.Errorf("assumptions (-want +got)\n%s", diff)
			}
		})
	}
}

// The default maxSurge of 10%, rounded up, and its override. Sources: the
// AKS release notes (Azure/AKS CHANGELOG.md, 2025-03-16: 10% for
// Kubernetes ≥ 1.32) against the one node of older text in
// articles/aks/upgrade-aks-node-pools-rolling.md ("AKS configures upgrades
// to surge with one extra node by default"), which also says "A percent
// value is rounded up to the nearest node count."
func TestRuleDefaultMaxSurge(t *testing.T) {
	tests := []struct {
		name     string
		nodes    int
		surge    string // the pool's maxSurge; "" leaves it unset
		defaults sizing.Defaults
		want     []rulePoolSettings
		assumed  []string
	}{
		{name: "unset is 10 percent of 25 rounded up", nodes: 25,
			want: []rulePoolSettings{{"np", 30, "10%", 3}}, assumed: []string{"np.maxPods=30", "np.maxSurge=10%"}},
		{name: "unset is 10 percent of 1 rounded up", nodes: 1,
			want: []rulePoolSettings{{"np", 30, "10%", 1}}, assumed: []string{"np.maxPods=30", "np.maxSurge=10%"}},
		{name: "Defaults.MaxSurge overrides the default", nodes: 25, defaults: sizing.Defaults{MaxSurge: sizing.MustParseSurge("1")},
			want: []rulePoolSettings{{"np", 30, "1", 1}}, assumed: []string{"np.maxPods=30", "np.maxSurge=1"}},
		{name: "a stated maxSurge is no assumption", nodes: 25, surge: "33%",
			want: []rulePoolSettings{{"np", 30, "33%", 9}}, assumed: []string{"np.maxPods=30"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := sizing.Pool{Name: "np", Count: tt.nodes}
			if tt.surge != "" {
				p.MaxSurge = sizing.MustParseSurge(tt.surge)
			}
			d := ruleDemand(t, sizing.Cluster{Network: ruleClassic, Pools: []sizing.Pool{p}, Defaults: tt.defaults})
			if diff := cmp.Diff(tt.want, ruleSettings(d)); diff != "" {
				t.Errorf("pool settings (-want +got)\n%s", diff)
			}
			if diff := cmp.Diff(tt.assumed, ruleAssumed(d)); diff != "" {
				t.Errorf("assumptions (-want +got)\n%s", diff)
			}
		})
	}
}

// Demand counts every pool's surge at once. The quota example of
// articles/aks/upgrade-aks-node-pools-rolling.md: "a cluster that has five
// node pools, each with a count of four nodes ... a max surge value of 50%,
// extra compute and IP quota of 10 nodes". On an overlay cluster all five
// pools draw /24s from the one pod CIDR.
func TestRuleSurgeOfEveryPoolCounted(t *testing.T) {
	var pools []sizing.Pool
	for i := range 5 {
		pools = append(pools, sizing.Pool{Name: fmt.Sprint("np", i), Count: 4, MaxPods: 30, MaxSurge: sizing.MustParseSurge("50%")})
	}
	d := ruleDemand(t, sizing.Cluster{Network: ruleOverlay, Pools: pools})
	r, ok := d.Find(sizing.RangeKey{Kind: sizing.PodCIDR, Name: sizing.PodCIDRName, Family: sizing.IPv4})
	if !ok {
		t.Fatalf("no IPv4 pod CIDR in %+v", d.Ranges)
	}
	type nodes struct {
		Steady, Peak int
		PodCIDRPeak  string
	}
	want := nodes{Steady: 20, Peak: 30, PodCIDRPeak: fmt.Sprint(30 * 256)}
	got := nodes{Steady: d.Nodes, Peak: d.PeakNodes, PodCIDRPeak: fmt.Sprint(r.Peak)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

// The Cilium dataplane changes no arithmetic: the IPAM mode underneath
// decides. Source: articles/aks/azure-cni-powered-by-cilium.md (Cilium runs
// on overlay, pod subnet or node subnet IPAM).
func TestRuleCiliumKeepsArithmetic(t *testing.T) {
	tests := []struct {
		name    string
		network sizing.Network
		pool    sizing.Pool
	}{
		{"node subnet", ruleClassic, sizing.Pool{}},
		{"dynamic pod subnet", ruleClassic, sizing.Pool{PodSubnet: "pods"}},
		{"static block pod subnet", ruleClassic, sizing.Pool{PodSubnet: "pods", PodIPAllocationMode: sizing.StaticBlock}},
		{"overlay", ruleOverlay, sizing.Pool{}},
	}
	// ranges summarises a demand's ranges as text, so that the comparison
	// does not depend on how counts are represented.
	ranges := func(d sizing.Demand) []string {
		var out []string
		for _, r := range d.Ranges {
			out = append(out, fmt.Sprintf("%s %s %s: steady %v peak %v /%d", r.Kind, r.Name, r.Family, r.Steady, r.Peak, r.MinPrefixLen))
		}
		return out
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.pool
			p.Name, p.Count, p.MaxPods, p.MaxSurge = "np", 40, 50, sizing.MustParseSurge("33%")
			azure := ruleDemand(t, sizing.Cluster{Network: tt.network, Pools: []sizing.Pool{p}})
			cilium := tt.network
			cilium.Dataplane = sizing.DataplaneCilium
			got := ruleDemand(t, sizing.Cluster{Network: cilium, Pools: []sizing.Pool{p}})
			if diff := cmp.Diff(ranges(azure), ranges(got), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Cilium demand differs (-azure +cilium)\n%s", diff)
			}
		})
	}
}
