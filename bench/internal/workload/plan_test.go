package workload

import (
	"encoding/binary"
	"errors"
	"fmt"
	"net/netip"
	"testing"
)

// Plan keeps every subnet inside its spoke at every size it accepts, and
// the plan of 100,000 subnets is made of /27s.
func TestPlanSubnetsFitTheirSpokes(t *testing.T) {
	tests := []struct {
		subnets, clusters int
		wantBits          int
	}{
		{PlanSubnets, PlanClusters, 27},
		{400_000, PlanClusters, 27},
		{900_000, PlanClusters, 28},
		{1_000_000, PlanClusters, 29},
		{1_920 * 4, 4, 29},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("subnets=%d", tt.subnets), func(t *testing.T) {
			p, err := Plan(tt.subnets, tt.clusters)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, vn := range p.VNets {
				for i, s := range vn.Subnets {
					n++
					pf := s.AddressPrefixes[0]
					if !vn.AddressSpace[0].Contains(pf.Addr()) || !vn.AddressSpace[0].Contains(lastAddr(pf.Masked().Addr().As4(), pf.Bits())) {
						t.Fatalf("%s: subnet %s outside %s", vn.Name, pf, vn.AddressSpace[0])
					}
					if i > 0 && pf.Bits() != tt.wantBits {
						t.Fatalf("%s: subnet %s, want /%d", vn.Name, pf, tt.wantBits)
					}
				}
			}
			if n != tt.subnets {
				t.Errorf("%d subnets, want %d", n, tt.subnets)
			}
		})
	}
	for _, c := range [][2]int{{1_921 * 4, 4}, {100, PlanMaxClusters + 1}, {100, 0}} {
		if _, err := Plan(c[0], c[1]); !errors.Is(err, ErrFull) {
			t.Errorf("Plan(%d, %d) error = %v, want ErrFull", c[0], c[1], err)
		}
	}
}

// lastAddr is the last address of the IPv4 prefix a/bits.
func lastAddr(a [4]byte, bits int) netip.Addr {
	binary.BigEndian.PutUint32(a[:], binary.BigEndian.Uint32(a[:])|(1<<(32-bits)-1))
	return netip.AddrFrom4(a)
}
