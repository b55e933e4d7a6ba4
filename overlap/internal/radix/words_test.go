package radix

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
)

// Keys are drawn from few values so that stability is tested; the bits
// below shift are random, so that a sort by whole words differs.
func TestSortWords(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, shift := range []uint{20, 32} {
		for _, n := range []int{0, 1, 2, 100, 5000} {
			for _, spread := range []uint64{1, 7, 1 << 12, 1<<(64-shift) - 1} {
				a := make([]uint64, n)
				h := new(Hist44)
				for i := range a {
					k := r.Uint64N(spread) * ((1<<(64-shift) - 1) / spread)
					a[i] = k<<shift | r.Uint64N(1<<shift)
					h.Add(k)
				}
				want := slices.Clone(a)
				slices.SortStableFunc(want, func(x, y uint64) int { return cmp.Compare(x>>shift, y>>shift) })
				got, _ := SortWords(a, make([]uint64, n), shift, h[:])
				if diff := gocmp.Diff(want, got); diff != "" {
					t.Fatalf("shift=%d n=%d spread=%d (-want +got):\n%s", shift, n, spread, diff)
				}
			}
		}
	}
}
