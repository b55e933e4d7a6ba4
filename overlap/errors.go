package overlap

import (
	"errors"
	"fmt"
	"net/netip"

	"go4.org/netipx"
)

// Sentinel errors, one per kind of bad input; match them with errors.Is.
var (
	// ErrInvalidPrefix: the zero netip.Prefix or one with an out-of-range length.
	ErrInvalidPrefix = errors.New("invalid prefix")
	// ErrHostBits: a prefix with bits set after its length, such as 10.0.0.1/8.
	ErrHostBits = errors.New("host bits set")
	// ErrMappedIPv6: an IPv4-mapped IPv6 address (::ffff:10.0.0.0); the tree
	// keeps IPv4 and IPv6 apart and will not guess which one was meant.
	ErrMappedIPv6 = errors.New("IPv4-mapped IPv6 address")
	// ErrInvalidRange: a range with a zero end, ends of different families,
	// or its start after its end.
	ErrInvalidRange = errors.New("invalid range")
)

// PrefixError reports a rejected prefix. Err is one of ErrInvalidPrefix,
// ErrHostBits or ErrMappedIPv6.
type PrefixError struct {
	Prefix netip.Prefix
	Err    error
}

func (e *PrefixError) Error() string {
	if e.Err == ErrHostBits {
		return fmt.Sprintf("overlap: prefix %q: host bits set (want %s)", e.Prefix, e.Prefix.Masked())
	}
	return fmt.Sprintf("overlap: prefix %q: %v", e.Prefix, e.Err)
}

func (e *PrefixError) Unwrap() error { return e.Err }

// RangeError reports a rejected range. Err is ErrInvalidRange or
// ErrMappedIPv6. Index is the entry's position in Build's input, or -1.
type RangeError struct {
	Range netipx.IPRange
	Index int
	Err   error
}

func (e *RangeError) Error() string {
	from, to := e.Range.From(), e.Range.To()
	var what string
	switch {
	case e.Err != ErrInvalidRange:
		what = e.Err.Error()
	case !from.IsValid() || !to.IsValid():
		what = "invalid range (zero address)"
	case from.BitLen() != to.BitLen():
		what = "invalid range (mixed address families)"
	default:
		what = "invalid range (start after end)"
	}
	if e.Index >= 0 {
		return fmt.Sprintf("overlap: entry %d: range %q: %s", e.Index, from.String()+"-"+to.String(), what)
	}
	return fmt.Sprintf("overlap: range %q: %s", from.String()+"-"+to.String(), what)
}

func (e *RangeError) Unwrap() error { return e.Err }

// checkPrefix returns the sentinel for a prefix the tree rejects, or nil.
func checkPrefix(p netip.Prefix) error {
	switch {
	case !p.IsValid():
		return ErrInvalidPrefix
	case p.Addr().Is4In6():
		return ErrMappedIPv6
	case p.Masked() != p:
		return ErrHostBits
	}
	return nil
}

// checkRange returns the sentinel for a range the tree rejects, or nil.
// netipx.IPRangeFrom drops zones, so a valid range has none. Like a prefix,
// a range is rejected as IPv4-mapped when its first address is: the range
// of ::/80 ends at ::ffff:255.255.255.255 and is as acceptable as ::/80.
func checkRange(r netipx.IPRange) error {
	switch {
	case !r.IsValid():
		return ErrInvalidRange
	case r.From().Is4In6():
		return ErrMappedIPv6
	}
	return nil
}

// CheckPrefix returns nil if the tree accepts p, else a *PrefixError.
// Queries given a prefix it rejects report no overlap.
func CheckPrefix(p netip.Prefix) error {
	if err := checkPrefix(p); err != nil {
		return &PrefixError{Prefix: p, Err: err}
	}
	return nil
}

// CheckRange returns nil if the tree accepts r, else a *RangeError.
// Queries given a range it rejects report no overlap.
func CheckRange(r netipx.IPRange) error {
	if err := checkRange(r); err != nil {
		return &RangeError{Range: r, Index: -1, Err: err}
	}
	return nil
}
