package main

import (
	"errors"
	"fmt"
	"net/netip"
	"strings"

	"github.com/cidrplan/cidrplan/sizing"
)

func sizeCommand() *command {
	return &command{
		name:    "size",
		summary: "addresses one node pool needs, and how many nodes fit a range",
		usage:   "[flags]",
		about: fmt.Sprintf(`Sizes one AKS node pool, described with the flag names of "az aks create" and
"az aks nodepool add": the addresses it needs at the peak of an upgrade
(nodes + surge + scale-out) in the node subnet, the pod subnet or the pod
CIDR, and the smallest prefix that holds them (Azure keeps 5 addresses of
every subnet; a pod CIDR loses none).

With --node-subnet, --pod-subnet or --pod-cidr it also says how many nodes
fit that range (surge included) and the headroom left, and exits 1 when the
pool does not fit. A range AKS refuses whatever the pool (a subnet larger
than /2, an IPv6 subnet other than /64, a pod CIDR over a range AKS reserves
or over multicast space) is an input error (exit 2).

Without --network-plugin the pool is sized as az aks create makes it: Azure
CNI Overlay (with --pod-subnet or --pod-ip-allocation-mode: Azure CNI with a
pod subnet); --network-plugin azure alone is the node subnet. The pool is a
User pool unless --mode System says otherwise (System pools take no
--max-unavailable).

--max-count turns the autoscaler on and counts instead of --node-count, as
AKS validates address space at the autoscaler's maximum. A flag given as 0
is a value: --max-pods 0 and --max-count 0 are out of range, never "unset".
Defaults that sources disagree on (maxSurge %s, maxPods per model) are
printed as assumptions. Kubenet takes one route per node and IP family,
surge nodes included, in a route table of at most %d routes: a kubenet pool
past it at the upgrade peak does not fit (exit 1). A dynamic pod subnet that
cannot give every node its maxPods in batches of %d gets a warning on
stderr.`, sizing.DefaultMaxSurge(), sizing.MaxRoutes, sizing.DynamicBatch),
		examples: `# Azure CNI, pods in the node subnet: 50 nodes, 30 pods each, surge 1
cidrplan size --network-plugin azure --node-count 50 --max-pods 30 --max-surge 1
# how many nodes fit a /24 node subnet at 30 pods per node, upgraded in place (a User pool)
cidrplan size --network-plugin azure --node-count 3 --max-pods 30 --max-surge 0 --max-unavailable 1 --node-subnet 10.0.0.0/24
# Azure CNI Overlay: node subnet and pod CIDR, autoscaler up to 200 nodes
cidrplan size --network-plugin azure --network-plugin-mode overlay --max-count 200 --pod-cidr 10.244.0.0/16
# dual-stack overlay: an IPv4 /24 and an IPv6 /80 of the pod CIDRs per node
cidrplan size --network-plugin azure --network-plugin-mode overlay --ip-families IPv4,IPv6 --node-count 10 --pod-cidrs 10.244.0.0/16,fd12:3456:789a::/64
# Azure CNI pod subnet with static block allocation, as JSON
cidrplan size --pod-ip-allocation-mode StaticBlock --node-count 20 --max-pods 31 -o json`,
		setup: func(f *flags, e *env) func([]string) error {
			var in sizeInput
			f.enumVar(&in.plugin, "network-plugin", "network plugin (default: Azure CNI Overlay, as az aks create; azure alone is the node subnet)",
				names(sizing.NetworkPlugins())...)
			f.enumVar(&in.mode, "network-plugin-mode", "overlay for Azure CNI Overlay", names(sizing.NetworkPluginModes())...)
			f.enumVar(&in.dataplane, "network-dataplane", "dataplane; cilium changes no arithmetic (default azure)",
				names(sizing.NetworkDataplanes())...)
			f.enumVar(&in.allocMode, "pod-ip-allocation-mode", "Azure CNI pod subnet allocation mode (implies a pod subnet)",
				names(sizing.PodIPAllocationModes())...)
			f.define("name", "NAME", `pool name: a–z and 0–9 from a letter, ≤ 12 (Windows ≤ 6) (default "nodepool1", Windows "npwin")`,
				func(s string) error { in.name, in.nameSet = s, true; return nil }, nil)
			f.enumVar(&in.osType, "os-type", "node OS (default Linux)", names(sizing.OSTypes())...)
			f.enumVar(&in.poolMode, "mode", "pool mode (default User); a System pool takes no --max-unavailable",
				names(sizing.PoolModes())...)
			f.intVar(&in.nodeCount, &in.nodeCountSet, "node-count", "N", "nodes in the pool (default 3)", 0, sizing.MaxClusterNodes*10)
			f.intVar(&in.maxCount, &in.maxCountSet, "max-count", "N", "autoscaler maximum; counts instead of --node-count", 0, sizing.MaxClusterNodes*10)
			f.intVar(&in.minCount, nil, "min-count", "N", "autoscaler minimum (checked, does not change the answer)", 0, sizing.MaxClusterNodes*10)
			f.boolVar(&in.autoscaler, "enable-cluster-autoscaler", "accepted as az does; --max-count is what counts")
			f.intVar(&in.maxPods, &in.maxPodsSet, "max-pods", "N",
				fmt.Sprintf("pods per node, %d–%d (default per network model)", sizing.MinMaxPods, sizing.MaxMaxPods), 0, 1<<20)
			f.define("max-surge", "N|P%", `upgrade surge: nodes ("1") or percent of the pool ("33%") (default 10%)`,
				func(s string) error { return parseSurge(&in.maxSurge, s) }, nil)
			f.define("max-unavailable", "N|P%", "nodes upgraded in place without a surge node (default 0)",
				func(s string) error { return parseSurge(&in.maxUnavailable, s) }, nil)
			f.enumVar(&in.upgrade, "upgrade", "upgrade model: pools one at a time as AKS upgrades them, or all at once as a network migration reimages them; one pool peaks alike (default sequential)",
				names(sizing.UpgradeModels())...)
			f.intVar(&in.scaleOut, nil, "scale-out", "N", "extra nodes to plan for beyond the count", 0, sizing.MaxClusterNodes*10)
			f.intVar(&in.ilb, nil, "ilb", "N", "internal load balancer front-end IPs in the node subnet", 0, 1<<24)
			f.prefixVar(&in.nodeSubnet, "node-subnet", "node subnet to check (IPv4)")
			f.prefixVar(&in.podSubnet, "pod-subnet", "pod subnet to check (Azure CNI pod subnet; implies one)")
			f.prefixVar(&in.podCIDR, "pod-cidr", "pod CIDR to check (overlay, kubenet)")
			f.enumVar(&in.families, "ip-families", "IPv4,IPv6 for dual-stack (overlay, kubenet, static block) (default IPv4)",
				string(sizing.IPv4), familiesText(sizing.IPFamilies()))
			f.prefixesVar(&in.podCIDRs, "pod-cidrs", "pod CIDRs to check, IPv4 and IPv6 for dual-stack, comma-separated")
			f.outputVar(&in.output)
			return func([]string) error { return in.run(e) }
		},
	}
}

