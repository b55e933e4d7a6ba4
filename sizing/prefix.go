package sizing

import (
	"fmt"
	"net/netip"

	"github.com/cidrplan/cidrplan/cidr"
)

// PrefixError reports a prefix argument that cannot be used. It wraps
// ErrPrefix and, for a malformed prefix, Err: the *cidr.PrefixError that
// says what is wrong, so errors.Is matches both ErrPrefix and the shared
// sentinel (cidr.ErrHostBits, cidr.ErrMappedIPv6, cidr.ErrFamily,
// cidr.ErrInvalidPrefix).
type PrefixError struct {
	Prefix netip.Prefix
	Err    error  // the *cidr.PrefixError for a malformed prefix; nil when the length breaks a rule of the range
	Detail string // the rule of the range that the length breaks, when Err is nil
}

// Error returns `sizing: prefix "<prefix>": <reason>`.
func (e *PrefixError) Error() string {
	return fmt.Sprintf("sizing: prefix %q: %s", e.Prefix, e.Reason())
}

// Reason says what is wrong without naming the prefix, for a front end
// that names it itself.
func (e *PrefixError) Reason() string {
	if r, ok := e.Err.(interface{ Reason() string }); ok {
		return r.Reason()
	}
	if e.Err != nil {
		return e.Err.Error()
	}
	return e.Detail
}

// Unwrap returns ErrPrefix and, when set, Err.
func (e *PrefixError) Unwrap() []error {
	if e.Err == nil {
		return []error{ErrPrefix}
	}
	return []error{ErrPrefix, e.Err}
}

// checkPrefix rejects an invalid prefix, host bits set, IPv4-mapped IPv6,
// and a family other than want, as a *PrefixError wrapping cidr's error.
func checkPrefix(p netip.Prefix, want IPFamily) error {
	if err := cidr.CheckPrefixFamily(p, want.CIDRFamily()); err != nil {
		return &PrefixError{Prefix: p, Err: err}
	}
	return nil
}

// CIDRFamily returns the family as package cidr names it, for its
// CheckPrefixFamily; cidr.AnyFamily for "" or an unknown family.
func (f IPFamily) CIDRFamily() cidr.Family {
	switch f {
	case IPv4:
		return cidr.IPv4
	case IPv6:
		return cidr.IPv6
	}
	return cidr.AnyFamily
}
