package overlap

import (
	"math/rand/v2"
	"testing"

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
