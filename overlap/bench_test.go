package overlap

import (
	"fmt"
	"math/rand/v2"
	"net/netip"
	"runtime"
	"testing"

	"go4.org/netipx"

	"github.com/cidrplan/cidrplan/overlap/internal/plangen"
)

var benchSizes = []int{1_000, 10_000, 100_000, 1_000_000}

var benchPlans = []struct {
	name string
	gen  func(*rand.Rand, int) []netip.Prefix
}{
	{"realistic", plangen.Realistic},
	{"random4", plangen.RandomIPv4},
}

func benchEntries(ps []netip.Prefix) []Entry[int] {
	es := make([]Entry[int], len(ps))
	for i, p := range ps {
		es[i] = Entry[int]{netipx.RangeOfPrefix(p), i}
	}
	return es
}

func mustBuild(b *testing.B, es []Entry[int]) *Tree[int] {
	b.Helper()
	t, err := Build(es)
	if err != nil {
		b.Fatal(err)
	}
	return t
}

// heapBytes returns the live heap after a full collection.
func heapBytes() uint64 {
	var m runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func BenchmarkBuild(b *testing.B) {
	for _, plan := range benchPlans {
		for _, n := range benchSizes {
			b.Run(fmt.Sprintf("%s/n=%d", plan.name, n), func(b *testing.B) {
				es := benchEntries(plan.gen(rand.New(rand.NewPCG(1, 2)), n))
				before := heapBytes()
				t := mustBuild(b, es)
				size := float64(heapBytes()-before) / float64(n)
				runtime.KeepAlive(t)
				b.ReportAllocs()
				cpu := startCPU(b)
				for b.Loop() {
					mustBuild(b, es)
				}
				cpu.report()
				b.ReportMetric(size, "bytes/prefix")
			})
		}
	}
}

// BenchmarkInsert inserts fresh prefixes one by one into a built tree of n,
// taking them out again (untimed) every 1e5 inserts.
func BenchmarkInsert(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("realistic/n=%d", n), func(b *testing.B) {
			ps := plangen.Realistic(rand.New(rand.NewPCG(1, 2)), n+100_000)
			t, extra := mustBuild(b, benchEntries(ps[:n])), ps[n:]
			before := heapBytes()
			for i, p := range extra {
				_ = t.Insert(p, i)
			}
			size := float64(heapBytes()-before) / float64(len(extra))
			for i, p := range extra {
				t.Delete(p, i)
			}
			b.ReportAllocs()
			i := 0
			cpu := startCPU(b)
			for b.Loop() {
				if i == len(extra) {
					b.StopTimer()
					cpu.pause()
					for j, p := range extra {
						t.Delete(p, j)
					}
					cpu.resume()
					b.StartTimer()
					i = 0
				}
				_ = t.Insert(extra[i], i)
				i++
			}
			cpu.report()
			b.ReportMetric(size, "bytes/inserted")
		})
	}
}

// BenchmarkDelete deletes prefixes one by one from a built tree of n plus
// 1e5, putting them back (untimed) when all are gone.
func BenchmarkDelete(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("realistic/n=%d", n), func(b *testing.B) {
			ps := plangen.Realistic(rand.New(rand.NewPCG(1, 2)), n+100_000)
			t, extra := mustBuild(b, benchEntries(ps)), ps[n:]
			runtime.GC() // collect Build's garbage now, not during the timed deletes
			b.ReportAllocs()
			i := 0
			cpu := startCPU(b)
			for b.Loop() {
				if i == len(extra) {
					b.StopTimer()
					cpu.pause()
					for j, p := range extra {
						_ = t.Insert(p, n+j)
					}
					cpu.resume()
					b.StartTimer()
					i = 0
				}
				if !t.Delete(extra[i], n+i) {
					b.Fatal("nothing deleted")
				}
				i++
			}
			cpu.report()
		})
	}
}

