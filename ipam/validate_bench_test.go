package ipam

import (
	"fmt"
	"net/netip"
	"testing"

	"github.com/cidrplan/cidrplan/sizing"
)

// largePlan builds a plan of n overlay clusters, each in its own /18 VNet
// of 10/8 with subnetsPer /26 subnets (at most 256), sharing one pod CIDR
// (allowed for overlay) and one service CIDR. Every 100th cluster gets a
// subnet overlapping its first one, so the errors and their fix hints are
// part of the cost.
func largePlan(clusters, subnetsPer int) *Plan {
	p := &Plan{}
	for i := range clusters {
		base := netip.AddrFrom4([4]byte{10, byte(i / 4), byte(i % 4 * 64), 0})
		vn := VNet{Name: fmt.Sprintf("vnet%d", i), AddressSpace: []netip.Prefix{netip.PrefixFrom(base, 18)}}
		for j := range subnetsPer {
			a := base.As4()
			a[2] += byte(j / 4)
			a[3] = byte(j % 4 * 64)
			vn.Subnets = append(vn.Subnets, Subnet{Name: fmt.Sprintf("s%d", j),
				AddressPrefixes: []netip.Prefix{netip.PrefixFrom(netip.AddrFrom4(a), 26)}})
		}
		if i%100 == 0 {
			vn.Subnets = append(vn.Subnets, Subnet{Name: "dup", AddressPrefixes: []netip.Prefix{netip.PrefixFrom(base, 27)}})
		}
		p.VNets = append(p.VNets, vn)
		p.Clusters = append(p.Clusters, Cluster{
			Name: fmt.Sprintf("c%d", i), VNet: vn.Name,
			NetworkProfile: NetworkProfile{NetworkPlugin: PluginAzure, NetworkPluginMode: PluginModeOverlay,
				NetworkPolicy: PolicyCilium, NetworkDataplane: DataplaneCilium,
				PodCIDR: pfx("192.168.0.0/16"), ServiceCIDR: pfx("100.64.0.0/16"), DNSServiceIP: addr("100.64.0.10")},
			AgentPoolProfiles: []AgentPool{{Pool: sizing.Pool{Name: "system", Count: 3, MaxSurge: sizing.MustParseSurge("1"), MaxPods: 250, VNetSubnet: "s0"}}},
		})
	}
	return p
}

func TestLargePlanFindings(t *testing.T) {
	fs := largePlan(300, 20).Validate()
	n := 0
	for _, f := range fs.Filter(SeverityError) {
		if f.Code != CodeSubnetOverlap {
			t.Errorf("unexpected error: %s", f)
		}
		n++
	}
	if n != 3 {
		t.Errorf("%d subnet overlaps, want 3 (clusters 0, 100, 200)", n)
	}
}

// BenchmarkValidate validates plans of up to 1,000 clusters and 100,000
// subnets (the end-to-end size of the benchmark suite).
func BenchmarkValidate(b *testing.B) {
	for _, n := range []struct{ clusters, subnets int }{{10, 100}, {100, 100}, {1000, 100}} {
		p := largePlan(n.clusters, n.subnets)
		b.Run(fmt.Sprintf("clusters=%d/subnets=%d", n.clusters, n.clusters*n.subnets), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = p.Validate()
			}
		})
	}
}
