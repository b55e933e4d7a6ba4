package cidr

import (
	"errors"
	"net/netip"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var equateNetip = cmpopts.EquateComparable(netip.Addr{}, netip.Prefix{})

func TestParsePrefix(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    netip.Prefix
		wantErr error
		wantMsg string
	}{
		{"ipv4", "10.0.0.0/8", netip.MustParsePrefix("10.0.0.0/8"), nil, ""},
		{"ipv6", "fd00::/64", netip.MustParsePrefix("fd00::/64"), nil, ""},
		{"default route", "0.0.0.0/0", netip.MustParsePrefix("0.0.0.0/0"), nil, ""},
		{"host route", "10.0.0.1/32", netip.MustParsePrefix("10.0.0.1/32"), nil, ""},
		{"host bits", "10.0.0.1/8", netip.Prefix{}, ErrHostBits, `prefix "10.0.0.1/8": host bits set (want 10.0.0.0/8)`},
		{"host bits ipv6", "fd00::1/64", netip.Prefix{}, ErrHostBits, `prefix "fd00::1/64": host bits set (want fd00::/64)`},
		{"mapped", "::ffff:10.0.0.0/104", netip.Prefix{}, ErrMappedIPv6, `prefix "::ffff:10.0.0.0/104": IPv4-mapped IPv6 address (want 10.0.0.0/8)`},
		{"mapped with host bits", "::ffff:10.0.0.1/104", netip.Prefix{}, ErrMappedIPv6, `prefix "::ffff:10.0.0.1/104": IPv4-mapped IPv6 address`},
		{"mapped short", "::ffff:0.0.0.0/80", netip.Prefix{}, ErrMappedIPv6, `prefix "::ffff:0.0.0.0/80": IPv4-mapped IPv6 address`},
		{"no length", "10.0.0.0", netip.Prefix{}, ErrInvalidPrefix, `prefix "10.0.0.0": not a CIDR (want e.g. 10.0.0.0/16)`},
		{"length too long", "10.0.0.0/33", netip.Prefix{}, ErrInvalidPrefix, `prefix "10.0.0.0/33": not a CIDR (want e.g. 10.0.0.0/16)`},
		{"octet too large", "10.300.0.0/16", netip.Prefix{}, ErrInvalidPrefix, `prefix "10.300.0.0/16": not a CIDR (want e.g. 10.0.0.0/16)`},
		{"zone", "fe80::%eth0/64", netip.Prefix{}, ErrInvalidPrefix, `prefix "fe80::%eth0/64": not a CIDR (want e.g. fd00::/64)`},
		{"ipv6 length too long", "fd00::/129", netip.Prefix{}, ErrInvalidPrefix, `prefix "fd00::/129": not a CIDR (want e.g. fd00::/64)`},
		{"space", " 10.0.0.0/8", netip.Prefix{}, ErrInvalidPrefix, `prefix " 10.0.0.0/8": not a CIDR (want e.g. 10.0.0.0/16)`},
		{"empty reads as the zero prefix", "", netip.Prefix{}, ErrInvalidPrefix, `prefix "invalid Prefix": invalid prefix`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParsePrefix(tt.in)
			if diff := cmp.Diff(tt.want, got, equateNetip); diff != "" {
				t.Errorf("ParsePrefix(%q) prefix (-want +got):\n%s", tt.in, diff)
			}
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("ParsePrefix(%q) error = %v, want %v", tt.in, err, tt.wantErr)
			}
			if err == nil {
				return
			}
			if diff := cmp.Diff(tt.wantMsg, err.Error()); diff != "" {
				t.Errorf("message (-want +got):\n%s", diff)
			}
			var pe *PrefixError
			if !errors.As(err, &pe) || pe.Input != tt.in {
				t.Errorf("error %#v is not a *PrefixError carrying the input", err)
			}
		})
	}
}

func TestParseAddrPrefix(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    netip.Prefix
		wantErr error
	}{
		{"host bits kept", "172.17.0.1/16", netip.MustParsePrefix("172.17.0.1/16"), nil},
		{"masked", "172.17.0.0/16", netip.MustParsePrefix("172.17.0.0/16"), nil},
		{"ipv6", "fd00::1/64", netip.MustParsePrefix("fd00::1/64"), nil},
		{"mapped", "::ffff:172.17.0.1/112", netip.Prefix{}, ErrMappedIPv6},
		{"not a CIDR", "172.17.0.1", netip.Prefix{}, ErrInvalidPrefix},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseAddrPrefix(tt.in)
			if diff := cmp.Diff(tt.want, got, equateNetip); diff != "" {
				t.Errorf("ParseAddrPrefix(%q) (-want +got):\n%s", tt.in, diff)
			}
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("ParseAddrPrefix(%q) error = %v, want %v", tt.in, err, tt.wantErr)
			}
		})
	}
}

