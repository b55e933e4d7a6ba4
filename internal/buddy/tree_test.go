package buddy

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func freeOf(t *Tree) []Range { return slices.Collect(t.FreeRanges()) }

// keyGen draws offsets in a space of the given depth. Offsets cluster around a
// few anchors, at every scale, so that ranges nest, touch and overlap even in
// a 2^128 space.
type keyGen struct {
	rng     *rand.Rand
	depth   int
	anchors []Key
}

func newKeyGen(rng *rand.Rand, depth int) *keyGen {
	g := &keyGen{rng: rng, depth: depth}
	for range 4 {
		g.anchors = append(g.anchors, g.uniform())
	}
	return g
}

func (g *keyGen) uniform() Key {
	return Key{g.rng.Uint64(), g.rng.Uint64()}.And(LowMask(g.depth))
}

// near returns an offset within 2^s of an anchor or of a block boundary, s random.
func (g *keyGen) near() Key {
	switch g.rng.IntN(4) {
	case 0:
		return g.uniform()
	case 1: // an aligned block boundary, or one before it
		b := g.uniform().AndNot(LowMask(g.rng.IntN(g.depth + 1)))
		if g.rng.IntN(2) == 0 {
			b = b.Prev().And(LowMask(g.depth))
		}
		return b
	default:
		a := g.anchors[g.rng.IntN(len(g.anchors))]
		s := g.rng.IntN(g.depth + 1)
		return a.AndNot(LowMask(s)).Or(g.uniform().And(LowMask(s)))
	}
}

// rangeBeyond returns a range that may reach past the space (for depth < 128).
func (g *keyGen) rangeBeyond() (Key, Key) {
	lo, hi := g.near(), g.near()
	if hi.Less(lo) {
		lo, hi = hi, lo
	}
	if g.depth < 128 && g.rng.IntN(8) == 0 {
		hi = hi.Or(Bit(g.depth)) // beyond the last offset
	}
	if g.rng.IntN(16) == 0 {
		lo, hi = hi, lo // empty: ignored
	}
	return lo, hi
}

func TestTreeMatchesBitmap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for depth := range 11 {
		t.Run(fmt.Sprintf("depth=%d", depth), func(t *testing.T) {
			for round := range 20 {
				tr, ref := New(depth), newBitmap(depth)
				g := newKeyGen(rng, depth)
				for op := range 60 {
					switch rng.IntN(3) {
					case 0, 1:
						lo, hi := g.rangeBeyond()
						used := rng.IntN(3) != 0
						tr.Set(lo, hi, used)
						ref.set(lo, hi, used)
					case 2:
						d := rng.IntN(depth + 2)
						gotK, gotOK := tr.Alloc(d)
						wantK, wantOK := ref.alloc(d)
						if gotK != wantK || gotOK != wantOK {
							t.Fatalf("round %d op %d: Alloc(%d) = %v, %v; want %v, %v", round, op, d, gotK, gotOK, wantK, wantOK)
						}
					}
					if diff := cmp.Diff(ref.free(), freeOf(tr)); diff != "" {
						t.Fatalf("round %d op %d: FreeRanges (-want +got):\n%s", round, op, diff)
					}
				}
			}
		})
	}
}

func TestTreeMatchesModel(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, depth := range []int{1, 8, 16, 24, 32, 63, 64, 65, 96, 120, 127, 128} {
		t.Run(fmt.Sprintf("depth=%d", depth), func(t *testing.T) {
			for round := range 10 {
				tr, ref := New(depth), &model{depth: depth}
				g := newKeyGen(rng, depth)
				for op := range 80 {
					switch rng.IntN(4) {
					case 0, 1:
						lo, hi := g.rangeBeyond()
						used := rng.IntN(3) != 0
						tr.Set(lo, hi, used)
						ref.set(lo, hi, used)
					case 2:
						d := rng.IntN(depth + 2)
						gotK, gotOK := tr.Alloc(d)
						wantK, wantOK := ref.alloc(d)
						if gotK != wantK || gotOK != wantOK {
							t.Fatalf("round %d op %d: Alloc(%d) = %v, %v; want %v, %v", round, op, d, gotK, gotOK, wantK, wantOK)
						}
					case 3:
						d, limit := rng.IntN(depth+1), 1+rng.IntN(1000)
						if got, want := tr.CountFree(d, limit), ref.countFree(d, limit); got != want {
							t.Fatalf("round %d op %d: CountFree(%d, %d) = %d; want %d", round, op, d, limit, got, want)
						}
					}
					if diff := cmp.Diff(ref.free(), freeOf(tr)); diff != "" {
						t.Fatalf("round %d op %d: FreeRanges (-want +got):\n%s", round, op, diff)
					}
				}
			}
		})
	}
}

