package overlap

import (
	"cmp"
	"math"
	"math/bits"
	"slices"

	"github.com/cidrplan/cidrplan/overlap/internal/radix"
)

// Build returns a tree holding entries, equal ranges in input order, so
// that it equals inserting them one by one with InsertRange; but its nodes
// are packed (leaves 7/8 full) and it takes a radix sort and one bottom-up
// pass instead of n descents: O(n) for the radix sort (a fixed number of passes over
// IPv4 starts and the upper halves of IPv6 starts) plus O(r log r) for each
// run of r entries that share those.
// Every range is checked as InsertRange checks it; the first bad one is
// returned as a *RangeError with its Index, and no tree.
func Build[V comparable](entries []Entry[V]) (*Tree[V], error) {
	if len(entries) > math.MaxUint32 {
		return buildByInserting(entries)
	}
	s, err := sortEntries(entries, false)
	if err != nil {
		return nil, err
	}
	t := &Tree[V]{}
	t.v4.build(len(s.r4), func(k int) (addr4, addr4, V) {
		r := &s.r4[k]
		return r.Key, r.Aux, s.vals4[r.Idx]
	})
	t.v6.build(len(s.r6), func(k int) (addr6, addr6, V) { return s.at6(&s.r6[k]) })
	radix.Release32(s.r4)
	radix.Release64(s.r6)
	if t.v4.n >= coverMin {
		t.cover = newCover4(&t.v4)
	}
	return t, nil
}

// sorted holds entries in ascending (start, end) order, equal ranges in
// input order, per family. The sorts move small records: IPv4 start and
// end, the upper half of an IPv6 start with its prefix length. For Build
// the rest is copied once into compact arrays, so that gathering it in
// sorted order stays in cache: for nearly every entry only its value. A
// lean sort (entries set) copies nothing more, and its records index
// entries, for callers that read the rest only now and then.
type sorted[V comparable] struct {
	r4    []radix.Rec32 // Key: start, Aux: end, Idx: into vals4 or entries
	vals4 []V
	r6    []radix.Rec64 // Key: upper half of the start, Aux: aux6, Idx: into vals6 (short), rest6 or entries
	vals6 []V
	rest6 []rest6[V]

	entries []Entry[V] // the input, for a lean sort
}

// value4 returns the value of the IPv4 entry r.
func (s *sorted[V]) value4(r *radix.Rec32) V {
	if s.entries != nil {
		return s.entries[r.Idx].Value
	}
	return s.vals4[r.Idx]
}

// at6 returns the IPv6 entry r.
func (s *sorted[V]) at6(r *radix.Rec64) (start, end addr6, v V) {
	if s.entries != nil {
		e := &s.entries[r.Idx]
		return fromAddr6(e.Range.From()), fromAddr6(e.Range.To()), e.Value
	}
	if r.Aux&short6 != 0 {
		start = addr6{r.Key, 0}
		return start, lastOf6(start, uint8(r.Aux>>16)), s.vals6[r.Idx]
	}
	x := &s.rest6[r.Idx]
	return addr6{r.Key, x.lo}, x.end, x.v
}

// aux6 is what an IPv6 record carries besides the upper half of its start:
// spanBits in the low byte, and for an entry that is a prefix whose start's
// lower half is zero (a /64 or shorter, or a longer prefix at the start of
// its /64) short6 and the prefix length in bits 16–23, so that its start
// and end need nothing more.
func aux6(start, end addr6) uint32 {
	a := spanBits(start.hi, end.hi)
	if p, ok := prefixLen6(start, end); ok && start.lo == 0 {
		a |= short6 | uint32(p)<<16
	}
	return a
}

const short6 = 1 << 8

// rest6 is what the IPv6 sort does not carry, together for one gather per
// entry.
type rest6[V comparable] struct {
	lo  uint64 // lower half of the start
	end addr6
	v   V
}

// spanBits returns the bit length of end−start: an entry starting in
// start's upper half ends before start + 2^spanBits in the upper halves, so
// a sweep can rule out overlaps with the next entry without reading the
// entry's end.
func spanBits(start, end uint64) uint32 { return uint32(bits.Len64(end - start)) }

