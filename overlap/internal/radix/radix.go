// Package radix sorts (key, index) records by key with a stable LSD radix
// sort: a fixed number of linear passes instead of n log n comparisons, so
// that overlap.Build is bound by memory bandwidth. Digits on which all keys
// agree (the fd in fd00::/8, the zero bits of short prefixes) cost nothing
// but their histogram.
package radix

// digitBits is the digit width: 2048 buckets keep each pass's scatter
// targets within the L1/L2 caches.
const (
	digitBits = 11
	buckets   = 1 << digitBits
	mask      = buckets - 1
)

// Rec32 is a 32-bit key, a payload the sort carries along, and the index
// of the item it came from.
type Rec32 struct{ Key, Aux, Idx uint32 }

// Rec64 is a 64-bit key, the index of the item it came from, and a
// payload the sort carries along in what would otherwise be padding.
type Rec64 struct {
	Key uint64
	Idx uint32
	Aux uint32
}

// Sort32 sorts a by Key, stably, using buf (at least len(a) long) as
// scratch; it returns whichever of the two holds the result.
func Sort32(a, buf []Rec32) []Rec32 {
	const digits = (32 + digitBits - 1) / digitBits
	var hist [digits][buckets]int
	for _, r := range a {
		for d := range digits {
			hist[d][r.Key>>(d*digitBits)&mask]++
		}
	}
	buf = buf[:len(a)]
	for d := range digits {
		if !prefixSums(&hist[d], len(a)) {
			continue
		}
		shift, pos := d*digitBits, &hist[d]
		for _, r := range a {
			b := r.Key >> shift & mask
			buf[pos[b]] = r
			pos[b]++
		}
		a, buf = buf, a
	}
	return a
}

// Sort64 sorts a by Key, stably, using buf (at least len(a) long) as
// scratch; it returns whichever of the two holds the result.
func Sort64(a, buf []Rec64) []Rec64 {
	const digits = (64 + digitBits - 1) / digitBits
	hist := new([digits][buckets]int)
	for _, r := range a {
		for d := range digits {
			hist[d][r.Key>>(d*digitBits)&mask]++
		}
	}
	buf = buf[:len(a)]
	for d := range digits {
		if !prefixSums(&hist[d], len(a)) {
			continue
		}
		shift, pos := d*digitBits, &hist[d]
		for _, r := range a {
			b := r.Key >> shift & mask
			buf[pos[b]] = r
			pos[b]++
		}
		a, buf = buf, a
	}
	return a
}

// prefixSums turns counts into starting positions and reports whether the
// digit splits the keys at all (false when one bucket holds all n).
func prefixSums(h *[buckets]int, n int) bool {
	sum := 0
	for i, c := range h {
		if c == n {
			return false
		}
		h[i] = sum
		sum += c
	}
	return true
}
