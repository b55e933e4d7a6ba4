package radix

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
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

// The spare array is the one not holding the result, so that handing it
// to the next sort never frees records still in use.
func TestSortCountedSpare(t *testing.T) {
	for _, keys := range [][]uint32{nil, {5}, {3, 3, 3}, {3, 1, 2}, {1 << 30, 1, 1 << 15}} {
		a, buf := make([]Rec32, len(keys)), make([]Rec32, len(keys))
		h := new(Hist32)
		for i, k := range keys {
			a[i] = Rec32{Key: k, Idx: uint32(i)}
			h.Add(k)
		}
		want := slices.SortedStableFunc(slices.Values(slices.Clone(a)), func(x, y Rec32) int { return cmp.Compare(x.Key, y.Key) })
		a0, buf0 := a[:cap(a)], buf[:cap(buf)]
		sorted, spare := SortCounted32(a, buf, h)
		if diff := gocmp.Diff(want, sorted, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%v sorted (-want +got):\n%s", keys, diff)
		}
		if len(keys) > 0 && !(&sorted[0] == &a0[0] && &spare[0] == &buf0[0] || &sorted[0] == &buf0[0] && &spare[0] == &a0[0]) {
			t.Errorf("%v: sorted and spare are not the two arrays, one each", keys)
		}
	}
}

func TestScratch(t *testing.T) {
	for _, n := range []int{0, 1, 1000} {
		got := Scratch32(n)
		if len(got) != 0 || cap(got) < n {
			t.Errorf("Scratch32(%d): len %d cap %d, want len 0 cap ≥ %d", n, len(got), cap(got), n)
		}
		Release32(got[:n])
		got64 := Scratch64(n)
		if len(got64) != 0 || cap(got64) < n {
			t.Errorf("Scratch64(%d): len %d cap %d, want len 0 cap ≥ %d", n, len(got64), cap(got64), n)
		}
		Release64(got64[:n])
	}
}