// sortEntries checks every entry as InsertRange does and sorts them; the
// first bad one is returned as a *RangeError with its Index. A lean sort
// keeps only the sorted records and entries. entries must have at most
// math.MaxUint32 elements.
func sortEntries[V comparable](entries []Entry[V], lean bool) (*sorted[V], error) {
	n4 := estimateIPv4(entries)
	// The estimate's standard error is 1/64 of the entries (1024 samples);
	// four of them keep a grow, which copies the array and more than doubles
	// its memory, out of all but one sort in ~30,000.
	margin := len(entries) / 16
	n6 := min(len(entries), len(entries)-n4+margin)
	n4 = min(len(entries), n4+margin)
	s := &sorted[V]{r4: radix.Scratch32(n4), r6: radix.Scratch64(n6)}
	h4, h6 := new(radix.Hist32), new(radix.Hist64)
	if lean {
		s.entries = entries
	} else {
		s.vals4, s.vals6 = make([]V, 0, n4), make([]V, 0, n6)
	}
	for i, e := range entries {
		// The same checks as checkRange (ranges hold no zones), on the
		// addresses the keys are made of.
		from, to := e.Range.From(), e.Range.To()
		if from.Is4() && to.Is4() {
			if a, b := fromAddr4(from), fromAddr4(to); a <= b {
				idx := uint32(i)
				if !lean {
					idx = uint32(len(s.vals4))
					s.vals4 = append(s.vals4, e.Value)
				}
				s.r4 = append(s.r4, radix.Rec32{Key: a, Aux: b, Idx: idx})
				h4.Add(a)
				continue
			}
		} else if from.Is6() && to.Is6() && !from.Is4In6() {
			if a, b := fromAddr6(from), fromAddr6(to); !less6(b, a) {
				idx, aux := uint32(i), spanBits(a.hi, b.hi)
				if !lean { // a lean sort's sweep needs only the span
					aux = aux6(a, b)
					if aux&short6 != 0 {
						idx = uint32(len(s.vals6))
						s.vals6 = append(s.vals6, e.Value)
					} else {
						idx = uint32(len(s.rest6))
						s.rest6 = append(s.rest6, rest6[V]{a.lo, b, e.Value})
					}
				}
				s.r6 = append(s.r6, radix.Rec64{Key: a.hi, Idx: idx, Aux: aux})
				h6.Add(a.hi)
				continue
			}
		}
		return nil, &RangeError{Range: e.Range, Index: i, Err: cmp.Or(checkRange(e.Range), ErrInvalidRange)}
	}
	s.r4 = sort32(s.r4, h4)
	s.r6 = sort64(s.r6, h6)
	sortRuns32(s.r4)
	sortRuns64(s.r6, func(a, b radix.Rec64) int {
		as, ae, _ := s.at6(&a)
		bs, be, _ := s.at6(&b)
		return cmp.Or(cmp.Compare(as.lo, bs.lo), cmp6(ae, be))
	})
	return s, nil
}

// sort32 sorts the IPv4 records that h4 counted, and hands the array that
// does not hold the result to the next sort.
func sort32(a []radix.Rec32, h4 *radix.Hist32) []radix.Rec32 {
	buf := radix.Scratch32(len(a))[:len(a)]
	sorted, spare := radix.SortCounted32(a, buf, h4)
	radix.Release32(spare)
	return sorted
}

// sort64 is sort32 for the IPv6 records.
func sort64(a []radix.Rec64, h6 *radix.Hist64) []radix.Rec64 {
	buf := radix.Scratch64(len(a))[:len(a)]
	sorted, spare := radix.SortCounted64(a, buf, h6)
	radix.Release64(spare)
	return sorted
}

// estimateIPv4 guesses from a sample how many entries are IPv4, so that
// one pass can both check the entries and fill arrays that rarely need to
// grow.
func estimateIPv4[V comparable](entries []Entry[V]) int {
	const samples = 1024
	if len(entries) <= samples {
		return len(entries) / 2
	}
	step, n4 := len(entries)/samples, 0
	for i := range samples {
		if entries[i*step].Range.From().Is4() {
			n4++
		}
	}
	return len(entries) / samples * n4
}

// sortRuns32 stably sorts each run of IPv4 records with the same start by
// end. Runs are rare, so the scan compares keys inline rather than through
// a function value.
func sortRuns32(rs []radix.Rec32) {
	for i := 0; i+1 < len(rs); i++ {
		if rs[i].Key != rs[i+1].Key {
			continue
		}
		j := i + 2
		for j < len(rs) && rs[j].Key == rs[i].Key {
			j++
		}
		slices.SortStableFunc(rs[i:j], func(a, b radix.Rec32) int { return cmp.Compare(a.Aux, b.Aux) })
		i = j - 1
	}
}

// sortRuns64 stably sorts each run of IPv6 records with the same upper
// half of the start by byRest, the rest of the (start, end) order.
func sortRuns64(rs []radix.Rec64, byRest func(a, b radix.Rec64) int) {
	for i := 0; i+1 < len(rs); i++ {
		if rs[i].Key != rs[i+1].Key {
			continue
		}
		j := i + 2
		for j < len(rs) && rs[j].Key == rs[i].Key {
			j++
		}
		slices.SortStableFunc(rs[i:j], byRest)
		i = j - 1
	}
}

// buildByInserting handles inputs too long for the sort's 32-bit indices.
func buildByInserting[V comparable](entries []Entry[V]) (*Tree[V], error) {
	t := &Tree[V]{}
	for i, e := range entries {
		if err := checkRange(e.Range); err != nil {
			return nil, &RangeError{Range: e.Range, Index: i, Err: err}
		}
		_ = t.InsertRange(e.Range, e.Value)
	}
	return t, nil
}

func cmp6(a, b addr6) int {
	return cmp.Or(cmp.Compare(a.hi, b.hi), cmp.Compare(a.lo, b.lo))
}
