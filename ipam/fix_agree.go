package ipam

import "strings"

// agreeDNSFixes makes a DNS service IP fix follow the fix that moves its
// service CIDR. A cluster whose DNS service IP is wrong for its service
// CIDR, and whose service CIDR overlaps something, gets two findings: one
// would set dnsServiceIP inside the current service CIDR, the other moves
// the service CIDR and sets dnsServiceIP inside the new one. Applied
// together they would set one field twice, to different values, and the
// first alone leaves the overlap; so the DNS finding proposes the move too,
// word for word, and either fix, or both, leaves the cluster consistent.
func agreeDNSFixes(fs Findings) {
	moves := make(map[string]Finding) // dnsServiceIP field -> the finding that moves its service CIDR
	for _, f := range fs {
		vs := f.FixValues.All()
		for i, dv := range vs {
			if !strings.HasSuffix(dv.Field, ".networkProfile.dnsServiceIP") {
				continue
			}
			for _, sv := range vs[:i] {
				if strings.HasSuffix(sv.Field, ".networkProfile.serviceCidr") ||
					strings.HasSuffix(sv.Field, ".networkProfile.serviceCidrs") {
					moves[dv.Field] = f
				}
			}
		}
	}
	if len(moves) == 0 {
		return
	}
	for i := range fs {
		f := &fs[i]
		vs := f.FixValues.All()
		if len(vs) != 1 {
			continue
		}
		if m, ok := moves[vs[0].Field]; ok {
			f.Fix, f.FixValues = m.Fix, m.FixValues
		}
	}
}
