package overlap

import (
	"cmp"
	"math/bits"
	"slices"

	"github.com/cidrplan/cidrplan/overlap/internal/radix"
)

// words is what ConflictsAmong sorts: one uint64 per entry, so that the
// radix passes move 8 bytes per entry instead of 12 (IPv4) or 16 (IPv6).
// A word is the entry's key, then the bit length of its span (spanBits),
// then its index into entries:
//
//   - IPv4: start (32 bits) | span (6 bits) | index (idxBits ≤ 26 bits);
//   - IPv6: the low keyBits6 bits of the upper half of the start | span
//     (7 bits) | index (idxBits bits). The bits of the upper half above
//     those are the same in every IPv6 entry (top6), as they are in a plan
//     (fd00::/8 and one global ID, or one provider's /32).
//
// Both families share one array, IPv4 words from its front and IPv6 words
// from its back, so that it needs no estimate of the IPv4 share.
type words[V comparable] struct {
	r4, r6  []uint64
	idxBits uint
	top6    uint64 // the upper half's bits above keyBits6, in place
	shift6  uint   // 64 − keyBits6: where an IPv6 word's key starts
	entries []Entry[V]
}

const (
	span4Bits = 6 // bits.Len32 of an IPv4 span: 0–32
	span6Bits = 7 // bits.Len64 of the upper halves' span: 0–64
	// maxIdxBits leaves an IPv4 word room for its start and span.
	maxIdxBits = 64 - 32 - span4Bits
	// maxKeyBits6 is the most an IPv6 word's key gets: four radix digits.
	maxKeyBits6 = 44
)

// sortWords checks every entry as sortEntries does and sorts them as
// words. It reports false, and sorts nothing, when the entries do not fit
// in words: too many to index, or IPv6 starts that differ above the bits
// a word keeps; sortEntries takes those.
func sortWords[V comparable](entries []Entry[V]) (*words[V], bool, error) {
	n := len(entries)
	idxBits := uint(max(1, bits.Len(uint(n))))
	if idxBits > maxIdxBits {
		return nil, false, nil
	}
	keyBits6 := min(maxKeyBits6, 64-span6Bits-idxBits)
	s := &words[V]{idxBits: idxBits, shift6: 64 - keyBits6, entries: entries}
	high6 := ^uint64(0) << keyBits6 // the bits of the upper half top6 holds
	top6, ok := sampleTop6(entries, high6)
	if !ok {
		return nil, false, nil
	}
	seen6 := top6 != noTop6
	recs := radix.ScratchWords(n)[:n]
	h4, h6 := new(radix.Hist32), new(radix.Hist44)
	lo, hi := 0, n
	for i := range entries {
		e := &entries[i]
		// The same checks as checkRange (ranges hold no zones), on the
		// addresses the keys are made of.
		from, to := e.Range.From(), e.Range.To()
		if from.Is4() && to.Is4() {
			if a, b := fromAddr4(from), fromAddr4(to); a <= b {
				recs[lo] = uint64(a)<<32 | uint64(bits.Len32(b-a))<<idxBits | uint64(i)
				lo++
				h4.Add(a)
				continue
			}
		} else if from.Is6() && to.Is6() && !from.Is4In6() {
			if a, b := fromAddr6(from), fromAddr6(to); !less6(b, a) {
				if !seen6 {
					top6, seen6 = a.hi&high6, true
				}
				if a.hi&high6 != top6 {
					radix.ReleaseWords(recs)
					return nil, false, nil
				}
				k := a.hi &^ high6
				hi--
				recs[hi] = k<<s.shift6 | uint64(spanBits(a.hi, b.hi))<<idxBits | uint64(i)
				h6.Add(k)
				continue
			}
		}
		radix.ReleaseWords(recs)
		return nil, true, &RangeError{Range: e.Range, Index: i, Err: cmp.Or(checkRange(e.Range), ErrInvalidRange)}
	}
	s.top6 = top6
	buf := radix.ScratchWords(n)[:n]
	s.r4, _ = radix.SortWords(recs[:lo], buf[:lo], 32, h4[:])
	s.r6, _ = radix.SortWords(recs[hi:], buf[hi:], s.shift6, h6[:])
	s.keepCandidates(recs, buf, lo, hi)
	s.sortRuns4()
	s.sortRuns6()
	return s, true, nil
}

// noTop6 marks that no sampled entry was IPv6.
const noTop6 = 1

