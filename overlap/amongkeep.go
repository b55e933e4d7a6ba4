package overlap

import (
	"math/bits"
	"slices"

	"github.com/cidrplan/cidrplan/overlap/internal/radix"
)

// keepFraction bounds, as a fraction of all words, how many words that
// may be in a pair are copied out of the sort's arrays so that both go
// back to the next sort. In a plan they are a few in a thousand.
const keepFraction = 16

// keepCandidates drops from the sorted s.r4 and s.r6 (held in recs and
// buf, IPv4 words sorted from recs[:lo], IPv6 words from recs[hi:]) the
// words that cannot be in a pair, keeping the order: the sweeps yield the
// same pairs over what is left, and a call keeps no array as long as the
// entries, allocating none once the arrays are back from the first call.
// An entry may be in a pair if it may overlap the next one, or an earlier
// one may overlap it; both are judged by the spans, without reading
// entries, so a few more are kept than needed. Runs of equal starts are
// always kept whole.
func (s *words[V]) keepCandidates(recs, buf []uint64, lo, hi int) {
	n := len(recs)
	// Where the results are, before keeping empties them.
	inRecs4, inBuf4 := lo == 0 || &s.r4[0] == &recs[0], lo == 0 || &s.r4[0] == &buf[0]
	inRecs6, inBuf6 := hi == n || &s.r6[0] == &recs[hi], hi == n || &s.r6[0] == &buf[hi]
	s.r4 = keep4(s.r4, s.idxBits)
	s.r6 = s.keep6(s.r6)
	if len(s.r4)+len(s.r6) <= n/keepFraction {
		kept := make([]uint64, len(s.r4)+len(s.r6))
		copy(kept, s.r4)
		copy(kept[len(s.r4):], s.r6)
		s.r4, s.r6 = kept[:len(s.r4):len(s.r4)], kept[len(s.r4):]
		radix.ReleaseWords(recs)
		radix.ReleaseWords(buf)
		return
	}
	// The array neither result is in is free for the next call's sort.
	switch {
	case inRecs4 && inRecs6:
		radix.ReleaseWords(buf)
	case inBuf4 && inBuf6:
		radix.ReleaseWords(recs)
	}
}

// keep4 moves to the front of the sorted IPv4 words r, in order, those
// that may be in a pair, and returns them. A word x may be if the next one
// starts before lim(x) = start + 2^span, or an earlier word's lim is above
// its start; for a prefix lim is one past its end.
func keep4(r []uint64, idxBits uint) []uint64 {
	k := 0
	var reach uint64 // the largest lim so far
	for i, x := range r {
		start := x >> 32
		lim := start + 1<<(uint(x>>idxBits)&(1<<span4Bits-1))
		if start < reach || i+1 < len(r) && r[i+1]>>32 < lim {
			r[k] = x
			k++
		}
		reach = max(reach, lim)
	}
	return r[:k]
}

// keep6 is keep4 for the sorted IPv6 words, on the upper halves of the
// starts; a span of the whole upper half reaches every later word.
func (s *words[V]) keep6(r []uint64) []uint64 {
	k := 0
	var reach uint64 // the largest lim so far
	all := false     // whether some lim is beyond the last upper half
	for i, x := range r {
		hi := s.hi6(x)
		span := s.span6(x)
		lim, carry := bits.Add64(hi, uint64(1)<<span, 0)
		far := span >= 64 || carry != 0
		if all || hi < reach || i+1 < len(r) && (far || s.hi6(r[i+1]) < lim) {
			r[k] = x
			k++
		}
		all = all || far
		reach = max(reach, lim)
	}
	return r[:k]
}

// keepCandidates is words.keepCandidates for the records of a lean sort,
// which are sorted in arrays of their own, the sort's scratch already
// handed on: an IPv4 record carries its end, an IPv6 record its span.
func (s *sorted[V]) keepCandidates() {
	r4, r6 := keepRecs4(s.r4), keepRecs6(s.r6)
	if len(r4)+len(r6) > (len(s.r4)+len(s.r6))/keepFraction {
		s.r4, s.r6 = r4, r6
		return
	}
	radix.Release32(s.r4)
	radix.Release64(s.r6)
	s.r4, s.r6 = slices.Clone(r4), slices.Clone(r6)
}

// keepRecs4 is keep4 for IPv4 records, which know their ends.
func keepRecs4(r []radix.Rec32) []radix.Rec32 {
	k := 0
	var reach uint64 // one past the largest end so far
	for i, x := range r {
		if uint64(x.Key) < reach || i+1 < len(r) && r[i+1].Key <= x.Aux {
			r[k] = x
			k++
		}
		reach = max(reach, uint64(x.Aux)+1)
	}
	return r[:k]
}

// keepRecs6 is keep6 for IPv6 records, whose Aux is the span.
func keepRecs6(r []radix.Rec64) []radix.Rec64 {
	k := 0
	var reach uint64 // the largest lim so far
	all := false     // whether some lim is beyond the last upper half
	for i, x := range r {
		span := x.Aux & 0xff
		lim, carry := bits.Add64(x.Key, uint64(1)<<span, 0)
		far := span >= 64 || carry != 0
		if all || x.Key < reach || i+1 < len(r) && (far || r[i+1].Key < lim) {
			r[k] = x
			k++
		}
		all = all || far
		reach = max(reach, lim)
	}
	return r[:k]
}
