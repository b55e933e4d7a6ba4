package ipam

import (
	"net/netip"

	"go4.org/netipx"
)

// Hints: free ranges suggested in the fix of an overlap error. They are
// computed only when an error needs one, from a set of every range the plan
// uses plus the reserved and forbidden ranges, built once per validation.

// usedSet returns the set of addresses the plan already uses or may not use.
func (v *validation) usedSet() *netipx.IPSet {
	if v.used != nil {
		return v.used
	}
	var b netipx.IPSetBuilder
	for _, r := range v.collectRangesQuiet() {
		b.AddPrefix(r.prefix)
	}
	for _, r := range AKSReservedRanges() {
		b.AddPrefix(r.Prefix)
	}
	for _, r := range VNetForbiddenRanges() {
		b.AddPrefix(r.Prefix)
	}
	v.used, _ = b.IPSet()
	return v.used
}

// collectRangesQuiet is collectRanges without reporting bad prefixes.
func (v *validation) collectRangesQuiet() []planRange {
	saved := len(v.findings)
	rs := v.collectRanges()
	v.findings = v.findings[:saved]
	return rs
}

// lowestFree returns the lowest aligned prefix of length bits inside one of
// parents (tried in order) that overlaps nothing in used.
func lowestFree(used *netipx.IPSet, bits int, parents ...netip.Prefix) (netip.Prefix, bool) {
	for _, parent := range parents {
		if bits < parent.Bits() || bits > parent.Addr().BitLen() {
			continue
		}
		var b netipx.IPSetBuilder
		b.AddPrefix(parent)
		b.RemoveSet(used)
		free, err := b.IPSet()
		if err != nil {
			continue
		}
		for _, r := range free.Ranges() {
			if p, ok := firstAligned(r, bits); ok {
				return p, true
			}
		}
	}
	return netip.Prefix{}, false
}

// firstAligned returns the lowest prefix of length bits inside r.
func firstAligned(r netipx.IPRange, bits int) (netip.Prefix, bool) {
	p := netip.PrefixFrom(r.From(), bits).Masked()
	if p.Addr().Less(r.From()) {
		next := netipxLast(p).Next()
		if !next.IsValid() {
			return netip.Prefix{}, false
		}
		p = netip.PrefixFrom(next, bits)
	}
	if !r.Contains(p.Addr()) || !r.Contains(netipxLast(p)) {
		return netip.Prefix{}, false
	}
	return p, true
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
	p, ok := lowestFree(v.usedSet(), bits, append([]netip.Prefix{DefaultServiceCIDR}, privateParentsV4...)...)
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
	q, ok := lowestFree(v.usedSet(), p.Bits(), append([]netip.Prefix{DefaultPodCIDR}, privateParentsV4...)...)
	if !ok {
		return "a private range that overlaps nothing in the plan"
	}
	return q.String()
}

// freeHint suggests a free range of p's size inside the VNet, as
// " such as 10.1.2.0/24", or "" if there is none.
func (v *validation) freeHint(vv *vnetView, p netip.Prefix) string {
	q, ok := lowestFree(v.usedSet(), p.Bits(), vv.v.AddressSpace...)
	if !ok {
		return ""
	}
	return " such as " + q.String()
}
