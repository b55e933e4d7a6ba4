package reportpage

import (
	"strconv"
	"strings"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
)

// kindWords names a capacity kind for people: "node subnet".
func kindWords(k ipam.CapacityKind) string {
	switch k {
	case ipam.CapacityNodeSubnet:
		return "node subnet"
	case ipam.CapacityPodSubnet:
		return "pod subnet"
	case ipam.CapacityPodCIDR:
		return "pod CIDR"
	case ipam.CapacityRoutes:
		return "routes"
	case ipam.CapacityPoolNodes:
		return "pool nodes"
	case ipam.CapacityClusterNodes:
		return "cluster nodes"
	}
	return string(k)
}

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
// "10 years+".
func monthsWords(m *ipam.MonthsLeft) string {
	switch {
	case m == nil:
		return ""
	case m.Lasts:
		return "10 years+"
	case m.Months < 0:
		return "short now"
	}
	return strconv.Itoa(m.Months)
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
