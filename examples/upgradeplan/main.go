// Upgradeplan is an upgrade pre-flight for a running cluster: it simulates
// the upgrade step by step, sets each pool's maxSurge to what fits (or, for
// a User pool where no surge fits, upgrades it without surge nodes), checks
// again, and reports how many months of growth each range has left.
//
//	go run ./examples/upgradeplan
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/planfile"
	"github.com/cidrplan/cidrplan/sizing"
)

// The cluster as it runs: classic Azure CNI, so each node takes maxPods + 1
// addresses of the /23 (507 usable); 439 are taken at steady state.
const running = `
vnets:
  - name: apps-vnet
    addressSpace: [10.20.0.0/16]
    subnets:
      - name: aks-nodes
        addressPrefixes: [10.20.0.0/23]
clusters:
  - name: apps
    vnet: apps-vnet
    networkProfile:
      networkPlugin: azure
      networkPolicy: cilium
      networkDataplane: cilium
    agentPoolProfiles:
      - {name: system, mode: System, count: 3, maxPods: 30, maxSurge: "1", vnetSubnet: aks-nodes}
      - {name: web, mode: User, count: 4, maxPods: 30, maxSurge: "100%", vnetSubnet: aks-nodes}
      - {name: batch, mode: User, count: 2, maxPods: 110, maxSurge: "1", vnetSubnet: aks-nodes}
`

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "upgradeplan:", err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	plan, err := planfile.Parse([]byte(running), "running.yaml")
	if err != nil {
		return err
	}
	u, err := plan.Upgrade(ipam.UpgradeOptions{})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "as planned, every step fits: %v\n", u.Fits())
	for _, s := range u.Clusters[0].Steps {
		r := s.Ranges[0] // the node subnet
		fmt.Fprintf(w, "  %s: surge %d, %s %v of %v, largest surge that fits %d\n",
			s.Pool, s.Surge, r.Name, r.Peak, r.Usable, s.MaxSurgeThatFits)
		if s.Fits {
			continue
		}
		pool := poolNamed(plan, s.Pool)
		switch {
		case s.MaxSurgeThatFits > 0:
			pool.MaxSurge = sizing.MustParseSurge(fmt.Sprint(s.MaxSurgeThatFits))
		case s.FitsWithoutSurge && s.Mode == "User":
			// No surge node fits: take one node at a time out of service.
			pool.MaxSurge, pool.MaxUnavailable = sizing.MustParseSurge("0"), sizing.MustParseSurge("1")
		default:
			return fmt.Errorf("pool %s: no surge fits and it can't upgrade without one; the subnet needs room", s.Pool)
		}
	}
	if u, err = plan.Upgrade(ipam.UpgradeOptions{}); err != nil {
		return err
	}
	fmt.Fprintf(w, "with the surges that fit, every step fits: %v\n", u.Fits())

	g, err := ipam.ParseGrowth("1/month")
	if err != nil {
		return err
	}
	r, err := plan.Report(ipam.ReportOptions{Growth: g})
	if err != nil {
		return err
	}
	for _, rr := range r.Ranges {
		fmt.Fprintf(w, "%s %s: headroom %v, %d months at %s\n", rr.Name, rr.Prefix, rr.Headroom, rr.MonthsLeft.Months, g)
	}
	return nil
}

// poolNamed returns the pool of the plan's first cluster named name.
func poolNamed(p *ipam.Plan, name string) *ipam.AgentPool {
	pools := p.Clusters[0].AgentPoolProfiles
	for i := range pools {
		if pools[i].Name == name {
			return &pools[i]
		}
	}
	panic("no pool " + name)
}