// probes returns up to 4096 shuffled probes: stored prefixes (hit) or
// random ones of the same lengths that overlap nothing (miss).
func probes(t *Tree[int], ps []netip.Prefix, hit bool) []netip.Prefix {
	r := rand.New(rand.NewPCG(3, 4))
	var out []netip.Prefix
	for tries := 0; len(out) < 4096 && tries < 1_000_000; tries++ {
		p := ps[r.IntN(len(ps))]
		if !hit {
			b := p.Addr().As16()
			if p.Addr().Is4() {
				for i := 12; i < 16; i++ {
					b[i] = byte(r.Uint32())
				}
				p, _ = netip.AddrFrom4([4]byte(b[12:])).Prefix(p.Bits())
			} else {
				for i := 1; i < 8; i++ {
					b[i] = byte(r.Uint32())
				}
				p, _ = netip.AddrFrom16(b).Prefix(p.Bits())
			}
			if t.Overlaps(p) {
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

func BenchmarkOverlaps(b *testing.B) {
	for _, plan := range benchPlans {
		for _, hit := range []bool{true, false} {
			for _, n := range benchSizes {
				name := fmt.Sprintf("%s/miss/n=%d", plan.name, n)
				if hit {
					name = fmt.Sprintf("%s/hit/n=%d", plan.name, n)
				}
				b.Run(name, func(b *testing.B) {
					ps := plan.gen(rand.New(rand.NewPCG(1, 2)), n)
					t := mustBuild(b, benchEntries(ps))
					qs := probes(t, ps, hit)
					if len(qs) < 16 {
						b.Skip("too few probes of this kind")
					}
					b.ReportAllocs()
					i := 0
					cpu := startCPU(b)
					for b.Loop() {
						if t.Overlaps(qs[i%len(qs)]) != hit {
							b.Fatal("wrong answer")
						}
						i++
					}
					cpu.report()
				})
			}
		}
	}
}

// BenchmarkOverlapping lists what overlaps the /16 around stored IPv4
// prefixes (or the /40 around IPv6 ones).
func BenchmarkOverlapping(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("realistic/n=%d", n), func(b *testing.B) {
			ps := plangen.Realistic(rand.New(rand.NewPCG(1, 2)), n)
			t := mustBuild(b, benchEntries(ps))
			qs := make([]netip.Prefix, 4096)
			for i := range qs {
				p := ps[i%len(ps)]
				bits := 16
				if p.Addr().Is6() {
					bits = 40
				}
				qs[i], _ = p.Addr().Prefix(bits)
			}
			b.ReportAllocs()
			i, k := 0, 0
			cpu := startCPU(b)
			for b.Loop() {
				for range t.Overlapping(qs[i%len(qs)]) {
					k++
				}
				i++
			}
			cpu.report()
			b.ReportMetric(float64(k)/float64(i), "entries/op")
		})
	}
}

func BenchmarkConflicts(b *testing.B) {
	for _, plan := range benchPlans {
		for _, n := range benchSizes {
			b.Run(fmt.Sprintf("%s/n=%d", plan.name, n), func(b *testing.B) {
				if plan.name == "random4" && n >= 1_000_000 {
					b.Skip("3e8 overlapping pairs: only the yield loop would be measured")
				}
				t := mustBuild(b, benchEntries(plan.gen(rand.New(rand.NewPCG(1, 2)), n)))
				b.ReportAllocs()
				k := 0
				cpu := startCPU(b)
				for b.Loop() {
					k = 0
					for range t.Conflicts() {
						k++
					}
				}
				cpu.report()
				b.ReportMetric(float64(k), "pairs")
			})
		}
	}
}

// BenchmarkGaps lists the free ranges of the /12 around stored IPv4
// prefixes of a realistic plan.
func BenchmarkGaps(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("realistic/n=%d", n), func(b *testing.B) {
			ps := plangen.Realistic(rand.New(rand.NewPCG(1, 2)), n)
			t := mustBuild(b, benchEntries(ps))
			var qs []netip.Prefix
			for _, p := range ps {
				if p.Addr().Is4() && len(qs) < 1024 {
					q, _ := p.Addr().Prefix(12)
					qs = append(qs, q)
				}
			}
			b.ReportAllocs()
			i, k := 0, 0
			cpu := startCPU(b)
			for b.Loop() {
				for range t.Gaps(qs[i%len(qs)]) {
					k++
				}
				i++
			}
			cpu.report()
			b.ReportMetric(float64(k)/float64(i), "gaps/op")
		})
	}
}

// BenchmarkGapsDense lists the free ranges of 10.0.0.0/8 packed with n
// adjacent /28s, 0.1% of them left out: few gaps among many entries.
func BenchmarkGapsDense(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			r := rand.New(rand.NewPCG(1, 2))
			var ps []netip.Prefix
			for i := range n {
				if r.IntN(1000) != 0 {
					a := netip.AddrFrom4([4]byte{10, byte(i >> 12), byte(i >> 4), byte(i << 4)})
					ps = append(ps, netip.PrefixFrom(a, 28))
				}
			}
			t := mustBuild(b, benchEntries(ps))
			within := netip.MustParsePrefix("10.0.0.0/8")
			b.ReportAllocs()
			k := 0
			cpu := startCPU(b)
			for b.Loop() {
				k = 0
				for range t.Gaps(within) {
					k++
				}
			}
			cpu.report()
			b.ReportMetric(float64(k), "gaps/op")
		})
	}
}

// BenchmarkConflictsAmong finds every conflicting pair among n entries of
// a realistic plan without building a tree: sort and sweep, all included.
func BenchmarkConflictsAmong(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			es := benchEntries(plangen.Realistic(rand.New(rand.NewPCG(1, 2)), n))
			b.ReportAllocs()
			k := 0
			cpu := startCPU(b)
			for b.Loop() {
				seq, err := ConflictsAmong(es)
				if err != nil {
					b.Fatal(err)
				}
				k = 0
				for range seq {
					k++
				}
			}
			cpu.report()
			b.ReportMetric(float64(k), "pairs")
		})
	}
}
