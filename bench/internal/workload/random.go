package workload

import (
	"math/rand/v2"
	"net/netip"
)

// randomPrefix returns a uniformly random IPv4 prefix /8–/30, or (if six) an
// IPv6 prefix /16–/38 with 32 random bits after fd00::/8.
func randomPrefix(rng *rand.Rand, six bool) netip.Prefix {
	if six {
		return v6(fd00|uint64(rng.Uint32())<<24, 0, 16+rng.IntN(23)).Masked()
	}
	return v4(uint64(rng.Uint32()), 8+rng.IntN(23)).Masked()
}

// randomProbe is like randomPrefix but up to the full random length (/32,
// /40), so probes include single addresses that miss at small n.
func randomProbe(rng *rand.Rand, six bool) netip.Prefix {
	if six {
		return v6(fd00|uint64(rng.Uint32())<<24, 0, 16+rng.IntN(25)).Masked()
	}
	return v4(uint64(rng.Uint32()), 8+rng.IntN(25)).Masked()
}

// random generates a RandomV4 or RandomMixed plan.
func random(rng *rand.Rand, kind Kind, n, extra int, mixed bool) *Workload {
	gen := func(count int) []netip.Prefix {
		out := make([]netip.Prefix, count)
		for i := range out {
			out[i] = randomPrefix(rng, mixed && i%2 == 1)
		}
		return out
	}
	w := &Workload{Kind: kind, Base: gen(n), Extra: gen(extra)}
	shuffle(rng, w.Base)
	if n == 0 {
		return w
	}
	w.Probes = make([]netip.Prefix, Probes)
	for i := range w.Probes {
		if i%4 == 0 { // an exact hit
			w.Probes[i] = w.Base[rng.IntN(n)]
			continue
		}
		w.Probes[i] = randomProbe(rng, mixed && i%2 == 1)
	}
	shuffle(rng, w.Probes)
	return w
}
