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
	digits32  = (32 + digitBits - 1) / digitBits
	digits64  = (64 + digitBits - 1) / digitBits
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

// Hist32 counts 32-bit keys per digit. Counting as the records are made
// spares the sort a pass over them; counts are 32-bit, like the indices,
// so that the tables take half the cache.
type Hist32 [digits32][buckets]uint32

// Add counts key k.
func (h *Hist32) Add(k uint32) {
	h[0][k&mask]++
	h[1][k>>digitBits&mask]++
	h[2][k>>(2*digitBits)&mask]++
}

// Hist64 is Hist32 for 64-bit keys.
type Hist64 [digits64][buckets]uint32

// Add counts key k.
func (h *Hist64) Add(k uint64) {
	for d := range digits64 {
		h[d][k>>(d*digitBits)&mask]++
	}
}

// Sort32 sorts a by Key, stably, using buf (at least len(a) long) as
// scratch; it returns whichever of the two holds the result.
func Sort32(a, buf []Rec32) []Rec32 {
	h := new(Hist32)
	for _, r := range a {
		h.Add(r.Key)
	}
	sorted, _ := SortCounted32(a, buf, h)
	return sorted
}

// SortCounted32 is Sort32 for records whose keys h has counted, and only
// those; it uses up h. It also returns the other of a and buf, free again.
func SortCounted32(a, buf []Rec32, h *Hist32) (sorted, spare []Rec32) {
	buf = buf[:len(a)]
	for d := range digits32 {
		if !prefixSums(&h[d], len(a)) {
			continue
		}
		shift, pos := d*digitBits, &h[d]
		for _, r := range a {
			b := r.Key >> shift & mask
			buf[pos[b]] = r
			pos[b]++
		}
		a, buf = buf, a
	}
	return a, buf
}

// Sort64 sorts a by Key, stably, using buf (at least len(a) long) as
// scratch; it returns whichever of the two holds the result.
func Sort64(a, buf []Rec64) []Rec64 {
	h := new(Hist64)
	for _, r := range a {
		h.Add(r.Key)
	}
	sorted, _ := SortCounted64(a, buf, h)
	return sorted
}

// SortCounted64 is Sort64 for records whose keys h has counted, and only
// those; it uses up h. It also returns the other of a and buf, free again.
func SortCounted64(a, buf []Rec64, h *Hist64) (sorted, spare []Rec64) {
	buf = buf[:len(a)]
	for d := range digits64 {
		if !prefixSums(&h[d], len(a)) {
			continue
		}
		shift, pos := d*digitBits, &h[d]
		for _, r := range a {
			b := r.Key >> shift & mask
			buf[pos[b]] = r
			pos[b]++
		}
		a, buf = buf, a
	}
	return a, buf
}

// prefixSums turns counts into starting positions and reports whether the
// digit splits the keys at all (false when one bucket holds all n).
func prefixSums(h *[buckets]uint32, n int) bool {
	var sum uint32
	for i, c := range h {
		if int(c) == n {
			return false
		}
		h[i] = sum
		sum += c
	}
	return true
}
