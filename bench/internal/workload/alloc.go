package workload

import (
	"fmt"
	"math/rand/v2"
	"net/netip"
)

// Allocation workload sizes: "allocate 1e4 /24s in a /8 around 1e5 existing
// entries".
const (
	AllocUsed  = 100_000
	AllocCount = 10_000
	AllocBits  = 24
)

// An Alloc is an allocation workload: entries already in use inside Within,
// and Count prefixes of length Bits to allocate around them.
type Alloc struct {
	Within netip.Prefix
	// Used holds the existing entries (/24–/29, mostly small), in shuffled
	// order, scattered with holes of /24 to /18 between them.
	Used  []netip.Prefix
	Bits  int
	Count int
}

var (
	usedBits   = []int{24, 25, 26, 27, 28, 29}
	usedWeight = []int{10, 10, 25, 25, 20, 10}
)

// GenerateAlloc returns the allocation workload with used existing entries in
// 10.0.0.0/8 and count /24s to allocate. It returns an error wrapping ErrFull
// if the entries do not fit.
func GenerateAlloc(used, count int) (*Alloc, error) {
	rng := rand.New(rand.NewPCG(uint64(used), uint64(count)))
	within := netip.MustParsePrefix("10.0.0.0/8")
	start := uint64(10) << 24
	end := start + 1<<24
	a := &Alloc{Within: within, Bits: AllocBits, Count: count, Used: make([]netip.Prefix, 0, used)}
	cursor := start
	for range used {
		if rng.IntN(1000) < 15 { // a hole of 2^8..2^14 addresses
			cursor += uint64(1) << (8 + rng.IntN(7))
		}
		b := usedBits[pick(rng, usedWeight)]
		sz := uint64(1) << (32 - b)
		p := alignUp(cursor, sz)
		if p+sz > end {
			return nil, fmt.Errorf("%w: %d used entries do not fit in %s", ErrFull, used, within)
		}
		a.Used = append(a.Used, v4(p, b))
		cursor = p + sz
	}
	shuffle(rng, a.Used)
	return a, nil
}
