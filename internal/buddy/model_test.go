package buddy

import (
	"math/big"
	"slices"
)

// model is the reference for Tree: the used offsets as a sorted list of
// disjoint, non-touching big.Int ranges, rebuilt from scratch on every change.
// It shares no code with Tree.
type model struct {
	depth int
	used  [][2]*big.Int
}

func bigKey(k Key) *big.Int {
	b := new(big.Int).SetUint64(k.Hi)
	b.Lsh(b, 64)
	return b.Or(b, new(big.Int).SetUint64(k.Lo))
}

func keyBig(b *big.Int) Key {
	lo := new(big.Int).And(b, new(big.Int).SetUint64(^uint64(0)))
	hi := new(big.Int).Rsh(b, 64)
	return Key{Hi: hi.Uint64(), Lo: lo.Uint64()}
}

func (m *model) last() *big.Int {
	l := new(big.Int).Lsh(big.NewInt(1), uint(m.depth))
	return l.Sub(l, big.NewInt(1))
}

func (m *model) set(lo, hi Key, used bool) {
	l, h := bigKey(lo), bigKey(hi)
	if h.Cmp(l) < 0 {
		return
	}
	if h.Cmp(m.last()) > 0 {
		h = m.last()
	}
	if l.Cmp(h) > 0 {
		return
	}
	var next [][2]*big.Int
	for _, r := range m.used { // remove l … h from every range
		if r[1].Cmp(l) < 0 || r[0].Cmp(h) > 0 {
			next = append(next, r)
			continue
		}
		if r[0].Cmp(l) < 0 {
			next = append(next, [2]*big.Int{r[0], new(big.Int).Sub(l, big.NewInt(1))})
		}
		if r[1].Cmp(h) > 0 {
			next = append(next, [2]*big.Int{new(big.Int).Add(h, big.NewInt(1)), r[1]})
		}
	}
	if used {
		next = append(next, [2]*big.Int{l, h})
	}
	slices.SortFunc(next, func(a, b [2]*big.Int) int { return a[0].Cmp(b[0]) })
	m.used = m.used[:0]
	for _, r := range next {
		if n := len(m.used); n > 0 {
			end := new(big.Int).Add(m.used[n-1][1], big.NewInt(1))
			if r[0].Cmp(end) <= 0 {
				if r[1].Cmp(m.used[n-1][1]) > 0 {
					m.used[n-1][1] = r[1]
				}
				continue
			}
		}
		m.used = append(m.used, r)
	}
}

func (m *model) free() []Range {
	var out []Range
	cur := big.NewInt(0)
	for _, r := range m.used {
		if r[0].Cmp(cur) > 0 {
			out = append(out, Range{keyBig(cur), keyBig(new(big.Int).Sub(r[0], big.NewInt(1)))})
		}
		cur = new(big.Int).Add(r[1], big.NewInt(1))
	}
	if cur.Cmp(m.last()) <= 0 {
		out = append(out, Range{keyBig(cur), keyBig(m.last())})
	}
	return out
}

// blocks returns, for each free run in order, the first aligned block of
// depth d inside it and how many such blocks it holds.
func (m *model) blocks(d int) (firsts []*big.Int, counts []*big.Int) {
	size := new(big.Int).Lsh(big.NewInt(1), uint(m.depth-d))
	for _, g := range m.free() {
		lo, hi := bigKey(g.Lo), bigKey(g.Hi)
		first := new(big.Int).Add(lo, new(big.Int).Sub(size, big.NewInt(1)))
		first.Div(first, size)
		end := new(big.Int).Add(hi, big.NewInt(1))
		end.Div(end, size)
		if n := new(big.Int).Sub(end, first); n.Sign() > 0 {
			firsts = append(firsts, first.Mul(first, size))
			counts = append(counts, n)
		}
	}
	return firsts, counts
}

func (m *model) alloc(d int) (Key, bool) {
	if d < 0 || d > m.depth {
		return Key{}, false
	}
	firsts, _ := m.blocks(d)
	if len(firsts) == 0 {
		return Key{}, false
	}
	lo := keyBig(firsts[0])
	hi := new(big.Int).Add(firsts[0], new(big.Int).Lsh(big.NewInt(1), uint(m.depth-d)))
	m.set(lo, keyBig(hi.Sub(hi, big.NewInt(1))), true)
	return lo, true
}

func (m *model) countFree(d, limit int) int {
	if d < 0 || d > m.depth || limit <= 0 {
		return 0
	}
	_, counts := m.blocks(d)
	sum := new(big.Int)
	for _, c := range counts {
		sum.Add(sum, c)
	}
	if sum.Cmp(big.NewInt(int64(limit))) >= 0 {
		return limit
	}
	return int(sum.Int64())
}

// bitmap is the reference of last resort for small spaces: one bool per
// offset, blocks tried one by one from offset 0.
type bitmap struct {
	depth int
	used  []bool
}

func newBitmap(depth int) *bitmap { return &bitmap{depth, make([]bool, 1<<depth)} }

func (b *bitmap) set(lo, hi Key, used bool) {
	for x := lo.Lo; x <= hi.Lo && x < uint64(len(b.used)); x++ {
		b.used[x] = used
	}
}

func (b *bitmap) alloc(d int) (Key, bool) {
	if d < 0 || d > b.depth {
		return Key{}, false
	}
	size := 1 << (b.depth - d)
	for start := 0; start < len(b.used); start += size {
		if !slices.Contains(b.used[start:start+size], true) {
			for x := start; x < start+size; x++ {
				b.used[x] = true
			}
			return KeyFrom64(uint64(start)), true
		}
	}
	return Key{}, false
}

func (b *bitmap) free() []Range {
	var out []Range
	for x, u := range b.used {
		switch {
		case u:
		case len(out) > 0 && out[len(out)-1].Hi.Lo == uint64(x-1):
			out[len(out)-1].Hi = KeyFrom64(uint64(x))
		default:
			out = append(out, Range{KeyFrom64(uint64(x)), KeyFrom64(uint64(x))})
		}
	}
	return out
}
