package sizing_test

import (
	"encoding/json"
	"fmt"
	"net/netip"
	"strings"

	"github.com/cidrplan/cidrplan/sizing"
)

// The worked example of the AKS IP address planning doc: Azure CNI with
// pods in the node subnet, 50 nodes, maxPods 30, one surge node.
func ExampleCluster_Demand() {
	c := sizing.Cluster{
		Network: sizing.Network{Plugin: sizing.PluginAzure},
		Pools:   []sizing.Pool{{Name: "nodepool1", Count: 50, MaxPods: 30, MaxSurge: sizing.MustParseSurge("1")}},
	}
	d, err := c.Demand()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range d.Ranges {
		for _, it := range r.Pools {
			fmt.Printf("%s: (%d nodes + %d surge) × %v = %v\n", it.Pool, it.Nodes, it.Surge, it.PerNode, it.Peak)
		}
		fmt.Printf("%s %q: %v addresses at upgrade peak → /%d\n", r.Kind, r.Name, r.Peak, r.MinPrefixLen)
	}
	// Output:
	// nodepool1: (50 nodes + 1 surge) × 31 = 1581
	// nodeSubnet "aks-subnet": 1581 addresses at upgrade peak → /21
}

// An Azure CNI Overlay cluster with three pools in two node subnets. The
// pools that leave maxPods and maxSurge unset get the defaults, and the
// demand says so. Pools upgrade one at a time, so each range peaks with
// the largest single pool's surge (apps: 33% of 100 = 33 nodes).
func ExampleCluster_Demand_overlay() {
	c := sizing.Cluster{
		Network: sizing.Network{Plugin: sizing.PluginAzure, PluginMode: sizing.PluginModeOverlay},
		Pools: []sizing.Pool{
			{Name: "system", Count: 3, MaxSurge: sizing.MustParseSurge("1")},
			{Name: "apps", Count: 10, MaxCount: 100, EnableAutoScaling: true, MaxSurge: sizing.MustParseSurge("33%")},
			{Name: "win", OSType: sizing.Windows, Count: 20, VNetSubnet: "windows"},
		},
		Consumers: map[string]sizing.Consumers{"aks-subnet": {ILBFrontEnds: 2}},
	}
	d, err := c.Demand()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range d.Ranges {
		fmt.Printf("%s %q: steady %v, peak %v → /%d\n", r.Kind, r.Name, r.Steady, r.Peak, r.MinPrefixLen)
	}
	fmt.Printf("%d nodes, %d at the upgrade peak (%s), %d if every pool surged at once\n",
		d.Nodes, d.PeakNodes, d.Upgrade, d.SimultaneousPeakNodes)
	for _, a := range d.Assumptions {
		if a.Pool != "" {
			fmt.Printf("assumed %s %s = %s\n", a.Pool, a.Field, a.Value)
		} else {
			fmt.Printf("assumed %s = %s\n", a.Field, a.Value)
		}
	}
	// Output:
	// nodeSubnet "aks-subnet": steady 105, peak 138 → /24
	// nodeSubnet "windows": steady 20, peak 22 → /27
	// podCIDR "podCIDR": steady 31488, peak 39936 → /16
	// 123 nodes, 156 at the upgrade peak (sequential), 159 if every pool surged at once
	// assumed system maxPods = 250
	// assumed apps maxPods = 250
	// assumed win maxPods = 250
	// assumed win maxSurge = 10%
	// assumed upgrade = sequential
}

// A pod subnet with static block allocation: each node takes
// ceil((maxPods + 1) / 16) /28 blocks, so maxPods 31 costs no more than 30.
func ExampleCluster_Fit_staticBlock() {
	c := sizing.Cluster{
		Network: sizing.Network{Plugin: sizing.PluginAzure, Dataplane: sizing.DataplaneCilium},
		Pools: []sizing.Pool{{Name: "nodepool1", Count: 20, MaxPods: 30, MaxSurge: sizing.MustParseSurge("2"),
			PodSubnet: "pods", PodIPAllocationMode: sizing.StaticBlock}},
	}
	fmt.Println("blocks per node at maxPods 30, 31, 32:",
		sizing.StaticBlocks(30), sizing.StaticBlocks(31), sizing.StaticBlocks(32))
	key := sizing.RangeKey{Kind: sizing.PodSubnet, Name: "pods", Family: sizing.IPv4}
	d, err := c.Demand()
	if err != nil {
		fmt.Println(err)
		return
	}
	r, _ := d.Find(key)
	fmt.Printf("pod subnet: %v addresses at upgrade peak → /%d\n", r.Peak, r.MinPrefixLen)
	f, err := c.Fit(key, netip.MustParsePrefix("10.10.0.0/22"))
	if err != nil {
		fmt.Println(err)
		return
	}
	p := f.Pools[0]
	fmt.Printf("in %v: fits %v, headroom %v; at most %d nodes, or maxPods %d\n", f.Prefix, f.Fits, f.Headroom, p.MaxNodes, p.MaxPods)
	// Output:
	// blocks per node at maxPods 30, 31, 32: 2 2 3
	// pod subnet: 704 addresses at upgrade peak → /22
	// in 10.10.0.0/22: fits true, headroom 288; at most 29 nodes, or maxPods 31
}

