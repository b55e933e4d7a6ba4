package sizing

import (
	"fmt"
	"net/netip"
	"testing"
)

// benchCluster is an Azure CNI cluster of pools pools of 40 nodes, spread
// over four node subnets.
func benchCluster(pools int) Cluster {
	c := Cluster{Network: azure}
	for i := range pools {
		c.Pools = append(c.Pools, Pool{Name: fmt.Sprint("np", i), Count: 40, MaxPods: 30 + i%50,
			MaxSurge: MustParseSurge("33%"), VNetSubnet: fmt.Sprint("nodes", i%4)})
	}
	return c
}

func BenchmarkDemand(b *testing.B) {
	for _, pools := range []int{1, 10, 100} {
		c := benchCluster(pools)
		b.Run(fmt.Sprintf("pools=%d", pools), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.Demand(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkFit(b *testing.B) {
	for _, pools := range []int{1, 10, 100} {
		c := benchCluster(pools)
		p := netip.MustParsePrefix("10.0.0.0/12")
		b.Run(fmt.Sprintf("pools=%d", pools), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.Fit(nodeSubnetKey("nodes0"), p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
