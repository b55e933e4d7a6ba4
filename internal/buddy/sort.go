package buddy

import "slices"

// radixMin is the input size from which sortByLo uses the radix sort; below
// it a comparison sort wins.
const radixMin = 256

// sortByLo sorts rs by Lo. Large inputs get an LSD radix sort on the bytes of
// Lo that differ at all (three passes for an IPv4 /8, however many ranges):
// linear time, about 4× faster than pdqsort at 1e5 ranges.
func sortByLo(rs []Range) {
	if len(rs) < radixMin {
		slices.SortFunc(rs, func(a, b Range) int { return a.Lo.Compare(b.Lo) })
		return
	}
	var diff Key // the bits in which some Lo differs from the first
	for _, r := range rs {
		diff = diff.Or(Key{r.Lo.Hi ^ rs[0].Lo.Hi, r.Lo.Lo ^ rs[0].Lo.Lo})
	}
	src, dst := rs, make([]Range, len(rs))
	for p := range 16 {
		if loByte(diff, p) == 0 { // every key has the same byte here
			continue
		}
		radixPass(src, dst, p >= 8, uint(8*(p%8)))
		src, dst = dst, src
	}
	if &src[0] != &rs[0] {
		copy(rs, src)
	}
}

// radixPass moves src into dst stably ordered by one byte of Lo: the byte at
// shift in Lo.Hi if hi, else in Lo.Lo.
func radixPass(src, dst []Range, hi bool, shift uint) {
	digit := func(r *Range) byte {
		if hi {
			return byte(r.Lo.Hi >> shift)
		}
		return byte(r.Lo.Lo >> shift)
	}
	var counts [256]int
	for i := range src {
		counts[digit(&src[i])]++
	}
	sum := 0
	for i, n := range counts {
		counts[i] = sum
		sum += n
	}
	for i := range src {
		b := digit(&src[i])
		dst[counts[b]] = src[i]
		counts[b]++
	}
}

func loByte(k Key, p int) byte {
	if p < 8 {
		return byte(k.Lo >> (8 * p))
	}
	return byte(k.Hi >> (8 * (p - 8)))
}
