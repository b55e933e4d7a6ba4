package overlap

import (
	"math/rand/v2"
	"net/netip"
	"testing"

	"go4.org/netipx"

	"github.com/cidrplan/cidrplan/overlap/internal/naive"
)

// TestStartsLowerHalves mixes the /64 subnets of a plan, whose starts have
// a zero lower half, with a few longer prefixes whose lower half is not
// zero, so that leaves with and without lower halves split, merge and
// even out with each other; every answer is compared with the model.
func TestStartsLowerHalves(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	tr := Tree[int]{}
	var m naive.Model[int]
	sub := func(i uint64) netip.Prefix { // the i-th /64 of fd00::/48
		var b [16]byte
		b[0], b[6], b[7] = 0xfd, byte(i>>8), byte(i)
		return netip.PrefixFrom(netip.AddrFrom16(b), 64)
	}
	const n = 3000
	for _, i := range r.Perm(n) {
		insert(t, r, &tr, &m, netipx.RangeOfPrefix(sub(uint64(i))), i%3)
	}
	for range 20 { // a /112 inside a /64, off its start: in some leaves only
		b := sub(uint64(r.IntN(n))).Addr().As16()
		b[13] = byte(1 + r.IntN(255))
		insert(t, r, &tr, &m, netipx.RangeOfPrefix(netip.PrefixFrom(netip.AddrFrom16(b), 112)), r.IntN(3))
	}
	compareAll(t, &tr, &m, true)
	compareQueries(t, r, &tr, &m, 50)
	for i := range n - 10 {
		e := m.At(r.IntN(m.Len()))
		remove(t, r, &tr, &m, e.Range, e.Value)
		if i%100 == 0 {
			checkTree(t, &tr)
		}
		if i%1000 == 999 {
			compareAll(t, &tr, &m, true)
		}
	}
	compareAll(t, &tr, &m, true)
}
