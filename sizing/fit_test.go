package sizing

import (
	"errors"
	"net/netip"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestFitErrors(t *testing.T) {
	static := Cluster{Network: azure, Pools: []Pool{{Name: "np", Count: 3, PodSubnet: "pods", PodIPAllocationMode: StaticBlock}}}
	staticKey := RangeKey{Kind: PodSubnet, Name: "pods", Family: IPv4}
	dual := Cluster{Network: Network{Plugin: PluginAzure, PluginMode: PluginModeOverlay, IPFamilies: []IPFamily{IPv4, IPv6}},
		Pools: []Pool{{Name: "np", Count: 3}}}
	v6Key := RangeKey{Kind: PodCIDR, Name: PodCIDRName, Family: IPv6}
	classic := Cluster{Network: azure, Pools: []Pool{{Name: "np", Count: 3}}}
	def := nodeSubnetKey(DefaultNodeSubnet)
	tests := []struct {
		name    string
		cluster Cluster
		key     RangeKey
		prefix  netip.Prefix
		wantErr error
	}{
		{"subnet 29", classic, def, netip.MustParsePrefix("10.0.0.0/29"), nil},
		{"subnet 30", classic, def, netip.MustParsePrefix("10.0.0.0/30"), ErrPrefix},
		{"host bits", classic, def, netip.MustParsePrefix("10.0.0.1/24"), ErrPrefix},
		{"zero prefix", classic, def, netip.Prefix{}, ErrPrefix},
		{"ipv6 for ipv4 subnet", classic, def, netip.MustParsePrefix("fd00::/64"), ErrPrefix},
		{"4in6", classic, def, netip.MustParsePrefix("::ffff:10.0.0.0/120"), ErrPrefix},
		{"unknown subnet", classic, nodeSubnetKey("other"), netip.MustParsePrefix("10.0.0.0/24"), ErrUnknownSubnet},
		{"no pod CIDR in classic", classic, podCIDRv4, netip.MustParsePrefix("10.244.0.0/16"), ErrUnknownSubnet},
		{"static block 12", static, staticKey, netip.MustParsePrefix("10.0.0.0/12"), nil},
		{"static block 11", static, staticKey, netip.MustParsePrefix("10.0.0.0/11"), ErrPrefix},
		{"ipv6 pod CIDR 64", dual, v6Key, netip.MustParsePrefix("fd12:3456:789a::/64"), nil},
		{"ipv6 pod CIDR 81", dual, v6Key, netip.MustParsePrefix("fd12:3456:789a::/81"), ErrPrefix},
		{"invalid cluster", Cluster{Network: azure}, def, netip.MustParsePrefix("10.0.0.0/24"), ErrNoPools},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.cluster.Fit(tt.key, tt.prefix)
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("Fit err = %v, want %v", err, tt.wantErr)
			}
		})
	}
}

func TestFitPrefixErrorNamesMaskedForm(t *testing.T) {
	_, err := Cluster{Network: azure, Pools: []Pool{{Name: "np", Count: 3}}}.
		Fit(nodeSubnetKey(DefaultNodeSubnet), netip.MustParsePrefix("10.0.0.1/24"))
	const want = `sizing: prefix "10.0.0.1/24": host bits set (want 10.0.0.0/24)`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}

func TestFitSharedSubnet(t *testing.T) {
	c := Cluster{Network: azure, Pools: []Pool{
		{Name: "a", Count: 3, MaxPods: 30, MaxSurge: MustParseSurge("1")},
		{Name: "b", Count: 3, MaxPods: 10, MaxSurge: MustParseSurge("1"), ScaleOut: 1},
	}, Consumers: map[string]Consumers{DefaultNodeSubnet: {ILBFrontEnds: 1}}}
	got, err := c.Fit(nodeSubnetKey(DefaultNodeSubnet), netip.MustParsePrefix("10.0.0.0/24"))
	if err != nil {
		t.Fatal(err)
	}
	// Steady: a 3×31 = 93, b (3+1)×11 = 44, ILB 1: 138. Pools upgrade one
	// at a time, so the peak adds the larger surge, a's 1×31: 169 of 251;
	// both surges at once would be 180.
	// a grows while n×31 + 45 + 31 ≤ 251: n = 5.
	// b grows while 93 + (n+1)×11 + 1 + 31 ≤ 251 (a's surge is larger): n = 10.
	// maxPods of a: 4 × (m+1) + 45 ≤ 251: m = 50; of b: 93 + 4 × (m+1) + 1 + 31 ≤ 251: m = 30.
	want := Fit{
		RangeKey: nodeSubnetKey(DefaultNodeSubnet), Prefix: netip.MustParsePrefix("10.0.0.0/24"),
		Capacity: n(251), Peak: n(169), SimultaneousPeak: n(180), PeakAllPods: n(169), Headroom: n(82), Fits: true,
		MaxNodes: 3 + 4 + 2, // planned 3 + (3 + 1 scale-out), smallest growth: a by 2
		Pools: []PoolFit{
			{Pool: "a", Nodes: 3, MaxNodes: 5, LimitedBy: BoundAddresses, Pods: 150, MaxPods: 50},
			{Pool: "b", Nodes: 3, MaxNodes: 10, LimitedBy: BoundAddresses, Pods: 100, MaxPods: 30},
		},
	}
	if diff := cmp.Diff(want, got, cmpOpts); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	if got.Err() != nil {
		t.Errorf("Err() = %v for a fitting plan", got.Err())
	}
}

