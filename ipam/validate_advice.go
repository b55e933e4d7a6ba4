package ipam

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/cidrplan/cidrplan/sizing"
)

// checkAdvice adds the AKS networking best-practice advisories.
//
// Every finding here is a warning or an info: the plan works, but AKS's
// guidance advises against it, or it rests on a disputed default [D].
func checkAdvice(v *validation) {
	for _, cv := range v.clusters {
		v.adviseKubenet(cv)
		v.adviseNetworkPolicy(cv)
		v.adviseWindowsSurge(cv)
		v.adviseWindowsMaxPods(cv)
		v.adviseBastion(cv)
		v.adviseAssumedDefaults(cv)
		v.adviseDisputedDualStack(cv)
	}
	for _, sv := range v.subnets {
		v.adviseIngressSubnet(sv)
	}
	for _, vv := range v.vnets {
		v.adviseAssumedVNet(vv)
	}
	sized := v.sized()
	for i := range sized {
		v.adviseKubenetUpgradeRoutes(&sized[i])
		v.adviseClusterUpgradeLimit(&sized[i])
		v.adviseNPMNodes(&sized[i])
	}
	for _, l := range v.subnetLoads() {
		v.adviseHeadroom(l)
	}
}

// adviseKubenetUpgradeRoutes warns when a kubenet cluster's nodes fit the
// 400-node limit but its upgrade does not (see AdviseUpgradeRoutes).
func (v *validation) adviseKubenetUpgradeRoutes(cs *clusterSizing) {
	if cs.err != nil {
		return
	}
	a, ok := AdviseUpgradeRoutes(cs.cv.network().Model(sizing.Pool{}), cs.upgrade)
	if !ok {
		return
	}
	names := make([]string, len(a.Pools))
	for i, p := range a.Pools {
		names[i] = strconv.Quote(p)
	}
	pools := "pool " + strings.Join(names, ", ")
	what := "upgrading " + pools
	if len(names) > 1 {
		pools = "pools " + strings.Join(names, ", ")
		what = "upgrading " + pools + " at once"
	}
	v.errorf(CodeKubenetUpgradeRoutes, cs.cv.field("agentPoolProfiles"),
		"lower maxSurge of "+pools+" (maxUnavailable upgrades in place), or plan Azure CNI Overlay",
		"kubenet cluster %q has %s; %s adds %s, %s routes in all, past the %s of its route table (one route per node), so the upgrade can't route its surge nodes",
		cs.cv.c.Name, plural(a.Nodes, "node"), what, plural(a.Surge, "surge node"), grouped(a.Routes), grouped(a.Limit))
}

// adviseDisputedDualStack notes a dual-stack cluster whose pools follow a
// model whose dual-stack support sources disagree on [D] (static block pod
// subnets: docs/aks-rules.md#dual-stack-static-block-pod-subnets).
func (v *validation) adviseDisputedDualStack(cv *clusterView) {
	if !cv.network().IsDualStack() {
		return
	}
	for _, pv := range cv.pools {
		m := pv.mode()
		if why := m.Spec().DualStackDispute; why != "" {
			v.infof(CodeDisputedDefault, cv.field("networkProfile.ipFamilies"),
				"cluster %q is dual-stack with pool %q on the %s model: accepted [D] (%s); Azure CNI Overlay avoids the question",
				cv.c.Name, pv.p.Name, m, why)
			return
		}
	}
}

// adviseNPMNodes warns when a cluster with the azure network policy plans
// more nodes than Azure Network Policy Manager supports
// (docs/aks-rules.md#azure-network-policy-manager-up-to-250-nodes).
func (v *validation) adviseNPMNodes(cs *clusterSizing) {
	if cs.err != nil || cs.cv.c.NetworkProfile.NetworkPolicy != PolicyAzure || cs.demand.Nodes <= sizing.MaxNPMNodes {
		return
	}
	v.warnf(CodeNPMNodeLimit, cs.cv.field("networkProfile.networkPolicy"),
		"cluster %q plans %s with the azure network policy; Azure Network Policy Manager supports up to %d: use the cilium network policy on the Cilium dataplane, or calico",
		cs.cv.c.Name, plural(cs.demand.Nodes, "node"), sizing.MaxNPMNodes)
}

