package cidr

import (
	"errors"
	"net/netip"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go4.org/netipx"
)

func TestCheckRange(t *testing.T) {
	a4, b4 := netip.MustParseAddr("10.0.0.1"), netip.MustParseAddr("10.0.0.9")
	a6 := netip.MustParseAddr("fd00::1")
	mapped := netip.MustParseAddr("::ffff:10.0.0.1")
	tests := []struct {
		name    string
		r       netipx.IPRange
		wantErr error
		wantMsg string
	}{
		{"ok", netipx.IPRangeFrom(a4, b4), nil, ""},
		{"one address", netipx.IPRangeFrom(a4, a4), nil, ""},
		{"ends at a mapped address", netipx.IPRangeFrom(netip.MustParseAddr("::"), mapped), nil, ""},
		{"zero", netipx.IPRange{}, ErrInvalidRange, `range "invalid IP-invalid IP": invalid range (zero address)`},
		{"zero end", netipx.IPRangeFrom(a4, netip.Addr{}), ErrInvalidRange, `range "10.0.0.1-invalid IP": invalid range (zero address)`},
		{"reversed", netipx.IPRangeFrom(b4, a4), ErrInvalidRange, `range "10.0.0.9-10.0.0.1": invalid range (start after end)`},
		{"mixed", netipx.IPRangeFrom(a4, a6), ErrInvalidRange, `range "10.0.0.1-fd00::1": invalid range (mixed address families)`},
		{"mapped", netipx.IPRangeFrom(mapped, mapped), ErrMappedIPv6, `range "::ffff:10.0.0.1-::ffff:10.0.0.1": IPv4-mapped IPv6 address`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckRange(tt.r)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("CheckRange = %v, want %v", err, tt.wantErr)
			}
			if got := RangeSentinel(tt.r); got != tt.wantErr {
				t.Errorf("RangeSentinel = %v, want %v", got, tt.wantErr)
			}
			if err == nil {
				return
			}
			if diff := cmp.Diff(tt.wantMsg, err.Error()); diff != "" {
				t.Errorf("message (-want +got):\n%s", diff)
			}
			var re *RangeError
			if !errors.As(err, &re) || re.Range != tt.r {
				t.Errorf("error %#v is not a *RangeError carrying the range", err)
			}
		})
	}
}
