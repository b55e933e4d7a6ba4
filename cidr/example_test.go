package cidr_test

import (
	"errors"
	"fmt"
	"net/netip"

	"github.com/cidrplan/cidrplan/cidr"
	"go4.org/netipx"
)

func ExampleParsePrefix() {
	for _, s := range []string{"10.0.0.0/16", "10.0.0.1/16", "::ffff:10.0.0.0/112", "10.0.0.0"} {
		p, err := cidr.ParsePrefix(s)
		fmt.Println(p, err)
	}
	// Output:
	// 10.0.0.0/16 <nil>
	// invalid Prefix prefix "10.0.0.1/16": host bits set (want 10.0.0.0/16)
	// invalid Prefix prefix "::ffff:10.0.0.0/112": IPv4-mapped IPv6 address (want 10.0.0.0/16)
	// invalid Prefix prefix "10.0.0.0": not a CIDR (want e.g. 10.0.0.0/16)
}

// A front end that names the input itself (here a flag) presents the
// error from its fields.
func ExamplePrefixError_Reason() {
	_, err := cidr.ParsePrefix("10.244.0.1/16")
	var pe *cidr.PrefixError
	if errors.As(err, &pe) {
		fmt.Printf("--pod-cidr %q: %s\n", pe.Input, pe.Reason())
	}
	fmt.Println(errors.Is(err, cidr.ErrHostBits))
	// Output:
	// --pod-cidr "10.244.0.1/16": host bits set (want 10.244.0.0/16)
	// true
}

func ExampleCheckPrefixFamily() {
	err := cidr.CheckPrefixFamily(netip.MustParsePrefix("fd00::/64"), cidr.IPv4)
	fmt.Println(err)
	fmt.Println(errors.Is(err, cidr.ErrFamily))
	// Output:
	// prefix "fd00::/64": wrong address family (want IPv4)
	// true
}

func ExampleParseAddr() {
	_, err := cidr.ParseAddr("::ffff:10.0.0.10")
	fmt.Println(err)
	// Output:
	// address "::ffff:10.0.0.10": IPv4-mapped IPv6 address (want 10.0.0.10)
}

func ExampleCheckRange() {
	r := netipx.IPRangeFrom(netip.MustParseAddr("10.0.0.9"), netip.MustParseAddr("10.0.0.1"))
	fmt.Println(cidr.CheckRange(r))
	// Output:
	// range "10.0.0.9-10.0.0.1": invalid range (start after end)
}