func TestFitTooSmall(t *testing.T) {
	c := Cluster{Network: azure, Pools: []Pool{noSurge(Pool{Name: "aks", Count: 10, MaxPods: 30})}}
	f, err := c.Fit(nodeSubnetKey(DefaultNodeSubnet), netip.MustParsePrefix("10.0.0.0/24"))
	if err != nil {
		t.Fatal(err)
	}
	if f.Fits || f.MaxNodes != 0 || !f.Headroom.IsZero() {
		t.Errorf("fit = %+v, want no fit", f)
	}
	err = f.Err()
	var ce *CapacityError
	if !errors.Is(err, ErrInsufficientSubnetSize) || !errors.As(err, &ce) {
		t.Fatalf("Err() = %v", err)
	}
	const want = `sizing: pre-allocated IPs 310 exceeds IPs available 251 in nodeSubnet "aks-subnet" 10.0.0.0/24`
	if err.Error() != want {
		t.Errorf("Err() = %v\nwant %s", err, want)
	}
}

func TestFitLimits(t *testing.T) {
	tests := []struct {
		name    string
		cluster Cluster
		key     RangeKey
		prefix  string
		want    PoolFit
	}{
		{"pool limit", Cluster{Network: overlay, Pools: []Pool{{Name: "np", Count: 3}}},
			nodeSubnetKey(DefaultNodeSubnet), "10.0.0.0/16",
			PoolFit{Pool: "np", Nodes: 3, MaxNodes: 909, LimitedBy: BoundPoolLimit, Pods: 909 * 250, MaxPods: 250}},
		// 363 nodes + 37 surge (10%) take the route table's 400 routes
		// at the upgrade peak; 364 + 37 would take 401.
		{"kubenet routes", Cluster{Network: kubenet, Pools: []Pool{{Name: "np", Count: 3}}},
			nodeSubnetKey(DefaultNodeSubnet), "10.0.0.0/16",
			PoolFit{Pool: "np", Nodes: 3, MaxNodes: 363, LimitedBy: BoundRoutes, Pods: 363 * 110, MaxPods: 250}},
		// Without surge the cluster's limit of 400 nodes binds first.
		{"kubenet limit", Cluster{Network: kubenet, Pools: []Pool{noSurge(Pool{Name: "np", Count: 3})}},
			nodeSubnetKey(DefaultNodeSubnet), "10.0.0.0/16",
			PoolFit{Pool: "np", Nodes: 3, MaxNodes: 400, LimitedBy: BoundClusterLimit, Pods: 400 * 110, MaxPods: 250}},
		{"ipv6 pod CIDR 64 holds 65536 nodes", Cluster{
			Network: Network{Plugin: PluginAzure, PluginMode: PluginModeOverlay, IPFamilies: []IPFamily{IPv4, IPv6}},
			Pools:   []Pool{{Name: "np", Count: 3}}},
			RangeKey{Kind: PodCIDR, Name: PodCIDRName, Family: IPv6}, "fd12:3456:789a::/64",
			PoolFit{Pool: "np", Nodes: 3, MaxNodes: 909, LimitedBy: BoundPoolLimit, Pods: 909 * 250, MaxPods: 250}},
		{"static block snaps maxPods", Cluster{Network: azure, Pools: []Pool{noSurge(Pool{Name: "np", Count: 4, MaxPods: 30, PodSubnet: "pods", PodIPAllocationMode: StaticBlock})}},
			// a /24 offers 14 whole blocks: 4 nodes × 3 blocks fit, × 4 do not.
			RangeKey{Kind: PodSubnet, Name: "pods", Family: IPv4}, "10.1.0.0/24",
			PoolFit{Pool: "np", Nodes: 4, MaxNodes: 7, LimitedBy: BoundAddresses, Pods: 7 * 30, MaxPods: 47}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := tt.cluster.Fit(tt.key, netip.MustParsePrefix(tt.prefix))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]PoolFit{tt.want}, f.Pools, cmpOpts); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func TestFitIPv6Capacity(t *testing.T) {
	c := Cluster{Network: Network{Plugin: PluginAzure, PluginMode: PluginModeOverlay, IPFamilies: []IPFamily{IPv4, IPv6}},
		Pools: []Pool{{Name: "np", Count: 3}}}
	f, err := c.Fit(RangeKey{Kind: PodCIDR, Name: PodCIDRName, Family: IPv6}, netip.MustParsePrefix("fd12:3456:789a::/64"))
	if err != nil {
		t.Fatal(err)
	}
	if want := countPow2(64); f.Capacity != want {
		t.Errorf("capacity = %v, want 2^64 = %v", f.Capacity, want)
	}
	if want := countPow2(64).Sub(countPow2(48).Mul64(4)); f.Headroom != want {
		t.Errorf("headroom = %v, want %v", f.Headroom, want)
	}
}
