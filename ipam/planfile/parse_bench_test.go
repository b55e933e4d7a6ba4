package planfile

import (
	"fmt"
	"net/netip"
	"testing"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
)

// BenchmarkParse reads a 100,000-subnet plan (1,000 VNets of 100 subnets,
// one overlay cluster each, as ipam's BenchmarkValidate) from YAML and from
// JSON.
func BenchmarkParse(b *testing.B) {
	p := largePlan(1000, 100)
	for _, f := range []Format{JSON, YAML} {
		data, err := Marshal(p, f)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("format=%s/subnets=100000", f), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Parse(data, "plan"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// largePlan has the given number of VNets, each a /18 of /26 subnets with
// one cluster.
func largePlan(clusters, subnetsPer int) *ipam.Plan {
	p := &ipam.Plan{}
	for i := range clusters {
		base := netip.AddrFrom4([4]byte{10, byte(i / 4), byte(i % 4 * 64), 0})
		vn := ipam.VNet{Name: fmt.Sprintf("vnet%d", i), AddressSpace: []netip.Prefix{netip.PrefixFrom(base, 18)}}
		for j := range subnetsPer {
			a := base.As4()
			a[2] += byte(j / 4)
			a[3] = byte(j % 4 * 64)
			vn.Subnets = append(vn.Subnets, ipam.Subnet{Name: fmt.Sprintf("s%d", j),
				AddressPrefixes: []netip.Prefix{netip.PrefixFrom(netip.AddrFrom4(a), 26)}})
		}
		p.VNets = append(p.VNets, vn)
		p.Clusters = append(p.Clusters, ipam.Cluster{
			Name: fmt.Sprintf("c%d", i), VNet: vn.Name,
			NetworkProfile: ipam.NetworkProfile{NetworkPlugin: ipam.PluginAzure, NetworkPluginMode: ipam.PluginModeOverlay,
				NetworkPolicy: ipam.PolicyCilium, NetworkDataplane: ipam.DataplaneCilium,
				PodCIDR: pfx("192.168.0.0/16"), ServiceCIDR: pfx("100.64.0.0/16"), DNSServiceIP: netip.MustParseAddr("100.64.0.10")},
			AgentPoolProfiles: []ipam.AgentPool{{Pool: sizing.Pool{Name: "system", Count: 3, MaxSurge: sizing.MustParseSurge("1"), MaxPods: 250, VNetSubnet: "s0"}}},
		})
	}
	return p
}
