package bench

import (
	"errors"
	"fmt"
	"testing"

	"github.com/cidrplan/cidrplan/bench/internal/peers"
	"github.com/cidrplan/cidrplan/bench/internal/suite"
	"github.com/cidrplan/cidrplan/bench/internal/workload"
)

// cache keeps generated workloads for the whole test binary.
var cache workload.Cache

func sizes() []int {
	if testing.Short() {
		return []int{1_000}
	}
	return []int{1_000, 10_000, 100_000, 1_000_000}
}

// run times r with b.Loop, running its resets with the timer stopped.
func run(b *testing.B, r *suite.Runner) {
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if r.Period > 0 && i == r.Period {
			b.StopTimer()
			r.Reset()
			b.StartTimer()
			i = 0
		}
		r.Step(i)
		i++
	}
	if err := r.Err(); err != nil {
		b.Fatal(err)
	}
	if v, ok := r.PerStep(); ok && v > 0 {
		b.ReportMetric(v, "results/op")
	}
}

// each runs op for every implementation, workload kind and size.
func each(b *testing.B, op suite.Op) {
	for _, im := range peers.Impls() {
		b.Run("impl="+im.Name(), func(b *testing.B) {
			for _, kind := range workload.Kinds() {
				b.Run("workload="+string(kind), func(b *testing.B) {
					for _, n := range sizes() {
						b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
							if why := suite.Skip(op, im.Name(), kind, n); why != "" {
								b.Skip(why)
							}
							w, err := cache.Workload(kind, n)
							if err != nil {
								b.Fatal(err)
							}
							r, err := suite.New(op, im, w, nil)
							if errors.Is(err, suite.ErrNotApplicable) {
								b.Skip(err)
							}
							if err != nil {
								b.Fatal(err)
							}
							if op == suite.Build {
								bpp, err := suite.BytesPerPrefix(im, w.Base)
								if err != nil {
									b.Fatal(err)
								}
								defer b.ReportMetric(bpp, "bytes/prefix")
							}
							run(b, r)
						})
					}
				})
			}
		})
	}
}

func BenchmarkBuild(b *testing.B)          { each(b, suite.Build) }
func BenchmarkOverlaps(b *testing.B)       { each(b, suite.Overlaps) }
func BenchmarkOverlapping(b *testing.B)    { each(b, suite.Overlapping) }
func BenchmarkConflicts(b *testing.B)      { each(b, suite.Conflicts) }
func BenchmarkConflictsBuilt(b *testing.B) { each(b, suite.ConflictsBuilt) }
func BenchmarkInsert(b *testing.B)         { each(b, suite.Insert) }
func BenchmarkDelete(b *testing.B)         { each(b, suite.Delete) }

// BenchmarkSortKeys sorts the n base prefixes once: the floor for Conflicts.
func BenchmarkSortKeys(b *testing.B) {
	for _, kind := range workload.Kinds() {
		b.Run("workload="+string(kind), func(b *testing.B) {
			for _, n := range sizes() {
				b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
					w, err := cache.Workload(kind, n)
					if err != nil {
						b.Fatal(err)
					}
					r, err := suite.New(suite.SortKeys, nil, w, nil)
					if err != nil {
						b.Fatal(err)
					}
					run(b, r)
				})
			}
		})
	}
}

// BenchmarkGaps lists the free ranges of a /8 around 1e5 existing entries.
func BenchmarkGaps(b *testing.B) {
	a, err := cache.Alloc()
	if err != nil {
		b.Fatal(err)
	}
	for _, im := range peers.Impls() {
		b.Run(fmt.Sprintf("impl=%s/n=%d", im.Name(), len(a.Used)), func(b *testing.B) {
			r, err := suite.New(suite.Gaps, im, nil, a)
			if err != nil {
				b.Fatal(err)
			}
			run(b, r)
		})
	}
}

// BenchmarkAllocate allocates 1e4 /24s in a /8 around 1e5 existing entries,
// one per step.
func BenchmarkAllocate(b *testing.B) {
	a, err := cache.Alloc()
	if err != nil {
		b.Fatal(err)
	}
	for _, im := range peers.AllocImpls() {
		b.Run(fmt.Sprintf("impl=%s/n=%d", im.Name(), len(a.Used)), func(b *testing.B) {
			r, err := suite.NewAlloc(im, a)
			if err != nil {
				b.Fatal(err)
			}
			run(b, r)
		})
	}
}
