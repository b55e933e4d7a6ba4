package sizing

import (
	"fmt"
	"net/netip"
	"testing"
)

func TestUsable(t *testing.T) {
	tests := []struct {
		kind RangeKind
		fam  IPFamily
		mode PodIPAllocationMode
		bits int
		want Count
	}{
		{NodeSubnet, IPv4, "", 24, n(251)},
		{NodeSubnet, IPv4, "", 29, n(3)},
		{NodeSubnet, IPv4, "", 30, n(0)},
		{NodeSubnet, IPv4, "", 21, n(2043)},
		{PodSubnet, IPv4, DynamicIndividual, 21, n(2043)},
		{PodSubnet, IPv4, StaticBlock, 24, n(14 * 16)},
		{PodSubnet, IPv4, StaticBlock, 26, n(2 * 16)},
		{PodSubnet, IPv4, StaticBlock, 27, n(0)},
		{PodSubnet, IPv4, StaticBlock, 29, n(0)},
		{PodCIDR, IPv4, "", 16, n(65536)},
		{PodCIDR, IPv4, "", 24, n(256)},
		{PodCIDR, IPv4, "", 25, n(0)},
		{PodCIDR, IPv6, "", 64, countPow2(64)},
		{PodCIDR, IPv6, "", 0, countPow2(128)},
		{PodCIDR, IPv6, "", 81, n(0)},
		{NodeSubnet, IPv4, "", -1, n(0)},
	}
	for _, tt := range tests {
		if got := Usable(tt.kind, tt.fam, tt.mode, tt.bits); got != tt.want {
			t.Errorf("Usable(%s, %s, %q, %d) = %v, want %v", tt.kind, tt.fam, tt.mode, tt.bits, got, tt.want)
		}
	}
}

// Usable agrees with Fit.Capacity for every allowed length.
func TestUsableAgreesWithFit(t *testing.T) {
	for _, tc := range []struct {
		c   Cluster
		key RangeKey
	}{
		{Cluster{Network: azure, Pools: []Pool{{Name: "np", Count: 3}}}, nodeSubnetKey(DefaultNodeSubnet)},
		{Cluster{Network: azure, Pools: []Pool{{Name: "np", Count: 3, PodSubnet: "p", PodIPAllocationMode: StaticBlock}}},
			RangeKey{Kind: PodSubnet, Name: "p", Family: IPv4}},
		{Cluster{Network: overlay, Pools: []Pool{{Name: "np", Count: 3}}}, podCIDRv4},
	} {
		d, _ := tc.c.Demand()
		r, _ := d.Find(tc.key)
		for bits := 0; bits <= 32; bits++ {
			f, err := tc.c.Fit(tc.key, netip.PrefixFrom(netip.AddrFrom4([4]byte{}), bits))
			if err != nil {
				continue
			}
			if u := Usable(r.Kind, r.Family, r.Mode, bits); u != f.Capacity {
				t.Errorf("%v /%d: Usable %v, Fit.Capacity %v", tc.key, bits, u, f.Capacity)
			}
		}
	}
}

func TestMinPrefixLenStaticBeyond12(t *testing.T) {
	// 5 pools × 1,000 nodes × 16 blocks (maxPods 250) = 80,000 blocks; a
	// /12 has 65,534.
	c := Cluster{Network: azure}
	for i := range 5 {
		c.Pools = append(c.Pools, noSurge(Pool{Name: fmt.Sprint("np", i), Count: 1000, MaxPods: 250,
			PodSubnet: "pods", PodIPAllocationMode: StaticBlock}))
	}
	d, err := c.Demand()
	if err != nil {
		t.Fatal(err)
	}
	r, _ := d.Find(RangeKey{Kind: PodSubnet, Name: "pods", Family: IPv4})
	if r.MinPrefixLen != -1 {
		t.Errorf("MinPrefixLen = %d, want -1 (no static-block pod subnet holds %v)", r.MinPrefixLen, r.Peak)
	}
	if got := MinPrefixLen(PodSubnet, IPv4, StaticBlock, n(65534*16)); got != 12 {
		t.Errorf("MinPrefixLen(65,534 blocks) = %d, want 12", got)
	}
}
