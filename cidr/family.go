package cidr

import "net/netip"

// Family is an address family. The zero Family is AnyFamily.
type Family uint8

const (
	AnyFamily Family = iota // either family
	IPv4                    // 32-bit addresses
	IPv6                    // 128-bit addresses, IPv4-mapped ones excluded
)

// FamilyOf returns the family of a, or AnyFamily for the zero address.
func FamilyOf(a netip.Addr) Family {
	switch {
	case a.Is4():
		return IPv4
	case a.Is6():
		return IPv6
	}
	return AnyFamily
}

// String returns "IPv4", "IPv6" or "any".
func (f Family) String() string {
	switch f {
	case IPv4:
		return "IPv4"
	case IPv6:
		return "IPv6"
	}
	return "any"
}
