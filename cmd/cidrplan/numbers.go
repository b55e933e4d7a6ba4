package main

import "github.com/cidrplan/cidrplan/internal/u128"

// commas formats n with thousands separators: 1,581.
func commas(n u128.Uint128) string { return n.Grouped() }

// commasInt is commas for an int (never negative here).
func commasInt(n int) string {
	if n < 0 {
		return "-" + commas(u128.FromInt(-n))
	}
	return commas(u128.FromInt(n))
}

// plural returns "1 node", "2 nodes".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return commasInt(n) + " " + many
}
