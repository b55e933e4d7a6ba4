package ipam

import (
	"net/netip"
	"testing"
)

// BenchmarkComplete completes the 1,000-cluster plan of BenchmarkValidate
// with every cluster's node subnet, pod and service CIDR left out.
func BenchmarkComplete(b *testing.B) {
	p := largePlan(benchCompleteClusters, 100)
	for i := range p.Clusters {
		c := &p.Clusters[i]
		c.NetworkProfile.PodCIDR, c.NetworkProfile.ServiceCIDR = netip.Prefix{}, netip.Prefix{}
		c.NetworkProfile.DNSServiceIP = netip.Addr{}
		c.AgentPoolProfiles[0].VNetSubnet = ""
	}
	for i := range p.VNets {
		p.VNets[i].Subnets = p.VNets[i].Subnets[:90] // leave room for the node subnets
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Complete(); err != nil {
			b.Fatal(err)
		}
	}
}

var benchCompleteClusters = 1000