// adviseClusterUpgradeLimit warns when a cluster within the 5,000-node
// limit passes it at the upgrade peak: AKS blocks upgrades of a cluster at
// the limit.
func (v *validation) adviseClusterUpgradeLimit(cs *clusterSizing) {
	if cs.err != nil || cs.demand.Nodes > sizing.MaxClusterNodes || cs.demand.PeakNodes <= sizing.MaxClusterNodes {
		return
	}
	v.warnf(CodeClusterNodeLimitAtUpgrade, cs.cv.field("agentPoolProfiles"),
		"cluster %q has %s and %s at %s, past the %s-node cluster limit, where AKS blocks upgrades: lower maxSurge (maxUnavailable upgrades in place) or split the nodes over several clusters",
		cs.cv.c.Name, plural(cs.demand.Nodes, "node"), grouped(cs.demand.PeakNodes), upgradeWords(cs.demand.Upgrade), grouped(sizing.MaxClusterNodes))
}

// adviseKubenet notes a cluster on a network model Azure retires (kubenet).
func (v *validation) adviseKubenet(cv *clusterView) {
	m := cv.network().Model(sizing.Pool{})
	spec := m.Spec()
	if spec.Retires == "" {
		return
	}
	why := fmt.Sprintf("uses %s, which retires on %s (%d nodes, no Windows, one route table); plan Azure CNI Overlay or Azure CNI instead (cidrplan migrate --to overlay lists what the move needs)",
		m, spec.Retires, spec.MaxNodes)
	if cv.c.Production {
		v.warnf(CodeKubenetInProduction, cv.field("networkProfile.networkPlugin"), "production cluster %q %s", cv.c.Name, why)
		return
	}
	v.infof(CodeKubenetRetiring, cv.field("networkProfile.networkPlugin"), "cluster %q %s", cv.c.Name, why)
}

func (v *validation) adviseNetworkPolicy(cv *clusterView) {
	if cv.c.NetworkProfile.NetworkPolicy != "" {
		return
	}
	engines := slices.DeleteFunc(sizing.NetworkPolicies(), func(p NetworkPolicy) bool { return p == PolicyNone })
	v.warnf(CodeNoNetworkPolicy, cv.field("networkProfile.networkPolicy"),
		"cluster %q chooses no network policy engine; on older clusters it can't be turned on later, so choose %s now (or %s explicitly)",
		cv.c.Name, orList(engines), PolicyNone)
}

// adviseWindowsSurge warns about Windows pools that upgrade without a surge
// node: Windows nodes are patched only by node-image upgrades, which need
// surge nodes (and the addresses for them).
func (v *validation) adviseWindowsSurge(cv *clusterView) {
	for _, pv := range cv.pools {
		p := &pv.p.Pool
		planned := p.Nodes() + max(p.ScaleOut, 0)
		if p.OSType != Windows || planned <= 0 || p.MaxSurge.Nodes(planned) > 0 {
			continue
		}
		v.warnf(CodeWindowsWithoutSurge, pv.field("maxSurge"),
			"Windows pool %q of cluster %q has maxSurge %s: its node-image upgrades get no surge node; plan maxSurge %d%% and the addresses for it",
			p.Name, cv.c.Name, surgeText(p.MaxSurge), sizing.ProductionMaxSurgePercent)
	}
}

// windowsMaxPods is the recommended maximum maxPods of a Windows pool.
const windowsMaxPods = 110

func (v *validation) adviseWindowsMaxPods(cv *clusterView) {
	for _, pv := range cv.pools {
		if p := &pv.p.Pool; p.OSType == Windows && p.MaxPods > windowsMaxPods {
			v.warnf(CodeWindowsMaxPods, pv.field("maxPods"),
				"Windows pool %q of cluster %q has maxPods %d; %d is the recommended maximum for Windows nodes (maxPods can't change later)",
				p.Name, cv.c.Name, p.MaxPods, windowsMaxPods)
		}
	}
}

func surgeText(s sizing.Surge) string {
	if s.IsZero() {
		return "unset"
	}
	return s.String()
}