// sizeInput is what the size flags say.
type sizeInput struct {
	plugin, mode, dataplane, allocMode string
	upgrade                            string
	name, osType, poolMode             string
	nodeCount, maxCount, minCount      int
	maxPods                            int
	autoscaler                         bool
	nodeCountSet, nameSet              bool
	maxCountSet, maxPodsSet            bool
	maxSurge, maxUnavailable           sizing.Surge
	scaleOut, ilb                      int
	nodeSubnet, podSubnet, podCIDR     netip.Prefix
	families                           string
	podCIDRs                           []netip.Prefix
	output                             string
}

// parseSurge parses a --max-surge or --max-unavailable value.
func parseSurge(dst *sizing.Surge, s string) error {
	v, err := sizing.ParseSurge(s)
	var se *sizing.Error
	if errors.As(err, &se) && se.Detail != "" {
		return errors.New(se.Detail)
	}
	if err != nil {
		return err
	}
	*dst = v
	return nil
}

// Names the size command gives the ranges of its single pool.
const (
	sizeNodeSubnet = "node-subnet"
	sizePodSubnet  = "pod-subnet"
	// sizeSystemPool is a placeholder first pool of 0 nodes, added in front
	// of a Windows pool because AKS wants the first pool to be Linux; it
	// takes no addresses and is not shown. Its "-" keeps it apart from any
	// valid --name.
	sizeSystemPool = "linux-system"
)

