package buddy

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// fuzzOps decodes bytes into tree operations: the first byte picks the depth,
// then each operation is an opcode byte and its operands.
type fuzzOps struct {
	data  []byte
	depth int
}

func (f *fuzzOps) byte() byte {
	if len(f.data) == 0 {
		return 0
	}
	b := f.data[0]
	f.data = f.data[1:]
	return b
}

// key reads three bytes: a shift and a 16-bit pattern placed at that shift,
// optionally with every lower bit set, so offsets land on block edges at all
// scales of a 2^128 space.
func (f *fuzzOps) key() Key {
	s := f.byte()
	v := uint64(f.byte())<<8 | uint64(f.byte())
	shift := int(s&0x7F) % (f.depth + 1)
	k := Key{Lo: v}
	for range shift {
		k = Key{k.Hi<<1 | k.Lo>>63, k.Lo << 1}
	}
	if s&0x80 != 0 {
		k = k.Or(LowMask(shift))
	}
	return k.And(LowMask(f.depth))
}

func FuzzTree(f *testing.F) {
	f.Add([]byte{24, 0, 0, 0, 0, 0, 0, 255, 2, 16})
	f.Add([]byte{128, 0, 100, 0, 1, 200, 255, 255, 2, 64, 2, 64, 3, 64, 10})
	f.Add([]byte{32, 1, 8, 0, 1, 136, 0, 3, 2, 32, 0, 0, 0, 0, 0, 255, 255, 2, 32})
	f.Add([]byte{0, 2, 0, 2, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		ops := &fuzzOps{data: data}
		ops.depth = int(ops.byte()) % (MaxDepth + 1)
		var ranges []Range
		for i := 0; i < 4 && len(ops.data) > 0; i++ { // a few ranges to Build from
			ranges = append(ranges, Range{ops.key(), ops.key()})
		}
		tr, ref := Build(ops.depth, slices.Clone(ranges)), &model{depth: ops.depth}
		for _, r := range ranges {
			ref.set(r.Lo, r.Hi, true)
		}
		for n := 0; len(ops.data) > 0 && n < 64; n++ {
			switch op := ops.byte(); op % 4 {
			case 0, 1:
				lo, hi := ops.key(), ops.key()
				tr.Set(lo, hi, op%4 == 0)
				ref.set(lo, hi, op%4 == 0)
			case 2:
				d := int(ops.byte()) % (ops.depth + 2)
				gotK, gotOK := tr.Alloc(d)
				wantK, wantOK := ref.alloc(d)
				if gotK != wantK || gotOK != wantOK {
					t.Fatalf("op %d: Alloc(%d) = %v, %v; want %v, %v", n, d, gotK, gotOK, wantK, wantOK)
				}
			case 3:
				d, limit := int(ops.byte())%(ops.depth+1), int(ops.byte())
				if got, want := tr.CountFree(d, limit), ref.countFree(d, limit); got != want {
					t.Fatalf("op %d: CountFree(%d, %d) = %d; want %d", n, d, limit, got, want)
				}
			}
			if diff := cmp.Diff(ref.free(), freeOf(tr)); diff != "" {
				t.Fatalf("op %d: FreeRanges (-want +got):\n%s", n, diff)
			}
		}
	})
}
