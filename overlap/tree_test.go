package overlap

import (
	"math/rand/v2"
	"testing"

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
