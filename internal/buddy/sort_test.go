package buddy

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSortByLo(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, radixMin - 1, radixMin, 1000, 5000} {
		for _, depth := range []int{8, 24, 64, 100, 128} {
			t.Run(fmt.Sprintf("n=%d/depth=%d", n, depth), func(t *testing.T) {
				g := newKeyGen(rng, depth)
				rs := make([]Range, n)
				for i := range rs {
					rs[i] = Range{g.near(), g.near()}
				}
				want := slices.Clone(rs)
				slices.SortStableFunc(want, func(a, b Range) int { return a.Lo.Compare(b.Lo) })
				sortByLo(rs)
				if n >= radixMin { // the radix sort is stable: equal Lo keep their order
					if diff := cmp.Diff(want, rs); diff != "" {
						t.Errorf("sortByLo (-want +got):\n%s", diff)
					}
					return
				}
				if !slices.IsSortedFunc(rs, func(a, b Range) int { return a.Lo.Compare(b.Lo) }) {
					t.Errorf("sortByLo left %v unsorted", rs)
				}
			})
		}
	}
}
