package ipam

import (
	"errors"
	"fmt"
	"net/netip"
	"strings"
)

// Sentinel errors, one per category. Every error returned by this package
// matches exactly one of them with errors.Is; typed errors ([ParseError],
// [PrefixError], [EnumError]) carry the details.
var (
	// ErrSyntax: the plan file is not well-formed YAML or JSON.
	ErrSyntax = errors.New("ipam: syntax error")
	// ErrUnknownField: the plan names a key the schema does not have.
	ErrUnknownField = errors.New("ipam: unknown field")
	// ErrInvalidValue: a value has the wrong type or is outside its domain.
	ErrInvalidValue = errors.New("ipam: invalid value")
	// ErrInvalidPrefix: a CIDR does not parse (AKS's CidrStringParseError).
	ErrInvalidPrefix = errors.New("ipam: invalid prefix")
	// ErrHostBits: a CIDR has host bits set.
	ErrHostBits = errors.New("ipam: host bits set")
	// Err4in6: an IPv4-mapped IPv6 address or prefix.
	Err4in6 = errors.New("ipam: IPv4-mapped IPv6 address")
	// ErrUnknownVNet: a reference names a VNet the plan does not hold.
	ErrUnknownVNet = errors.New("ipam: unknown vnet")
	// ErrInvalidPlan: Complete cannot produce a valid plan from its input.
	ErrInvalidPlan = errors.New("ipam: invalid plan")
)

// ParseError is an error in a plan file, with its position, as package
// planfile reports it. Unwrap returns the cause, which matches one of the
// sentinels.
type ParseError struct {
	File string // the name given to planfile.Parse or the path given to planfile.Load
	Line int    // 1-based; 0 when unknown
	Path string // the key path, e.g. clusters[0].networkProfile.serviceCidr
	Err  error
}

func (e *ParseError) Error() string {
	pos := e.File
	if e.Line > 0 {
		pos = fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	msg := strings.TrimPrefix(fmt.Sprint(e.Err), "ipam: ")
	if code := e.Code(); code != "" {
		msg += " (" + string(code) + ")"
	}
	if e.Path != "" {
		return fmt.Sprintf("ipam: %s: %s: %s", pos, e.Path, msg)
	}
	return fmt.Sprintf("ipam: %s: %s", pos, msg)
}

// Code returns AKS's code for the error, CidrStringParseError for a bad
// prefix or address, else "".
func (e *ParseError) Code() Code {
	var pe *PrefixError
	if errors.As(e.Err, &pe) {
		return CodeCIDRStringParseError
	}
	return ""
}

func (e *ParseError) Unwrap() error { return e.Err }

// PrefixError reports a prefix or address that is malformed, has host bits
// set, or is IPv4-mapped IPv6. It matches [ErrInvalidPrefix], [ErrHostBits]
// or [Err4in6] with errors.Is.
type PrefixError struct {
	Input string       // the text as given
	Want  netip.Prefix // for host bits: the masked form
	Err   error        // the sentinel
}

func (e *PrefixError) Error() string {
	switch e.Err {
	case ErrHostBits:
		return fmt.Sprintf("ipam: %q: host bits set (want %s)", e.Input, e.Want)
	case Err4in6:
		return fmt.Sprintf("ipam: %q: IPv4-mapped IPv6 not allowed", e.Input)
	default:
		return fmt.Sprintf("ipam: %q: not a valid CIDR", e.Input)
	}
}

func (e *PrefixError) Unwrap() error { return e.Err }

// ParsePrefix parses s strictly: a valid CIDR with no host bits set, not
// IPv4-mapped IPv6. Errors are *[PrefixError].
func ParsePrefix(s string) (netip.Prefix, error) {
	p, err := netip.ParsePrefix(s)
	if err != nil {
		return netip.Prefix{}, &PrefixError{Input: s, Err: ErrInvalidPrefix}
	}
	if p.Addr().Is4In6() {
		return netip.Prefix{}, &PrefixError{Input: s, Err: Err4in6}
	}
	if m := p.Masked(); m != p {
		return netip.Prefix{}, &PrefixError{Input: s, Want: m, Err: ErrHostBits}
	}
	return p, nil
}

// ParseAddr parses an IP address strictly: no zone, not IPv4-mapped IPv6.
// Errors are *[PrefixError] matching [ErrInvalidPrefix] or [Err4in6].
func ParseAddr(s string) (netip.Addr, error) {
	a, err := netip.ParseAddr(s)
	if err != nil || a.Zone() != "" {
		return netip.Addr{}, &PrefixError{Input: s, Err: ErrInvalidPrefix}
	}
	if a.Is4In6() {
		return netip.Addr{}, &PrefixError{Input: s, Err: Err4in6}
	}
	return a, nil
}
