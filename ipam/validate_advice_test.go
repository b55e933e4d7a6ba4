package ipam

import (
	"fmt"
	"net/netip"
	"testing"

	"github.com/cidrplan/cidrplan/sizing"
)

func warning(code Code, field, msg string) Finding {
	return Finding{Severity: SeverityWarning, Code: code, Field: field, Message: msg}
}

func info(code Code, field, msg string) Finding {
	return Finding{Severity: SeverityInfo, Code: code, Field: field, Message: msg}
}

func TestAdviseKubenet(t *testing.T) {
	codes := []Code{CodeKubenetInProduction, CodeKubenetRetiring}
	kubenet := func(production bool) *Plan {
		p := rulePlan(PluginKubenet, "10.1.0.0/22", rulePool("system", 3))
		p.Clusters[0].Production = production
		return p
	}
	const field = "clusters[prod].networkProfile.networkPlugin"
	runRuleCases(t, []ruleCase{
		{name: "overlay in production", codes: codes, plan: rulePlanWith(rulePlan(ruleOverlay, "10.1.0.0/22", rulePool("system", 3)),
			func(p *Plan) { p.Clusters[0].Production = true })},
		{
			name: "kubenet in production", codes: codes, plan: kubenet(true),
			want: Findings{warning(CodeKubenetInProduction, field,
				`production cluster "prod" uses kubenet, which retires on 2028-03-31 (400 nodes, no Windows, one route table); plan Azure CNI Overlay or Azure CNI instead (cidrplan migrate --to overlay lists what the move needs)`)},
		},
		{
			name: "kubenet outside production", codes: codes, plan: kubenet(false),
			want: Findings{info(CodeKubenetRetiring, field,
				`cluster "prod" uses kubenet, which retires on 2028-03-31 (400 nodes, no Windows, one route table); plan Azure CNI Overlay or Azure CNI instead (cidrplan migrate --to overlay lists what the move needs)`)},
		},
	})
}

func TestAdviseKubenetUpgradeRoutes(t *testing.T) {
	codes := []Code{CodeKubenetUpgradeRoutes, CodeKubenetNodeLimit}
	kubenet := func(pools ...AgentPool) *Plan {
		p := rulePlan(PluginKubenet, "10.1.0.0/22", pools...)
		p.Clusters[0].NetworkProfile.PodCIDR = netip.MustParsePrefix("10.200.0.0/15")
		return p
	}
	const field = "clusters[prod].agentPoolProfiles"
	runRuleCases(t, []ruleCase{
		{name: "400 nodes upgrading in place", codes: codes,
			plan: kubenet(rulePool("system", 200, pSurge("0"), pUnavailable("1"), pUser), rulePool("apps", 200, pSurge("0"), pUnavailable("1")))},
		{name: "399 nodes plus 1 surge", codes: codes,
			plan: kubenet(rulePool("system", 199, pSurge("1")), rulePool("apps", 200, pSurge("0"), pUnavailable("1")))},
		{name: "overlay 400 nodes plus surge", codes: codes,
			plan: rulePlan(ruleOverlay, "10.1.0.0/22", rulePool("system", 200, pSurge("1")), rulePool("apps", 200, pSurge("1")))},
		{
			name: "400 nodes plus 1 surge", codes: codes,
			plan: kubenet(rulePool("system", 200, pSurge("1")), rulePool("apps", 200, pSurge("0"), pUnavailable("1"))),
			want: Findings{modelError(CodeKubenetUpgradeRoutes, field,
				`kubenet cluster "prod" has 400 nodes; upgrading pool "system" adds 1 surge node, 401 routes in all, past the 400 of its route table (one route per node), so the upgrade can't route its surge nodes`,
				`lower maxSurge of pool "system" (maxUnavailable upgrades in place), or plan Azure CNI Overlay`)},
		},
		{
			name: "largest surge named", codes: codes,
			plan: kubenet(rulePool("system", 3, pSurge("1")), rulePool("apps", 388, pSurge("10%")), rulePool("batch", 5, pSurge("3"))),
			want: Findings{modelError(CodeKubenetUpgradeRoutes, field,
				`kubenet cluster "prod" has 396 nodes; upgrading pool "apps" adds 39 surge nodes, 435 routes in all, past the 400 of its route table (one route per node), so the upgrade can't route its surge nodes`,
				`lower maxSurge of pool "apps" (maxUnavailable upgrades in place), or plan Azure CNI Overlay`)},
		},
		// One pool at a time: 396 + 3 = 399 routes.
		{name: "sequential stays within", codes: codes,
			plan: kubenet(rulePool("system", 198, pSurge("3")), rulePool("apps", 198, pSurge("3")))},
		{
			name: "every pool at once", codes: codes,
			plan: rulePlanWith(kubenet(rulePool("system", 198, pSurge("3")), rulePool("apps", 198, pSurge("3"))), func(p *Plan) {
				p.Clusters[0].Defaults.Upgrade = sizing.UpgradeSimultaneous
			}),
			want: Findings{modelError(CodeKubenetUpgradeRoutes, field,
				`kubenet cluster "prod" has 396 nodes; upgrading pools "system", "apps" at once adds 6 surge nodes, 402 routes in all, past the 400 of its route table (one route per node), so the upgrade can't route its surge nodes`,
				`lower maxSurge of pools "system", "apps" (maxUnavailable upgrades in place), or plan Azure CNI Overlay`)},
		},
		{
			name: "past the limit without upgrade is the error alone", codes: codes,
			plan: kubenet(rulePool("system", 201, pSurge("1")), rulePool("apps", 200, pSurge("1"))),
			want: Findings{modelError(CodeKubenetNodeLimit, field,
				`cluster "prod": nodes 401: cluster too large: at most 400 nodes with kubenet`,
				"use Azure CNI Overlay or split the cluster: kubenet holds at most 400 nodes")},
		},
	})
}