func TestCheckPrefixFamily(t *testing.T) {
	tests := []struct {
		name    string
		p       netip.Prefix
		f       Family
		wantErr error
		wantMsg string
	}{
		{"ipv4 for ipv4", netip.MustParsePrefix("10.0.0.0/8"), IPv4, nil, ""},
		{"ipv6 for ipv6", netip.MustParsePrefix("fd00::/8"), IPv6, nil, ""},
		{"ipv4 for any", netip.MustParsePrefix("10.0.0.0/8"), AnyFamily, nil, ""},
		{"ipv6 for ipv4", netip.MustParsePrefix("fd00::/8"), IPv4, ErrFamily, `prefix "fd00::/8": wrong address family (want IPv4)`},
		{"ipv4 for ipv6", netip.MustParsePrefix("10.0.0.0/8"), IPv6, ErrFamily, `prefix "10.0.0.0/8": wrong address family (want IPv6)`},
		{"mapped for ipv4", netip.MustParsePrefix("::ffff:10.0.0.0/104"), IPv4, ErrMappedIPv6, `prefix "::ffff:10.0.0.0/104": IPv4-mapped IPv6 address (want 10.0.0.0/8)`},
		{"host bits before family", netip.MustParsePrefix("10.0.0.1/8"), IPv6, ErrHostBits, `prefix "10.0.0.1/8": host bits set (want 10.0.0.0/8)`},
		{"zero", netip.Prefix{}, IPv4, ErrInvalidPrefix, `prefix "invalid Prefix": invalid prefix`},
		{"length out of range", netip.PrefixFrom(netip.MustParseAddr("10.0.0.0"), 33), AnyFamily, ErrInvalidPrefix, `prefix "invalid Prefix": invalid prefix`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckPrefixFamily(tt.p, tt.f)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("CheckPrefixFamily(%v, %v) = %v, want %v", tt.p, tt.f, err, tt.wantErr)
			}
			if tt.f == AnyFamily && !errors.Is(CheckPrefix(tt.p), tt.wantErr) {
				t.Errorf("CheckPrefix(%v) = %v, want %v", tt.p, CheckPrefix(tt.p), tt.wantErr)
			}
			if err == nil {
				return
			}
			if diff := cmp.Diff(tt.wantMsg, err.Error()); diff != "" {
				t.Errorf("message (-want +got):\n%s", diff)
			}
			var pe *PrefixError
			if !errors.As(err, &pe) || pe.Prefix != tt.p || pe.Input != "" {
				t.Errorf("error %#v is not a *PrefixError carrying the prefix", err)
			}
		})
	}
}

// TestPrefixSentinelAgrees holds the allocation-free check to the error
// returned by CheckPrefix.
func TestPrefixSentinelAgrees(t *testing.T) {
	for _, s := range []string{"10.0.0.0/8", "10.0.0.1/8", "::ffff:10.0.0.0/104", "fd00::/8", "fd00::1/8"} {
		p := netip.MustParsePrefix(s)
		if got, want := PrefixSentinel(p), errors.Unwrap(CheckPrefix(p)); got != want {
			t.Errorf("PrefixSentinel(%s) = %v, CheckPrefix wraps %v", s, got, want)
		}
	}
	if PrefixSentinel(netip.Prefix{}) != ErrInvalidPrefix {
		t.Error("PrefixSentinel accepts the zero prefix")
	}
}

func TestPrefixSentinelDoesNotAllocate(t *testing.T) {
	p := netip.MustParsePrefix("10.0.0.1/8")
	if n := testing.AllocsPerRun(100, func() { _ = PrefixSentinel(p) }); n != 0 {
		t.Errorf("PrefixSentinel allocates %v times", n)
	}
}

func TestMustParsePrefixPanics(t *testing.T) {
	defer func() {
		if err, _ := recover().(error); !errors.Is(err, ErrHostBits) {
			t.Errorf("MustParsePrefix panicked with %v, want ErrHostBits", err)
		}
	}()
	MustParsePrefix("10.0.0.1/8")
}

func TestFamily(t *testing.T) {
	tests := []struct {
		name string
		a    netip.Addr
		want Family
		text string
	}{
		{"ipv4", netip.MustParseAddr("10.0.0.1"), IPv4, "IPv4"},
		{"ipv6", netip.MustParseAddr("fd00::1"), IPv6, "IPv6"},
		{"zero", netip.Addr{}, AnyFamily, "any"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FamilyOf(tt.a)
			if got != tt.want || got.String() != tt.text {
				t.Errorf("FamilyOf(%v) = %v, want %v", tt.a, got, tt.text)
			}
		})
	}
}
