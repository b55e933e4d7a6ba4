package ipam

import (
	"net/netip"
	"testing"
)

// BenchmarkPlanAllocate allocates 1,000 /24s in a /8 VNet holding 100,000
// /26 subnets: one call, the free gaps from the buddy allocator.
func BenchmarkPlanAllocate(b *testing.B) {
	p := largePlan(1000, 100)
	var subnets []Subnet
	for _, vn := range p.VNets {
		subnets = append(subnets, vn.Subnets...)
	}
	p.VNets = []VNet{{Name: "big", AddressSpace: []netip.Prefix{pfx("10.0.0.0/8")}, Subnets: subnets}}
	b.ReportAllocs()
	for b.Loop() {
		got, err := p.Allocate("big", 24, 1000)
		if err != nil || len(got) != 1000 {
			b.Fatal(len(got), err)
		}
	}
}