func TestAdviseNetworkPolicy(t *testing.T) {
	codes := []Code{CodeNoNetworkPolicy}
	runRuleCases(t, []ruleCase{
		{name: "policy chosen", codes: codes, plan: rulePlan(PluginAzure, "10.1.0.0/22", rulePool("system", 3))},
		{name: "none chosen explicitly", codes: codes, plan: rulePlanWith(rulePlan(PluginAzure, "10.1.0.0/22", rulePool("system", 3)),
			func(p *Plan) { p.Clusters[0].NetworkProfile.NetworkPolicy = PolicyNone })},
		{
			name: "no policy", codes: codes,
			plan: rulePlanWith(rulePlan(PluginAzure, "10.1.0.0/22", rulePool("system", 3)),
				func(p *Plan) { p.Clusters[0].NetworkProfile.NetworkPolicy = "" }),
			want: Findings{warning(CodeNoNetworkPolicy, "clusters[prod].networkProfile.networkPolicy",
				`cluster "prod" chooses no network policy engine; on older clusters it can't be turned on later, so choose azure, calico or cilium now (or none explicitly)`)},
		},
	})
}

func TestAdviseWindowsSurge(t *testing.T) {
	codes := []Code{CodeWindowsWithoutSurge}
	runRuleCases(t, []ruleCase{
		{name: "Windows pool with surge", codes: codes,
			plan: rulePlan(ruleOverlay, "10.1.0.0/22", rulePool("system", 3), rulePool("win", 3, pWindows, pSurge("33%")))},
		{name: "Linux pool without surge", codes: codes,
			plan: rulePlan(ruleOverlay, "10.1.0.0/22", rulePool("system", 3, pSurge("0"), pUnavailable("1"), pUser))},
		{
			name: "Windows pool without surge", codes: codes,
			plan: rulePlan(ruleOverlay, "10.1.0.0/22", rulePool("system", 3), rulePool("win", 3, pWindows, pSurge("0"), pUnavailable("1"))),
			want: Findings{warning(CodeWindowsWithoutSurge, "clusters[prod].agentPoolProfiles[win].maxSurge",
				`Windows pool "win" of cluster "prod" has maxSurge 0: its node-image upgrades get no surge node; plan maxSurge 33% and the addresses for it`)},
		},
	})
}

func TestAdviseWindowsMaxPods(t *testing.T) {
	codes := []Code{CodeWindowsMaxPods}
	runRuleCases(t, []ruleCase{
		{name: "Windows pool at 110", codes: codes,
			plan: rulePlan(ruleOverlay, "10.1.0.0/22", rulePool("system", 3), rulePool("win", 3, pWindows, pMaxPods(110)))},
		{
			name: "Windows pool at the overlay default", codes: codes,
			plan: rulePlan(ruleOverlay, "10.1.0.0/22", rulePool("system", 3), rulePool("win", 3, pWindows)),
			want: Findings{warning(CodeWindowsMaxPods, "clusters[prod].agentPoolProfiles[win].maxPods",
				`Windows pool "win" of cluster "prod" has maxPods 250; 110 is the recommended maximum for Windows nodes (maxPods can't change later)`)},
		},
	})
}

