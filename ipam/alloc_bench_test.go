package ipam_test

import (
	"fmt"
	"math/rand/v2"
	"net/netip"
	"testing"

	"github.com/cidrplan/cidrplan/ipam"
	"go4.org/netipx"
)

// allocBenchPlan returns n subnets of /25 … /29 at random aligned places in
// 10.0.0.0/8. With n = 1e5 they touch about 78% of the /8's 65,536 /24
// slots, leaving about 14,000 /24s free, scattered among them: allocation
// must skip used space all along the /8.
func allocBenchPlan(n int) (netip.Prefix, []netipx.IPRange) {
	rng := rand.New(rand.NewPCG(1, 2))
	used := make([]netipx.IPRange, n)
	for i := range used {
		a := netip.AddrFrom4([4]byte{10, byte(rng.IntN(256)), byte(rng.IntN(256)), byte(rng.IntN(256))})
		used[i] = netipx.RangeOfPrefix(netip.PrefixFrom(a, 25+rng.IntN(5)).Masked())
	}
	return netip.MustParsePrefix("10.0.0.0/8"), used
}

// allocBenchPlan6 is the IPv6 counterpart: n subnets, 7 in 8 of them /64s
// and the rest /60s, at random places in 2001:db8::/46 (262,144 /64s). They
// take about two thirds of its /64s, so allocating /64s fills the holes
// between them.
func allocBenchPlan6(n int) (netip.Prefix, []netipx.IPRange) {
	rng := rand.New(rand.NewPCG(1, 2))
	used := make([]netipx.IPRange, n)
	for i := range used {
		b := netip.MustParseAddr("2001:db8::").As16()
		b[5], b[6], b[7] = byte(rng.IntN(4)), byte(rng.IntN(256)), byte(rng.IntN(256))
		bits := 64
		if rng.IntN(8) == 0 {
			bits = 60
		}
		used[i] = netipx.RangeOfPrefix(netip.PrefixFrom(netip.AddrFrom16(b), bits).Masked())
	}
	return netip.MustParsePrefix("2001:db8::/32"), used
}

// allocCheck fails the benchmark unless the allocations are the right size,
// free of the used ranges and of each other: correctness before timing.
func allocCheck(b *testing.B, bits int, used []netipx.IPRange, got []netip.Prefix) {
	var ub, gb netipx.IPSetBuilder
	for _, r := range used {
		ub.AddRange(r)
	}
	usedSet, _ := ub.IPSet()
	for _, p := range got {
		if p.Bits() != bits || usedSet.OverlapsPrefix(p) {
			b.Fatalf("allocated %v: wrong size or overlaps a used range", p)
		}
		gb.AddPrefix(p)
	}
	if gs, _ := gb.IPSet(); len(gs.Prefixes()) > len(got) {
		b.Fatalf("%d allocations overlap each other", len(got))
	}
}

// BenchmarkAllocate allocates /24s in a /8 around 1e5 used subnets, one at a
// time: with the Allocator (1e4 per run) and with the common netipx approach,
// IPSet.RemoveFreePrefix on the free set (10 per run, as each call rebuilds
// the set). Both report ns/alloc; the Allocator also reports how many times
// faster it is (x-faster-than-ipset) when both run in one invocation.
func BenchmarkAllocate(b *testing.B) {
	const n, bits = 100_000, 24
	within, used := allocBenchPlan(n)
	var ipsetNs float64

	b.Run(fmt.Sprintf("impl=ipset/n=%d", n), func(b *testing.B) {
		const count = 10
		var fb netipx.IPSetBuilder
		fb.AddPrefix(within)
		for _, r := range used {
			fb.RemoveRange(r)
		}
		free, _ := fb.IPSet()
		got := make([]netip.Prefix, 0, count)
		b.ReportAllocs()
		for b.Loop() {
			got = got[:0]
			set := free
			for range count {
				p, next, ok := set.RemoveFreePrefix(bits)
				if !ok {
					b.Fatal("RemoveFreePrefix found no room")
				}
				got, set = append(got, p), next
			}
		}
		allocCheck(b, bits, used, got)
		ipsetNs = float64(b.Elapsed().Nanoseconds()) / float64(b.N*count)
		b.ReportMetric(ipsetNs, "ns/alloc")
	})

	b.Run(fmt.Sprintf("impl=buddy/n=%d", n), func(b *testing.B) {
		const count = 10_000
		got := make([]netip.Prefix, count)
		b.ReportAllocs()
		for b.Loop() {
			b.StopTimer()
			a, err := ipam.NewAllocator(within, used...)
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			for i := range got {
				if got[i], err = a.Allocate(bits); err != nil {
					b.Fatal(err)
				}
			}
		}
		allocCheck(b, bits, used, got)
		ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N*count)
		b.ReportMetric(ns, "ns/alloc")
		if ipsetNs > 0 {
			b.ReportMetric(ipsetNs/ns, "x-faster-than-ipset")
		}
	})
}

// BenchmarkAllocateN is AllocateN(24, 1e4) in the same /8 around 1e5 used
// subnets: one all-or-nothing request (a count, then the allocations).
func BenchmarkAllocateN(b *testing.B) {
	const n, bits, count = 100_000, 24, 10_000
	within, used := allocBenchPlan(n)
	var got []netip.Prefix
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		a, err := ipam.NewAllocator(within, used...)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if got, err = a.AllocateN(bits, count); err != nil {
			b.Fatal(err)
		}
	}
	allocCheck(b, bits, used, got)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*count), "ns/alloc")
}

// BenchmarkAllocateIPv6 allocates 1e4 /64s in a /32 around 1e5 used /60 and
// /64 subnets.
func BenchmarkAllocateIPv6(b *testing.B) {
	const n, bits, count = 100_000, 64, 10_000
	within, used := allocBenchPlan6(n)
	got := make([]netip.Prefix, count)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		a, err := ipam.NewAllocator(within, used...)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for i := range got {
			if got[i], err = a.Allocate(bits); err != nil {
				b.Fatal(err)
			}
		}
	}
	allocCheck(b, bits, used, got)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*count), "ns/alloc")
}

// BenchmarkNewAllocator builds an Allocator from n used subnets.
func BenchmarkNewAllocator(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		for _, fam := range []struct {
			name string
			plan func(int) (netip.Prefix, []netipx.IPRange)
		}{{"ipv4", allocBenchPlan}, {"ipv6", allocBenchPlan6}} {
			within, used := fam.plan(n)
			b.Run(fmt.Sprintf("family=%s/n=%d", fam.name, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := ipam.NewAllocator(within, used...); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/entry")
			})
		}
	}
}