// The kubenet and overlay pod CIDR is carved into one /24 per node, in
// order, and can only be expanded to a superset.
func ExampleNodePodBlock() {
	podCIDR := netip.MustParsePrefix("10.244.0.0/16")
	nodes, _ := sizing.PodCIDRNodes(podCIDR)
	fmt.Println("nodes:", nodes)
	for i := range 3 {
		b, _ := sizing.NodePodBlock(podCIDR, i)
		fmt.Printf("node %d: %v\n", i, b)
	}
	fmt.Println(sizing.CheckPodCIDRExpansion(netip.MustParsePrefix("10.244.0.0/18"), podCIDR))
	fmt.Println(sizing.CheckPodCIDRExpansion(netip.MustParsePrefix("10.244.0.0/18"), netip.MustParsePrefix("10.245.0.0/16")))
	// Output:
	// nodes: 256
	// node 0: 10.244.0.0/24
	// node 1: 10.244.1.0/24
	// node 2: 10.244.2.0/24
	// <nil>
	// sizing: podCIDR "10.245.0.0/16": invalid pod CIDR expansion: from 10.244.0.0/18: a pod CIDR cannot move; the new range must contain the old
}

// Surge values parse like the AKS API writes them; a percent is of the
// pool and rounds up.
func ExampleParseSurge() {
	for _, s := range []string{"1", "33%", "150%", "abc"} {
		v, err := sizing.ParseSurge(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s of a 10-node pool: %d nodes\n", v, v.Nodes(10))
	}
	// Output:
	// 1 of a 10-node pool: 1 nodes
	// 33% of a 10-node pool: 4 nodes
	// sizing: surge "150%": invalid surge: percent above 100%
	// sizing: surge "abc": invalid surge: want a node count like "1" or a percent like "10%"
}

// Every network model, with what one node of maxPods 30 costs in the node
// subnet and the cluster's node limit under the default Defaults.
func ExampleModels() {
	var d sizing.Defaults
	for _, s := range sizing.Models() {
		fmt.Printf("%-16s node subnet %2d/node, limit %d: %s\n", s.Model, s.NodeSubnetAddrs(30), d.NodeLimit(s.Model), s.Label)
	}
	// Output:
	// nodeSubnet       node subnet 31/node, limit 5000: Azure CNI, pods in the node subnet (classic)
	// podSubnetDynamic node subnet  1/node, limit 5000: Azure CNI, pods in a pod subnet (dynamic allocation)
	// podSubnetStatic  node subnet  1/node, limit 5000: Azure CNI, pods in a pod subnet (static block allocation)
	// overlay          node subnet  1/node, limit 5000: Azure CNI Overlay, pods in the pod CIDR
	// kubenet          node subnet  1/node, limit 400: kubenet, pods in the pod CIDR
	// none             node subnet  1/node, limit 5000: bring your own CNI, node addresses only
}

// An IPv6 /64 holds 2^64 addresses, one more than a uint64 can count. Counts
// stay exact in arithmetic and in JSON.
func ExampleCount() {
	slash64 := sizing.PrefixCount(netip.MustParsePrefix("fd00:0:0:1::/64"))
	_, fits := slash64.Uint64()
	fmt.Println(slash64, "fits a uint64:", fits)

	// Thousands of nodes with a /80 each, as an IPv6 overlay pod CIDR plans.
	perNode := sizing.PrefixCount(netip.MustParsePrefix("fd00::/80"))
	pods := perNode.Mul64(5000)
	fmt.Println(pods.Grouped(), "addresses; left in the /64:", slash64.Sub(pods).Grouped())
	fmt.Printf("smallest pod CIDR: /%d\n", sizing.MinPrefixLen(sizing.PodCIDR, sizing.IPv6, "", pods))

	j, _ := json.Marshal(struct{ Capacity, Peak sizing.Count }{slash64, pods})
	fmt.Println(string(j))
	// Output:
	// 18446744073709551616 fits a uint64: false
	// 1,407,374,883,553,280,000 addresses; left in the /64: 17,039,369,190,156,271,616
	// smallest pod CIDR: /67
	// {"Capacity":18446744073709551616,"Peak":1407374883553280000}
}

// Two pools of seven nodes at maxSurge 2 share a node subnet at maxPods 30.
// AKS upgrades them one at a time, so each step holds every node and one
// pool's surge: 16 × 31 = 496 addresses, which a /23 (507) holds; every
// pool surging at once would need 558.
func ExampleCluster_Upgrade() {
	c := sizing.Cluster{
		Network: sizing.Network{Plugin: sizing.PluginAzure},
		Pools: []sizing.Pool{
			{Name: "a", Count: 7, MaxPods: 30, MaxSurge: sizing.MustParseSurge("2")},
			{Name: "b", Count: 7, MaxPods: 30, MaxSurge: sizing.MustParseSurge("2")},
		},
	}
	key := sizing.RangeKey{Kind: sizing.NodeSubnet, Name: sizing.DefaultNodeSubnet, Family: sizing.IPv4}
	for _, m := range sizing.UpgradeModels() {
		u, err := c.Upgrade(m)
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, s := range u.Steps {
			r, _ := s.Range(key)
			var pools []string
			for _, p := range s.Pools {
				pools = append(pools, fmt.Sprintf("%s +%d", p.Pool, p.Surge))
			}
			fmt.Printf("%s step (%s): %d nodes, %v addresses\n", m, strings.Join(pools, ", "), s.Nodes, r.Peak)
		}
	}
	for _, m := range []sizing.UpgradeModel{sizing.UpgradeSequential, sizing.UpgradeSimultaneous} {
		c.Defaults.Upgrade = m
		f, _ := c.Fit(key, netip.MustParsePrefix("10.0.0.0/23"))
		fmt.Printf("%s in a /23: peak %v of %v, fits %v\n", m, f.Peak, f.Capacity, f.Fits)
	}
	// Output:
	// sequential step (a +2): 16 nodes, 496 addresses
	// sequential step (b +2): 16 nodes, 496 addresses
	// simultaneous step (a +2, b +2): 18 nodes, 558 addresses
	// sequential in a /23: peak 496 of 507, fits true
	// simultaneous in a /23: peak 558 of 507, fits false
}