// cluster builds the sizing input: one pool (plus the empty Linux system
// pool in front of a Windows pool).
func (in *sizeInput) cluster() sizing.Cluster {
	c := sizing.Cluster{Network: sizing.Network{
		Plugin:     sizing.NetworkPlugin(in.plugin),
		PluginMode: sizing.NetworkPluginMode(in.mode),
		Dataplane:  sizing.NetworkDataplane(in.dataplane),
	}}
	if c.Network.Plugin == "" {
		// As az aks create: Azure CNI Overlay, unless the flags name a pod
		// subnet, which only Azure CNI without overlay has.
		def := sizing.DefaultNetwork()
		c.Network.Plugin = def.Plugin
		if in.mode == "" && in.allocMode == "" && !in.podSubnet.IsValid() {
			c.Network.PluginMode = def.PluginMode
		}
	}
	c.Defaults.Upgrade = sizing.UpgradeModel(in.upgrade)
	if in.families == familiesText(sizing.IPFamilies()) {
		c.Network.IPFamilies = sizing.IPFamilies()
	}
	p := sizing.Pool{
		OSType:         sizing.OSType(in.osType),
		Mode:           sizing.ModeUser,
		Count:          in.nodeCount,
		MaxPods:        in.maxPods,
		MaxSurge:       in.maxSurge,
		MaxUnavailable: in.maxUnavailable,
		ScaleOut:       in.scaleOut,
		VNetSubnet:     sizeNodeSubnet,
	}
	p.Name = in.poolName()
	if in.poolMode != "" {
		p.Mode = sizing.PoolMode(in.poolMode)
	}
	if !in.nodeCountSet {
		p.Count = 3 // az aks create's default
	}
	if in.maxCountSet {
		p.EnableAutoScaling, p.MaxCount = true, in.maxCount
		if !in.nodeCountSet {
			p.Count = min(p.Count, in.maxCount)
		}
	}
	if in.allocMode != "" || in.podSubnet.IsValid() {
		p.PodSubnet = sizePodSubnet
		p.PodIPAllocationMode = sizing.PodIPAllocationMode(in.allocMode)
	}
	if p.OSType == sizing.Windows {
		c.Pools = append(c.Pools, sizing.Pool{Name: sizeSystemPool, VNetSubnet: sizeNodeSubnet, PodSubnet: p.PodSubnet,
			PodIPAllocationMode: p.PodIPAllocationMode})
	}
	c.Pools = append(c.Pools, p)
	if in.ilb > 0 {
		c.Consumers = map[string]sizing.Consumers{sizeNodeSubnet: {ILBFrontEnds: in.ilb}}
	}
	return c
}

// poolName returns the name of the pool being sized.
func (in *sizeInput) poolName() string {
	switch {
	case in.nameSet:
		return in.name
	case in.osType == string(sizing.Windows):
		return "npwin" // AKS's docs name their Windows pool so; nodepool1 is too long
	}
	return "nodepool1"
}

// podCIDRFor returns the pod CIDR given for a family: --pod-cidr or the
// --pod-cidrs entry of that family, and the flag that gave it.
func (in *sizeInput) podCIDRFor(fam sizing.IPFamily) (netip.Prefix, string, error) {
	var found netip.Prefix
	flag := "pod-cidrs"
	if fam == sizing.IPv4 && in.podCIDR.IsValid() {
		found, flag = in.podCIDR, "pod-cidr"
	}
	for _, p := range in.podCIDRs {
		if p.Addr().Is4() != (fam == sizing.IPv4) {
			continue
		}
		if found.IsValid() {
			return netip.Prefix{}, "", fmt.Errorf("--%s: two %s pod CIDRs (%s and %s)", flag, fam, found, p)
		}
		found = p
	}
	return found, flag, nil
}

// checkAutoscaler rejects autoscaler flags az would reject.
func (in *sizeInput) checkAutoscaler() error {
	switch {
	case in.autoscaler && !in.maxCountSet:
		return errors.New("--enable-cluster-autoscaler needs --max-count")
	case in.minCount > 0 && !in.maxCountSet:
		return errors.New("--min-count needs --max-count")
	case in.minCount > in.maxCount:
		return fmt.Errorf("--min-count %d: above --max-count %d", in.minCount, in.maxCount)
	}
	return nil
}

// names returns the allowed values of a sizing enumeration as flag choices.
func names[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// familiesText writes IP families as az takes them: "IPv4,IPv6".
func familiesText(fs []sizing.IPFamily) string { return strings.Join(names(fs), ",") }
