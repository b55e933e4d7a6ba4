package ipam

import "net/netip"

// Hints: free ranges suggested in the fix of an overlap error, found with the
// allocator among every range the plan uses plus the reserved and forbidden
// ranges (listed once per validation, only when an error needs a hint).

// hintRanges returns what the plan uses, for fix hints (cached).
func (v *validation) hintRanges() []usedRange {
	if v.used == nil {
		v.used = []usedRange{}
		for _, r := range v.collectRangesQuiet() {
			v.used = append(v.used, usedRange{prefix: r.prefix, vnetSpace: r.kind == kindVNet})
		}
		for _, r := range AKSReservedRanges() {
			v.used = append(v.used, usedRange{prefix: r.Prefix})
		}
		for _, r := range VNetForbiddenRanges() {
			v.used = append(v.used, usedRange{prefix: r.Prefix})
		}
	}
	return v.used
}

// collectRangesQuiet is collectRanges without reporting bad prefixes.
func (v *validation) collectRangesQuiet() []planRange {
	saved := len(v.findings)
	rs := v.collectRanges()
	v.findings = v.findings[:saved]
	return rs
}

// lowestFree returns the lowest aligned prefix of length bits inside the
// first of parents that has one free of used.
func lowestFree(used []usedRange, bits int, parents ...netip.Prefix) (netip.Prefix, bool) {
	for _, parent := range parents {
		if got, err := allocateAcross(used, []netip.Prefix{parent}, bits, 1); err == nil {
			return got[0], true
		}
	}
	return netip.Prefix{}, false
}

var privateParentsV4 = []netip.Prefix{
	netip.MustParsePrefix("10.0.0.0/8"),
	netip.MustParsePrefix("172.16.0.0/12"),
	netip.MustParsePrefix("192.168.0.0/16"),
}

// freeServiceHint suggests a free service range of the cluster's size (and
// its DNS IP), preferring the default 10.0.0.0/16.
func (v *validation) freeServiceHint(cv *clusterView) string {
	bits := 16
	if s := cv.c.NetworkProfile.ServicePrefixes(); len(s) > 0 && s[0].Addr().Is4() && s[0].Bits() >= 12 {
		bits = s[0].Bits()
	}
	p, ok := lowestFree(v.hintRanges(), bits, append([]netip.Prefix{DefaultServiceCIDR}, privateParentsV4...)...)
	if !ok {
		return "a private range that overlaps nothing in the plan"
	}
	s := p.String()
	if dns, ok := dnsCandidate(p); ok {
		s += " and dnsServiceIP " + dns.String()
	}
	return s
}

// freePodHint suggests a free pod range of the size of p, preferring the
// default 10.244.0.0/16.
func (v *validation) freePodHint(cv *clusterView, p netip.Prefix) string {
	if p.Addr().Is6() {
		return "a ULA range (fd00::/8) that overlaps nothing in the plan"
	}
	q, ok := lowestFree(v.hintRanges(), p.Bits(), append([]netip.Prefix{DefaultPodCIDR}, privateParentsV4...)...)
	if !ok {
		return "a private range that overlaps nothing in the plan"
	}
	return q.String()
}

// freeHint suggests a free range of p's size inside the VNet, as
// " such as 10.1.2.0/24", or "" if there is none.
func (v *validation) freeHint(vv *vnetView, p netip.Prefix) string {
	q, ok := lowestFree(v.hintRanges(), p.Bits(), vv.v.AddressSpace...)
	if !ok {
		return ""
	}
	return " such as " + q.String()
}
