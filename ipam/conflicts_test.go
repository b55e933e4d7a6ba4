package ipam

import (
	"math/rand/v2"
	"net/netip"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestConflictsMatchPairwise checks the overlap index against comparing every
// pair, on seeded random nested and duplicated prefixes of both families.
func TestConflictsMatchPairwise(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 50 {
		n := 1 + rng.IntN(60)
		ranges := make([]planRange, n)
		for i := range ranges {
			var p netip.Prefix
			if rng.IntN(4) == 0 {
				a := netip.AddrFrom16([16]byte{0xfd, 0, byte(rng.IntN(4)), byte(rng.IntN(4))})
				p = netip.PrefixFrom(a, 16+rng.IntN(20)).Masked()
			} else {
				a := netip.AddrFrom4([4]byte{10, byte(rng.IntN(4)), byte(rng.IntN(256)), 0})
				p = netip.PrefixFrom(a, 8+rng.IntN(17)).Masked()
			}
			ranges[i] = planRange{prefix: p}
		}
		var want, got [][2]int
		for i := range ranges {
			for j := i + 1; j < len(ranges); j++ {
				if ranges[i].prefix.Overlaps(ranges[j].prefix) {
					want = append(want, [2]int{i, j})
				}
			}
		}
		forEachConflict(rangeIndex(ranges), func(i, j int) {
			got = append(got, [2]int{min(i, j), max(i, j)})
		})
		slices.SortFunc(got, func(a, b [2]int) int {
			if a[0] != b[0] {
				return a[0] - b[0]
			}
			return a[1] - b[1]
		})
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("round %d: conflicts (-pairwise +index):\n%s", round, diff)
		}
	}
}
