package overlap

import (
	"errors"
	"net/netip"
	"strings"
	"testing"

	"go4.org/netipx"
)

func TestInsertErrors(t *testing.T) {
	tests := []struct {
		name     string
		p        netip.Prefix
		wantErr  error
		wantText string
	}{
		{"zero", netip.Prefix{}, ErrInvalidPrefix, "invalid prefix"},
		{"too long", netip.PrefixFrom(netip.MustParseAddr("10.0.0.0"), 33), ErrInvalidPrefix, "invalid prefix"},
		{"host bits v4", netip.MustParsePrefix("10.0.0.1/8"), ErrHostBits, `"10.0.0.1/8": host bits set (want 10.0.0.0/8)`},
		{"host bits v6", netip.MustParsePrefix("fd00::1/64"), ErrHostBits, "(want fd00::/64)"},
		{"mapped", netip.MustParsePrefix("::ffff:10.0.0.0/104"), ErrMappedIPv6, "::ffff:10.0.0.0/104"},
		{"ok", netip.MustParsePrefix("10.0.0.0/8"), nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var tr Tree[int]
			err := tr.Insert(tt.p, 1)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Insert(%s) = %v, want %v", tt.p, err, tt.wantErr)
			}
			if err == nil {
				return
			}
			var pe *PrefixError
			if !errors.As(err, &pe) || pe.Prefix != tt.p {
				t.Fatalf("Insert(%s) = %#v, want a *PrefixError carrying the prefix", tt.p, err)
			}
			if !strings.Contains(err.Error(), tt.wantText) || !strings.HasPrefix(err.Error(), "overlap: ") {
				t.Errorf("error %q does not mention %q", err, tt.wantText)
			}
			if tr.Len() != 0 || tr.Overlaps(tt.p) || tr.Delete(tt.p, 1) || collect(tr.Overlapping(tt.p)) != nil ||
				collect(tr.Gaps(tt.p)) != nil {
				t.Error("a rejected prefix changed the tree or matched something")
			}
			if !errors.Is(CheckPrefix(tt.p), tt.wantErr) {
				t.Errorf("CheckPrefix(%s) = %v", tt.p, CheckPrefix(tt.p))
			}
		})
	}
}

func TestInsertRangeErrors(t *testing.T) {
	a4, b4 := netip.MustParseAddr("10.0.0.1"), netip.MustParseAddr("10.0.0.9")
	a6 := netip.MustParseAddr("fd00::1")
	mapped := netip.MustParseAddr("::ffff:10.0.0.1")
	tests := []struct {
		name     string
		r        netipx.IPRange
		wantErr  error
		wantText string
	}{
		{"zero", netipx.IPRange{}, ErrInvalidRange, "zero address"},
		{"zero end", netipx.IPRangeFrom(a4, netip.Addr{}), ErrInvalidRange, "zero address"},
		{"reversed", netipx.IPRangeFrom(b4, a4), ErrInvalidRange, `"10.0.0.9-10.0.0.1": invalid range (start after end)`},
		{"mixed", netipx.IPRangeFrom(a4, a6), ErrInvalidRange, "mixed address families"},
		{"mapped", netipx.IPRangeFrom(mapped, mapped), ErrMappedIPv6, "IPv4-mapped"},
		{"mapped start", netipx.IPRangeFrom(mapped, netip.MustParseAddr("fd00::")), ErrMappedIPv6, "IPv4-mapped"},
		{"ok", netipx.IPRangeFrom(a4, b4), nil, ""},
		{"ok ending in the mapped block", netipx.RangeOfPrefix(netip.MustParsePrefix("::/80")), nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var tr Tree[int]
			err := tr.InsertRange(tt.r, 1)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("InsertRange = %v, want %v", err, tt.wantErr)
			}
			if err == nil {
				return
			}
			var re *RangeError
			if !errors.As(err, &re) || re.Range != tt.r || re.Index != -1 {
				t.Fatalf("InsertRange = %#v, want a *RangeError carrying the range", err)
			}
			if !strings.Contains(err.Error(), tt.wantText) {
				t.Errorf("error %q does not mention %q", err, tt.wantText)
			}
			if tr.Len() != 0 || tr.OverlapsRange(tt.r) || tr.DeleteRange(tt.r, 1) || collect(tr.OverlappingRange(tt.r)) != nil {
				t.Error("a rejected range changed the tree or matched something")
			}
			if !errors.Is(CheckRange(tt.r), tt.wantErr) {
				t.Errorf("CheckRange = %v", CheckRange(tt.r))
			}
		})
	}
}

func TestBuildErrors(t *testing.T) {
	ok := Entry[int]{netipx.MustParseIPRange("10.0.0.0-10.0.0.255"), 1}
	bad := Entry[int]{netipx.IPRangeFrom(netip.MustParseAddr("10.0.0.9"), netip.MustParseAddr("10.0.0.1")), 2}
	mapped := netip.MustParseAddr("::ffff:1.2.3.4")
	tests := []struct {
		name      string
		entries   []Entry[int]
		wantErr   error
		wantIndex int
	}{
		{"reversed", []Entry[int]{ok, ok, bad, ok}, ErrInvalidRange, 2},
		{"zero", []Entry[int]{{}}, ErrInvalidRange, 0},
		{"mapped", []Entry[int]{ok, {netipx.IPRangeFrom(mapped, mapped), 3}}, ErrMappedIPv6, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr, err := Build(tt.entries)
			if tr != nil || !errors.Is(err, tt.wantErr) {
				t.Fatalf("Build = %v, %v; want nil, %v", tr, err, tt.wantErr)
			}
			var re *RangeError
			if !errors.As(err, &re) || re.Index != tt.wantIndex || re.Range != tt.entries[tt.wantIndex].Range {
				t.Fatalf("Build error %#v, want a *RangeError at index %d", err, tt.wantIndex)
			}
			if !strings.Contains(err.Error(), "entry ") {
				t.Errorf("error %q does not name the entry", err)
			}
		})
	}
}
