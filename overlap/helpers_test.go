package overlap

import (
	"cmp"
	"iter"
	"math/rand/v2"
	"net/netip"
	"slices"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"go4.org/netipx"

	"github.com/cidrplan/cidrplan/overlap/internal/naive"
	"github.com/cidrplan/cidrplan/overlap/internal/plangen"
)

var cmpOpts = gocmp.Options{
	cmpopts.EquateComparable(netip.Addr{}, netip.Prefix{}, netipx.IPRange{}),
	cmpopts.EquateEmpty(),
}

type pair[V comparable] struct{ X, Y Entry[V] }

// diff returns cmp.Diff(want, got) (-want +got), skipping the slow
// reflective walk when the two are equal.
func diff[T comparable](want, got []T) string {
	if slices.Equal(want, got) {
		return ""
	}
	return gocmp.Diff(want, got, cmpOpts)
}

func collect[T any](seq iter.Seq[T]) []T { return slices.Collect(seq) }

func collectPairs[V comparable](seq iter.Seq2[Entry[V], Entry[V]]) []pair[V] {
	var out []pair[V]
	for x, y := range seq {
		out = append(out, pair[V]{x, y})
	}
	return out
}

func fromModel[V comparable](es []naive.Entry[V]) []Entry[V] {
	out := make([]Entry[V], len(es))
	for i, e := range es {
		out[i] = Entry[V]{e.Range, e.Value}
	}
	return out
}

func fromModelPairs[V comparable](ps []naive.Pair[V]) []pair[V] {
	out := make([]pair[V], len(ps))
	for i, p := range ps {
		out[i] = pair[V]{Entry[V]{p.X.Range, p.X.Value}, Entry[V]{p.Y.Range, p.Y.Value}}
	}
	return out
}

// checkTree fails the test if either family's tree breaks an invariant.
func checkTree[V comparable](t *testing.T, tr *Tree[V]) {
	t.Helper()
	if err := tr.v4.check(); err != nil {
		t.Fatalf("IPv4 tree: %v", err)
	}
	if err := tr.v6.check(); err != nil {
		t.Fatalf("IPv6 tree: %v", err)
	}
	if n, at := tr.v4.n, tr.coverThreshold(); n >= at && tr.cover == nil || n < at/2 && tr.cover != nil {
		t.Fatalf("cover table present: %v with %d IPv4 entries", tr.cover != nil, tr.v4.n)
	}
	if tr.cover != nil && *tr.cover != *newCover4(&tr.v4) {
		t.Fatal("cover table out of date")
	}
}

// compareAll checks Len, All and Conflicts against the model.
func compareAll(t *testing.T, tr *Tree[int], m *naive.Model[int], withConflicts bool) {
	t.Helper()
	checkTree(t, tr)
	if got, want := tr.Len(), m.Len(); got != want {
		t.Fatalf("Len() = %d, want %d", got, want)
	}
	if d := diff(fromModel(m.All()), collect(tr.All())); d != "" {
		t.Fatalf("All() mismatch (-want +got):\n%s", d)
	}
	if withConflicts {
		if d := diff(fromModelPairs(m.Conflicts()), collectPairs(tr.Conflicts())); d != "" {
			t.Fatalf("Conflicts() mismatch (-want +got):\n%s", d)
		}
	}
}

// compareQueries checks every query on probe prefixes and ranges.
func compareQueries(t *testing.T, r *rand.Rand, tr *Tree[int], m *naive.Model[int], probes int) {
	t.Helper()
	for range probes {
		p := plangen.ClusteredPrefix(r)
		pr := netipx.RangeOfPrefix(p)
		if got, want := tr.Overlaps(p), m.Overlaps(pr); got != want {
			t.Fatalf("Overlaps(%s) = %v, want %v", p, got, want)
		}
		if d := diff(fromModel(m.Overlapping(pr)), collect(tr.Overlapping(p))); d != "" {
			t.Fatalf("Overlapping(%s) mismatch (-want +got):\n%s", p, d)
		}
		if d := diff(m.Gaps(p), collect(tr.Gaps(p))); d != "" {
			t.Fatalf("Gaps(%s) mismatch (-want +got):\n%s", p, d)
		}
		rg := plangen.ClusteredRange(r)
		if got, want := tr.OverlapsRange(rg), m.Overlaps(rg); got != want {
			t.Fatalf("OverlapsRange(%s) = %v, want %v", rg, got, want)
		}
		if d := diff(fromModel(m.Overlapping(rg)), collect(tr.OverlappingRange(rg))); d != "" {
			t.Fatalf("OverlappingRange(%s) mismatch (-want +got):\n%s", rg, d)
		}
	}
}

// randomEntry returns a clustered prefix or range with a small value, so
// that equal entries are common.
func randomEntry(r *rand.Rand) (netipx.IPRange, int) {
	if r.IntN(3) == 0 {
		return plangen.ClusteredRange(r), r.IntN(3)
	}
	return netipx.RangeOfPrefix(plangen.ClusteredPrefix(r)), r.IntN(3)
}

// insert adds e to both, through Insert when it is a prefix (half the time).
func insert(t *testing.T, r *rand.Rand, tr *Tree[int], m *naive.Model[int], rg netipx.IPRange, v int) {
	t.Helper()
	var err error
	if p, ok := rg.Prefix(); ok && r.IntN(2) == 0 {
		err = tr.Insert(p, v)
	} else {
		err = tr.InsertRange(rg, v)
	}
	if err != nil {
		t.Fatalf("insert %s: %v", rg, err)
	}
	m.Insert(rg, v)
}

// remove deletes e from both, through Delete when it is a prefix (half the
// time), and checks they agree on whether it was there.
func remove(t *testing.T, r *rand.Rand, tr *Tree[int], m *naive.Model[int], rg netipx.IPRange, v int) {
	t.Helper()
	var got bool
	if p, ok := rg.Prefix(); ok && r.IntN(2) == 0 {
		got = tr.Delete(p, v)
	} else {
		got = tr.DeleteRange(rg, v)
	}
	if want := m.Delete(rg, v); got != want {
		t.Fatalf("delete %s value %d = %v, want %v", rg, v, got, want)
	}
}

func sortedEntries(es []Entry[int]) []Entry[int] {
	es = slices.Clone(es)
	slices.SortFunc(es, func(a, b Entry[int]) int {
		return cmp.Or(naive.Compare(a.Range, b.Range), cmp.Compare(a.Value, b.Value))
	})
	return es
}

// sparseEntry returns, nine times in ten, a long prefix at a uniformly
// random address of 10.0.0.0/8 or fd00::/16, so that conflicts stay few
// even among thousands of entries; else a clustered one.
func sparseEntry(r *rand.Rand) (netipx.IPRange, int) {
	if r.IntN(10) == 0 {
		return randomEntry(r)
	}
	var p netip.Prefix
	if r.IntN(2) == 0 {
		a := netip.AddrFrom4([4]byte{10, byte(r.Uint32()), byte(r.Uint32()), byte(r.Uint32())})
		p, _ = a.Prefix(18 + r.IntN(15))
	} else {
		var b [16]byte
		b[0], b[1], b[2], b[3] = 0xfd, 0, byte(r.Uint32()), byte(r.Uint32())
		p, _ = netip.AddrFrom16(b).Prefix(24 + r.IntN(105))
	}
	return netipx.RangeOfPrefix(p), r.IntN(3)
}
