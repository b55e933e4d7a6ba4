package peers

import (
	"cmp"
	"errors"
	"net/netip"
	"slices"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"go4.org/netipx"

	"github.com/cidrplan/cidrplan/bench/internal/workload"
)

var cmpOpts = gocmp.Options{cmpopts.EquateComparable(netip.Addr{}, netip.Prefix{}, netipx.IPRange{}), cmpopts.EquateEmpty()}

func compareEntry(a, b Entry) int {
	return cmp.Or(workload.ComparePrefix(a.Prefix, b.Prefix), cmp.Compare(a.ID, b.ID))
}

type pair struct{ A, B Entry }

// normalize orders each pair and the list, and for an implementation that
// keeps one entry per prefix reduces both to distinct prefix pairs (IDs
// zeroed) and drops pairs of equal prefixes, which it cannot store.
func normalize(ps []pair, dups bool) []pair {
	out := make([]pair, 0, len(ps))
	for _, p := range ps {
		if !dups {
			if p.A.Prefix == p.B.Prefix {
				continue
			}
			p.A.ID, p.B.ID = 0, 0
		}
		if compareEntry(p.A, p.B) > 0 {
			p.A, p.B = p.B, p.A
		}
		out = append(out, p)
	}
	slices.SortFunc(out, func(x, y pair) int { return cmp.Or(compareEntry(x.A, y.A), compareEntry(x.B, y.B)) })
	return slices.Compact(out)
}

func normalizeEntries(es []Entry, dups bool) []Entry {
	if !dups {
		for i := range es {
			es[i].ID = 0
		}
	}
	slices.SortFunc(es, compareEntry)
	if !dups {
		es = slices.Compact(es)
	}
	return es
}

func overlapping(t *testing.T, x Index, p netip.Prefix) ([]Entry, error) {
	t.Helper()
	var out []Entry
	err := x.Overlapping(p, func(e Entry) bool { out = append(out, e); return true })
	return out, err
}

func conflicts(x Index) ([]pair, error) {
	var out []pair
	err := x.Conflicts(func(a, b Entry) bool { out = append(out, pair{a, b}); return true })
	return out, err
}

func gaps(x Index, within netip.Prefix) ([]netipx.IPRange, error) {
	var out []netipx.IPRange
	err := x.Gaps(within, func(r netipx.IPRange) bool { out = append(out, r); return true })
	return out, err
}

func build(t *testing.T, im Impl, ps []netip.Prefix) Index {
	t.Helper()
	x, err := im.Build(im.Prepare(ps))
	if err != nil {
		t.Fatalf("%s: Build: %v", im.Name(), err)
	}
	return x
}

// checkQueries compares every query of x with the reference on the probes.
func checkQueries(t *testing.T, im Impl, x, ref Index, probes []netip.Prefix) {
	t.Helper()
	dups := im.KeepsDuplicates()
	for _, q := range probes {
		if got, want := x.Overlaps(q), ref.Overlaps(q); got != want {
			t.Fatalf("Overlaps(%v) = %v, want %v", q, got, want)
		}
		got, err := overlapping(t, x, q)
		if errors.Is(err, ErrUnsupported) {
			continue
		}
		if err != nil {
			t.Fatalf("Overlapping(%v): %v", q, err)
		}
		want, _ := overlapping(t, ref, q)
		if diff := gocmp.Diff(normalizeEntries(want, dups), normalizeEntries(got, dups), cmpOpts); diff != "" {
			t.Fatalf("Overlapping(%v) (-want +got):\n%s", q, diff)
		}
	}
}

func smallWorkloads(t *testing.T) []*workload.Workload {
	t.Helper()
	var ws []*workload.Workload
	for _, k := range workload.Kinds() {
		w, err := workload.Generate(k, 1500, 300)
		if err != nil {
			t.Fatal(err)
		}
		w.Probes = w.Probes[:1000]
		ws = append(ws, w)
	}
	return ws
}

func TestImplsAgreeWithNaive(t *testing.T) {
	for _, w := range smallWorkloads(t) {
		ref := build(t, Naive{}, w.Base)
		wantPairs, _ := conflicts(ref)
		for _, im := range Impls() {
			t.Run(string(w.Kind)+"_"+im.Name(), func(t *testing.T) {
				x := build(t, im, w.Base)
				checkQueries(t, im, x, ref, w.Probes)

				got, err := conflicts(x)
				if err != nil && !errors.Is(err, ErrUnsupported) {
					t.Fatalf("Conflicts: %v", err)
				}
				if err == nil {
					dups := im.KeepsDuplicates()
					if diff := gocmp.Diff(normalize(wantPairs, dups), normalize(got, dups), cmpOpts); diff != "" {
						t.Fatalf("Conflicts (-want +got):\n%s", diff)
					}
					if dups && len(got) != len(wantPairs) {
						t.Fatalf("Conflicts yields %d pairs, want %d (each once)", len(got), len(wantPairs))
					}
				}

				if af, ok := im.(AmongFinder); ok {
					var got []pair
					if err := af.ConflictsAmong(im.Prepare(w.Base), func(a, b Entry) bool { got = append(got, pair{a, b}); return true }); err != nil {
						t.Fatalf("ConflictsAmong: %v", err)
					}
					if diff := gocmp.Diff(normalize(wantPairs, true), normalize(got, true), cmpOpts); diff != "" || len(got) != len(wantPairs) {
						t.Fatalf("ConflictsAmong yields %d pairs, want %d (-want +got):\n%s", len(got), len(wantPairs), diff)
					}
				}

				withins := append([]netip.Prefix{netip.MustParsePrefix("0.0.0.0/0"), netip.MustParsePrefix("::/0")}, w.Probes[:200]...)
				for _, within := range withins {
					got, err := gaps(x, within)
					if err != nil {
						t.Fatalf("Gaps(%v): %v", within, err)
					}
					want, _ := gaps(ref, within)
					if diff := gocmp.Diff(want, got, cmpOpts); diff != "" {
						t.Fatalf("Gaps(%v) (-want +got):\n%s", within, diff)
					}
				}
			})
		}
	}
}

