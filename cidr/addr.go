package cidr

import (
	"fmt"
	"net/netip"
	"strconv"
)

// AddrError reports an address that is rejected. Err is the sentinel:
// ErrInvalidAddr or ErrMappedIPv6.
type AddrError struct {
	Input string     // the text as given to ParseAddr; "" when checked as a netip.Addr
	Addr  netip.Addr // the address as parsed, zone and mapping kept; zero when Input does not parse
	Err   error      // the sentinel
}

// Error returns `address "<input>": <reason>`.
func (e *AddrError) Error() string {
	in := e.Input
	if in == "" {
		in = e.Addr.String()
	}
	return "address " + strconv.Quote(in) + ": " + e.Reason()
}

// Reason says what is wrong without naming the input, and names the
// address that would be accepted when there is one.
func (e *AddrError) Reason() string {
	switch {
	case e.Err == ErrInvalidAddr && e.Addr.Zone() != "":
		return fmt.Sprintf("zone not allowed (want %v)", e.Addr.WithZone(""))
	case e.Err == ErrInvalidAddr && e.Input != "":
		return "not an IP address"
	case e.Err == ErrMappedIPv6 && e.Addr.Zone() == "":
		return fmt.Sprintf("%v (want %v)", e.Err, e.Addr.Unmap())
	}
	return fmt.Sprint(e.Err)
}

// Unwrap returns the sentinel.
func (e *AddrError) Unwrap() error { return e.Err }

// ParseAddr parses s as an IP address strictly: it returns an *AddrError
// wrapping ErrInvalidAddr when s is not an address or has a zone, and
// ErrMappedIPv6 for an IPv4-mapped IPv6 address.
func ParseAddr(s string) (netip.Addr, error) {
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Addr{}, &AddrError{Input: s, Err: ErrInvalidAddr}
	}
	if err := addrSentinel(a); err != nil {
		return netip.Addr{}, &AddrError{Input: s, Addr: a, Err: err}
	}
	return a, nil
}

// CheckAddr returns nil when a is valid, has no zone and is not
// IPv4-mapped, else an *AddrError wrapping ErrInvalidAddr or ErrMappedIPv6.
func CheckAddr(a netip.Addr) error {
	if err := addrSentinel(a); err != nil {
		return &AddrError{Addr: a, Err: err}
	}
	return nil
}

func addrSentinel(a netip.Addr) error {
	switch {
	case !a.IsValid() || a.Zone() != "":
		return ErrInvalidAddr
	case a.Is4In6():
		return ErrMappedIPv6
	}
	return nil
}
