package overlap_test

import (
	"fmt"
	"net/netip"

	"go4.org/netipx"

	"github.com/cidrplan/cidrplan/overlap"
)

func ExampleTree_Insert() {
	var t overlap.Tree[string]
	fmt.Println(t.Insert(netip.MustParsePrefix("10.0.0.0/16"), "vnet"))
	fmt.Println(t.Insert(netip.MustParsePrefix("10.0.0.0/24"), "nodes"))
	fmt.Println(t.Insert(netip.MustParsePrefix("10.0.0.0/24"), "pods")) // a duplicate is a second entry
	fmt.Println(t.Insert(netip.MustParsePrefix("10.0.1.1/24"), "typo"))
	fmt.Println(t.Len())
	// Output:
	// <nil>
	// <nil>
	// <nil>
	// overlap: prefix "10.0.1.1/24": host bits set (want 10.0.1.0/24)
	// 3
}

func ExampleTree_Overlapping() {
	var t overlap.Tree[string]
	for _, s := range []struct{ cidr, name string }{
		{"10.0.0.0/16", "vnet"},
		{"10.0.4.0/22", "pods"},
		{"10.0.0.0/24", "nodes"},
		{"fd00::/64", "pods6"},
	} {
		if err := t.Insert(netip.MustParsePrefix(s.cidr), s.name); err != nil {
			panic(err)
		}
	}
	for e := range t.Overlapping(netip.MustParsePrefix("10.0.4.0/24")) {
		fmt.Println(e.Range, e.Value)
	}
	fmt.Println(t.Overlaps(netip.MustParsePrefix("10.1.0.0/16")))
	// Output:
	// 10.0.0.0-10.0.255.255 vnet
	// 10.0.4.0-10.0.7.255 pods
	// false
}

func ExampleTree_Conflicts() {
	var t overlap.Tree[string]
	_ = t.Insert(netip.MustParsePrefix("10.0.0.0/24"), "nodes")
	_ = t.Insert(netip.MustParsePrefix("10.0.0.128/25"), "services")
	_ = t.Insert(netip.MustParsePrefix("10.0.1.0/24"), "pods")
	_ = t.InsertRange(netipx.MustParseIPRange("10.0.1.250-10.0.2.5"), "reserved")
	for x, y := range t.Conflicts() {
		fmt.Printf("%s (%s) overlaps %s (%s)\n", x.Value, x.Range, y.Value, y.Range)
	}
	// Output:
	// nodes (10.0.0.0-10.0.0.255) overlaps services (10.0.0.128-10.0.0.255)
	// pods (10.0.1.0-10.0.1.255) overlaps reserved (10.0.1.250-10.0.2.5)
}

func ExampleTree_Gaps() {
	var t overlap.Tree[string]
	_ = t.Insert(netip.MustParsePrefix("10.0.0.0/24"), "nodes")
	_ = t.Insert(netip.MustParsePrefix("10.0.2.0/23"), "pods")
	for g := range t.Gaps(netip.MustParsePrefix("10.0.0.0/20")) {
		fmt.Println(g, g.Prefixes())
	}
	// Output:
	// 10.0.1.0-10.0.1.255 [10.0.1.0/24]
	// 10.0.4.0-10.0.15.255 [10.0.4.0/22 10.0.8.0/21]
}

func ExampleBuild() {
	t, err := overlap.Build([]overlap.Entry[int]{
		{Range: netipx.RangeOfPrefix(netip.MustParsePrefix("fd00::/48")), Value: 1},
		{Range: netipx.RangeOfPrefix(netip.MustParsePrefix("10.0.0.0/8")), Value: 2},
		{Range: netipx.RangeOfPrefix(netip.MustParsePrefix("10.1.0.0/16")), Value: 3},
	})
	if err != nil {
		panic(err)
	}
	for e := range t.All() {
		fmt.Println(e.Range, e.Value)
	}
	_, err = overlap.Build([]overlap.Entry[int]{{Value: 4}})
	fmt.Println(err)
	// Output:
	// 10.0.0.0-10.255.255.255 2
	// 10.1.0.0-10.1.255.255 3
	// fd00::-fd00::ffff:ffff:ffff:ffff:ffff 1
	// overlap: entry 0: range "invalid IP-invalid IP": invalid range (zero address)
}

func ExampleConflictsAmong() {
	entries := []overlap.Entry[string]{
		{Range: netipx.RangeOfPrefix(netip.MustParsePrefix("10.0.0.0/24")), Value: "nodes"},
		{Range: netipx.RangeOfPrefix(netip.MustParsePrefix("fd00::/64")), Value: "pods6"},
		{Range: netipx.RangeOfPrefix(netip.MustParsePrefix("10.0.1.0/24")), Value: "pods"},
		{Range: netipx.RangeOfPrefix(netip.MustParsePrefix("10.0.0.128/25")), Value: "services"},
		{Range: netipx.RangeOfPrefix(netip.MustParsePrefix("fd00::/64")), Value: "nodes6"},
	}
	pairs, err := overlap.ConflictsAmong(entries)
	if err != nil {
		panic(err)
	}
	for x, y := range pairs {
		fmt.Printf("%s (%s) overlaps %s (%s)\n", x.Value, x.Range, y.Value, y.Range)
	}
	_, err = overlap.ConflictsAmong([]overlap.Entry[string]{entries[0], {Value: "empty"}})
	fmt.Println(err)
	// Output:
	// nodes (10.0.0.0-10.0.0.255) overlaps services (10.0.0.128-10.0.0.255)
	// pods6 (fd00::-fd00::ffff:ffff:ffff:ffff) overlaps nodes6 (fd00::-fd00::ffff:ffff:ffff:ffff)
	// overlap: entry 1: range "invalid IP-invalid IP": invalid range (zero address)
}
