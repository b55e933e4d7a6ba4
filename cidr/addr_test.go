package cidr

import (
	"errors"
	"net/netip"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseAddr(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    netip.Addr
		wantErr error
		wantMsg string
	}{
		{"ipv4", "10.0.0.10", netip.MustParseAddr("10.0.0.10"), nil, ""},
		{"ipv6", "fd00::a", netip.MustParseAddr("fd00::a"), nil, ""},
		{"octet too large", "10.0.0.300", netip.Addr{}, ErrInvalidAddr, `address "10.0.0.300": not an IP address`},
		{"prefix", "10.0.0.0/8", netip.Addr{}, ErrInvalidAddr, `address "10.0.0.0/8": not an IP address`},
		{"zone", "fe80::1%eth0", netip.Addr{}, ErrInvalidAddr, `address "fe80::1%eth0": zone not allowed (want fe80::1)`},
		{"mapped", "::ffff:10.0.0.10", netip.Addr{}, ErrMappedIPv6, `address "::ffff:10.0.0.10": IPv4-mapped IPv6 address (want 10.0.0.10)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseAddr(tt.in)
			if diff := cmp.Diff(tt.want, got, equateNetip); diff != "" {
				t.Errorf("ParseAddr(%q) (-want +got):\n%s", tt.in, diff)
			}
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("ParseAddr(%q) error = %v, want %v", tt.in, err, tt.wantErr)
			}
			if err == nil {
				return
			}
			if diff := cmp.Diff(tt.wantMsg, err.Error()); diff != "" {
				t.Errorf("message (-want +got):\n%s", diff)
			}
			var ae *AddrError
			if !errors.As(err, &ae) || ae.Input != tt.in {
				t.Errorf("error %#v is not an *AddrError carrying the input", err)
			}
		})
	}
}

func TestCheckAddr(t *testing.T) {
	tests := []struct {
		name    string
		a       netip.Addr
		wantErr error
		wantMsg string
	}{
		{"ok", netip.MustParseAddr("10.0.0.10"), nil, ""},
		{"zero", netip.Addr{}, ErrInvalidAddr, `address "invalid IP": invalid address`},
		{"zone", netip.MustParseAddr("fe80::1%eth0"), ErrInvalidAddr, `address "fe80::1%eth0": zone not allowed (want fe80::1)`},
		{"mapped", netip.MustParseAddr("::ffff:10.0.0.10"), ErrMappedIPv6, `address "::ffff:10.0.0.10": IPv4-mapped IPv6 address (want 10.0.0.10)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckAddr(tt.a)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("CheckAddr(%v) = %v, want %v", tt.a, err, tt.wantErr)
			}
			if err == nil {
				return
			}
			if diff := cmp.Diff(tt.wantMsg, err.Error()); diff != "" {
				t.Errorf("message (-want +got):\n%s", diff)
			}
		})
	}
}
