package ipam

import (
	"net/netip"
	"slices"

	"go4.org/netipx"
)

// Hints: free ranges suggested in the fix of an overlap error, found with the
// allocator among every range the plan uses plus the reserved and forbidden
// ranges (listed once per validation, only when an error needs a hint).

// hintUsed returns what blocks allocation inside parent, from the
// validation's overlap index (O(log n + k)) plus the reserved and forbidden
// ranges.
func (v *validation) hintUsed(parent netip.Prefix) []usedRange {
	var out []usedRange
	if v.index != nil {
		for e := range v.index.Overlapping(parent) {
			r := &v.ranges[e.Value]
			out = append(out, usedRange{prefix: r.prefix, vnetSpace: r.kind == kindVNet})
		}
	}
	for _, r := range AKSReservedRanges() {
		out = append(out, usedRange{prefix: r.Prefix})
	}
	for _, r := range VNetForbiddenRanges() {
		out = append(out, usedRange{prefix: r.Prefix})
	}
	return out
}

// collectRangesQuiet is collectRanges without reporting bad prefixes.
func (v *validation) collectRangesQuiet() []planRange {
	saved := len(v.findings)
	rs := v.collectRanges()
	v.findings = v.findings[:saved]
	return rs
}

// lowestFree returns the lowest aligned prefix of length bits inside the
// first of parents that has one free of the plan's ranges and of the other
// hints already given. Answers are cached per validation: every hint of the
// same size and parents gives the same suggestion (service ranges may be
// shared by clusters), and a plan with many errors pays once.
func (v *validation) lowestFree(bits int, parents ...netip.Prefix) (netip.Prefix, bool) {
	if len(parents) == 0 {
		return netip.Prefix{}, false
	}
	key := hintKey{bits: bits, first: parents[0], n: len(parents)}
	if h, ok := v.hints[key]; ok {
		return h, h.IsValid()
	}
	var found netip.Prefix
	for _, parent := range parents {
		used := v.hintUsed(parent)
		for _, h := range v.hints {
			if h.IsValid() {
				used = append(used, usedRange{prefix: h}) // two fixes must not suggest one range
			}
		}
		blockers := func(parent netip.Prefix) []netipx.IPRange {
			var out []netipx.IPRange
			for _, u := range used {
				if u.prefix.Addr().BitLen() == parent.Addr().BitLen() && u.prefix.Overlaps(parent) &&
					!(u.vnetSpace && u.prefix.Bits() <= parent.Bits()) {
					out = append(out, netipx.RangeOfPrefix(u.prefix))
				}
			}
			return out
		}
		if got, err := allocateAcross(blockers, []netip.Prefix{parent}, bits, 1); err == nil {
			found = got[0]
			break
		}
	}
	if v.hints == nil {
		v.hints = make(map[hintKey]netip.Prefix)
	}
	v.hints[key] = found
	return found, found.IsValid()
}

type hintKey struct {
	bits  int
	first netip.Prefix
	n     int
}

// privateParentsV4 returns the RFC 1918 ranges, where replacement pod and
// service ranges are looked for, in order of preference.
func privateParentsV4() []netip.Prefix {
	return []netip.Prefix{
		netip.MustParsePrefix("10.0.0.0/8"),
		netip.MustParsePrefix("172.16.0.0/12"),
		netip.MustParsePrefix("192.168.0.0/16"),
	}
}

// freeServiceHint suggests a free service range in the family of p, the
// offending service range at field, of the cluster's size for that family
// (and its DNS IP): IPv4 prefers the default 10.0.0.0/16, IPv6 the default
// fd12:3456:789a:1::/108 and then the rest of fd00::/8. Its words are
// "10.0.0.0/16 and dnsServiceIP 10.0.0.10", proposing those values.
func (v *validation) freeServiceHint(cv *clusterView, p netip.Prefix, field string) fix {
	if p.Addr().Is6() {
		bits := serviceFixBits(p.Bits(), DefaultServiceCIDRv6(), 108)
		q, ok := v.lowestFree(bits, DefaultServiceCIDRv6(), netip.MustParsePrefix("fd00::/8"))
		if !ok {
			return fixText("a unique local range (fd00::/8) that overlaps nothing in the plan")
		}
		return proposed(field, q.String())
	}
	bits := 16
	for _, s := range cv.c.NetworkProfile.ServicePrefixes() {
		if s.Addr().Is4() {
			bits = serviceFixBits(s.Bits(), DefaultServiceCIDR(), 16)
			break
		}
	}
	q, ok := v.lowestFree(bits, append([]netip.Prefix{DefaultServiceCIDR()}, privateParentsV4()...)...)
	if !ok {
		return fixText("a private range that overlaps nothing in the plan")
	}
	f := proposed(field, q.String())
	if dns, ok := dnsCandidate(q); ok {
		f = f.and(" and dnsServiceIP ", proposed(cv.field("networkProfile.dnsServiceIP"), dns.String()))
	}
	return f
}

// serviceFixBits returns the size a fix proposes for a service range of
// bits: bits itself when CheckRange finds no error in that size, else
// fallback; then the next smaller size while CheckRange still has anything
// to say about it (a fix must not propose a /12 that check then warns
// about). Sizes are probed at def, the default service range, which breaks
// no other rule, so only the size rules answer.
func serviceFixBits(bits int, def netip.Prefix, fallback int) int {
	problems := func(bits int) []RangeProblem {
		return CheckRange(RangeServiceCIDR, netip.PrefixFrom(def.Addr(), bits).Masked())
	}
	if slices.ContainsFunc(problems(bits), func(p RangeProblem) bool { return p.Severity == SeverityError }) {
		bits = fallback
	}
	for bits < def.Addr().BitLen() && len(problems(bits)) > 0 {
		bits++
	}
	return bits
}

// freePodHint suggests a free pod range of the size of p, the pod range
// at field, preferring the default 10.244.0.0/16; its words are the range,
// proposed for field.
func (v *validation) freePodHint(cv *clusterView, p netip.Prefix, field string) fix {
	if p.Addr().Is6() {
		return fixText("a ULA range (fd00::/8) that overlaps nothing in the plan")
	}
	q, ok := v.lowestFree(p.Bits(), append([]netip.Prefix{DefaultPodCIDR()}, privateParentsV4()...)...)
	if !ok {
		return fixText("a private range that overlaps nothing in the plan")
	}
	return proposed(field, q.String())
}

// freeHint suggests a free range of p's size inside the VNet, as
// " such as 10.1.2.0/24", proposing it for field (none when field is
// ""), or nothing if there is none.
func (v *validation) freeHint(vv *vnetView, p netip.Prefix, field string) fix {
	q, ok := v.lowestFree(p.Bits(), vv.v.AddressSpace...)
	if !ok {
		return fix{}
	}
	if field == "" {
		return fixText(" such as " + q.String())
	}
	return proposed(field, q.String()).around(" such as ", "")
}
