package ipam

import (
	"errors"
	"fmt"
	"net/netip"

	"github.com/cidrplan/cidrplan/cidr"
)

// Sentinel errors, one per category. Every error returned by this package
// matches exactly one of them with errors.Is; typed errors ([ParseError],
// [PrefixError], [EnumError]) carry the details. The sentinels for prefixes
// and addresses are package cidr's values, shared with overlap and sizing,
// so errors.Is(err, cidr.ErrHostBits) holds for ipam's errors too. The
// sentinels' text names no package: it is read inside the message of the
// error that wraps it, which names the package once. Typed errors that
// front ends show also have a Message method: the same text without
// "ipam: ".
var (
	// ErrSyntax: the plan file is not well-formed YAML or JSON.
	ErrSyntax = errors.New("syntax error")
	// ErrUnknownField: the plan names a key the schema does not have.
	ErrUnknownField = errors.New("unknown field")
	// ErrInvalidValue: a value has the wrong type or is outside its domain.
	ErrInvalidValue = errors.New("invalid value")
	// ErrInvalidPrefix is cidr.ErrInvalidPrefix: a CIDR does not parse
	// (AKS's CidrStringParseError).
	ErrInvalidPrefix = cidr.ErrInvalidPrefix
	// ErrInvalidAddr is cidr.ErrInvalidAddr: an IP address does not parse
	// or has a zone (AKS's CidrStringParseError too).
	ErrInvalidAddr = cidr.ErrInvalidAddr
	// ErrHostBits is cidr.ErrHostBits: a CIDR has host bits set.
	ErrHostBits = cidr.ErrHostBits
	// Err4in6 is cidr.ErrMappedIPv6: an IPv4-mapped IPv6 address or prefix.
	Err4in6 = cidr.ErrMappedIPv6
	// ErrUnknownVNet: a reference names a VNet the plan does not hold.
	ErrUnknownVNet = errors.New("unknown vnet")
	// ErrUnknownCluster: Plan.Upgrade or Plan.Report is asked for a
	// cluster the plan does not hold.
	ErrUnknownCluster = errors.New("unknown cluster")
	// ErrInvalidPlan: Complete cannot produce a valid plan from its input.
	ErrInvalidPlan = errors.New("invalid plan")
	// ErrTooLarge is cidr.ErrInputTooLarge: an input (a plan file, an
	// export) is larger than the size limit of its reader.
	ErrTooLarge = cidr.ErrInputTooLarge
)

// DefaultMaxInputSize is cidr.DefaultMaxInputSize: the size limit of a
// plan file or an export when the caller sets none, 256 MiB.
const DefaultMaxInputSize = cidr.DefaultMaxInputSize

// MaxInputErrors bounds the errors reported at once for one plan file, or
// for the exports of one import: every independent mistake is reported, up
// to this many, so a file of the wrong kind does not produce thousands.
const MaxInputErrors = 50

// TooLargeError is cidr.InputTooLargeError: an input larger than the size
// limit, which bounds the memory reading takes: more than Limit bytes in
// the input called Name ("stdin" for standard input). It matches
// [ErrTooLarge] with errors.Is. Its Error and Message are the same text,
// naming no package: `plan.json: input too large (more than 268435456
// bytes)`.
type TooLargeError = cidr.InputTooLargeError

// ParseError is an error in a plan file, with its position, as package
// planfile reports it. Unwrap returns the cause, which matches one of the
// sentinels.
type ParseError struct {
	File string // the name given to planfile.Parse or the path given to planfile.Load
	Line int    // 1-based; 0 when unknown
	Path string // the key path, e.g. clusters[prod].networkProfile.serviceCidr (list entries by name, else index)
	Err  error
}

// Error returns "ipam: " and Message.
func (e *ParseError) Error() string { return "ipam: " + e.Message() }

// Message is the error without the package name, for a front end that
// names itself: `plan.yaml:4: clusters[prod].networkProfile.serviceCidr:
// prefix "10.2.0.1/24": host bits set (want 10.2.0.0/24)
// (CidrStringParseError)`. The cause names no package (the sentinels
// ErrSyntax, ErrUnknownField and ErrInvalidValue, an *EnumError and the
// errors of package cidr are written to be read inside it).
func (e *ParseError) Message() string {
	pos := e.File
	if e.Line > 0 {
		pos = fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	msg := fmt.Sprint(e.Err)
	if code := e.Code(); code != "" {
		msg += " (" + string(code) + ")"
	}
	if e.Path != "" {
		return fmt.Sprintf("%s: %s: %s", pos, e.Path, msg)
	}
	return fmt.Sprintf("%s: %s", pos, msg)
}

// Code returns AKS's code for the error, CidrStringParseError for a bad
// prefix or address, else "".
func (e *ParseError) Code() Code {
	var pe *PrefixError
	var ae *cidr.AddrError
	if errors.As(e.Err, &pe) || errors.As(e.Err, &ae) {
		return CodeCIDRStringParseError
	}
	return ""
}

func (e *ParseError) Unwrap() error { return e.Err }

// PrefixError is cidr.PrefixError: a prefix that is malformed, has host
// bits set (the message names the masked form), or is IPv4-mapped IPv6. It
// matches [ErrInvalidPrefix], [ErrHostBits] or [Err4in6] with errors.Is.
// An address is reported as a *cidr.AddrError.
type PrefixError = cidr.PrefixError

// ParsePrefix parses s strictly with cidr.ParsePrefix: a valid CIDR with no
// host bits set, not IPv4-mapped IPv6. Errors are *[PrefixError].
func ParsePrefix(s string) (netip.Prefix, error) { return cidr.ParsePrefix(s) }

// ParseAddr parses an IP address strictly with cidr.ParseAddr: no zone, not
// IPv4-mapped IPv6. Errors are *cidr.AddrError matching [ErrInvalidAddr]
// or [Err4in6].
func ParseAddr(s string) (netip.Addr, error) { return cidr.ParseAddr(s) }
