package main

import (
	"net/netip"

	"github.com/cidrplan/cidrplan/sizing"
)

// commas formats n with thousands separators: 1,581.
func commas(n sizing.Count) string { return n.Grouped() }

// commasInt is commas for an int (never negative here).
func commasInt(n int) string {
	if n < 0 {
		return "-" + commas(sizing.CountFromInt(-n))
	}
	return commas(sizing.CountFromInt(n))
}

// plural returns "1 node", "2 nodes".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return commasInt(n) + " " + many
}

// pow2 returns 2^n, the size of an IPv6 prefix with n host bits; 0 for n
// outside 0..128 (2^128 itself saturates, as every Count does).
func pow2(n int) sizing.Count {
	return sizing.PrefixCount(netip.PrefixFrom(netip.IPv6Unspecified(), 128-n))
}