func TestAdviseHeadroom(t *testing.T) {
	codes := []Code{CodeNoUpgradeHeadroom}
	runRuleCases(t, []ruleCase{
		{name: "room for one more node", codes: codes,
			plan: rulePlan(PluginAzure, "10.1.0.0/24", rulePool("system", 6, pMaxPods(30), pSurge("1")))},
		{
			name: "no room for one more node", codes: codes,
			plan: rulePlan(PluginAzure, "10.1.0.0/24", rulePool("system", 7, pMaxPods(30), pSurge("1"))),
			want: Findings{warning(CodeNoUpgradeHeadroom, aksField,
				`subnet "aks" (10.1.0.0/24) has 3 of 251 addresses left at upgrade peak; one more node of pool "system" needs 31: no room to scale out or to raise maxSurge`)},
		},
		{
			// 6 nodes at 50% and one load balancer: 10 of 11; a 7th node
			// brings a 4th surge node.
			name: "percent surge grows with the pool", codes: codes,
			plan: rulePlanWith(rulePlan(PluginKubenet, "10.1.0.0/28", rulePool("system", 6, pSurge("50%"))), oneILB),
			want: Findings{warning(CodeNoUpgradeHeadroom, aksField,
				`subnet "aks" (10.1.0.0/28) has 1 of 11 addresses left at upgrade peak; one more node of pool "system" needs 2: no room to scale out or to raise maxSurge`)},
		},
		{
			// 5 nodes at 50%: a 6th node brings no extra surge node.
			name: "percent surge that does not grow", codes: codes,
			plan: rulePlanWith(rulePlan(PluginKubenet, "10.1.0.0/28", rulePool("system", 5, pSurge("50%"))), oneILB),
		},
		{name: "overflowing subnet is an error, not advice", codes: codes,
			plan: rulePlan(PluginAzure, "10.1.0.0/24", rulePool("system", 9, pMaxPods(30), pSurge("1")))},
	})
}

func oneILB(p *Plan) { p.VNets[0].Subnets[0].Consumers.InternalLoadBalancers = 1 }

func TestAdviseIngressSubnet(t *testing.T) {
	codes := []Code{CodeIngressSubnetSharedWithNodes}
	runRuleCases(t, []ruleCase{
		{name: "gateway in its own subnet", codes: codes,
			plan: special(Subnet{Name: "appgw", Purpose: PurposeApplicationGateway, AddressPrefixes: rulePrefixes("10.1.4.0/24"),
				Consumers: Consumers{ApplicationGatewayInstances: 2}})},
		{
			name: "gateway in the node subnet", codes: codes,
			plan: rulePlanWith(rulePlan(PluginAzure, "10.1.0.0/22", rulePool("system", 3)), func(p *Plan) {
				p.VNets[0].Subnets[0].Consumers.ApplicationGatewayInstances = 2
			}),
			want: Findings{warning(CodeIngressSubnetSharedWithNodes, "vnets[hub].subnets[aks].consumers.applicationGatewayInstances",
				`subnet "aks" holds 2 application gateway addresses and the nodes or pods of pool "system"; give the ingress a dedicated subnet (a /24 for Application Gateway v2)`)},
		},
	})
}

func TestAdviseBastion(t *testing.T) {
	codes := []Code{CodeBastionMissing, CodeBastionUndersized}
	wants := func(p *Plan) { p.Clusters[0].WantsBastion = true }
	withBastion := func(prefix string) *Plan {
		return rulePlanWith(special(Subnet{Name: BastionSubnetName, AddressPrefixes: rulePrefixes(prefix)}), wants)
	}
	runRuleCases(t, []ruleCase{
		{name: "no bastion asked", codes: codes, plan: rulePlan(PluginAzure, "10.1.0.0/22", rulePool("system", 3))},
		{name: "bastion slash 26", codes: codes, plan: withBastion("10.1.4.0/26")},
		{
			name: "bastion missing", codes: codes,
			plan: rulePlanWith(rulePlan(PluginAzure, "10.1.0.0/22", rulePool("system", 3)), wants),
			want: Findings{warning(CodeBastionMissing, "clusters[prod].wantsBastion",
				`cluster "prod" asks for a bastion, but VNet "hub" has no AzureBastionSubnet; add a /26 or larger such as 10.1.4.0/26`)},
		},
		{
			name: "bastion undersized", codes: codes, plan: withBastion("10.1.4.0/27"),
			want: Findings{warning(CodeBastionUndersized, "clusters[prod].wantsBastion",
				`cluster "prod" asks for a bastion, but AzureBastionSubnet of VNet "hub" is 10.1.4.0/27; Azure Bastion needs a /26 or larger`)},
		},
	})
}

