package reportpage_test

import (
	"bytes"
	"fmt"
	"net/netip"
	"regexp"
	"strings"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/reportpage"
	"github.com/cidrplan/cidrplan/sizing"
)

// A plan with one overlay cluster: its report as a page, of which this
// prints the title and the cells of the node subnet's capacity row (the
// headroom bar is an inline SVG).
func ExampleHTML() {
	plan := &ipam.Plan{
		Name: "demo",
		VNets: []ipam.VNet{{Name: "spoke", AddressSpace: []netip.Prefix{netip.MustParsePrefix("10.10.0.0/16")},
			Subnets: []ipam.Subnet{{Name: "nodes", AddressPrefixes: []netip.Prefix{netip.MustParsePrefix("10.10.0.0/24")}, Purpose: ipam.PurposeNode}}}},
		Clusters: []ipam.Cluster{{Name: "prod", VNet: "spoke", NetworkProfile: ipam.NetworkProfile{
			NetworkPlugin: ipam.PluginAzure, NetworkPluginMode: ipam.PluginModeOverlay, PodCIDR: netip.MustParsePrefix("192.168.0.0/16")},
			AgentPoolProfiles: []ipam.AgentPool{{Pool: sizing.Pool{Name: "sys", Count: 3, MaxPods: 110, VNetSubnet: "nodes"}}}}},
	}
	r, err := plan.Report(ipam.ReportOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	var page bytes.Buffer
	if err := reportpage.HTML(&page, plan, r); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(regexp.MustCompile(`<title>(.*)</title>`).FindStringSubmatch(page.String())[1])
	row := regexp.MustCompile(`<tr><td>spoke/nodes</td>.*?</tr>`).FindString(page.String())
	row = regexp.MustCompile(`<svg.*?</svg>`).ReplaceAllString(row, "(bar)")
	row = strings.ReplaceAll(row, "</td>", " | ")
	fmt.Println(strings.TrimSuffix(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(row, ""), " | "))
	// Output:
	// Capacity report: demo
	// spoke/nodes | node subnet | 10.10.0.0/24 | prod | 251 | 3 | 4 | 247 | (bar)
}
