package overlap

import (
	"math/rand/v2"
	"net/netip"
	"slices"
	"sync"
	"testing"

	"go4.org/netipx"

	"github.com/cidrplan/cidrplan/overlap/internal/plangen"
)

func randomEntries(r *rand.Rand, n int) []Entry[int] {
	es := make([]Entry[int], n)
	for i := range es {
		es[i].Range, es[i].Value = randomEntry(r)
	}
	return es
}

func insertAll(t *testing.T, es []Entry[int]) *Tree[int] {
	t.Helper()
	tr := &Tree[int]{}
	for _, e := range es {
		if err := tr.InsertRange(e.Range, e.Value); err != nil {
			t.Fatal(err)
		}
	}
	checkTree(t, tr)
	return tr
}

func TestInsertionOrderDoesNotMatter(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		es := randomEntries(r, 300)
		a := insertAll(t, es)
		r.Shuffle(len(es), func(i, j int) { es[i], es[j] = es[j], es[i] })
		b := insertAll(t, es)
		if d := diff(sortedEntries(collect(a.All())), sortedEntries(collect(b.All()))); d != "" {
			t.Fatalf("All() after shuffled inserts (-want +got):\n%s", d)
		}
		if got, want := len(collectPairs(b.Conflicts())), len(collectPairs(a.Conflicts())); got != want {
			t.Fatalf("%d conflicts after shuffled inserts, want %d", got, want)
		}
		for range 50 {
			p := plangen.ClusteredPrefix(r)
			if a.Overlaps(p) != b.Overlaps(p) {
				t.Fatalf("Overlaps(%s) depends on insertion order", p)
			}
			if d := diff(collect(a.Gaps(p)), collect(b.Gaps(p))); d != "" {
				t.Fatalf("Gaps(%s) depends on insertion order (-want +got):\n%s", p, d)
			}
		}
	}
}

func TestDeleteUndoesInsert(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		tr := insertAll(t, randomEntries(r, 300))
		before := collect(tr.All())
		extra := randomEntries(r, 100)
		for _, e := range extra {
			if err := tr.InsertRange(e.Range, e.Value); err != nil {
				t.Fatal(err)
			}
		}
		r.Shuffle(len(extra), func(i, j int) { extra[i], extra[j] = extra[j], extra[i] })
		for _, e := range extra {
			if !tr.DeleteRange(e.Range, e.Value) {
				t.Fatalf("DeleteRange(%s, %d) found nothing", e.Range, e.Value)
			}
		}
		checkTree(t, tr)
		// Equal entries are interchangeable, so compare as multisets.
		if d := diff(sortedEntries(before), sortedEntries(collect(tr.All()))); d != "" {
			t.Fatalf("All() after inserting and deleting (-want +got):\n%s", d)
		}
	}
}

func TestOverlapsAgreesWithOverlapping(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	tr := insertAll(t, randomEntries(r, 2000))
	for range 2000 {
		p := plangen.ClusteredPrefix(r)
		_, any := first(tr.Overlapping(p))
		if got := tr.Overlaps(p); got != any {
			t.Fatalf("Overlaps(%s) = %v, Overlapping non-empty = %v", p, got, any)
		}
		rg := plangen.ClusteredRange(r)
		_, any = first(tr.OverlappingRange(rg))
		if got := tr.OverlapsRange(rg); got != any {
			t.Fatalf("OverlapsRange(%s) = %v, OverlappingRange non-empty = %v", rg, got, any)
		}
	}
}

func first[T any](seq func(func(T) bool)) (T, bool) {
	for v := range seq {
		return v, true
	}
	var zero T
	return zero, false
}

func TestBuildEqualsInsert(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 63, 64, 65, 300, 5000, 20000} {
		es := randomEntries(r, n)
		want := insertAll(t, es)
		got, err := Build(es)
		if err != nil {
			t.Fatal(err)
		}
		checkTree(t, got)
		if d := diff(collect(want.All()), collect(got.All())); d != "" {
			t.Fatalf("n=%d: Build vs Insert All() (-want +got):\n%s", n, d)
		}
		// A built tree keeps working under updates.
		more := randomEntries(r, 200)
		for _, e := range more {
			if err := want.InsertRange(e.Range, e.Value); err != nil {
				t.Fatal(err)
			}
			if err := got.InsertRange(e.Range, e.Value); err != nil {
				t.Fatal(err)
			}
		}
		for _, e := range es[:min(len(es), 1000)] {
			if want.DeleteRange(e.Range, e.Value) != got.DeleteRange(e.Range, e.Value) {
				t.Fatalf("n=%d: Delete disagrees between built and inserted trees", n)
			}
		}
		checkTree(t, got)
		if d := diff(collect(want.All()), collect(got.All())); d != "" {
			t.Fatalf("n=%d: after updates All() (-want +got):\n%s", n, d)
		}
	}
}

