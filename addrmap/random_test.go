package addrmap

import (
	"math/rand/v2"
	"net/netip"
	"strconv"

	"github.com/cidrplan/cidrplan/ipam"
)

// RandomPlan is randomPlan for the external tests.
var RandomPlan = randomPlan

func randomPrefix(r *rand.Rand, v6 bool) netip.Prefix {
	if v6 {
		var b [16]byte
		b[0], b[1], b[2] = 0xfd, byte(r.IntN(4)), byte(r.IntN(256))
		return netip.PrefixFrom(netip.AddrFrom16(b), 32+r.IntN(97)).Masked()
	}
	a := netip.AddrFrom4([4]byte{byte(r.IntN(4) * 64), byte(r.IntN(256)), byte(r.IntN(256)), byte(r.IntN(256))})
	return netip.PrefixFrom(a, r.IntN(33)).Masked()
}

func randomPlan(r *rand.Rand) *ipam.Plan {
	p := &ipam.Plan{}
	for v := range 1 + r.IntN(3) {
		vn := ipam.VNet{Name: "vnet" + strconv.Itoa(v)}
		for range 1 + r.IntN(2) {
			vn.AddressSpace = append(vn.AddressSpace, randomPrefix(r, r.IntN(4) == 0))
		}
		for s := range r.IntN(6) {
			vn.Subnets = append(vn.Subnets, ipam.Subnet{Name: "s" + strconv.Itoa(s), AddressPrefixes: []netip.Prefix{randomPrefix(r, r.IntN(4) == 0)}})
		}
		p.VNets = append(p.VNets, vn)
	}
	for a := range r.IntN(3) {
		p.Avoid = append(p.Avoid, ipam.AvoidRange{Name: "a" + strconv.Itoa(a), Source: ipam.SourceOnPremises, Prefixes: []netip.Prefix{randomPrefix(r, false)}})
	}
	return p
}
