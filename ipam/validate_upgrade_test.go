package ipam

import (
	"fmt"
	"net/netip"
	"testing"

	"github.com/cidrplan/cidrplan/sizing"
)

// The upgrade peak as AKS runs it: pools upgrade one at a time
// (articles/aks/upgrade-aks-control-plane.md: "then upgrades each node pool
// sequentially"), so a subnet must hold every pool's nodes plus the largest
// single pool's surge; every pool surging at once (a network migration
// reimages "node pools ... simultaneously", articles/aks/update-azure-cni.md)
// is a warning, or the error when the plan chooses it (defaults.upgrade).
func TestValidateUpgradePeak(t *testing.T) {
	codes := []Code{CodeInsufficientSubnetSize, CodeSimultaneousUpgradePeak}
	seven := func(aks string, first int, opts ...func(*Plan)) *Plan {
		p := rulePlan(PluginAzure, aks, rulePool("a", first, pMaxPods(30), pSurge("2")), rulePool("b", 7, pMaxPods(30), pSurge("2")))
		for _, o := range opts {
			o(p)
		}
		return p
	}
	simultaneous := func(p *Plan) { p.Clusters[0].Defaults.Upgrade = sizing.UpgradeSimultaneous }
	ilb := func(n int) func(*Plan) {
		return func(p *Plan) { p.VNets[0].Subnets[0].Consumers.InternalLoadBalancers = n }
	}
	runRuleCases(t, []ruleCase{
		{name: "two pools of seven at surge 2 in a 23 warn", codes: codes, plan: seven("10.1.0.0/23", 7),
			want: Findings{
				{Severity: SeverityWarning, Code: CodeSimultaneousUpgradePeak, Field: "vnets[hub].subnets[aks].addressPrefixes",
					Message: `subnet "aks" (10.1.0.0/23) holds the 496 addresses needed at the peak of a sequential upgrade (one pool at a time), but not the 558 needed with every pool surging at once (a network migration reimages all pools together; so does upgrading pools in parallel): 507 usable`,
					Fix:     "use a /22 or larger for subnet aks (1,019 usable for 558 needed with every pool surging at once) such as 10.1.4.0/22, or lower maxSurge, maxPods or node counts"},
			}},
		{name: "exact fit with 11 load balancer IPs", codes: codes, plan: seven("10.1.0.0/23", 7, ilb(11)),
			want: Findings{
				{Severity: SeverityWarning, Code: CodeSimultaneousUpgradePeak, Field: "vnets[hub].subnets[aks].addressPrefixes",
					Message: `subnet "aks" (10.1.0.0/23) holds the 507 addresses needed at the peak of a sequential upgrade (one pool at a time), but not the 569 needed with every pool surging at once (a network migration reimages all pools together; so does upgrading pools in parallel): 507 usable`,
					Fix:     "use a /22 or larger for subnet aks (1,019 usable for 569 needed with every pool surging at once) such as 10.1.4.0/22, or lower maxSurge, maxPods or node counts"},
			}},
		{name: "one over with 12 load balancer IPs", codes: codes, plan: seven("10.1.0.0/23", 7, ilb(12)),
			want: Findings{
				{Severity: SeverityError, Code: CodeInsufficientSubnetSize, Field: "vnets[hub].subnets[aks].addressPrefixes",
					Message: "Pre-allocated IPs 508 exceeds IPs available 507 in Subnet Cidr 10.1.0.0/23, Subnet Name aks: Azure CNI, pods in the node subnet (classic): pool a (7 nodes + 2 surge) × (30 pods (maxPods) + 1 for the node = 31) = 279 + pool b (7 nodes) × (30 pods (maxPods) + 1 for the node = 31) = 217 + internal load balancer IPs 12 at the peak of a sequential upgrade (one pool at a time)",
					Fix:     "use a /22 or larger for subnet aks (1,019 usable for 570 needed with every pool surging at once) such as 10.1.4.0/22, or lower maxPods or node counts"},
			}},
		{name: "one node more is one over", codes: codes, plan: seven("10.1.0.0/23", 8),
			want: Findings{
				{Severity: SeverityError, Code: CodeInsufficientSubnetSize, Field: "vnets[hub].subnets[aks].addressPrefixes",
					Message: "Pre-allocated IPs 527 exceeds IPs available 507 in Subnet Cidr 10.1.0.0/23, Subnet Name aks: Azure CNI, pods in the node subnet (classic): pool a (8 nodes + 2 surge) × (30 pods (maxPods) + 1 for the node = 31) = 310 + pool b (7 nodes) × (30 pods (maxPods) + 1 for the node = 31) = 217 at the peak of a sequential upgrade (one pool at a time)",
					Fix:     "use a /22 or larger for subnet aks (1,019 usable for 589 needed with every pool surging at once) such as 10.1.4.0/22, or lower maxPods or node counts"},
			}},
		{name: "the plan chooses simultaneous", codes: codes, plan: seven("10.1.0.0/23", 7, simultaneous),
			want: Findings{
				{Severity: SeverityError, Code: CodeInsufficientSubnetSize, Field: "vnets[hub].subnets[aks].addressPrefixes",
					Message: "Pre-allocated IPs 558 exceeds IPs available 507 in Subnet Cidr 10.1.0.0/23, Subnet Name aks: Azure CNI, pods in the node subnet (classic): pool a (7 nodes + 2 surge) × (30 pods (maxPods) + 1 for the node = 31) = 279 + pool b (7 nodes + 2 surge) × (30 pods (maxPods) + 1 for the node = 31) = 279 at every pool surging at once (simultaneous upgrade)",
					Fix:     "use a /22 or larger for subnet aks (1,019 usable for 558 needed at the upgrade peak + 31 for one more node of pool a) such as 10.1.4.0/22, or lower maxPods or node counts"},
			}},
		{name: "simultaneous fits a 22", codes: codes, plan: seven("10.1.0.0/22", 7, simultaneous)},
		// The smallest fix, a /23, would draw the warning: the fix says so.
		{name: "a 24 is too small", codes: codes, plan: seven("10.1.0.0/24", 7),
			want: Findings{
				{Severity: SeverityError, Code: CodeInsufficientSubnetSize, Field: "vnets[hub].subnets[aks].addressPrefixes",
					Message: "Pre-allocated IPs 496 exceeds IPs available 251 in Subnet Cidr 10.1.0.0/24, Subnet Name aks: Azure CNI, pods in the node subnet (classic): pool a (7 nodes + 2 surge) × (30 pods (maxPods) + 1 for the node = 31) = 279 + pool b (7 nodes) × (30 pods (maxPods) + 1 for the node = 31) = 217 at the peak of a sequential upgrade (one pool at a time)",
					Fix:     "use a /22 or larger for subnet aks (1,019 usable for 558 needed with every pool surging at once; the peak alone fits a /23) such as 10.1.4.0/22, or lower maxPods or node counts"},
			}},
		{name: "autoscaled pools count at maxCount", codes: codes,
			plan: rulePlan(PluginAzure, "10.1.0.0/24", rulePool("a", 3, pMaxPods(30), pSurge("1")), rulePool("b", 1, pAutoscale(1, 4), pMaxPods(30), pSurge("50%"))),
			want: Findings{
				{Severity: SeverityError, Code: CodeInsufficientSubnetSize, Field: "vnets[hub].subnets[aks].addressPrefixes",
					Message: "Pre-allocated IPs 279 exceeds IPs available 251 in Subnet Cidr 10.1.0.0/24, Subnet Name aks: Azure CNI, pods in the node subnet (classic): pool a (3 nodes) × (30 pods (maxPods) + 1 for the node = 31) = 93 + pool b (4 nodes + 2 surge) × (30 pods (maxPods) + 1 for the node = 31) = 186 at the peak of a sequential upgrade (one pool at a time)",
					Fix:     "use a /23 or larger for subnet aks (507 usable for 279 needed at the upgrade peak + 31 for one more node of pool a) such as 10.1.2.0/23, or lower maxPods or node counts"},
			}},
	})
}

