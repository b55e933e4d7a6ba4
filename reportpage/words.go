package reportpage

import (
	"strconv"
	"strings"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
)

// rangeName names a report range: "hub/aks-nodes", or "prod IPv4 pod CIDR".
func rangeName(r ipam.ReportRange) string {
	if r.Kind == ipam.CapacityPodCIDR {
		return strings.Join(r.Clusters, ", ") + " " + r.Name
	}
	if r.VNet == "" {
		return r.Name
	}
	return r.VNet + "/" + r.Name
}

// monthsWords writes a range's months left: "3", "0", "short now",
// "10 years+", with the AKS limit that ends them first when it is not the
// range's own addresses: "11 (cluster node limit)".
func monthsWords(r ipam.ReportRange) string {
	m := r.MonthsLeft
	var s string
	switch {
	case m == nil:
		return ""
	case m.Lasts:
		return "10 years+"
	case m.Months < 0:
		s = "short now"
	default:
		s = strconv.Itoa(m.Months)
	}
	if w := r.MonthsLeftBy.LimitWords(); w != "" {
		s += " (" + w + ")"
	}
	return s
}

// limitWords says what stops a pool growing, with what it would hold at
// one node more: "node subnet aks-nodes: 527 / 507"; a limit the report
// names without numbers is shown by its name.
func limitWords(l *ipam.UpgradeRange) string {
	switch {
	case l == nil:
		return ""
	case l.Kind == "":
		return l.Name
	}
	what := l.Words()
	if l.Prefix.IsValid() {
		what += " " + l.Prefix.String()
	}
	return what + ": " + l.Peak.Grouped() + " / " + l.Usable.Grouped()
}

// ratio is a/b for drawing; 0 when b is 0. Counts are exact integers up to
// 2^128; a bar needs only a few digits of their ratio.
func ratio(a, b sizing.Count) float64 {
	fa, _ := strconv.ParseFloat(a.String(), 64)
	fb, _ := strconv.ParseFloat(b.String(), 64)
	if fb == 0 {
		return 0
	}
	return fa / fb
}
