package sizing

import (
	"errors"
	"fmt"
	"net/netip"
	"testing"

	"github.com/cidrplan/cidrplan/cidr"
)

func TestValidate(t *testing.T) {
	linux := func(name string, count int) Pool { return Pool{Name: name, Count: count} }
	pools := func(n int) []Pool {
		ps := make([]Pool, n)
		for i := range ps {
			ps[i] = linux(fmt.Sprintf("np%d", i), 1)
		}
		return ps
	}
	nodes := func(total, per int) []Pool {
		var ps []Pool
		for i := 0; total > 0; i++ {
			n := min(per, total)
			ps = append(ps, noSurge(linux(fmt.Sprintf("np%d", i), n)))
			total -= n
		}
		return ps
	}
	cilium := Network{Plugin: PluginAzure, PluginMode: PluginModeOverlay, Dataplane: DataplaneCilium}
	tests := []struct {
		name    string
		cluster Cluster
		wantErr error // nil: valid
	}{
		{"valid classic", Cluster{Network: azure, Pools: []Pool{linux("np", 3)}}, nil},
		{"no pools", Cluster{Network: azure}, ErrNoPools},
		{"100 pools", Cluster{Network: overlay, Pools: pools(100)}, nil},
		{"101 pools", Cluster{Network: overlay, Pools: pools(101)}, ErrTooManyPools},
		{"no plugin", Cluster{Pools: []Pool{linux("np", 3)}}, ErrNetwork},
		{"overlay on kubenet", Cluster{Network: Network{Plugin: PluginKubenet, PluginMode: PluginModeOverlay}, Pools: []Pool{linux("np", 3)}}, ErrNetwork},
		{"cilium on kubenet", Cluster{Network: Network{Plugin: PluginKubenet, Dataplane: DataplaneCilium}, Pools: []Pool{linux("np", 3)}}, ErrNetwork},
		{"ipv6 only", Cluster{Network: Network{Plugin: PluginAzure, PluginMode: PluginModeOverlay, IPFamilies: []IPFamily{IPv6}}, Pools: []Pool{linux("np", 3)}}, ErrNetwork},
		{"dual-stack classic", Cluster{Network: Network{Plugin: PluginAzure, IPFamilies: []IPFamily{IPv4, IPv6}}, Pools: []Pool{linux("np", 3)}}, ErrNetwork},
		{"dual-stack overlay", Cluster{Network: Network{Plugin: PluginAzure, PluginMode: PluginModeOverlay, IPFamilies: []IPFamily{IPv4, IPv6}}, Pools: []Pool{linux("np", 3)}}, nil},
		{"maxPods 9", Cluster{Network: azure, Pools: []Pool{{Name: "np", Count: 3, MaxPods: 9}}}, ErrMaxPods},
		{"maxPods 10", Cluster{Network: azure, Pools: []Pool{{Name: "np", Count: 3, MaxPods: 10}}}, nil},
		{"maxPods 250", Cluster{Network: azure, Pools: []Pool{{Name: "np", Count: 3, MaxPods: 250}}}, nil},
		{"maxPods 251", Cluster{Network: azure, Pools: []Pool{{Name: "np", Count: 3, MaxPods: 251}}}, ErrMaxPods},
		{"maxPods 10000", Cluster{Network: azure, Pools: []Pool{{Name: "np", Count: 3, MaxPods: 10000}}}, ErrMaxPods},
		{"maxPods negative", Cluster{Network: azure, Pools: []Pool{{Name: "np", Count: 3, MaxPods: -1}}}, ErrMaxPods},
		{"maxPods 10 on 2 nodes", Cluster{Network: azure, Pools: []Pool{{Name: "np", Count: 2, MaxPods: 10}}}, ErrTooFewPods},
		{"windows on kubenet", Cluster{Network: kubenet, Pools: []Pool{linux("np", 3), {Name: "win", OSType: Windows, Count: 3}}}, ErrWindows},
		{"windows on cilium", Cluster{Network: cilium, Pools: []Pool{linux("np", 3), {Name: "win", OSType: Windows, Count: 3}}}, ErrWindows},
		{"windows on overlay", Cluster{Network: overlay, Pools: []Pool{linux("np", 3), {Name: "win", OSType: Windows, Count: 3}}}, nil},
		{"windows first", Cluster{Network: overlay, Pools: []Pool{{Name: "win", OSType: Windows, Count: 3}}}, ErrWindows},
		{"bad os", Cluster{Network: overlay, Pools: []Pool{{Name: "np", OSType: "linux", Count: 3}}}, ErrOSType},
		{"negative count", Cluster{Network: overlay, Pools: []Pool{linux("np", -1)}}, ErrNegativeCount},
		{"negative scale-out", Cluster{Network: overlay, Pools: []Pool{{Name: "np", Count: 3, ScaleOut: -1}}}, ErrNegativeCount},
		{"autoscale no maxCount", Cluster{Network: overlay, Pools: []Pool{{Name: "np", Count: 3, EnableAutoScaling: true}}}, ErrNodeCount},
		{"maxCount below count", Cluster{Network: overlay, Pools: []Pool{{Name: "np", Count: 3, MaxCount: 2, EnableAutoScaling: true}}}, ErrNodeCount},
		{"maxCount without autoscale", Cluster{Network: overlay, Pools: []Pool{{Name: "np", Count: 3, MaxCount: 5}}}, ErrNodeCount},
		{"no surge no unavailable", Cluster{Network: overlay, Pools: []Pool{{Name: "np", Count: 3, MaxSurge: MustParseSurge("0")}}}, ErrNoSurge},
		{"zero percent surge", Cluster{Network: overlay, Pools: []Pool{{Name: "np", Count: 3, MaxSurge: MustParseSurge("0%")}}}, ErrNoSurge},
		{"pool of 1000", Cluster{Network: overlay, Pools: []Pool{noSurge(linux("np", 1000))}}, nil},
		{"pool of 1001", Cluster{Network: overlay, Pools: []Pool{noSurge(linux("np", 1001))}}, ErrPoolTooLarge},
		{"pool of 1000 plus surge", Cluster{Network: overlay, Pools: []Pool{linux("np", 1000)}}, ErrPoolTooLarge},
		{"pool of 909 plus 10 percent", Cluster{Network: overlay, Pools: []Pool{linux("np", 909)}}, nil},
		{"pool of 909 plus 10 percent plus scale-out", Cluster{Network: overlay, Pools: []Pool{{Name: "np", Count: 909, ScaleOut: 1}}}, ErrPoolTooLarge},
		{"kubenet 400", Cluster{Network: kubenet, Pools: nodes(400, 200)}, nil},
		{"kubenet 401", Cluster{Network: kubenet, Pools: nodes(401, 200)}, ErrClusterTooLarge},
		{"overlay 5000", Cluster{Network: overlay, Pools: nodes(5000, 1000)}, nil},
		{"overlay 5001", Cluster{Network: overlay, Pools: nodes(5001, 1000)}, ErrClusterTooLarge},
		{"overlay 1000 limit overridden", Cluster{Network: overlay, Pools: nodes(1001, 1000), Defaults: Defaults{OverlayMaxNodes: 1000}}, ErrClusterTooLarge},
		{"classic 5001", Cluster{Network: azure, Pools: nodes(5001, 1000)}, ErrClusterTooLarge},
		{"duplicate name", Cluster{Network: overlay, Pools: []Pool{linux("np", 3), linux("np", 3)}}, ErrPoolName},
		{"empty name", Cluster{Network: overlay, Pools: []Pool{linux("", 3)}}, ErrPoolName},
		{"pod subnet on overlay", Cluster{Network: overlay, Pools: []Pool{{Name: "np", Count: 3, PodSubnet: "pods"}}}, ErrPodSubnet},
		{"mode without pod subnet", Cluster{Network: azure, Pools: []Pool{{Name: "np", Count: 3, PodIPAllocationMode: StaticBlock}}}, ErrPodSubnet},
		{"unknown mode", Cluster{Network: azure, Pools: []Pool{{Name: "np", Count: 3, PodSubnet: "pods", PodIPAllocationMode: "Static"}}}, ErrPodSubnet},
		{"two modes on one pod subnet", Cluster{Network: azure, Pools: []Pool{
			{Name: "a", Count: 3, PodSubnet: "pods"}, {Name: "b", Count: 3, PodSubnet: "pods", PodIPAllocationMode: StaticBlock}}}, ErrPodSubnet},
		{"pod subnet is node subnet", Cluster{Network: azure, Pools: []Pool{{Name: "np", Count: 3, VNetSubnet: "s", PodSubnet: "s"}}}, ErrPodSubnet},
		{"consumers on unknown subnet", Cluster{Network: azure, Pools: []Pool{linux("np", 3)}, Consumers: map[string]Consumers{"x": {ILBFrontEnds: 1}}}, ErrUnknownSubnet},
		{"negative consumers", Cluster{Network: azure, Pools: []Pool{linux("np", 3)}, Consumers: map[string]Consumers{DefaultNodeSubnet: {PrivateEndpoints: -1}}}, ErrNegativeCount},
		{"default maxPods out of range", Cluster{Network: azure, Pools: []Pool{linux("np", 3)}, Defaults: Defaults{MaxPods: map[Model]int{ModelNodeSubnet: 300}}}, ErrMaxPods},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.cluster.Validate()
			if tt.wantErr == nil {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Validate() = %v, want %v", err, tt.wantErr)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Validate() = %v, want an *Error", err)
			}
			if _, derr := tt.cluster.Demand(); !errors.Is(derr, tt.wantErr) {
				t.Errorf("Demand() = %v, want %v", derr, tt.wantErr)
			}
		})
	}
}

func TestErrorNamesPoolAndValue(t *testing.T) {
	err := Cluster{Network: azure, Pools: []Pool{{Name: "user1", Count: 3, MaxPods: 9}}}.Validate()
	const want = `sizing: pool "user1": maxPods "9": maxPods out of range: want 10–250`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}

func TestViolations(t *testing.T) {
	a, b, c := errors.New("a"), errors.New("b"), errors.New("c")
	_, hostBits := cidr.ParsePrefix("10.0.0.1/24")
	pe := &PrefixError{Prefix: netip.MustParsePrefix("10.0.0.1/24"), Err: hostBits}
	tests := []struct {
		name string
		err  error
		want []error
	}{
		{"nil", nil, nil},
		{"single", a, []error{a}},
		{"joined", errors.Join(a, b), []error{a, b}},
		{"nested", errors.Join(a, errors.Join(b, c)), []error{a, b, c}},
		{"prefix error whole", errors.Join(a, pe), []error{a, pe}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Violations(tc.err)
			if len(got) != len(tc.want) {
				t.Fatalf("Violations = %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("Violations[%d] = %v, want %v", i, got[i], tc.want[i])
				}
			}
		})
	}
}
