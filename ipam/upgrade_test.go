package ipam

import (
	"errors"
	"net/netip"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cidrplan/cidrplan/sizing"
)

// stepSummary is what the worked examples pin of a step.
type stepSummary struct {
	Pool             string
	Surge            int
	Fits             bool
	MaxSurge         int
	FitsWithoutSurge bool
	Peaks            map[string]string // range name: peak/usable
}

func summarise(u UpgradeReport) []stepSummary {
	var out []stepSummary
	for _, c := range u.Clusters {
		for _, s := range c.Steps {
			ss := stepSummary{Pool: s.Pool, Surge: s.Surge, Fits: s.Fits, MaxSurge: s.MaxSurgeThatFits,
				FitsWithoutSurge: s.FitsWithoutSurge, Peaks: map[string]string{}}
			for _, r := range s.Ranges {
				ss.Peaks[string(r.Kind)+" "+r.Name] = r.Peak.String() + "/" + r.Usable.String()
			}
			out = append(out, ss)
		}
	}
	return out
}

func withPodCIDR(p *Plan, cidr string) *Plan {
	p.Clusters[0].NetworkProfile.PodCIDR = netip.MustParsePrefix(cidr)
	return p
}

// TestPlanUpgrade holds the worked examples of the upgrade simulation: one
// step per pool in plan order (articles/aks/upgrade-aks-control-plane.md),
// every pool's nodes plus this pool's surge in each range.
func TestPlanUpgrade(t *testing.T) {
	tests := []struct {
		name  string
		plan  *Plan
		model sizing.UpgradeModel
		want  []stepSummary
	}{
		{
			name: "pools sharing a 23 of 507: a's step 16 x 31 = 496 fits, b's 18 x 31 = 558 does not, b fits a surge of (507-434)/31 = 2",
			plan: rulePlan(PluginAzure, "10.1.0.0/23", rulePool("a", 7, pMaxPods(30), pSurge("2")), rulePool("b", 7, pMaxPods(30), pSurge("4"))),
			want: []stepSummary{
				{Pool: "a", Surge: 2, Fits: true, MaxSurge: 2, FitsWithoutSurge: true,
					Peaks: map[string]string{"nodeSubnet aks": "496/507", "poolNodes a": "9/1000", "clusterNodes prod": "16/5000"}},
				{Pool: "b", Surge: 4, Fits: false, MaxSurge: 2, FitsWithoutSurge: true,
					Peaks: map[string]string{"nodeSubnet aks": "558/507", "poolNodes b": "11/1000", "clusterNodes prod": "18/5000"}},
			},
		},
		{
			name:  "simultaneous: 14 nodes + 2 + 2 surge = 18 x 31 = 558 > 507, a surge of 1 each = 16 x 31 = 496 fits",
			plan:  rulePlan(PluginAzure, "10.1.0.0/23", rulePool("a", 7, pMaxPods(30), pSurge("2")), rulePool("b", 7, pMaxPods(30), pSurge("2"))),
			model: sizing.UpgradeSimultaneous,
			want: []stepSummary{
				{Pool: "a,b", Surge: 4, Fits: false, MaxSurge: 1, FitsWithoutSurge: true,
					Peaks: map[string]string{"nodeSubnet aks": "558/507", "poolNodes a": "9/1000", "poolNodes b": "9/1000", "clusterNodes prod": "18/5000"}},
			},
		},
		{
			name: "overlay pod CIDR 21 holds 8 nodes of 256: 7 nodes + 2 surge = 2304 > 2048, a surge of 1 fits",
			plan: withPodCIDR(rulePlan(ruleOverlay, "10.1.0.0/24", rulePool("system", 3, pSurge("1")), rulePool("user", 4, pSurge("50%"))), "10.244.0.0/21"),
			want: []stepSummary{
				{Pool: "system", Surge: 1, Fits: true, MaxSurge: 1, FitsWithoutSurge: true,
					Peaks: map[string]string{"nodeSubnet aks": "8/251", "podCIDR IPv4 pod CIDR": "2048/2048", "poolNodes system": "4/1000", "clusterNodes prod": "8/5000"}},
				{Pool: "user", Surge: 2, Fits: false, MaxSurge: 1, FitsWithoutSurge: true,
					Peaks: map[string]string{"nodeSubnet aks": "9/251", "podCIDR IPv4 pod CIDR": "2304/2048", "poolNodes user": "6/1000", "clusterNodes prod": "9/5000"}},
			},
		},
		{
			name: "kubenet routes: 393 nodes + 39 surge = 432 routes > 400, a surge of 400-393 = 7 fits",
			plan: withPodCIDR(rulePlan(PluginKubenet, "10.1.0.0/22", rulePool("system", 3, pSurge("1")), rulePool("batch", 390, pSurge("10%"))), "10.244.0.0/15"),
			want: []stepSummary{
				{Pool: "system", Surge: 1, Fits: true, MaxSurge: 3, FitsWithoutSurge: true,
					Peaks: map[string]string{"nodeSubnet aks": "394/1019", "podCIDR IPv4 pod CIDR": "100864/131072", "routes route table": "394/400", "poolNodes system": "4/1000", "clusterNodes prod": "394/5000"}},
				{Pool: "batch", Surge: 39, Fits: false, MaxSurge: 7, FitsWithoutSurge: true,
					Peaks: map[string]string{"nodeSubnet aks": "432/1019", "podCIDR IPv4 pod CIDR": "110592/131072", "routes route table": "432/400", "poolNodes batch": "429/1000", "clusterNodes prod": "432/5000"}},
			},
		},
		{
			name: "a pool at the 1000 cap: 1000 nodes + 1 surge = 1001 > 1000, no surge fits, maxSurge 0 does",
			plan: withPodCIDR(rulePlan(ruleOverlay, "10.1.0.0/22", rulePool("system", 3, pSurge("1")), rulePool("big", 1000, pSurge("1"))), "10.0.0.0/14"),
			want: []stepSummary{
				{Pool: "system", Surge: 1, Fits: true, MaxSurge: 3, FitsWithoutSurge: true,
					Peaks: map[string]string{"nodeSubnet aks": "1004/1019", "podCIDR IPv4 pod CIDR": "257024/262144", "poolNodes system": "4/1000", "clusterNodes prod": "1004/5000"}},
				{Pool: "big", Surge: 1, Fits: false, MaxSurge: 0, FitsWithoutSurge: true,
					Peaks: map[string]string{"nodeSubnet aks": "1004/1019", "podCIDR IPv4 pod CIDR": "257024/262144", "poolNodes big": "1001/1000", "clusterNodes prod": "1004/5000"}},
			},
		},
		{
			name: "a full 24: 8 nodes x 31 = 248 of 251, no surge of 1 fits, 0 does",
			plan: rulePlan(PluginAzure, "10.1.0.0/24", rulePool("system", 8, pMaxPods(30), pSurge("1"))),
			want: []stepSummary{
				{Pool: "system", Surge: 1, Fits: false, MaxSurge: 0, FitsWithoutSurge: true,
					Peaks: map[string]string{"nodeSubnet aks": "279/251", "poolNodes system": "9/1000", "clusterNodes prod": "9/5000"}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := tt.plan.Upgrade(UpgradeOptions{Model: tt.model})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, summarise(u)); diff != "" {
				t.Errorf("Upgrade() (-want +got):\n%s", diff)
			}
			fits := true
			for _, s := range tt.want {
				fits = fits && s.Fits
			}
			if u.Fits() != fits {
				t.Errorf("Fits() = %v, want %v", u.Fits(), fits)
			}
		})
	}
}