// sampleTop6 returns the bits above a word's key that the sampled IPv6
// starts share (noTop6 if none was sampled), and false if they differ: an
// IPv6 plan spread that wide is left to sortEntries rather than found out
// halfway through.
func sampleTop6[V comparable](entries []Entry[V], high6 uint64) (uint64, bool) {
	const samples = 1024
	step := max(1, len(entries)/samples)
	top, seen := uint64(noTop6), false
	for i := 0; i < len(entries); i += step {
		from := entries[i].Range.From()
		if !from.Is6() || from.Is4In6() {
			continue
		}
		t := fromAddr6(from).hi & high6
		if !seen {
			top, seen = t, true
		}
		if t != top {
			return 0, false
		}
	}
	return top, true
}

func (s *words[V]) idx(w uint64) uint32 { return uint32(w & (1<<s.idxBits - 1)) }

func (s *words[V]) span4(w uint64) uint { return uint(w>>s.idxBits) & (1<<span4Bits - 1) }

func (s *words[V]) span6(w uint64) uint { return uint(w>>s.idxBits) & (1<<span6Bits - 1) }

// hi6 returns the upper half of an IPv6 word's start.
func (s *words[V]) hi6(w uint64) uint64 { return s.top6 | w>>s.shift6 }

// sortRuns4 sorts each run of IPv4 words with the same start by end, then
// input order. Runs are rare; their ends are read from the entries.
func (s *words[V]) sortRuns4() {
	r := s.r4
	for i := 0; i+1 < len(r); i++ {
		if r[i]>>32 != r[i+1]>>32 {
			continue
		}
		j := i + 2
		for j < len(r) && r[j]>>32 == r[i]>>32 {
			j++
		}
		slices.SortFunc(r[i:j], func(a, b uint64) int {
			ea, eb := &s.entries[s.idx(a)], &s.entries[s.idx(b)]
			return cmp.Or(cmp.Compare(fromAddr4(ea.Range.To()), fromAddr4(eb.Range.To())), cmp.Compare(s.idx(a), s.idx(b)))
		})
		i = j - 1
	}
}

// sortRuns6 sorts each run of IPv6 words with the same upper half of the
// start by the rest of the start, the end, then input order.
func (s *words[V]) sortRuns6() {
	r := s.r6
	for i := 0; i+1 < len(r); i++ {
		if r[i]>>s.shift6 != r[i+1]>>s.shift6 {
			continue
		}
		j := i + 2
		for j < len(r) && r[j]>>s.shift6 == r[i]>>s.shift6 {
			j++
		}
		slices.SortFunc(r[i:j], func(a, b uint64) int {
			as, ae, _ := s.at6(a)
			bs, be, _ := s.at6(b)
			return cmp.Or(cmp.Compare(as.lo, bs.lo), cmp6(ae, be), cmp.Compare(s.idx(a), s.idx(b)))
		})
		i = j - 1
	}
}

// at6 returns the IPv6 entry of word w.
func (s *words[V]) at6(w uint64) (start, end addr6, v V) {
	e := &s.entries[s.idx(w)]
	return fromAddr6(e.Range.From()), fromAddr6(e.Range.To()), e.Value
}

// conflicts4 yields, for each IPv4 entry x in order, the entries after it
// that start at or before x's end: they are exactly those overlapping x
// that come later. x's end is read only when the next start is below
// x's start + 2^span, which for a prefix means it overlaps.
func (s *words[V]) conflicts4(yield func(Entry[V], Entry[V]) bool) bool {
	r := s.r4
	for i := 0; i+1 < len(r); i++ {
		x, next := r[i], r[i+1]>>32
		if next >= x>>32+1<<s.span4(x) {
			continue // the common case: no pair, the entry not read
		}
		ex := &s.entries[s.idx(x)]
		end := uint64(fromAddr4(ex.Range.To()))
		if next > end {
			continue
		}
		px := entry4(uint32(x>>32), uint32(end), ex.Value)
		for j := i + 1; j < len(r) && r[j]>>32 <= end; j++ {
			ey := &s.entries[s.idx(r[j])]
			if !yield(px, entry4(uint32(r[j]>>32), fromAddr4(ey.Range.To()), ey.Value)) {
				return false
			}
		}
	}
	return true
}

// conflicts6 is conflicts4 for the IPv6 entries, on the upper halves of
// the starts; the rest of an entry is read where the next one may overlap.
func (s *words[V]) conflicts6(yield func(Entry[V], Entry[V]) bool) bool {
	r := s.r6
	for i := 0; i+1 < len(r); i++ {
		x := r[i]
		if lim, carry := bits.Add64(s.hi6(x), uint64(1)<<s.span6(x), 0); s.span6(x) < 64 && carry == 0 && s.hi6(r[i+1]) >= lim {
			continue // the common case: no pair, the entry not read
		}
		xlo, xhi, xv := s.at6(x)
		var ex Entry[V]
		for j := i + 1; j < len(r) && s.hi6(r[j]) <= xhi.hi; j++ {
			ylo, yhi, yv := s.at6(r[j])
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
