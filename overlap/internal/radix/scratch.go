package radix

import "sync"

// Record arrays freed by one sort are reused by the next: a fresh array of
// a million records costs as much to zero and collect as a radix pass.
var (
	free32 sync.Pool // *[]Rec32
	free64 sync.Pool // *[]Rec64
)

// Scratch32 returns len 0, at least capacity n records, contents
// unspecified.
func Scratch32(n int) []Rec32 {
	if p, ok := free32.Get().(*[]Rec32); ok && cap(*p) >= n {
		return (*p)[:0]
	}
	return make([]Rec32, 0, n)
}

// Release32 hands a, no longer used, to a later Scratch32.
func Release32(a []Rec32) {
	if cap(a) > 0 {
		free32.Put(&a)
	}
}

// Scratch64 is Scratch32 for Rec64.
func Scratch64(n int) []Rec64 {
	if p, ok := free64.Get().(*[]Rec64); ok && cap(*p) >= n {
		return (*p)[:0]
	}
	return make([]Rec64, 0, n)
}

// Release64 hands a, no longer used, to a later Scratch64.
func Release64(a []Rec64) {
	if cap(a) > 0 {
		free64.Put(&a)
	}
}

var freeWords sync.Pool // *[]uint64

// ScratchWords is Scratch32 for words.
func ScratchWords(n int) []uint64 {
	if p, ok := freeWords.Get().(*[]uint64); ok && cap(*p) >= n {
		return (*p)[:0]
	}
	return make([]uint64, 0, n)
}

// ReleaseWords hands a, no longer used, to a later ScratchWords.
func ReleaseWords(a []uint64) {
	if cap(a) > 0 {
		freeWords.Put(&a)
	}
}