// TestPlanUpgradeMode: the step names the pool's mode, which decides the
// advice where no surge fits (System pools can't use maxUnavailable).
func TestPlanUpgradeMode(t *testing.T) {
	p := rulePlan(PluginAzure, "10.1.0.0/22", rulePool("first", 3, pMaxPods(30)), rulePool("sys2", 3, pMaxPods(30)), rulePool("user", 3, pMaxPods(30)))
	p.Clusters[0].AgentPoolProfiles[1].Mode = "System"
	u, err := p.Upgrade(UpgradeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range u.Clusters[0].Steps {
		got = append(got, s.Mode)
	}
	if diff := cmp.Diff([]string{"System", "System", "User"}, got); diff != "" {
		t.Errorf("modes (-want +got):\n%s", diff)
	}
}

func TestPlanUpgradeErrors(t *testing.T) {
	p := rulePlan(PluginAzure, "10.1.0.0/22", rulePool("system", 3, pMaxPods(30)))
	if _, err := p.Upgrade(UpgradeOptions{Cluster: "nope"}); !errors.Is(err, ErrUnknownCluster) {
		t.Errorf("unknown cluster: error = %v, want ErrUnknownCluster", err)
	}
	if _, err := p.Upgrade(UpgradeOptions{Model: "parallel"}); !errors.Is(err, sizing.ErrUpgradeModel) {
		t.Errorf("unknown model: error = %v, want sizing.ErrUpgradeModel", err)
	}
	bad := rulePlan(PluginAzure, "10.1.0.0/22", rulePool("system", 3, pMaxPods(300)))
	u, err := bad.Upgrade(UpgradeOptions{})
	if err != nil || len(u.Clusters) != 1 || u.Clusters[0].Error == "" || u.Fits() {
		t.Errorf("invalid maxPods: Upgrade() = %+v, %v; want the cluster with an Error, not fitting", u, err)
	}
}

// TestPlanUpgradeSharedByClusters: a subnet two clusters share carries the
// other cluster's own peak in every step, as check counts it
// (docs/aks-rules.md#a-subnet-shared-by-clusters).
func TestPlanUpgradeSharedByClusters(t *testing.T) {
	p := rulePlan(PluginAzure, "10.1.0.0/24", rulePool("sys", 3, pMaxPods(30), pSurge("1")), rulePool("app", 3, pMaxPods(30), pSurge("1")))
	other := p.Clusters[0]
	other.Name = "green"
	other.AgentPoolProfiles = []AgentPool{rulePool("sys", 2, pMaxPods(30), pSurge("1"))}
	other.AgentPoolProfiles[0].VNetSubnet = "aks"
	p.Clusters = append(p.Clusters, other)
	u, err := p.Upgrade(UpgradeOptions{Cluster: "prod"})
	if err != nil {
		t.Fatal(err)
	}
	// prod's steps: (6 + 1) x 31 = 217, plus green's peak (2 + 1) x 31 = 93:
	// 310 of 251; without surge 186 + 93 = 279 does not fit either.
	want := []stepSummary{
		{Pool: "sys", Surge: 1, Fits: false, MaxSurge: 0, FitsWithoutSurge: false,
			Peaks: map[string]string{"nodeSubnet aks": "310/251", "poolNodes sys": "4/1000", "clusterNodes prod": "7/5000"}},
		{Pool: "app", Surge: 1, Fits: false, MaxSurge: 0, FitsWithoutSurge: false,
			Peaks: map[string]string{"nodeSubnet aks": "310/251", "poolNodes app": "4/1000", "clusterNodes prod": "7/5000"}},
	}
	if diff := cmp.Diff(want, summarise(u)); diff != "" {
		t.Errorf("Upgrade() (-want +got):\n%s", diff)
	}
}