func TestZeroTree(t *testing.T) {
	var tr Tree[string]
	p := netip.MustParsePrefix("0.0.0.0/0")
	if tr.Len() != 0 || tr.Overlaps(p) || tr.Delete(p, "") {
		t.Fatal("zero tree is not empty")
	}
	if got := collect(tr.All()); len(got) != 0 {
		t.Fatalf("All() = %v", got)
	}
	want := []netipx.IPRange{netipx.RangeOfPrefix(p)}
	if d := diff(want, collect(tr.Gaps(p))); d != "" {
		t.Fatalf("Gaps (-want +got):\n%s", d)
	}
}

func TestIteratorsStopEarly(t *testing.T) {
	var tr Tree[int]
	for i := range 300 {
		_ = tr.Insert(netip.MustParsePrefix("10.0.0.0/8"), i)
		_ = tr.Insert(netip.MustParsePrefix("fd00::/8"), i)
	}
	for name, seq := range map[string]func(func(Entry[int]) bool){
		"All":         tr.All(),
		"Overlapping": tr.Overlapping(netip.MustParsePrefix("10.1.0.0/16")),
	} {
		n := 0
		for range seq {
			if n++; n == 5 {
				break
			}
		}
		if n != 5 {
			t.Errorf("%s: %d iterations", name, n)
		}
	}
	n := 0
	for range tr.Conflicts() {
		if n++; n == 5 {
			break
		}
	}
	if n != 5 {
		t.Errorf("Conflicts: %d iterations", n)
	}
	var sparse Tree[int]
	for i := range 100 {
		_ = sparse.Insert(netip.PrefixFrom(netip.AddrFrom4([4]byte{10, 0, byte(i), 0}), 25), i)
	}
	n = 0
	for range sparse.Gaps(netip.MustParsePrefix("10.0.0.0/8")) {
		if n++; n == 5 {
			break
		}
	}
	if n != 5 {
		t.Errorf("Gaps: %d iterations", n)
	}
}

// TestConcurrentReads runs every read concurrently; `go test -race` fails
// if a read writes anything.
func TestConcurrentReads(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	tr := insertAll(t, randomEntries(r, 3000))
	probes := make([]netip.Prefix, 200)
	for i := range probes {
		probes[i] = plangen.ClusteredPrefix(r)
	}
	want := collect(tr.All())
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for _, p := range probes {
				tr.Overlaps(p)
				for range tr.Overlapping(p) {
				}
				for range tr.Gaps(p) {
				}
			}
			n := 0
			for range tr.Conflicts() {
				if n++; n == 1000 {
					break
				}
			}
			if !slices.Equal(want, collect(tr.All())) {
				t.Error("All() changed under concurrent reads")
			}
		})
	}
	wg.Wait()
}

func TestReadsDoNotAllocate(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	tr := insertAll(t, randomEntries(r, 3000))
	p4 := netip.MustParsePrefix("10.0.0.0/24")
	p6 := netip.MustParsePrefix("fd00::/64")
	rg := netipx.MustParseIPRange("10.0.0.5-10.0.1.7")
	if n := testing.AllocsPerRun(100, func() { tr.Overlaps(p4); tr.Overlaps(p6); tr.OverlapsRange(rg) }); n != 0 {
		t.Errorf("Overlaps allocates %v times per call", n)
	}
	wide := netip.MustParsePrefix("10.0.0.0/8")
	if n := testing.AllocsPerRun(20, func() {
		for range tr.Overlapping(wide) {
		}
		for range tr.Gaps(wide) {
		}
		for range tr.Conflicts() {
		}
	}); n != 0 {
		t.Errorf("iterating Overlapping, Gaps and Conflicts allocates %v times", n)
	}
}

func TestConflictsCountEqualEntries(t *testing.T) {
	p := netip.MustParsePrefix("10.0.0.0/24")
	r := netipx.RangeOfPrefix(p)
	tests := []struct {
		name   string
		values []int
		want   []pair[int]
	}{
		{"one", []int{1}, nil},
		{"same value twice", []int{1, 1}, []pair[int]{{Entry[int]{r, 1}, Entry[int]{r, 1}}}},
		{"three", []int{3, 1, 2}, []pair[int]{
			{Entry[int]{r, 3}, Entry[int]{r, 1}},
			{Entry[int]{r, 3}, Entry[int]{r, 2}},
			{Entry[int]{r, 1}, Entry[int]{r, 2}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var tr Tree[int]
			for _, v := range tt.values {
				if err := tr.Insert(p, v); err != nil {
					t.Fatal(err)
				}
			}
			if d := diff(tt.want, collectPairs(tr.Conflicts())); d != "" {
				t.Errorf("Conflicts() (-want +got):\n%s", d)
			}
			if len(tt.values) > 1 && (!tr.Delete(p, tt.values[1]) || tr.Len() != len(tt.values)-1) {
				t.Error("Delete did not remove exactly one entry")
			}
		})
	}
}