// The tree is canonical: a node has children exactly when its block is part
// used, part free. So any two ways to reach one set give the same node count.
func TestBuildEqualsSet(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, depth := range []int{0, 1, 5, 24, 32, 64, 96, 128} {
		t.Run(fmt.Sprintf("depth=%d", depth), func(t *testing.T) {
			for round := range 20 {
				g := newKeyGen(rng, depth)
				var ranges []Range
				inc := New(depth)
				for range rng.IntN(200) {
					lo, hi := g.rangeBeyond()
					ranges = append(ranges, Range{lo, hi})
					inc.Set(lo, hi, true)
				}
				built := Build(depth, slices.Clone(ranges))
				if diff := cmp.Diff(freeOf(inc), freeOf(built)); diff != "" {
					t.Fatalf("round %d: FreeRanges (-Set +Build):\n%s", round, diff)
				}
				if inc.Nodes() != built.Nodes() {
					t.Errorf("round %d: Nodes() = %d after Set, %d after Build", round, inc.Nodes(), built.Nodes())
				}
				if bound := nodeBound(depth, mergeRanges(slices.Clone(ranges), LowMask(depth))); bound < built.Nodes() {
					t.Errorf("round %d: nodeBound = %d, below the %d nodes built", round, bound, built.Nodes())
				}
			}
		})
	}
}

func TestFreeUndoesAlloc(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, depth := range []int{3, 24, 64, 128} {
		g := newKeyGen(rng, depth)
		var ranges []Range
		for range 100 {
			lo, hi := g.rangeBeyond()
			ranges = append(ranges, Range{lo, hi})
		}
		tr := Build(depth, ranges)
		before, nodes := freeOf(tr), tr.Nodes()
		var got []Range
		for range 50 {
			d := rng.IntN(depth + 1)
			k, ok := tr.Alloc(d)
			if ok {
				got = append(got, Range{k, k.Or(LowMask(depth - d))})
			}
		}
		for _, r := range slices.Backward(got) {
			tr.Set(r.Lo, r.Hi, false)
		}
		if diff := cmp.Diff(before, freeOf(tr)); diff != "" {
			t.Errorf("depth %d: FreeRanges after freeing every allocation (-before +after):\n%s", depth, diff)
		}
		if tr.Nodes() != nodes {
			t.Errorf("depth %d: Nodes() = %d after freeing, %d before allocating", depth, tr.Nodes(), nodes)
		}
	}
}

func TestZeroTree(t *testing.T) {
	var tr Tree
	if diff := cmp.Diff([]Range{{}}, freeOf(&tr)); diff != "" {
		t.Errorf("zero Tree FreeRanges (-want +got):\n%s", diff)
	}
	if got := tr.CountFree(0, 5); got != 1 {
		t.Errorf("zero Tree CountFree(0, 5) = %d; want 1", got)
	}
	if k, ok := tr.Alloc(0); !ok || k != (Key{}) {
		t.Errorf("zero Tree Alloc(0) = %v, %v; want 0, true", k, ok)
	}
	if _, ok := tr.Alloc(0); ok {
		t.Error("second Alloc(0) on a one-offset tree succeeded")
	}
}

func TestWholeSpaces(t *testing.T) {
	tests := []struct {
		name  string
		depth int
		d     int
		want  []Key
	}{
		{"ipv6 halves", 128, 1, []Key{{}, Bit(127)}},
		{"ipv6 quarters", 128, 2, []Key{{}, Bit(126), Bit(127), Bit(127).Or(Bit(126))}},
		{"single offset", 0, 0, []Key{{}}},
		{"deepest ipv6 block", 128, 128, []Key{{}, {Lo: 1}, {Lo: 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := New(tt.depth)
			var got []Key
			for range len(tt.want) {
				k, ok := tr.Alloc(tt.d)
				if !ok {
					break
				}
				got = append(got, k)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Alloc(%d) sequence (-want +got):\n%s", tt.d, diff)
			}
		})
	}
}

func TestCountFreeSaturates(t *testing.T) {
	tr := New(128)
	if got := tr.CountFree(128, 1<<62); got != 1<<62 {
		t.Errorf("CountFree(128, 2^62) on an empty 2^128 space = %d; want 2^62", got)
	}
	tr.Set(Key{}, LowMask(128), true)
	if got := tr.CountFree(0, 10); got != 0 {
		t.Errorf("CountFree(0, 10) on a full space = %d; want 0", got)
	}
}

func TestClone(t *testing.T) {
	tr := New(8)
	tr.Set(KeyFrom64(3), KeyFrom64(9), true)
	c := tr.Clone()
	c.Alloc(8)
	if diff := cmp.Diff(freeOf(New(8).setThen(3, 9)), freeOf(tr)); diff != "" {
		t.Errorf("Alloc on a clone changed the original (-want +got):\n%s", diff)
	}
}

func (t *Tree) setThen(lo, hi uint64) *Tree {
	t.Set(KeyFrom64(lo), KeyFrom64(hi), true)
	return t
}

func TestAllocDoesNotAllocate(t *testing.T) {
	tr := New(24)
	for i := range uint64(1000) {
		tr.Set(KeyFrom64(i*1000), KeyFrom64(i*1000+7), true)
	}
	tr.Alloc(16) // grows nodes once
	if n := testing.AllocsPerRun(100, func() { tr.Alloc(20) }); n > 0.1 {
		t.Errorf("Alloc allocated %.1f times per call; want 0 once nodes have grown", n)
	}
}
