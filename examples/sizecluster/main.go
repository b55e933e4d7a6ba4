// Sizecluster sizes the address space of an AKS cluster with the sizing
// package: three node pools on Azure CNI Overlay, one of them Windows, with
// the addresses each range needs at the peak of an upgrade, the smallest
// prefixes that hold them, and how far the pools can grow in the ranges
// chosen for them.
//
//	go run ./examples/sizecluster
package main

import (
	"fmt"
	"io"
	"net/netip"
	"os"

	"github.com/cidrplan/cidrplan/sizing"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "sizecluster:", err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	cluster := sizing.Cluster{
		Network: sizing.Network{Plugin: sizing.PluginAzure, PluginMode: sizing.PluginModeOverlay},
		Pools: []sizing.Pool{
			{Name: "system", Count: 3, MaxSurge: sizing.MustParseSurge("1")},
			{Name: "apps", EnableAutoScaling: true, Count: 5, MaxCount: 60, MaxSurge: sizing.MustParseSurge("33%")},
			{Name: "win22", OSType: sizing.Windows, Count: 10, MaxPods: 110, MaxSurge: sizing.MustParseSurge("2")},
		},
		Consumers: map[string]sizing.Consumers{sizing.DefaultNodeSubnet: {ILBFrontEnds: 4}},
	}
	demand, err := cluster.Demand()
	if err != nil {
		return err
	}
	// AKS upgrades the pools one at a time: each range peaks in the step
	// of the pool whose surge takes most of it.
	upgrade, err := cluster.Upgrade("")
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%d nodes, %d at the upgrade peak (%s; %d if every pool surged at once)\n",
		demand.Nodes, demand.PeakNodes, demand.Upgrade, demand.SimultaneousPeakNodes)
	for _, r := range demand.Ranges {
		fmt.Fprintf(w, "%s %s (%s): %v addresses at peak, smallest prefix /%d\n", r.Kind, r.Name, r.Family, r.Peak, r.MinPrefixLen)
		for _, it := range r.Pools {
			fmt.Fprintf(w, "  %-6s %d nodes × %v = %v\n", it.Pool, it.Nodes+it.ScaleOut, it.PerNode, it.Steady)
		}
		if n := r.Consumers.Total(); n > 0 {
			fmt.Fprintf(w, "  + %d other addresses\n", n)
		}
		step := upgrade.Steps[upgrade.PeakStep(r.RangeKey)]
		sr, _ := step.Range(r.RangeKey)
		for _, p := range step.Pools {
			fmt.Fprintf(w, "  + %v while %s upgrades (%d surge nodes)\n", sr.Surge, p.Pool, p.Surge)
		}
	}

	// The ranges we intend to give the cluster: how much room do they leave?
	chosen := map[sizing.RangeKind]netip.Prefix{
		sizing.NodeSubnet: netip.MustParsePrefix("10.30.0.0/24"),
		sizing.PodCIDR:    netip.MustParsePrefix("10.244.0.0/17"),
	}
	for _, r := range demand.Ranges {
		fit, err := cluster.Fit(r.RangeKey, chosen[r.Kind])
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%s in %s: capacity %v, headroom %v\n", r.Kind, fit.Prefix, fit.Capacity, fit.Headroom)
		for _, pf := range fit.Pools {
			fmt.Fprintf(w, "  %-6s can grow to %d nodes (limited by %s)\n", pf.Pool, pf.MaxNodes, pf.LimitedBy)
		}
	}
	for _, a := range demand.Assumptions {
		name := a.Field
		if a.Pool != "" {
			name = a.Pool + " " + a.Field
		}
		fmt.Fprintf(w, "assumed %s = %s: %s\n", name, a.Value, a.Note)
	}
	return nil
}
