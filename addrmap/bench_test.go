package addrmap_test

import (
	"fmt"
	"io"
	"net/netip"
	"strconv"
	"testing"

	"github.com/cidrplan/cidrplan/addrmap"
	"github.com/cidrplan/cidrplan/ipam"
)

// subnetsPlan is one /8 VNet holding n /24 subnets: every subnet is too
// narrow to carry its label inside the bar, the worst case for placement.
func subnetsPlan(n int) *ipam.Plan {
	subnets := make([]ipam.Subnet, n)
	for i := range subnets {
		subnets[i] = ipam.Subnet{Name: "s" + strconv.Itoa(i),
			AddressPrefixes: []netip.Prefix{netip.MustParsePrefix(fmt.Sprintf("10.%d.%d.0/24", i/256%256, i%256))}}
	}
	return &ipam.Plan{VNets: []ipam.VNet{{Name: "v", AddressSpace: pfxs("10.0.0.0/8"), Subnets: subnets}}}
}

func BenchmarkMap(b *testing.B) {
	for _, n := range []int{1000, 20000} {
		p := subnetsPlan(n)
		for _, format := range []string{"svg", "text"} {
			b.Run(fmt.Sprintf("%s/subnets=%d", format, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					var err error
					if format == "svg" {
						err = addrmap.SVG(io.Discard, p)
					} else {
						err = addrmap.Text(io.Discard, p, 72)
					}
					if err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