func TestAdviseAssumedDefaults(t *testing.T) {
	codes := []Code{CodeDisputedDefault}
	stated := rulePool("system", 3, pSurge("10%"), pMaxPods(30))
	runRuleCases(t, []ruleCase{
		{name: "everything stated", codes: codes, plan: rulePlan(PluginAzure, "10.1.0.0/22", stated)},
		{name: "cluster defaults stated", codes: codes,
			plan: rulePlanWith(rulePlan(PluginAzure, "10.1.0.0/22", rulePool("system", 3)), func(p *Plan) {
				p.Clusters[0].Defaults = sizing.Defaults{MaxSurge: sizing.MustParseSurge("1"),
					MaxPods: map[sizing.Model]int{sizing.ModelNodeSubnet: 50}}
			})},
		{name: "kubenet maxPods default is not disputed", codes: codes,
			plan: rulePlan(PluginKubenet, "10.1.0.0/22", rulePool("system", 3, pSurge("1")))},
		{
			name: "surge left out", codes: codes,
			plan: rulePlan(PluginAzure, "10.1.0.0/22", rulePool("system", 3, pMaxPods(30)), rulePool("apps", 3, pMaxPods(30))),
			want: Findings{info(CodeDisputedDefault, "clusters[prod].defaults.maxSurge",
				`cluster "prod" leaves maxSurge unset for pools "system", "apps": assumed 10%, AKS's default on Kubernetes ≥ 1.32 [D] (older API text: 1 node); state it, 33% is the production advice`)},
		},
		{
			name: "overlay maxPods left out", codes: codes,
			plan: rulePlan(ruleOverlay, "10.1.0.0/22", rulePool("system", 3, pSurge("1"))),
			want: Findings{info(CodeDisputedDefault, "clusters[prod].agentPoolProfiles[system].maxPods",
				`pool "system" of cluster "prod" leaves maxPods unset: assumed 250 for the overlay model [D] (30 before 2023-09); maxPods can't change later, so state it`)},
		},
		{
			name: "overlay beyond the old node limit", codes: codes,
			plan: rulePlan(ruleOverlay, "10.1.0.0/20", rulePool("system", 600, pSurge("1"), pMaxPods(30)), rulePool("apps", 401, pSurge("1"), pMaxPods(30))),
			want: Findings{info(CodeDisputedDefault, "clusters[prod].defaults.overlayMaxNodes",
				`cluster "prod" plans 1,001 overlay nodes, within the assumed limit of 5,000 [D] but above the 1,000 that applied before 2024-03`)},
		},
	})
}

// Azure Network Policy Manager supports 250 nodes: a cluster with the azure
// network policy that plans more gets a warning. Source:
// articles/aks/best-practices-performance-scale-large.md ("Azure Network
// Policy Manager (NPM) only supports up to 250 nodes").
func TestAdviseNPMNodes(t *testing.T) {
	codes := []Code{CodeNPMNodeLimit}
	npm := func(policy NetworkPolicy, nodes ...int) *Plan {
		var pools []AgentPool
		for i, n := range nodes {
			pools = append(pools, rulePool(fmt.Sprintf("np%d", i), n, pSurge("1")))
		}
		p := rulePlan(ruleOverlay, "10.1.0.0/20", pools...)
		p.Clusters[0].NetworkProfile.NetworkPolicy = policy
		return p
	}
	runRuleCases(t, []ruleCase{
		{name: "249 nodes", codes: codes, plan: npm(PolicyAzure, 200, 49)},
		{name: "250 nodes", codes: codes, plan: npm(PolicyAzure, 200, 50)},
		{
			name: "251 nodes", codes: codes, plan: npm(PolicyAzure, 200, 51),
			want: Findings{warning(CodeNPMNodeLimit, "clusters[prod].networkProfile.networkPolicy",
				`cluster "prod" plans 251 nodes with the azure network policy; Azure Network Policy Manager supports up to 250: use the cilium network policy on the Cilium dataplane, or calico`)},
		},
		{name: "251 nodes with cilium", codes: codes, plan: npm(PolicyCilium, 200, 51)},
	})
}
