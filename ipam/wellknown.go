package ipam

import "net/netip"

// NamedPrefix is a prefix with a label saying why it is special.
type NamedPrefix struct {
	Prefix netip.Prefix
	Name   string
}

// AKSReservedRanges returns the ranges AKS reserves: a cluster's service
// range, pod range and VNet may not overlap them (an overlap test: a pod CIDR
// of 172.16.0.0/12 is rejected because it contains 172.30.0.0/16).
func AKSReservedRanges() []NamedPrefix {
	return []NamedPrefix{
		{netip.MustParsePrefix("169.254.0.0/16"), "link-local, reserved by AKS"},
		{netip.MustParsePrefix("172.30.0.0/16"), "reserved by AKS"},
		{netip.MustParsePrefix("172.31.0.0/16"), "reserved by AKS"},
		{netip.MustParsePrefix("192.0.2.0/24"), "TEST-NET-1, reserved by AKS"},
	}
}

// VNetForbiddenRanges returns the ranges an Azure VNet address space may not
// contain.
func VNetForbiddenRanges() []NamedPrefix {
	return []NamedPrefix{
		{netip.MustParsePrefix("127.0.0.0/8"), "loopback"},
		{netip.MustParsePrefix("168.63.129.16/32"), "Azure platform address"},
		{netip.MustParsePrefix("169.254.0.0/16"), "link-local"},
		{netip.MustParsePrefix("224.0.0.0/4"), "multicast"},
		{netip.MustParsePrefix("255.255.255.255/32"), "broadcast"},
	}
}

// PrivateRanges returns the ranges that count as private address space:
// RFC 1918, RFC 6598 shared address space (100.64.0.0/10) and IPv6 unique
// local addresses (fc00::/7).
func PrivateRanges() []netip.Prefix {
	return []netip.Prefix{
		netip.MustParsePrefix("10.0.0.0/8"),
		netip.MustParsePrefix("100.64.0.0/10"),
		netip.MustParsePrefix("172.16.0.0/12"),
		netip.MustParsePrefix("192.168.0.0/16"),
		netip.MustParsePrefix("fc00::/7"),
	}
}

// IsPrivate reports whether p lies entirely inside one of [PrivateRanges].
func IsPrivate(p netip.Prefix) bool {
	for _, r := range PrivateRanges() {
		if r.Bits() <= p.Bits() && r.Contains(p.Addr()) {
			return true
		}
	}
	return false
}

// IsMulticast reports whether p overlaps multicast space (224.0.0.0/4 or
// ff00::/8).
func IsMulticast(p netip.Prefix) bool {
	return p.Overlaps(netip.MustParsePrefix("224.0.0.0/4")) || p.Overlaps(netip.MustParsePrefix("ff00::/8"))
}

// insideAKSReserved returns the range AKS reserves that holds all of p, if
// any: such a prefix is reported as reserved, not as public address space.
func insideAKSReserved(p netip.Prefix) (NamedPrefix, bool) {
	for _, r := range AKSReservedRanges() {
		if r.Prefix.Bits() <= p.Bits() && r.Prefix.Contains(p.Addr()) {
			return r, true
		}
	}
	return NamedPrefix{}, false
}

// privateAdvice names the private address space of p's family, for the fix
// or reason of a public-range finding.
func privateAdvice(p netip.Prefix) string {
	if p.Addr().Is6() {
		return "unique local addresses (fc00::/7, RFC 4193)"
	}
	return "private ranges (RFC 1918, 100.64.0.0/10)"
}

// notPrivateWords says why p is not private: public address space, or the
// range AKS reserves that holds it (192.0.2.0/24 is TEST-NET-1, not public).
func notPrivateWords(p netip.Prefix) string {
	if r, ok := insideAKSReserved(p); ok {
		return "inside " + r.Prefix.String() + " (" + r.Name + "), not private address space"
	}
	return "public address space"
}

// multicastWords says how p meets multicast space, for a range IsMulticast
// reports: it is multicast, or (like ::/0) it overlaps the family's
// multicast block.
func multicastWords(p netip.Prefix) string {
	m := netip.MustParsePrefix("224.0.0.0/4")
	if p.Addr().Is6() {
		m = netip.MustParsePrefix("ff00::/8")
	}
	if m.Bits() <= p.Bits() && m.Contains(p.Addr()) {
		return "is multicast address space"
	}
	return "overlaps multicast address space " + m.String()
}

// The AKS-managed VNet: what AKS creates in a cluster's node resource group
// when its pools name no subnet (vnetSubnetId null, the az aks create
// default). Observed in exports, not documented as a contract [D].
const (
	// ManagedVNetPrefix starts the managed VNet's name: aks-vnet-<number>.
	ManagedVNetPrefix = "aks-vnet-"
	// ManagedSubnetName names its one subnet.
	ManagedSubnetName = "aks-subnet"
)

// ManagedVNet returns the AKS-managed VNet as AKS is observed to create it
// [D], under the plan name name: address space 10.224.0.0/12 with subnet
// aks-subnet 10.224.0.0/16, marked Assumed.
func ManagedVNet(name string) VNet {
	return VNet{
		Name:         name,
		AddressSpace: []netip.Prefix{netip.MustParsePrefix("10.224.0.0/12")},
		Subnets:      []Subnet{{Name: ManagedSubnetName, AddressPrefixes: []netip.Prefix{netip.MustParsePrefix("10.224.0.0/16")}}},
		Assumed:      true,
	}
}
