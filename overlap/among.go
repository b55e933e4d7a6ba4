package overlap

import (
	"iter"
	"math"
	"math/bits"

	"github.com/cidrplan/cidrplan/overlap/internal/radix"
)

// ConflictsAmong returns every unordered pair of entries that share an
// address, exactly as Build(entries) followed by [Tree.Conflicts] would
// yield them (same pairs, same order, values included), without building
// a tree: a radix sort of the entries per family and one forward sweep.
// Use it when the pairs are all that is wanted; it takes a fraction of
// Build's time.
//
// Every entry is checked as [Build] checks it; the first bad one is
// returned as a *RangeError with its Index, and a nil sequence. The keys
// are sorted before ConflictsAmong returns, but values (and the rest of
// IPv6 addresses) are read from entries as pairs are found: entries must
// not be modified until the iteration is over. The sequence may be
// iterated any number of times, also concurrently.
//
// O(n) for the radix sort, plus O(r log r) for each run of r entries that
// share a start (IPv4) or the upper half of a start (IPv6); then O(k) for k
// pairs yielded, streamed as found and stopping as soon as the caller
// stops. Memory: 8 bytes per entry for the sorted records, as much again
// for the sort's scratch; no copy of the entries. Where few entries may be
// in a pair (in a plan, a few per thousand), those records are copied out
// and both arrays are kept for the next call, so that the sequence holds
// only those. (12 bytes per IPv4 entry and 16 per IPv6 entry, and as much
// again, where the IPv6 starts differ above the low 31–44 bits of their
// upper halves, as they do not in one ULA or provider block, or for more
// than 2^26 entries.)
func ConflictsAmong[V comparable](entries []Entry[V]) (iter.Seq2[Entry[V], Entry[V]], error) {
	if len(entries) > math.MaxUint32 {
		t, err := buildByInserting(entries)
		if err != nil {
			return nil, err
		}
		return t.Conflicts(), nil
	}
	if w, ok, err := sortWords(entries); err != nil {
		return nil, err
	} else if ok {
		return func(yield func(Entry[V], Entry[V]) bool) {
			if w.conflicts4(yield) {
				w.conflicts6(yield)
			}
		}, nil
	}
	s, err := sortEntries(entries, true)
	if err != nil {
		return nil, err
	}
	s.keepCandidates()
	return func(yield func(Entry[V], Entry[V]) bool) {
		if s.conflicts4(yield) {
			s.conflicts6(yield)
		}
	}, nil
}

// conflicts4 yields, for each IPv4 entry x in order, the entries after it
// that start at or before x's end: they are exactly those overlapping x
// that come later, so the sweep costs one failed comparison per entry plus
// one step per pair. It reports whether yield never returned false.
func (s *sorted[V]) conflicts4(yield func(Entry[V], Entry[V]) bool) bool {
	r := s.r4
	for i := range r {
		x := r[i]
		if i+1 == len(r) || r[i+1].Key > x.Aux {
			continue // the common case: no pair, no Entry built
		}
		ex := entry4(x.Key, x.Aux, s.value4(&x))
		for j := i + 1; j < len(r) && r[j].Key <= x.Aux; j++ {
			y := &r[j]
			if !yield(ex, entry4(y.Key, y.Aux, s.value4(y))) {
				return false
			}
		}
	}
	return true
}

// conflicts6 is conflicts4 for the IPv6 entries. The sorted records hold
// the upper half of each start and the bit length of its span, so the
// sweep reads the rest of an entry only where the next one may overlap it.
func (s *sorted[V]) conflicts6(yield func(Entry[V], Entry[V]) bool) bool {
	r := s.r6
	for i := range r {
		if i+1 == len(r) || beyond(r[i], r[i+1].Key) {
			continue // the common case: no pair, and the entry's end not read
		}
		xlo, xhi, xv := s.at6(&r[i])
		var ex Entry[V]
		for j := i + 1; j < len(r) && r[j].Key <= xhi.hi; j++ {
			ylo, yhi, yv := s.at6(&r[j])
			if less6(xhi, ylo) {
				break
			}
			if j == i+1 {
				ex = entry6(xlo, xhi, xv)
			}
			if !yield(ex, entry6(ylo, yhi, yv)) {
				return false
			}
		}
	}
	return true
}

// beyond reports whether an IPv6 entry starting at the upper half next
// starts after the entry x ends: whether next ≥ x.Key + 2^span, span the
// spanBits in x.Aux, which make it larger than the upper half of x's end.
func beyond(x radix.Rec64, next uint64) bool {
	span := x.Aux & 0xff
	if span >= 64 {
		return false
	}
	lim, carry := bits.Add64(x.Key, uint64(1)<<span, 0)
	return carry == 0 && next >= lim
}
