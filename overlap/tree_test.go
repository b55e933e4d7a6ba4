package overlap

import (
	"math/rand/v2"
	"net/netip"
	"testing"

	"go4.org/netipx"

	"github.com/cidrplan/cidrplan/overlap/internal/naive"
)

// TestDifferential runs random insert/delete sequences on clustered,
// nested and duplicated entries and compares every answer with the model.
func TestDifferential(t *testing.T) {
	for seed := range uint64(12) {
		r := rand.New(rand.NewPCG(1, seed))
		var tr Tree[int]
		if seed%2 == 1 {
			tr.coverAt = 8 // exercise the cover table on a small tree
		}
		var m naive.Model[int]
		for step := range 600 {
			switch k := r.IntN(10); {
			case k < 6 || m.Len() == 0:
				rg, v := randomEntry(r)
				insert(t, r, &tr, &m, rg, v)
			case k < 9:
				e := m.At(r.IntN(m.Len()))
				v := e.Value
				if r.IntN(4) == 0 {
					v = r.IntN(3)
				}
				remove(t, r, &tr, &m, e.Range, v)
			default:
				rg, v := randomEntry(r)
				remove(t, r, &tr, &m, rg, v)
			}
			if step%50 == 49 {
				compareAll(t, &tr, &m, true)
				compareQueries(t, r, &tr, &m, 40)
			}
		}
	}
}

// TestDifferentialDeep grows trees several levels deep, so that leaf and
// inner splits, merges, redistributions and root changes all happen, then
// shrinks them to nothing.
func TestDifferentialDeep(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	tr := Tree[int]{coverAt: 1000}
	var m naive.Model[int]
	const n = 12000
	for i := range n {
		rg, v := randomEntry(r)
		insert(t, r, &tr, &m, rg, v)
		if i%3000 == 2999 {
			compareAll(t, &tr, &m, false)
			compareQueries(t, r, &tr, &m, 20)
		}
	}
	if tr.v4.height < 2 || tr.v6.height < 2 {
		t.Fatalf("heights %d and %d: the test no longer reaches inner splits", tr.v4.height, tr.v6.height)
	}
	for i := range n {
		e := m.At(r.IntN(m.Len()))
		remove(t, r, &tr, &m, e.Range, e.Value)
		if i%500 == 0 {
			checkTree(t, &tr)
		}
		if i%3000 == 2999 {
			compareAll(t, &tr, &m, false)
			compareQueries(t, r, &tr, &m, 20)
		}
	}
	compareAll(t, &tr, &m, true)
	if tr.v4.rootLeaf != nil || tr.v4.rootInner != nil || tr.v6.rootLeaf != nil || tr.v6.rootInner != nil {
		t.Fatal("an emptied tree keeps nodes")
	}
}

// TestDifferentialConflictsLarge checks Conflicts on a tree of several
// levels against the model.
func TestDifferentialConflictsLarge(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var tr Tree[int]
	var m naive.Model[int]
	for range 5000 {
		rg, v := sparseEntry(r)
		insert(t, r, &tr, &m, rg, v)
	}
	compareAll(t, &tr, &m, true)
}

// TestGapsDensePlan compares Gaps with the model on thousands of adjacent
// subnets with a few holes and nested entries, where whole subtrees are
// one interval and the search passes them without descending.
func TestGapsDensePlan(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var tr Tree[int]
	var m naive.Model[int]
	for i := range 8000 {
		if r.IntN(50) == 0 {
			continue // a hole
		}
		p := netip.PrefixFrom(netip.AddrFrom4([4]byte{10, byte(i >> 8), byte(i), 0}), 24)
		insert(t, r, &tr, &m, netipx.RangeOfPrefix(p), i)
		if r.IntN(20) == 0 { // a nested entry
			q := netip.PrefixFrom(netip.AddrFrom4([4]byte{10, byte(i >> 8), byte(i), 128}), 26)
			insert(t, r, &tr, &m, netipx.RangeOfPrefix(q), -i)
		}
		var b [16]byte
		b[0], b[1], b[6], b[7] = 0xfd, 0, byte(i>>8), byte(i)
		if r.IntN(50) != 0 {
			insert(t, r, &tr, &m, netipx.RangeOfPrefix(netip.PrefixFrom(netip.AddrFrom16(b), 64)), i)
		}
	}
	checkTree(t, &tr)
	for _, s := range []string{"10.0.0.0/8", "10.0.0.0/16", "10.7.0.0/16", "10.31.0.0/16", "10.3.128.0/17",
		"10.5.7.0/24", "10.5.7.128/25", "0.0.0.0/0", "fd00::/16", "fd00::/48", "fd00:0:0:300::/56", "::/0"} {
		p := netip.MustParsePrefix(s)
		if d := diff(m.Gaps(p), collect(tr.Gaps(p))); d != "" {
			t.Fatalf("Gaps(%s) (-want +got):\n%s", p, d)
		}
	}
	// Delete every third entry and compare again.
	for i := m.Len() - 1; i >= 0; i -= 3 {
		e := m.At(i)
		remove(t, r, &tr, &m, e.Range, e.Value)
	}
	checkTree(t, &tr)
	for _, s := range []string{"10.0.0.0/8", "10.7.0.0/16", "fd00::/16"} {
		p := netip.MustParsePrefix(s)
		if d := diff(m.Gaps(p), collect(tr.Gaps(p))); d != "" {
			t.Fatalf("after deletes, Gaps(%s) (-want +got):\n%s", p, d)
		}
	}
}

// TestInsertDeleteDoNotAllocate checks that Insert and Delete allocate
// nothing unless a node splits: a built tree leaves room in every leaf.
func TestInsertDeleteDoNotAllocate(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	es := make([]Entry[int], 20000)
	for i := range es {
		es[i].Range, es[i].Value = sparseEntry(r)
	}
	tr, err := Build(es)
	if err != nil {
		t.Fatal(err)
	}
	tr.coverAt = 1 // keep the cover table in play
	tr.cover = newCover4(&tr.v4)
	for _, s := range []string{"10.1.2.0/24", "fd00:1:2::/48"} {
		p := netip.MustParsePrefix(s)
		if n := testing.AllocsPerRun(100, func() {
			if tr.Insert(p, -1) != nil || !tr.Delete(p, -1) {
				t.Fatal("insert or delete failed")
			}
		}); n != 0 {
			t.Errorf("Insert and Delete of %s allocate %v times", s, n)
		}
	}
	checkTree(t, tr)
}
