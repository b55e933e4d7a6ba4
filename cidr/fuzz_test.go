package cidr

import (
	"errors"
	"net/netip"
	"testing"
)

// FuzzParsePrefix checks ParsePrefix against netip.ParsePrefix: it accepts
// exactly the clean prefixes netip parses, round-trips through String, and
// the form its host-bits and mapped errors name is itself accepted.
func FuzzParsePrefix(f *testing.F) {
	for _, s := range []string{"10.0.0.0/8", "10.0.0.1/8", "fd00::/64", "fd00::1/64", "::ffff:10.0.0.0/104",
		"::ffff:10.0.0.1/104", "0.0.0.0/0", "::/0", "10.0.0.0", "fe80::%eth0/64", "", "1.2.3.4/33", "fd00:0::/64"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePrefix(s)
		np, nerr := netip.ParsePrefix(s)
		if nerr != nil {
			if !errors.Is(err, ErrInvalidPrefix) {
				t.Fatalf("ParsePrefix(%q) = %v, %v; netip rejects it: %v", s, p, err, nerr)
			}
			return
		}
		var pe *PrefixError
		switch {
		case err == nil:
			if p != np || p.Masked() != p || p.Addr().Is4In6() {
				t.Fatalf("ParsePrefix(%q) = %v, netip says %v", s, p, np)
			}
			q, err := ParsePrefix(p.String())
			if err != nil || q != p {
				t.Fatalf("ParsePrefix(%q) = %v, %v after String of %v", p.String(), q, err, p)
			}
		case !errors.As(err, &pe) || pe.Input != s || pe.Prefix != np:
			t.Fatalf("ParsePrefix(%q) error %#v does not carry the input and %v", s, err, np)
		case errors.Is(err, ErrHostBits):
			if _, err := ParsePrefix(np.Masked().String()); err != nil {
				t.Fatalf("the masked form of %q is rejected: %v", s, err)
			}
		case errors.Is(err, ErrMappedIPv6):
			if !np.Addr().Is4In6() {
				t.Fatalf("ParsePrefix(%q) calls %v mapped", s, np)
			}
		default:
			t.Fatalf("ParsePrefix(%q) = %v for a prefix netip parses", s, err)
		}
	})
}
