package ipam

import (
	"strings"

	"github.com/cidrplan/cidrplan/sizing"
)

// Numbers in messages and fixes are grouped in thousands (1,019) by
// sizing.Count.Grouped, the one owner of number formatting, so that check
// prints them as size, upgrade and report do. Only AKS's own sentence
// ("Pre-allocated IPs 1581 exceeds IPs available 1019 ...") keeps AKS's
// spelling, so that it can be searched for as AKS prints it.

// grouped writes n grouped in thousands: 1,019; -56.
func grouped(n int) string {
	if n < 0 {
		return "-" + sizing.CountFromInt(-n).Grouped()
	}
	return sizing.CountFromInt(n).Grouped()
}

// plural writes "1 node", "2 nodes", "1,019 addresses".
func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	if strings.HasSuffix(unit, "s") {
		return grouped(n) + " " + unit + "es"
	}
	return grouped(n) + " " + unit + "s"
}
