package ipam_test

import (
	"fmt"
	"net/netip"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
)

// twoPools is a plan of two pools of 7 nodes at maxPods 30 (31 addresses a
// node with Azure CNI node subnet) sharing a /23 of 507 usable addresses.
func twoPools() *ipam.Plan {
	pool := func(name, surge string) ipam.AgentPool {
		return ipam.AgentPool{Pool: sizing.Pool{Name: name, Count: 7, MaxPods: 30, MaxSurge: sizing.MustParseSurge(surge), VNetSubnet: "aks"}}
	}
	return &ipam.Plan{
		VNets: []ipam.VNet{{Name: "hub", AddressSpace: []netip.Prefix{netip.MustParsePrefix("10.1.0.0/16")},
			Subnets: []ipam.Subnet{{Name: "aks", AddressPrefixes: []netip.Prefix{netip.MustParsePrefix("10.1.0.0/23")}}}}},
		Clusters: []ipam.Cluster{{Name: "prod", NetworkProfile: ipam.NetworkProfile{NetworkPlugin: ipam.PluginAzure},
			AgentPoolProfiles: []ipam.AgentPool{pool("system", "2"), pool("apps", "4")}}},
	}
}

// Plan.Upgrade walks each cluster's upgrade one pool at a time and measures
// every step against every range and limit.
func ExamplePlan_Upgrade() {
	u, err := twoPools().Upgrade(ipam.UpgradeOptions{})
	if err != nil {
		panic(err)
	}
	for _, s := range u.Clusters[0].Steps {
		r := s.Ranges[0]
		fmt.Printf("%s surge %d: %s %v/%v fits %v, largest surge that fits %d\n",
			s.Pool, s.Surge, r.Name, r.Peak, r.Usable, s.Fits, s.MaxSurgeThatFits)
	}
	// Output:
	// system surge 2: aks 496/507 fits true, largest surge that fits 2
	// apps surge 4: aks 558/507 fits false, largest surge that fits 2
}

// Plan.Report measures every range's headroom at the upgrade peak, how far
// each pool can grow, and with a growth rate how many months each range
// lasts.
func ExamplePlan_Report() {
	g, _ := ipam.ParseGrowth("1/month")
	r, err := twoPools().Report(ipam.ReportOptions{Growth: g})
	if err != nil {
		panic(err)
	}
	for _, rr := range r.Ranges {
		fmt.Printf("%s %s: usable %v steady %v peak %v headroom %v months left %d\n",
			rr.Name, rr.Prefix, rr.Usable, rr.Steady, rr.Peak, rr.Headroom, rr.MonthsLeft.Months)
	}
	for _, p := range r.Pools {
		l := p.LimitedBy
		fmt.Printf("pool %s: %d nodes, at most %d (one more: %s %v of %v)\n", p.Pool, p.Nodes, p.MaxNodes, l.Name, l.Peak, l.Usable)
	}
	// Output:
	// aks 10.1.0.0/23: usable 507 steady 434 peak 558 headroom -51 months left -1
	// pool system: 7 nodes, at most 5 (one more: aks 527 of 507)
	// pool apps: 7 nodes, at most 5 (one more: aks 527 of 507)
}
