package buddy

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// benchRanges returns n blocks of 2^3 … 2^7 offsets at random aligned places
// in a space of depth 24: the shape of 1e5 /25 … /29 subnets in an IPv4 /8.
func benchRanges(n int) []Range {
	rng := rand.New(rand.NewPCG(1, 2))
	rs := make([]Range, n)
	for i := range rs {
		size := 3 + rng.IntN(5)
		lo := KeyFrom64(uint64(rng.IntN(1 << 24))).AndNot(LowMask(size))
		rs[i] = Range{lo, lo.Or(LowMask(size))}
	}
	return rs
}

func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			src := benchRanges(n)
			rs := make([]Range, n)
			var t *Tree
			b.ReportAllocs()
			for b.Loop() {
				copy(rs, src)
				t = Build(24, rs)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/entry")
			b.ReportMetric(float64(8*t.Nodes())/float64(n), "bytes/entry")
		})
	}
}

func BenchmarkSet(b *testing.B) {
	const n = 100_000
	src := benchRanges(n)
	b.ReportAllocs()
	for b.Loop() {
		t := New(24)
		for _, r := range src {
			t.Set(r.Lo, r.Hi, true)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/entry")
}

// BenchmarkAlloc takes 1e4 blocks of depth 16 (a /24 in a /8) around 1e5
// used ranges, from a fresh clone each round.
func BenchmarkAlloc(b *testing.B) {
	const n, count = 100_000, 10_000
	base := Build(24, benchRanges(n))
	if base.CountFree(16, count) < count {
		b.Fatal("plan too full")
	}
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		t := base.Clone()
		b.StartTimer()
		for range count {
			t.Alloc(16)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*count), "ns/alloc")
}

func BenchmarkSortMerge(b *testing.B) {
	src := benchRanges(100_000)
	rs := slices.Clone(src)
	for b.Loop() {
		copy(rs, src)
		mergeRanges(rs, LowMask(24))
	}
}
