package cidr

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"
)

// PrefixError reports a prefix that is rejected. Err is the sentinel:
// ErrInvalidPrefix, ErrHostBits, ErrMappedIPv6 or ErrFamily.
type PrefixError struct {
	Input  string       // the text as given to ParsePrefix; "" when checked as a netip.Prefix (an empty text reads as the zero prefix)
	Prefix netip.Prefix // the prefix as parsed, host bits and mapping kept; zero when Input does not parse
	Family Family       // for ErrFamily: the family that was asked for
	Err    error        // the sentinel
}

// Error returns `prefix "<input>": <reason>`, quoting Input when the prefix
// was parsed from text and Prefix otherwise.
func (e *PrefixError) Error() string {
	in := e.Input
	if in == "" {
		in = e.Prefix.String()
	}
	return "prefix " + strconv.Quote(in) + ": " + e.Reason()
}

// Reason says what is wrong without naming the input, for a front end that
// names it itself (`--pod-cidr "10.244.0.1/16": host bits set (want
// 10.244.0.0/16)`). It names the form that would be accepted when there is
// one.
func (e *PrefixError) Reason() string {
	switch e.Err {
	case ErrInvalidPrefix:
		switch {
		case strings.Contains(e.Input, ":"):
			return "not a CIDR (want e.g. fd00::/64)"
		case e.Input != "":
			return "not a CIDR (want e.g. 10.0.0.0/16)"
		}
	case ErrHostBits:
		return fmt.Sprintf("%v (want %v)", e.Err, e.Prefix.Masked())
	case ErrMappedIPv6:
		if p, ok := unmapped(e.Prefix); ok {
			return fmt.Sprintf("%v (want %v)", e.Err, p)
		}
	case ErrFamily:
		return fmt.Sprintf("%v (want %v)", e.Err, e.Family)
	}
	return fmt.Sprint(e.Err)
}

// Unwrap returns the sentinel.
func (e *PrefixError) Unwrap() error { return e.Err }

// unmapped returns the IPv4 prefix an IPv4-mapped prefix stands for, when
// that prefix is itself acceptable.
func unmapped(p netip.Prefix) (netip.Prefix, bool) {
	if p.Bits() < 96 {
		return netip.Prefix{}, false
	}
	q := netip.PrefixFrom(p.Addr().Unmap(), p.Bits()-96)
	return q, PrefixSentinel(q) == nil
}

// ParsePrefix parses s as a CIDR strictly: it returns a *PrefixError
// wrapping ErrInvalidPrefix when s is not a CIDR (netip.ParsePrefix's
// syntax, so no zone and no surrounding space), ErrMappedIPv6 for an
// IPv4-mapped IPv6 prefix, and ErrHostBits when bits are set after the
// prefix length. It never masks or unmaps.
func ParsePrefix(s string) (netip.Prefix, error) {
	p, err := netip.ParsePrefix(s)
	if err != nil {
		return netip.Prefix{}, &PrefixError{Input: s, Err: ErrInvalidPrefix}
	}
	if err := PrefixSentinel(p); err != nil {
		return netip.Prefix{}, &PrefixError{Input: s, Prefix: p, Err: err}
	}
	return p, nil
}

// ParseAddrPrefix parses s as an address with its prefix length, the
// notation of an interface address (the docker bridge's 172.17.0.1/16):
// host bits are the address and are kept. It returns a *PrefixError
// wrapping ErrInvalidPrefix when s is not a CIDR and ErrMappedIPv6 for an
// IPv4-mapped IPv6 address.
func ParseAddrPrefix(s string) (netip.Prefix, error) {
	p, err := netip.ParsePrefix(s)
	if err != nil {
		return netip.Prefix{}, &PrefixError{Input: s, Err: ErrInvalidPrefix}
	}
	if err := PrefixSentinel(p.Masked()); err != nil {
		return netip.Prefix{}, &PrefixError{Input: s, Prefix: p, Err: err}
	}
	return p, nil
}

// MustParsePrefix calls ParsePrefix and panics on error. It is for tests
// and constants.
func MustParsePrefix(s string) netip.Prefix {
	p, err := ParsePrefix(s)
	if err != nil {
		panic(err)
	}
	return p
}

// CheckPrefix returns nil when p is valid, not IPv4-mapped and has no host
// bits set, else a *PrefixError wrapping ErrInvalidPrefix, ErrMappedIPv6 or
// ErrHostBits.
func CheckPrefix(p netip.Prefix) error {
	if err := PrefixSentinel(p); err != nil {
		return &PrefixError{Prefix: p, Err: err}
	}
	return nil
}

// CheckPrefixFamily is CheckPrefix that also returns a *PrefixError
// wrapping ErrFamily when p is not of family f. AnyFamily accepts both.
func CheckPrefixFamily(p netip.Prefix, f Family) error {
	if err := CheckPrefix(p); err != nil {
		return err
	}
	if f != AnyFamily && FamilyOf(p.Addr()) != f {
		return &PrefixError{Prefix: p, Family: f, Err: ErrFamily}
	}
	return nil
}

// PrefixSentinel returns the sentinel CheckPrefix's error would wrap, or
// nil, without building an error: for hot paths that only test, and for
// packages that wrap the sentinel in an error type of their own. A mapped
// prefix is reported as mapped even when it also has host bits set.
func PrefixSentinel(p netip.Prefix) error {
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