func TestValidateUpgradePeakPodCIDR(t *testing.T) {
	codes := []Code{CodeInsufficientSubnetSize, CodeSimultaneousUpgradePeak}
	overlay := func(cidr string) *Plan {
		p := rulePlan(ruleOverlay, "10.1.0.0/22", rulePool("a", 2, pSurge("1")), rulePool("b", 1, pSurge("1")))
		p.Clusters[0].NetworkProfile.PodCIDR = netip.MustParsePrefix(cidr)
		return p
	}
	runRuleCases(t, []ruleCase{
		// 3 nodes + 1 surge = 4 /24s: a /22 holds them; both surges, 5, do not.
		{name: "sequential fits simultaneous warns", codes: codes, plan: overlay("10.244.0.0/22"),
			want: Findings{
				{Severity: SeverityWarning, Code: CodeSimultaneousUpgradePeak, Field: "clusters[prod].networkProfile.podCidr",
					Message: `pod CIDR 10.244.0.0/22 of cluster "prod" holds its 4 nodes at the peak of a sequential upgrade (one pool at a time), but not the 5 nodes of every pool surging at once (a network migration reimages all pools together; so does upgrading pools in parallel): Azure CNI Overlay, pods in the pod CIDR: 5 nodes × (one /24 = 256 per node) = 1,280; a /22 holds 4 nodes`,
					Fix:     "use a /21 or larger pod CIDR, such as 10.244.8.0/21; a running overlay cluster can only widen it in place, to 10.244.0.0/21, if that is free (cidrplan expand finds the smallest clear superset)"},
			}},
		{name: "a 21 holds both", codes: codes, plan: overlay("10.244.0.0/21")},
		{name: "a 23 holds neither", codes: codes, plan: overlay("10.244.0.0/23"),
			want: Findings{
				{Severity: SeverityError, Code: CodeInsufficientSubnetSize, Field: "clusters[prod].networkProfile.podCidr",
					Message: `Pre-allocated IPs 1024 exceeds IPs available 512 in pod CIDR 10.244.0.0/23 of cluster "prod": Azure CNI Overlay, pods in the pod CIDR: 4 nodes × (one /24 = 256 per node) = 1,024 at the peak of a sequential upgrade (one pool at a time); a /23 holds 2 nodes`,
					Fix:     "use a /21 or larger pod CIDR (to hold the 5 nodes of every pool surging at once too), such as 10.244.8.0/21; a running overlay cluster can only widen it in place, to 10.244.0.0/21, if that is free (cidrplan expand finds the smallest clear superset)"},
			}},
	})
}

