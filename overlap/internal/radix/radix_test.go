package radix

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
)

// Keys are drawn from few values so that stability is tested.
func TestSort32(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 100, 5000} {
		for _, spread := range []uint32{1, 7, 1 << 12, 1 << 31} {
			a := make([]Rec32, n)
			for i := range a {
				a[i] = Rec32{Key: r.Uint32N(spread) * (^uint32(0) / spread), Aux: r.Uint32(), Idx: uint32(i)}
			}
			want := slices.Clone(a)
			slices.SortStableFunc(want, func(x, y Rec32) int { return cmp.Compare(x.Key, y.Key) })
			got := Sort32(a, make([]Rec32, n))
			if diff := gocmp.Diff(want, got); diff != "" {
				t.Fatalf("n=%d spread=%d (-want +got):\n%s", n, spread, diff)
			}
		}
	}
}

func TestSort64(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 100, 5000} {
		for _, spread := range []uint64{1, 7, 1 << 40, 1<<63 + 1} {
			a := make([]Rec64, n)
			for i := range a {
				a[i] = Rec64{Key: r.Uint64N(spread) * (^uint64(0) / spread), Idx: uint32(i)}
				if i%3 == 0 {
					a[i].Key = 0xfd<<56 | a[i].Key>>8
				}
			}
			want := slices.Clone(a)
			slices.SortStableFunc(want, func(x, y Rec64) int { return cmp.Compare(x.Key, y.Key) })
			got := Sort64(a, make([]Rec64, n))
			if diff := gocmp.Diff(want, got); diff != "" {
				t.Fatalf("n=%d spread=%d (-want +got):\n%s", n, spread, diff)
			}
		}
	}
}
