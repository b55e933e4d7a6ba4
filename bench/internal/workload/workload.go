package workload

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"net/netip"
)

// Kind names a family of generated plans.
type Kind string

// The generated kinds of plan.
const (
	// RealisticV4 is a VNet-like IPv4 plan: /12–/16 VNet spaces partly filled
	// with /20–/29 subnets, cluster pod (/16–/18) and service (/20–/24) ranges
	// beside them, and 0.1% injected overlaps (exact duplicates, supernets and
	// subnets of existing entries).
	RealisticV4 Kind = "realistic-v4"
	// RealisticMixed is RealisticV4 mixed 50/50 with IPv6: /48 VNet spaces in
	// fd00::/8 partly filled with /56–/64 subnets, pod /64 and service /108
	// ranges, and the same share of injected overlaps.
	RealisticMixed Kind = "realistic-mixed"
	// RandomV4 is uniformly random IPv4 prefixes /8–/30: dense nesting and
	// natural duplicates among the short lengths.
	RandomV4 Kind = "random-v4"
	// RandomMixed is RandomV4 mixed 50/50 with IPv6 prefixes /16–/38 whose 32
	// random bits follow fd00::/8, so they nest as densely as the IPv4 half.
	RandomMixed Kind = "random-mixed"
)

// Kinds lists every kind, realistic first.
func Kinds() []Kind { return []Kind{RealisticMixed, RealisticV4, RandomV4, RandomMixed} }

// Extra is the number of additional entries generated for the insert and
// delete benchmarks ("insert and delete 1e5 more one by one").
const Extra = 100_000

// Probes is the number of precomputed query prefixes per workload.
const Probes = 1 << 16

// ErrUnknownKind is returned for a kind that is not one of [Kinds].
var ErrUnknownKind = errors.New("workload: unknown kind")

// ErrFull is returned when a plan does not fit in its address space.
var ErrFull = errors.New("workload: address space exhausted")

// A Workload is one generated plan with its extra entries and probes.
type Workload struct {
	Kind Kind
	// Base holds the n entries to build from, in shuffled order.
	Base []netip.Prefix
	// Extra holds entries to insert (or delete) one by one. In realistic
	// plans they are disjoint from Base; in random plans they follow the same
	// distribution as Base and nest with it.
	Extra []netip.Prefix
	// Probes holds query prefixes, hits and misses interleaved at random.
	Probes []netip.Prefix
}

// Generate returns the plan of the given kind with n base entries and extra
// additional entries. It returns ErrUnknownKind for an unknown kind and an
// error wrapping ErrFull if the plan does not fit.
func Generate(kind Kind, n, extra int) (*Workload, error) {
	if n < 0 || extra < 0 {
		return nil, fmt.Errorf("workload: negative size n=%d extra=%d", n, extra)
	}
	rng := rand.New(rand.NewPCG(uint64(n), uint64(extra)^kindSeed(kind)))
	switch kind {
	case RealisticV4:
		return realistic(rng, kind, n, extra, false)
	case RealisticMixed:
		return realistic(rng, kind, n, extra, true)
	case RandomV4:
		return random(rng, kind, n, extra, false), nil
	case RandomMixed:
		return random(rng, kind, n, extra, true), nil
	}
	return nil, fmt.Errorf("%w %q", ErrUnknownKind, kind)
}

func kindSeed(k Kind) uint64 {
	var h uint64 = 14695981039346656037
	for i := range len(k) {
		h = (h ^ uint64(k[i])) * 1099511628211
	}
	return h
}

func shuffle[T any](rng *rand.Rand, s []T) {
	rng.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
}