// A dynamic pod subnet holds one batch of 16 per node (what AKS requires);
// with every node running maxPods a node takes ceil(maxPods / 16) batches,
// and the subnet addresses at most its usable addresses in whole batches
// (articles/aks/configure-azure-cni-dynamic-ip-allocation.md: "IPs are
// allocated to nodes in batches of 16").
func TestValidateDynamicPodSubnetMaxPods(t *testing.T) {
	codes := []Code{CodeInsufficientSubnetSize, CodePodSubnetBelowMaxPods}
	plan := func(pods string, nodes, maxPods int) *Plan {
		p := rulePlan(PluginAzure, "10.1.0.0/22", rulePool("system", nodes, pMaxPods(maxPods), pPodSubnet("pods", DynamicIndividual)))
		ruleAddSubnet(p, Subnet{Name: "pods", AddressPrefixes: rulePrefixes(pods)})
		return p
	}
	runRuleCases(t, []ruleCase{
		{name: "3 nodes of 110 in a 26 do not fit", codes: codes, plan: plan("10.1.8.0/26", 3, 110),
			want: Findings{
				{Severity: SeverityError, Code: CodeInsufficientSubnetSize, Field: "vnets[hub].subnets[pods].addressPrefixes",
					Message: "Pre-allocated IPs 64 exceeds IPs available 59 in Subnet Cidr 10.1.8.0/26, Subnet Name pods: Azure CNI, pods in a pod subnet (dynamic allocation): pool system (3 nodes + 1 surge) × (one batch of 16 pod IPs = 16) = 64 at the peak of a sequential upgrade (one pool at a time)",
					Fix:     "use a /23 or larger for subnet pods (507 usable for 448 needed with every node running maxPods pods; the peak alone fits a /25) such as 10.1.4.0/23, or lower maxPods or node counts"},
			}},
		{name: "3 nodes of 110 in a 25 warn", codes: codes, plan: plan("10.1.8.0/25", 3, 110),
			want: Findings{
				{Severity: SeverityWarning, Code: CodePodSubnetBelowMaxPods, Field: "vnets[hub].subnets[pods].addressPrefixes",
					Message: `pod subnet "pods" (10.1.8.0/25) gives pods addresses in batches of 16: its 123 usable addresses address at most 112 pods, while its nodes running maxPods pods need 448 at the upgrade peak (pool system maxPods 110: 112 per node)`,
					Fix:     "use a /23 or larger for subnet pods (507 usable for 448 needed with every node running maxPods pods) such as 10.1.4.0/23, or lower maxPods"},
			}},
		// 4 × 112 = 448 ≤ 507.
		{name: "3 nodes of 110 in a 23 are full", codes: codes, plan: plan("10.1.8.0/23", 3, 110)},
		// 4 nodes at the peak × 32 = 128 > 123.
		{name: "maxPods 30 one over", codes: codes, plan: plan("10.1.8.0/25", 3, 30),
			want: Findings{
				{Severity: SeverityWarning, Code: CodePodSubnetBelowMaxPods, Field: "vnets[hub].subnets[pods].addressPrefixes",
					Message: `pod subnet "pods" (10.1.8.0/25) gives pods addresses in batches of 16: its 123 usable addresses address at most 112 pods, while its nodes running maxPods pods need 128 at the upgrade peak (pool system maxPods 30: 32 per node)`,
					Fix:     "use a /24 or larger for subnet pods (251 usable for 128 needed with every node running maxPods pods) such as 10.1.4.0/24, or lower maxPods"},
			}},
		// 4 × 16 = 64 ≤ 123 with maxPods 16: one batch is every pod.
		{name: "maxPods 16 is one batch", codes: codes, plan: plan("10.1.8.0/25", 3, 16)},
	})
}

