package overlap

import (
	"math/rand/v2"
	"net/netip"
	"testing"

	"go4.org/netipx"

	"github.com/cidrplan/cidrplan/overlap/internal/naive"
	"github.com/cidrplan/cidrplan/overlap/internal/plangen"
)

func TestCloneIsIndependent(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 10, 5000} {
		tr := &Tree[int]{coverAt: 100} // the cover table is cloned too
		for _, e := range randomEntries(r, n) {
			if err := tr.InsertRange(e.Range, e.Value); err != nil {
				t.Fatal(err)
			}
		}
		before := collect(tr.All())
		c := tr.Clone()
		checkTree(t, c)
		if d := diff(before, collect(c.All())); d != "" {
			t.Fatalf("n=%d: clone differs (-want +got):\n%s", n, d)
		}
		for _, e := range randomEntries(r, 300) {
			if err := tr.InsertRange(e.Range, e.Value); err != nil {
				t.Fatal(err)
			}
		}
		for _, e := range before[:n/2] {
			tr.DeleteRange(e.Range, e.Value)
		}
		checkTree(t, tr)
		checkTree(t, c)
		if d := diff(before, collect(c.All())); d != "" {
			t.Fatalf("n=%d: clone changed with the original (-want +got):\n%s", n, d)
		}
	}
}

// TestCloneTakesInserts inserts into a clone: the clone then holds the
// original's entries and the new ones, and the original only its own, each
// with Len and All in agreement. A plain copy (t2 := *t) fails this, as it
// shares nodes; go vet reports such copies (Tree's noCopy guard).
func TestCloneTakesInserts(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	tests := []struct {
		name            string
		original, added []Entry[int]
	}{
		{name: "empty original", added: prefixEntries("10.0.0.0/8")},
		{name: "same prefix again", original: prefixEntries("10.0.0.0/8"), added: prefixEntries("10.0.0.0/8")},
		{name: "both families", original: prefixEntries("10.0.0.0/8", "fd00::/8"), added: prefixEntries("10.1.0.0/16", "fd00:1::/48")},
		{name: "random with cover table", original: randomEntries(r, 5000), added: randomEntries(r, 300)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := &Tree[int]{coverAt: 100} // the cover table is cloned too
			var mo, mc naive.Model[int]
			for _, e := range tt.original {
				if err := tr.InsertRange(e.Range, e.Value); err != nil {
					t.Fatal(err)
				}
				mo.Insert(e.Range, e.Value)
				mc.Insert(e.Range, e.Value)
			}
			c := tr.Clone()
			for _, e := range tt.added {
				if err := c.InsertRange(e.Range, e.Value); err != nil {
					t.Fatal(err)
				}
				mc.Insert(e.Range, e.Value)
			}
			compareAll(t, tr, &mo, false)
			compareAll(t, c, &mc, false)
		})
	}
}

// prefixEntries returns an entry per prefix, valued by its index.
func prefixEntries(prefixes ...string) []Entry[int] {
	es := make([]Entry[int], len(prefixes))
	for i, p := range prefixes {
		es[i] = Entry[int]{netipx.RangeOfPrefix(netip.MustParsePrefix(p)), i}
	}
	return es
}

func TestAppendOverlapping(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	tr := insertAll(t, randomEntries(r, 500))
	buf := make([]Entry[int], 0, 64)
	for range 200 {
		p := plangen.ClusteredPrefix(r)
		buf = tr.AppendOverlapping(buf[:0], p)
		if d := diff(collect(tr.Overlapping(p)), buf); d != "" {
			t.Fatalf("AppendOverlapping(%s) (-want +got):\n%s", p, d)
		}
	}
}
