package overlap

import (
	"net/netip"
	"strconv"

	"github.com/cidrplan/cidrplan/cidr"
	"go4.org/netipx"
)

// Sentinel errors, one per kind of bad input; match them with errors.Is.
// They are the values of package cidr, shared by every cidrplan package that
// checks prefixes, so errors.Is(err, cidr.ErrHostBits) and
// errors.Is(err, overlap.ErrHostBits) agree whichever package noticed.
var (
	// ErrInvalidPrefix is cidr.ErrInvalidPrefix: the zero netip.Prefix or
	// one with an out-of-range length.
	ErrInvalidPrefix = cidr.ErrInvalidPrefix
	// ErrHostBits is cidr.ErrHostBits: a prefix with bits set after its
	// length, such as 10.0.0.1/8.
	ErrHostBits = cidr.ErrHostBits
	// ErrMappedIPv6 is cidr.ErrMappedIPv6: an IPv4-mapped IPv6 address
	// (::ffff:10.0.0.0); the tree keeps IPv4 and IPv6 apart and will not
	// guess which one was meant.
	ErrMappedIPv6 = cidr.ErrMappedIPv6
	// ErrInvalidRange is cidr.ErrInvalidRange: a range with a zero end, ends
	// of different families, or its start after its end.
	ErrInvalidRange = cidr.ErrInvalidRange
)

// PrefixError reports a rejected prefix. Err is one of ErrInvalidPrefix,
// ErrHostBits or ErrMappedIPv6.
type PrefixError struct {
	Prefix netip.Prefix
	Err    error
}

// Error returns cidr's message for the prefix under the package name:
// `overlap: prefix "10.0.1.1/24": host bits set (want 10.0.1.0/24)`.
func (e *PrefixError) Error() string {
	return "overlap: " + (&cidr.PrefixError{Prefix: e.Prefix, Err: e.Err}).Error()
}

func (e *PrefixError) Unwrap() error { return e.Err }

// RangeError reports a rejected range. Err is ErrInvalidRange or
// ErrMappedIPv6. Index is the entry's position in Build's input, or -1.
type RangeError struct {
	Range netipx.IPRange
	Index int
	Err   error
}

// Error returns cidr's message for the range under the package name and,
// for Build and ConflictsAmong, the entry's index:
// `overlap: entry 2: range "10.0.0.9-10.0.0.1": invalid range (start after end)`.
func (e *RangeError) Error() string {
	msg := (&cidr.RangeError{Range: e.Range, Err: e.Err}).Error()
	if e.Index >= 0 {
		return "overlap: entry " + strconv.Itoa(e.Index) + ": " + msg
	}
	return "overlap: " + msg
}

func (e *RangeError) Unwrap() error { return e.Err }

// checkPrefix returns the sentinel for a prefix the tree rejects, or nil.
func checkPrefix(p netip.Prefix) error { return cidr.PrefixSentinel(p) }

// checkRange returns the sentinel for a range the tree rejects, or nil: a
// range is rejected as IPv4-mapped when its first address is (see
// cidr.CheckRange).
func checkRange(r netipx.IPRange) error { return cidr.RangeSentinel(r) }

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