// Node limits at the upgrade peak: a pool plus its surge holds at most
// 1,000 nodes (articles/aks/upgrade-aks-node-pools-rolling.md: "AKS rejects
// the upgrade before it starts"); a cluster past 5,000 nodes at the peak
// gets a warning ("When a cluster reaches the 5,000 node limit, cluster
// upgrades are blocked", articles/aks/best-practices-performance-scale-large.md);
// no finding contradicts another.
func TestValidateNodeLimitsAtPeak(t *testing.T) {
	codes := []Code{CodePoolNodeLimit, CodeClusterNodeLimitAtUpgrade, CodeOverlayNodeLimit, CodeClusterNodeLimit, CodeDisputedDefault}
	overlay := func(counts ...int) *Plan {
		var pools []AgentPool
		for i, n := range counts {
			pools = append(pools, rulePool(fmt.Sprint("np", i), n, pMaxPods(30), pSurge("10%")))
		}
		p := rulePlan(ruleOverlay, "10.1.0.0/16", pools...)
		p.VNets[0].AddressSpace = rulePrefixes("10.0.0.0/8")
		p.VNets[0].Subnets[0].AddressPrefixes = rulePrefixes("10.1.0.0/16")
		p.Clusters[0].NetworkProfile.PodCIDR = netip.MustParsePrefix("100.64.0.0/10")
		return p
	}
	runRuleCases(t, []ruleCase{
		{name: "a pool of 909 at 10 percent is exactly 1000", codes: codes, plan: overlay(909)},
		{name: "a pool of 910 at 10 percent is one over", codes: codes, plan: overlay(910),
			want: Findings{
				{Severity: SeverityError, Code: CodePoolNodeLimit, Field: "clusters[prod].agentPoolProfiles[np0].count",
					Message: `pool "np0" of cluster "prod": count 910: pool too large: 1,001 nodes at upgrade peak (scale-out and surge included) > 1,000 (limit: AKS's 1,000 nodes per pool, surge included): AKS rejects the upgrade before it starts`,
					Fix:     "split the pool: a pool plus its upgrade surge holds at most 1,000 nodes"},
			}},
		// 4,910 nodes + 90 surge: exactly 5,000 at the peak.
		{name: "exactly 5000 at the peak", codes: codes, plan: overlay(900, 900, 900, 900, 900, 410),
			want: Findings{
				{Severity: SeverityInfo, Code: CodeDisputedDefault, Field: "clusters[prod].defaults.overlayMaxNodes",
					Message: `cluster "prod" plans 4,910 overlay nodes, within the assumed limit of 5,000 [D] but above the 1,000 that applied before 2024-03`},
			}},
		{name: "5001 at the peak", codes: codes, plan: overlay(900, 900, 900, 900, 900, 411),
			want: Findings{
				{Severity: SeverityWarning, Code: CodeClusterNodeLimitAtUpgrade, Field: "clusters[prod].agentPoolProfiles",
					Message: `cluster "prod" has 4,911 nodes and 5,001 at the peak of a sequential upgrade (one pool at a time), past the 5,000-node cluster limit, where AKS blocks upgrades: lower maxSurge (maxUnavailable upgrades in place) or split the nodes over several clusters`},
				{Severity: SeverityInfo, Code: CodeDisputedDefault, Field: "clusters[prod].defaults.overlayMaxNodes",
					Message: `cluster "prod" plans 4,911 overlay nodes, within the assumed limit of 5,000 [D] but above the 1,000 that applied before 2024-03`},
			}},
		{name: "5000 nodes passing the limit at the peak", codes: codes, plan: overlay(900, 900, 900, 900, 900, 500),
			want: Findings{
				{Severity: SeverityWarning, Code: CodeClusterNodeLimitAtUpgrade, Field: "clusters[prod].agentPoolProfiles",
					Message: `cluster "prod" has 5,000 nodes and 5,090 at the peak of a sequential upgrade (one pool at a time), past the 5,000-node cluster limit, where AKS blocks upgrades: lower maxSurge (maxUnavailable upgrades in place) or split the nodes over several clusters`},
				{Severity: SeverityInfo, Code: CodeDisputedDefault, Field: "clusters[prod].defaults.overlayMaxNodes",
					Message: `cluster "prod" plans 5,000 overlay nodes, within the assumed limit of 5,000 [D] but above the 1,000 that applied before 2024-03`},
			}},
		{name: "5001 overlay nodes are one verdict", codes: codes, plan: overlay(900, 900, 900, 900, 900, 501),
			want: Findings{
				{Severity: SeverityError, Code: CodeOverlayNodeLimit, Field: "clusters[prod].agentPoolProfiles",
					Message: `cluster "prod": nodes 5001: cluster too large: at most 5,000 nodes with Azure CNI Overlay [D]`,
					Fix:     "split the nodes over several clusters"},
			}},
	})
}
