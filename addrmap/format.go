package addrmap

import (
	"strconv"

	"go4.org/netipx"

	"github.com/cidrplan/cidrplan/internal/u128"
)

// rangeText names a range as a prefix when it is one.
func rangeText(r netipx.IPRange) string {
	if p, ok := r.Prefix(); ok {
		return p.String()
	}
	return r.String()
}

// countText writes how many addresses r holds, as countOf does.
func countText(r netipx.IPRange) string { return countOf(addresses(r)) }

// countOf writes an address count for people: with thousands separators,
// or as a power of two once it has more than seven digits and is one.
func countOf(n u128.Uint128) string {
	if n.BitLen() > 24 && n.Sub(u128.Pow2(n.BitLen()-1)).IsZero() {
		return "2^" + strconv.Itoa(n.BitLen()-1)
	}
	if n == u128.Max {
		return "2^128"
	}
	return n.Grouped()
}
