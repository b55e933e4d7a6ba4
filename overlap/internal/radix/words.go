package radix

// Words are records packed into one uint64 each: a key in the bits from
// some shift up, the rest (payload, index) below it. Half the bytes of a
// Rec64 and two thirds of a Rec32, so every pass moves less.

// Hist44 counts the low 44 bits of keys, four digits.
type Hist44 [4][buckets]uint32

// Add counts key k.
func (h *Hist44) Add(k uint64) {
	h[0][k&mask]++
	h[1][k>>digitBits&mask]++
	h[2][k>>(2*digitBits)&mask]++
	h[3][k>>(3*digitBits)&mask]++
}

// SortWords sorts a by w>>shift, stably, using buf (at least len(a) long)
// as scratch. h holds one histogram per digit of w>>shift, from the lowest
// digit up, counting exactly the words of a, and is used up; bits of the
// key above its digits must be equal in all words. It returns the array
// holding the result and the other one, free again.
func SortWords(a, buf []uint64, shift uint, h [][buckets]uint32) (sorted, spare []uint64) {
	buf = buf[:len(a)]
	for d := range h {
		if !prefixSums(&h[d], len(a)) {
			continue
		}
		s, pos := shift+uint(d*digitBits), &h[d]
		for _, w := range a {
			b := w >> s & mask
			buf[pos[b]] = w
			pos[b]++
		}
		a, buf = buf, a
	}
	return a, buf
}