// adviseBastion warns when a cluster asks for a bastion and its VNet has no
// AzureBastionSubnet, or one smaller than /26 (which checkModel also reports
// as an error on the subnet itself).
func (v *validation) adviseBastion(cv *clusterView) {
	if !cv.c.WantsBastion || cv.vnet == nil {
		return
	}
	sv := cv.vnet.subnet(BastionSubnetName)
	if sv == nil {
		v.warnf(CodeBastionMissing, cv.field("wantsBastion"),
			"cluster %q asks for a bastion, but VNet %q has no %s; add a /%d or larger%s",
			cv.c.Name, cv.vnet.v.Name, BastionSubnetName, bastionMaxBits, v.bastionHint(cv.vnet))
		return
	}
	for _, p := range ipv4Prefixes(sv) {
		if p.Bits() > bastionMaxBits {
			v.warnf(CodeBastionUndersized, cv.field("wantsBastion"),
				"cluster %q asks for a bastion, but %s of VNet %q is %s; Azure Bastion needs a /%d or larger",
				cv.c.Name, BastionSubnetName, cv.vnet.v.Name, p, bastionMaxBits)
		}
	}
}

func (v *validation) bastionHint(vv *vnetView) string {
	for _, space := range vv.v.AddressSpace {
		if space.IsValid() && space.Addr().Is4() && space.Bits() <= bastionMaxBits {
			return v.freeHint(vv, resized(space, bastionMaxBits), "").words
		}
	}
	return ""
}

// givenCluster returns cv's cluster as the caller gave it, before defaults;
// nil when unknown.
func (v *validation) givenCluster(cv *clusterView) *Cluster {
	if v.given == nil || cv.index >= len(v.given.Clusters) {
		return nil
	}
	return &v.given.Clusters[cv.index]
}

// adviseAssumedDefaults notes the disputed defaults [D] a cluster relies on
// because the plan leaves the value out: maxSurge 10% (AKS's default from
// Kubernetes 1.32; older API text says 1 node), maxPods of the node subnet,
// overlay and pod subnet models, and the overlay node limit of 5,000 when
// the cluster needs more than the older 1,000.
func (v *validation) adviseAssumedDefaults(cv *clusterView) {
	given := v.givenCluster(cv)
	if given == nil {
		return
	}
	var surgePools []string
	nodes := 0
	for _, pv := range cv.pools {
		nodes += max(pv.p.Nodes(), 0) + max(pv.p.ScaleOut, 0)
		if pv.index >= len(given.AgentPoolProfiles) {
			continue
		}
		gp := &given.AgentPoolProfiles[pv.index].Pool
		if gp.MaxSurge.IsZero() && given.Defaults.MaxSurge.IsZero() {
			surgePools = append(surgePools, strconv.Quote(pv.p.Name))
		}
		m := pv.mode()
		if _, overridden := given.Defaults.MaxPods[m]; gp.MaxPods == 0 && !overridden && m.Spec().MaxPodsDispute != "" {
			v.infof(CodeDisputedDefault, pv.field("maxPods"),
				"pool %q of cluster %q leaves maxPods unset: assumed %d for the %s model [D] (%s); maxPods can't change later, so state it",
				pv.p.Name, cv.c.Name, pv.p.MaxPods, m, m.Spec().MaxPodsDispute)
		}
	}
	if len(surgePools) > 0 {
		v.infof(CodeDisputedDefault, cv.field("defaults.maxSurge"),
			"cluster %q leaves maxSurge unset for pools %s: assumed %s, AKS's default on Kubernetes ≥ 1.32 [D] (older API text: 1 node); "+
				"state it, %d%% is the production advice",
			cv.c.Name, strings.Join(surgePools, ", "), given.Defaults.EffectiveMaxSurge(), sizing.ProductionMaxSurgePercent)
	}
	m := cv.network().Model(sizing.Pool{})
	// Above the limit the cluster gets the limit's error instead: the note
	// would contradict it.
	limit := given.Defaults.NodeLimit(m)
	if m.Spec().MaxNodesDisputed && given.Defaults.OverlayMaxNodes == 0 && nodes > sizing.OverlayMaxNodesBefore2024 && nodes <= limit {
		v.infof(CodeDisputedDefault, cv.field("defaults.overlayMaxNodes"),
			"cluster %q plans %s overlay nodes, within the assumed limit of %s [D] but above the %s that applied before 2024-03",
			cv.c.Name, grouped(nodes), grouped(limit), grouped(sizing.OverlayMaxNodesBefore2024))
	}
}

