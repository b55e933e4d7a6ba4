package sizing

import (
	"errors"
	"net/netip"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var cmpOpts = cmp.Options{cmpopts.EquateComparable(netip.Addr{}, netip.Prefix{}, Surge{}, Count{})}

var (
	azure   = Network{Plugin: PluginAzure}
	overlay = Network{Plugin: PluginAzure, PluginMode: PluginModeOverlay}
	kubenet = Network{Plugin: PluginKubenet}
)

func nodeSubnetKey(name string) RangeKey { return RangeKey{Kind: NodeSubnet, Name: name, Family: IPv4} }

var podCIDRv4 = RangeKey{Kind: PodCIDR, Name: PodCIDRName, Family: IPv4}

// noSurge upgrades in place: maxSurge 0, maxUnavailable 1, which only a
// User pool may do (System pools take no maxUnavailable).
func noSurge(p Pool) Pool {
	p.MaxSurge, p.MaxUnavailable, p.Mode = MustParseSurge("0"), MustParseSurge("1"), ModeUser
	return p
}

// TestVectorsForward covers the worked examples of
// docs/aks-rules.md#address-demand-per-model: addresses at upgrade peak and
// the smallest prefix.
func TestVectorsForward(t *testing.T) {
	tests := []struct {
		name    string
		cluster Cluster
		key     RangeKey
		peak    uint64
		minLen  int
	}{
		{"classic 50 nodes maxPods 30 surge 1",
			Cluster{Network: azure, Pools: []Pool{{Name: "np", Count: 50, MaxPods: 30, MaxSurge: MustParseSurge("1")}}},
			nodeSubnetKey(DefaultNodeSubnet), 1581, 21},
		{"classic plus 10 scale-out",
			Cluster{Network: azure, Pools: []Pool{{Name: "np", Count: 50, MaxPods: 30, MaxSurge: MustParseSurge("1"), ScaleOut: 10}}},
			nodeSubnetKey(DefaultNodeSubnet), 1891, 21},
		{"dynamic pod subnet 100 nodes no surge",
			Cluster{Network: azure, Pools: []Pool{noSurge(Pool{Name: "np", Count: 100, PodSubnet: "pods"})}},
			RangeKey{Kind: PodSubnet, Name: "pods", Family: IPv4}, 1600, 21},
		{"overlay 5 nodes pod CIDR exceeds a 22",
			Cluster{Network: overlay, Pools: []Pool{noSurge(Pool{Name: "np", Count: 5})}},
			podCIDRv4, 1280, 21},
		{"classic 10 nodes maxPods 30 needs more than a 24",
			Cluster{Network: azure, Pools: []Pool{noSurge(Pool{Name: "np", Count: 10, MaxPods: 30})}},
			nodeSubnetKey(DefaultNodeSubnet), 310, 23},
		{"kubenet 251 nodes fill a 24",
			Cluster{Network: kubenet, Pools: []Pool{noSurge(Pool{Name: "np", Count: 251})}},
			nodeSubnetKey(DefaultNodeSubnet), 251, 24},
		{"static block 10 nodes maxPods 30",
			Cluster{Network: azure, Pools: []Pool{noSurge(Pool{Name: "np", Count: 10, MaxPods: 30, PodSubnet: "pods", PodIPAllocationMode: StaticBlock})}},
			RangeKey{Kind: PodSubnet, Name: "pods", Family: IPv4}, 320, 23},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := tt.cluster.Demand()
			if err != nil {
				t.Fatal(err)
			}
			r, ok := d.Find(tt.key)
			if !ok {
				t.Fatalf("no range %v in %+v", tt.key, d.Ranges)
			}
			type got struct {
				Peak   Count
				MinLen int
			}
			if diff := cmp.Diff(got{CountFrom64(tt.peak), tt.minLen}, got{r.Peak, r.MinPrefixLen}, cmpOpts); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

// TestVectorsInverse covers the capacity examples of
// docs/aks-rules.md#address-demand-per-model.
func TestVectorsInverse(t *testing.T) {
	tests := []struct {
		name    string
		cluster Cluster
		key     RangeKey
		prefix  string
		want    PoolFit
	}{
		{"classic 24 maxPods 30",
			Cluster{Network: azure, Pools: []Pool{noSurge(Pool{Name: "np", Count: 3, MaxPods: 30})}},
			nodeSubnetKey(DefaultNodeSubnet), "10.0.0.0/24",
			PoolFit{Pool: "np", Nodes: 3, MaxNodes: 8, LimitedBy: BoundAddresses, Pods: 240, MaxPods: 82}},
		{"kubenet 24 node subnet",
			Cluster{Network: kubenet, Pools: []Pool{noSurge(Pool{Name: "np", Count: 3})}},
			nodeSubnetKey(DefaultNodeSubnet), "10.0.0.0/24",
			PoolFit{Pool: "np", Nodes: 3, MaxNodes: 251, LimitedBy: BoundAddresses, Pods: 251 * 110, MaxPods: 250}},
		{"overlay pod CIDR 16",
			Cluster{Network: overlay, Pools: []Pool{noSurge(Pool{Name: "np", Count: 3})}},
			podCIDRv4, "10.244.0.0/16",
			PoolFit{Pool: "np", Nodes: 3, MaxNodes: 256, LimitedBy: BoundAddresses, Pods: 256 * 250, MaxPods: 250}},
		{"overlay pod CIDR 16 default surge",
			Cluster{Network: overlay, Pools: []Pool{{Name: "np", Count: 3}}},
			podCIDRv4, "10.244.0.0/16",
			PoolFit{Pool: "np", Nodes: 3, MaxNodes: 232, LimitedBy: BoundAddresses, Pods: 232 * 250, MaxPods: 250}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := tt.cluster.Fit(tt.key, netip.MustParsePrefix(tt.prefix))
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Pools) != 1 {
				t.Fatalf("pools = %+v", f.Pools)
			}
			if diff := cmp.Diff(tt.want, f.Pools[0], cmpOpts); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func TestStaticBlocks(t *testing.T) {
	for _, tt := range []struct{ maxPods, want int }{{30, 2}, {31, 2}, {32, 3}, {15, 1}, {16, 2}, {250, 16}, {239, 15}} {
		if got := StaticBlocks(tt.maxPods); got != tt.want {
			t.Errorf("StaticBlocks(%d) = %d, want %d", tt.maxPods, got, tt.want)
		}
	}
}

func TestNodePodBlock(t *testing.T) {
	tests := []struct {
		name    string
		podCIDR string
		i       int
		want    netip.Prefix
		wantErr error
	}{
		{"kubenet node 0", "10.244.0.0/16", 0, netip.MustParsePrefix("10.244.0.0/24"), nil},
		{"kubenet node 1", "10.244.0.0/16", 1, netip.MustParsePrefix("10.244.1.0/24"), nil},
		{"kubenet node 2", "10.244.0.0/16", 2, netip.MustParsePrefix("10.244.2.0/24"), nil},
		{"last node", "10.244.0.0/16", 255, netip.MustParsePrefix("10.244.255.0/24"), nil},
		{"past the end", "10.244.0.0/16", 256, netip.Prefix{}, ErrInsufficientSubnetSize},
		{"negative node", "10.244.0.0/16", -1, netip.Prefix{}, ErrInsufficientSubnetSize},
		{"ipv6 node 0", "fd12:3456:789a::/64", 0, netip.MustParsePrefix("fd12:3456:789a::/80"), nil},
		{"ipv6 node 1", "fd12:3456:789a::/64", 1, netip.MustParsePrefix("fd12:3456:789a:0:1::/80"), nil},
		{"ipv6 last of 64", "fd12:3456:789a::/64", 65535, netip.MustParsePrefix("fd12:3456:789a:0:ffff::/80"), nil},
		{"ipv6 wide carry", "fd00::/48", 1 << 20, netip.MustParsePrefix("fd00:0:0:10::/80"), nil},
		{"host bits", "10.244.0.1/16", 0, netip.Prefix{}, ErrPrefix},
		{"longer than 24", "10.244.0.0/25", 0, netip.Prefix{}, ErrPrefix},
		{"4in6", "::ffff:10.244.0.0/112", 0, netip.Prefix{}, ErrPrefix},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := NodePodBlock(netip.MustParsePrefix(tt.podCIDR), tt.i)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if diff := cmp.Diff(tt.want, got, cmpOpts); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func TestPodCIDRNodes(t *testing.T) {
	for _, tt := range []struct {
		p    string
		want Count
	}{
		{"10.244.0.0/16", CountFrom64(256)},
		{"10.244.0.0/24", CountFrom64(1)},
		{"10.0.0.0/8", CountFrom64(65536)},
		{"fd12:3456:789a::/64", CountFrom64(65536)},
		{"fd00::/16", countPow2(64)},
	} {
		got, err := PodCIDRNodes(netip.MustParsePrefix(tt.p))
		if err != nil || got != tt.want {
			t.Errorf("PodCIDRNodes(%s) = %v, %v; want %v", tt.p, got, err, tt.want)
		}
	}
}

func TestCheckPodCIDRExpansion(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		wantErr  error
	}{
		{"superset", "10.244.0.0/18", "10.244.0.0/16", nil},
		{"unchanged", "10.244.0.0/16", "10.244.0.0/16", nil},
		{"moved", "10.244.0.0/18", "10.245.0.0/16", ErrPodCIDRExpansion},
		{"shrunk", "10.244.0.0/18", "10.244.0.0/20", ErrPodCIDRExpansion},
		{"ipv6", "fd00::/64", "fd00::/56", ErrPodCIDRExpansion},
		{"host bits", "10.244.0.0/18", "10.244.0.1/16", ErrPrefix},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckPodCIDRExpansion(netip.MustParsePrefix(tt.old), netip.MustParsePrefix(tt.new))
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("err = %v, want %v", err, tt.wantErr)
			}
		})
	}
}

// The overlay exhaustion example of
// docs/aks-rules.md#azure-cni-overlay-takes-a-24-of-the-pod-cidr-per-node: 5 nodes × 256 =
// 1,280 > 1,024 addresses of a /22 pod CIDR.
func TestVectorOverlayPodCIDRExhausted(t *testing.T) {
	c := Cluster{Network: overlay, Pools: []Pool{noSurge(Pool{Name: "np", Count: 5})}}
	f, err := c.Fit(podCIDRv4, netip.MustParsePrefix("10.244.0.0/22"))
	if err != nil {
		t.Fatal(err)
	}
	if f.Fits || f.Peak != n(1280) || f.Capacity != n(1024) {
		t.Errorf("fit = %+v, want 1280 > 1024", f)
	}
	if !errors.Is(f.Err(), ErrInsufficientSubnetSize) {
		t.Errorf("Err() = %v", f.Err())
	}
	// kubenet: a /27 node subnet has 27 usable addresses.
	if got := Usable(NodeSubnet, IPv4, "", 27); got != n(27) {
		t.Errorf("usable /27 = %v, want 27", got)
	}
}
