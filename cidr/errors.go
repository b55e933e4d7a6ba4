package cidr

import "errors"

// The sentinels, one per condition. Every error of this package wraps
// exactly one of them.
var (
	// ErrInvalidPrefix: text that is not a CIDR, the zero netip.Prefix, or
	// a length outside its family.
	ErrInvalidPrefix = errors.New("invalid prefix")
	// ErrInvalidAddr: text that is not an IP address, the zero netip.Addr,
	// or an address with a zone (fe80::1%eth0).
	ErrInvalidAddr = errors.New("invalid address")
	// ErrHostBits: a prefix with bits set after its length, such as
	// 10.0.0.1/8.
	ErrHostBits = errors.New("host bits set")
	// ErrMappedIPv6: an IPv4-mapped IPv6 address or prefix
	// (::ffff:10.0.0.0/104).
	ErrMappedIPv6 = errors.New("IPv4-mapped IPv6 address")
	// ErrFamily: a prefix of the other address family than the one asked
	// for.
	ErrFamily = errors.New("wrong address family")
	// ErrInvalidRange: a range with a zero end, ends of different
	// families, or its start after its end.
	ErrInvalidRange = errors.New("invalid range")
	// ErrInputTooLarge: an input (a plan file, an export) is larger than
	// the size limit of its reader; see [InputTooLargeError].
	ErrInputTooLarge = errors.New("input too large")
)