// adviseAssumedVNet notes a VNet the plan assumes rather than knows: the
// AKS-managed VNet at its observed default, which an export of the real
// VNet replaces.
func (v *validation) adviseAssumedVNet(vv *vnetView) {
	if !vv.v.Assumed {
		return
	}
	var space []string
	for _, p := range vv.v.AddressSpace {
		space = append(space, p.String())
	}
	v.infof(CodeDisputedDefault, vv.path,
		"VNet %q is assumed: the AKS-managed VNet of a cluster whose pools name no subnet, with the address space AKS is observed to give it (%s) [D]; "+
			"export the VNet from the cluster's node resource group (az network vnet list) and import it to check the real one",
		vv.v.Name, strings.Join(space, ", "))
}

// adviseIngressSubnet warns about a node subnet that also holds Application
// Gateway instances: the ingress then competes with nodes and pods for
// addresses, and Application Gateway v2 wants a dedicated subnet.
func (v *validation) adviseIngressSubnet(sv *subnetView) {
	n := sv.s.Consumers.ApplicationGatewayInstances
	if n <= 0 || len(sv.users().nodePools)+len(sv.users().podPools) == 0 {
		return
	}
	v.warnf(CodeIngressSubnetSharedWithNodes, sv.field("consumers.applicationGatewayInstances"),
		"subnet %q holds %s and the nodes or pods of pool %q; give the ingress a dedicated subnet (a /%d for Application Gateway v2)",
		sv.s.Name, plural(n, "application gateway address"), firstPool(sv).p.Name, appGatewayBits)
}

func firstPool(sv *subnetView) *poolView {
	if len(sv.users().nodePools) > 0 {
		return sv.users().nodePools[0]
	}
	return sv.users().podPools[0]
}

// adviseHeadroom warns about a node or pod subnet that fits its demand at
// upgrade peak but has no room for one more node of any of its pools (the
// node and any surge it brings to the peak).
func (v *validation) adviseHeadroom(l *subnetLoad) {
	have := l.capacity()
	if len(l.parts) == 0 || have.Less(l.peak) {
		return
	}
	left := have.Sub(l.peak)
	cheapest, by := l.cheapestGrowth()
	if by == nil || !left.Less(cheapest) {
		return
	}
	v.warnf(CodeNoUpgradeHeadroom, l.sv.field("addressPrefixes"),
		"subnet %q (%s) has %s of %s addresses left at upgrade peak; one more node of pool %q needs %s: no room to scale out or to raise maxSurge",
		l.sv.s.Name, joinPrefixes(ipv4Prefixes(l.sv)), left.Grouped(), have.Grouped(), by.item.Pool, cheapest.Grouped())
}

// cheapestGrowth returns the least one more node of any of l's pools adds
// to the subnet's peak, and that pool; nil when sizing refuses every larger
// pool.
func (l *subnetLoad) cheapestGrowth() (sizing.Count, *loadPart) {
	var cheapest sizing.Count
	var by *loadPart
	for i, lp := range l.parts {
		c, ok := lp.growthCost()
		if ok && (by == nil || c.Less(cheapest)) {
			cheapest, by = c, &l.parts[i]
		}
	}
	return cheapest, by
}

// growthCost is what one more node of the pool adds to its cluster's peak
// on the subnet, as sizing computes it: the node, and a surge node when
// that raises the peak. ok is false when sizing refuses the larger pool (a
// node limit), which other findings report.
func (lp loadPart) growthCost() (cost sizing.Count, ok bool) {
	sh := lp.cs.shape
	if sh == nil || lp.cs.growth == nil {
		return lp.askGrowthCost()
	}
	q := growthQuestion{shape: sh.key, pool: lp.item.Pool, key: sh.rename(lp.key, true)}
	if a, ok := lp.cs.growth[q]; ok {
		return a.cost, a.ok
	}
	cost, ok = lp.askGrowthCost()
	lp.cs.growth[q] = growthAnswer{cost, ok}
	return cost, ok
}

// askGrowthCost is growthCost as sizing answers it.
func (lp loadPart) askGrowthCost() (cost sizing.Count, ok bool) {
	in := lp.cs.in
	in.Pools = slices.Clone(in.Pools)
	for i := range in.Pools {
		if p := &in.Pools[i]; p.Name == lp.item.Pool {
			if p.EnableAutoScaling {
				p.MaxCount++
			} else {
				p.Count++
			}
		}
	}
	d, err := in.Demand()
	if err != nil {
		return sizing.Count{}, false
	}
	after, _ := d.Find(lp.key)
	before, _ := lp.cs.demand.Find(lp.key)
	return after.Peak.Sub(before.Peak), true
}
