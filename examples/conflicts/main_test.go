package main

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"net/netip"
	"slices"
	"strings"
	"testing"
)

// naiveConflicts counts overlapping pairs with a plain sorted sweep, the
// reference the tree's answer is checked against.
func naiveConflicts(rows []row) int {
	type span struct{ lo, hi netip.Addr }
	spans := make([]span, len(rows))
	for i, r := range rows {
		spans[i] = span{r.prefix.Masked().Addr(), lastAddr(r.prefix)}
	}
	slices.SortFunc(spans, func(a, b span) int { return cmp.Or(a.lo.Compare(b.lo), a.hi.Compare(b.hi)) })
	n := 0
	for i := range spans {
		for j := i + 1; j < len(spans) && spans[j].lo.Compare(spans[i].hi) <= 0; j++ {
			n++
		}
	}
	return n
}

func lastAddr(p netip.Prefix) netip.Addr {
	a := p.Addr().As4()
	host := uint32(1)<<(32-p.Bits()) - 1
	v := (uint32(a[0])<<24 | uint32(a[1])<<16 | uint32(a[2])<<8 | uint32(a[3])) | host
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)})
}

func TestRun(t *testing.T) {
	var out strings.Builder
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	rows, err := parse(strings.NewReader(generate(rand.New(rand.NewPCG(1, 2)), subnets, mistakes)))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if want := fmt.Sprintf("%d ranges read", subnets+mistakes); lines[0] != want {
		t.Errorf("first line %q, want %q", lines[0], want)
	}
	if want := fmt.Sprintf("%d conflicting pairs", naiveConflicts(rows)); lines[len(lines)-1] != want {
		t.Errorf("last line %q, want %q (naive sweep)", lines[len(lines)-1], want)
	}
	if got := len(lines) - 2; got != shown {
		t.Errorf("%d pairs shown, want %d", got, shown)
	}
	for _, l := range lines[1 : len(lines)-1] {
		var la, lb int
		var pa, pb, na, nb string
		if _, err := fmt.Sscanf(l, "line %d %s %s overlaps line %d %s %s", &la, &pa, &na, &lb, &pb, &nb); err != nil {
			t.Fatalf("%q: %v", l, err)
		}
		a, b := rows[la-1].prefix, rows[lb-1].prefix
		if a.String() != pa || b.String() != pb || !a.Overlaps(b) {
			t.Errorf("%q: not an overlapping pair of the input (%s, %s)", l, a, b)
		}
	}
}

func TestParseRejectsHostBits(t *testing.T) {
	_, err := parse(strings.NewReader("a,10.0.0.0/24\nb,10.0.1.1/24\n"))
	if err == nil || !strings.Contains(err.Error(), `line 2: prefix "10.0.1.1/24": host bits set (want 10.0.1.0/24)`) {
		t.Errorf("parse error = %v", err)
	}
}

func TestNaiveConflicts(t *testing.T) {
	rows := []row{
		{prefix: netip.MustParsePrefix("10.0.0.0/24")},
		{prefix: netip.MustParsePrefix("10.0.0.0/24")},
		{prefix: netip.MustParsePrefix("10.0.0.128/25")},
		{prefix: netip.MustParsePrefix("10.0.1.0/24")},
	}
	if got := naiveConflicts(rows); got != 3 {
		t.Errorf("naiveConflicts = %d, want 3", got)
	}
}