func TestImplsInsertDelete(t *testing.T) {
	for _, w := range smallWorkloads(t) {
		for _, im := range Impls() {
			t.Run(string(w.Kind)+"_"+im.Name(), func(t *testing.T) {
				x, ref := build(t, im, w.Base), build(t, Naive{}, w.Base)
				for i, p := range w.Extra {
					id := uint32(len(w.Base) + i)
					err := x.Insert(p, id)
					if errors.Is(err, ErrUnsupported) {
						t.Skipf("%s: %v", im.Name(), err)
					}
					if err != nil {
						t.Fatalf("Insert(%v): %v", p, err)
					}
					ref.Insert(p, id)
				}
				checkQueries(t, im, x, ref, w.Probes)
				// Delete what was inserted, newest first, so that an
				// implementation that overwrites duplicates deletes the entry
				// the reference deletes.
				for i := len(w.Extra) - 1; i >= 0; i-- {
					p, id := w.Extra[i], uint32(len(w.Base)+i)
					want, _ := ref.Delete(p, id)
					got, err := x.Delete(p, id)
					if err != nil {
						t.Fatalf("Delete(%v): %v", p, err)
					}
					if got != want && im.KeepsDuplicates() {
						t.Fatalf("Delete(%v, %d) = %v, want %v", p, id, got, want)
					}
				}
				if im.KeepsDuplicates() || w.Kind == workload.RealisticV4 || w.Kind == workload.RealisticMixed {
					checkQueries(t, im, x, ref, w.Probes)
				}
			})
		}
	}
}

// TestDuplicatesLost pins down what an implementation keyed by prefix loses:
// the same CIDR stored twice is one entry, so the pair is not a conflict.
func TestDuplicatesLost(t *testing.T) {
	ps := []netip.Prefix{
		netip.MustParsePrefix("10.0.0.0/24"),
		netip.MustParsePrefix("10.0.0.0/24"),
		netip.MustParsePrefix("10.0.0.0/25"),
	}
	for _, im := range Impls() {
		t.Run(im.Name(), func(t *testing.T) {
			got, err := conflicts(build(t, im, ps))
			if errors.Is(err, ErrUnsupported) {
				t.Skip(err)
			}
			want := 3
			if !im.KeepsDuplicates() {
				want = 1
			}
			if len(got) != want {
				t.Errorf("%d conflicting pairs, want %d: %v", len(got), want, got)
			}
		})
	}
}

// freeBlocks counts the aligned /bits blocks inside within that none of the
// ranges touches.
func freeBlocks(within netip.Prefix, bits int, taken []netipx.IPRange) int {
	touched := make(map[netip.Prefix]bool)
	for _, r := range taken {
		for _, p := range r.Prefixes() {
			if p.Bits() >= bits {
				b, _ := p.Addr().Prefix(bits)
				touched[b] = true
				continue
			}
			for a := p.Addr(); p.Contains(a); a = netipx.PrefixLastIP(netip.PrefixFrom(a, bits)).Next() {
				touched[netip.PrefixFrom(a, bits)] = true
			}
		}
	}
	return 1<<(bits-within.Bits()) - len(touched)
}

func TestAllocatorsFillEveryFreeBlock(t *testing.T) {
	a, err := workload.GenerateAlloc(workload.AllocUsed, workload.AllocCount)
	if err != nil {
		t.Fatal(err)
	}
	within := netip.MustParsePrefix("10.0.0.0/14")
	var used []netipx.IPRange
	for _, p := range a.Used {
		if within.Overlaps(p) {
			used = append(used, netipx.RangeOfPrefix(p))
		}
	}
	for _, im := range AllocImpls() {
		t.Run(im.Name(), func(t *testing.T) {
			al, err := im.NewAllocator(within, used)
			if err != nil {
				t.Fatal(err)
			}
			var b netipx.IPSetBuilder
			for _, r := range used {
				b.AddRange(r)
			}
			taken := slices.Clone(used)
			allocate := func(bits int) (netip.Prefix, error) {
				p, err := al.Allocate(bits)
				if err != nil {
					return p, err
				}
				set, _ := b.IPSet()
				if p.Bits() != bits || !within.Contains(p.Addr()) || set.OverlapsPrefix(p) {
					t.Fatalf("Allocate(%d) = %v: wrong length, outside %v, or overlapping", bits, p, within)
				}
				b.AddPrefix(p)
				taken = append(taken, netipx.RangeOfPrefix(p))
				return p, nil
			}
			for range 50 {
				if _, err := allocate(27); err != nil {
					t.Fatalf("Allocate(27): %v", err)
				}
			}
			want := freeBlocks(within, 24, taken)
			got := 0
			for {
				if _, err := allocate(24); err != nil {
					break
				}
				got++
			}
			if got != want || want == 0 {
				t.Errorf("allocated %d /24s before running out, want %d (every free block)", got, want)
			}
		})
	}
}
