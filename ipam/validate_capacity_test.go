package ipam

import (
	"fmt"
	"math"
	"math/rand/v2"
	"net/netip"
	"slices"
	"strings"
	"testing"

	"github.com/cidrplan/cidrplan/sizing"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// ruleCase is one row of a rule table: a plan, the codes the rule emits,
// and the findings with those codes that Validate must return.
type ruleCase struct {
	name  string
	plan  *Plan
	codes []Code
	want  Findings
}

func runRuleCases(t *testing.T, cases []ruleCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			all := tc.plan.Validate()
			checkRegistered(t, all)
			checkFixValuesNamed(t, all)
			got := withCodes(all, tc.codes...)
			// The rule tables pin the words; TestFixValues and the golden
			// files pin the values, and checkFixValuesNamed that they agree.
			if diff := cmp.Diff(tc.want, got, cmpopts.IgnoreFields(Finding{}, "FixValues")); diff != "" {
				t.Errorf("Validate() findings %v mismatch (-want +got):\n%s", tc.codes, diff)
			}
		})
	}
}

// withCodes keeps the findings whose code is one of codes; nil when none.
func withCodes(fs Findings, codes ...Code) Findings {
	var out Findings
	for _, f := range fs {
		if slices.Contains(codes, f.Code) {
			out = append(out, f)
		}
	}
	return out
}

// rulePlan is a plan with VNet hub (10.1.0.0/16) holding subnet aks of the
// given prefix, and cluster prod with the plugin and pools given (pools
// default to subnet aks). Network policy is set so that advisories stay
// quiet unless a test asks for them.
func rulePlan(plugin NetworkPlugin, aks string, pools ...AgentPool) *Plan {
	np := NetworkProfile{NetworkPlugin: plugin, NetworkPolicy: PolicyCilium}
	if plugin == ruleOverlay {
		np.NetworkPlugin, np.NetworkPluginMode = PluginAzure, PluginModeOverlay
	}
	for i := range pools {
		if pools[i].VNetSubnet == "" {
			pools[i].VNetSubnet = "aks"
		}
	}
	return &Plan{
		VNets: []VNet{{
			Name:         "hub",
			AddressSpace: []netip.Prefix{netip.MustParsePrefix("10.1.0.0/16")},
			Subnets:      []Subnet{{Name: "aks", AddressPrefixes: []netip.Prefix{netip.MustParsePrefix(aks)}}},
		}},
		Clusters: []Cluster{{Name: "prod", NetworkProfile: np, AgentPoolProfiles: pools}},
	}
}

// ruleOverlay is the rulePlan plugin spelling of Azure CNI Overlay.
const ruleOverlay = PluginAzure + "-overlay"

// pool returns a Linux pool of count nodes; opts adjust it.
func rulePool(name string, count int, opts ...func(*sizing.Pool)) AgentPool {
	p := sizing.Pool{Name: name, Count: count}
	for _, o := range opts {
		o(&p)
	}
	return AgentPool{Pool: p}
}

func pMaxPods(n int) func(*sizing.Pool) { return func(p *sizing.Pool) { p.MaxPods = n } }
func pSurge(s string) func(*sizing.Pool) {
	return func(p *sizing.Pool) { p.MaxSurge = sizing.MustParseSurge(s) }
}
func pUnavailable(s string) func(*sizing.Pool) {
	return func(p *sizing.Pool) { p.MaxUnavailable = sizing.MustParseSurge(s) }
}
func pUser(p *sizing.Pool)               { p.Mode = ModeUser } // System pools take no maxUnavailable
func pScaleOut(n int) func(*sizing.Pool) { return func(p *sizing.Pool) { p.ScaleOut = n } }
func pWindows(p *sizing.Pool)            { p.OSType = Windows }
func pPodSubnet(name string, mode PodIPAllocationMode) func(*sizing.Pool) {
	return func(p *sizing.Pool) { p.PodSubnet, p.PodIPAllocationMode = name, mode }
}
func pAutoscale(minCount, maxCount int) func(*sizing.Pool) {
	return func(p *sizing.Pool) { p.EnableAutoScaling, p.Count, p.MaxCount = true, minCount, maxCount }
}

// with applies f to p and returns p, for one-off changes in a table.
func rulePlanWith(p *Plan, f func(*Plan)) *Plan {
	f(p)
	return p
}

// addSubnet adds a subnet to VNet hub.
func ruleAddSubnet(p *Plan, s Subnet) { p.VNets[0].Subnets = append(p.VNets[0].Subnets, s) }

func rulePrefixes(ss ...string) []netip.Prefix {
	out := make([]netip.Prefix, len(ss))
	for i, s := range ss {
		out[i] = netip.MustParsePrefix(s)
	}
	return out
}

func ruleInsufficient(field, msg, fix string) Finding {
	return Finding{Severity: SeverityError, Code: CodeInsufficientSubnetSize, Field: field, Message: msg, Fix: fix}
}

const aksField = "vnets[hub].subnets[aks].addressPrefixes"

func TestValidateSubnetCapacity(t *testing.T) {
	codes := []Code{CodeInsufficientSubnetSize, CodeInsufficientPodCIDR}
	runRuleCases(t, []ruleCase{
		{
			name:  "AKS message fits",
			plan:  rulePlan(PluginAzure, "10.1.0.0/24", rulePool("system", 7, pMaxPods(30), pSurge("1"))),
			codes: codes,
		},
		{
			name:  "AKS message 10 nodes x 31 in a slash 24",
			plan:  rulePlan(PluginAzure, "10.1.0.0/24", rulePool("system", 9, pMaxPods(30), pSurge("1"))),
			codes: codes,
			want: Findings{ruleInsufficient(aksField,
				"Pre-allocated IPs 310 exceeds IPs available 251 in Subnet Cidr 10.1.0.0/24, Subnet Name aks: Azure CNI, pods in the node subnet (classic): pool system (9 nodes + 1 surge) × (30 pods (maxPods) + 1 for the node = 31) = 310 at the peak of a sequential upgrade (one pool at a time)",
				"use a /23 or larger for subnet aks (507 usable for 310 needed at the upgrade peak + 31 for one more node of pool system) such as 10.1.2.0/23, or lower maxPods or node counts")},
		},
		{
			name:  "slash 24 holds 8 nodes at maxPods 30",
			plan:  rulePlan(PluginAzure, "10.1.0.0/24", rulePool("system", 8, pMaxPods(30), pSurge("1"))),
			codes: codes,
			want: Findings{ruleInsufficient(aksField,
				"Pre-allocated IPs 279 exceeds IPs available 251 in Subnet Cidr 10.1.0.0/24, Subnet Name aks: Azure CNI, pods in the node subnet (classic): pool system (8 nodes + 1 surge) × (30 pods (maxPods) + 1 for the node = 31) = 279 at the peak of a sequential upgrade (one pool at a time)",
				"use a /23 or larger for subnet aks (507 usable for 279 needed at the upgrade peak + 31 for one more node of pool system) such as 10.1.2.0/23, or lower maxPods or node counts")},
		},
		{
			name:  "vector 50 nodes surge 1 fits a slash 21",
			plan:  rulePlan(PluginAzure, "10.1.0.0/21", rulePool("system", 50, pMaxPods(30), pSurge("1"))),
			codes: codes,
		},
		{
			name:  "vector 50 nodes surge 1 needs a slash 21",
			plan:  rulePlan(PluginAzure, "10.1.0.0/22", rulePool("system", 50, pMaxPods(30), pSurge("1"))),
			codes: codes,
			want: Findings{ruleInsufficient(aksField,
				"Pre-allocated IPs 1581 exceeds IPs available 1019 in Subnet Cidr 10.1.0.0/22, Subnet Name aks: Azure CNI, pods in the node subnet (classic): pool system (50 nodes + 1 surge) × (30 pods (maxPods) + 1 for the node = 31) = 1,581 at the peak of a sequential upgrade (one pool at a time)",
				"use a /21 or larger for subnet aks (2,043 usable for 1,581 needed at the upgrade peak + 31 for one more node of pool system) such as 10.1.8.0/21, or lower maxPods or node counts")},
		},
		{
			name:  "vector plus 10 scale-out fits a slash 21",
			plan:  rulePlan(PluginAzure, "10.1.0.0/21", rulePool("system", 50, pMaxPods(30), pSurge("1"), pScaleOut(10))),
			codes: codes,
		},
		{
			name:  "vector plus 10 scale-out needs a slash 21",
			plan:  rulePlan(PluginAzure, "10.1.0.0/22", rulePool("system", 50, pMaxPods(30), pSurge("1"), pScaleOut(10))),
			codes: codes,
			want: Findings{ruleInsufficient(aksField,
				"Pre-allocated IPs 1891 exceeds IPs available 1019 in Subnet Cidr 10.1.0.0/22, Subnet Name aks: Azure CNI, pods in the node subnet (classic): pool system (50 nodes + 10 scale-out + 1 surge) × (30 pods (maxPods) + 1 for the node = 31) = 1,891 at the peak of a sequential upgrade (one pool at a time)",
				"use a /21 or larger for subnet aks (2,043 usable for 1,891 needed at the upgrade peak + 31 for one more node of pool system) such as 10.1.8.0/21, or lower maxPods or node counts")},
		},
		{
			name:  "autoscaler counts maxCount",
			plan:  rulePlan(PluginAzure, "10.1.0.0/24", rulePool("system", 0, pMaxPods(30), pSurge("1"), pAutoscale(3, 9))),
			codes: codes,
			want: Findings{ruleInsufficient(aksField,
				"Pre-allocated IPs 310 exceeds IPs available 251 in Subnet Cidr 10.1.0.0/24, Subnet Name aks: Azure CNI, pods in the node subnet (classic): pool system (9 nodes + 1 surge) × (30 pods (maxPods) + 1 for the node = 31) = 310 at the peak of a sequential upgrade (one pool at a time)",
				"use a /23 or larger for subnet aks (507 usable for 310 needed at the upgrade peak + 31 for one more node of pool system) such as 10.1.2.0/23, or lower maxPods or node counts")},
		},
		{
			name:  "kubenet slash 24 holds 251 nodes",
			plan:  rulePlan(PluginKubenet, "10.1.0.0/24", rulePool("system", 250, pSurge("1"))),
			codes: codes,
		},
		{
			name:  "kubenet slash 24 does not hold 252 nodes",
			plan:  rulePlan(PluginKubenet, "10.1.0.0/24", rulePool("system", 251, pSurge("1"))),
			codes: codes,
			want: Findings{ruleInsufficient(aksField,
				"Pre-allocated IPs 252 exceeds IPs available 251 in Subnet Cidr 10.1.0.0/24, Subnet Name aks: kubenet, pods in the pod CIDR: pool system (251 nodes + 1 surge) × (1 for the node = 1) = 252 at the peak of a sequential upgrade (one pool at a time)",
				"use a /23 or larger for subnet aks (507 usable for 252 needed at the upgrade peak + 1 for one more node of pool system) such as 10.1.2.0/23, or lower maxPods or node counts")},
		},
		{
			name: "other consumers and private API endpoint fit",
			plan: rulePlanWith(rulePlan(PluginAzure, "10.1.0.0/24", rulePool("system", 7, pMaxPods(30), pSurge("1"))), func(p *Plan) {
				p.VNets[0].Subnets[0].Consumers = Consumers{InternalLoadBalancers: 2, PrivateEndpoints: 1}
			}),
			codes: codes,
		},
		{
			name: "other consumers and private API endpoint overflow",
			plan: rulePlanWith(rulePlan(PluginAzure, "10.1.0.0/24", rulePool("system", 7, pMaxPods(30), pSurge("1"))), func(p *Plan) {
				p.VNets[0].Subnets[0].Consumers = Consumers{InternalLoadBalancers: 2, PrivateEndpoints: 1}
				p.Clusters[0].APIServerAccessProfile.EnablePrivateCluster = true
			}),
			codes: codes,
			want: Findings{ruleInsufficient(aksField,
				"Pre-allocated IPs 252 exceeds IPs available 251 in Subnet Cidr 10.1.0.0/24, Subnet Name aks: Azure CNI, pods in the node subnet (classic): pool system (7 nodes + 1 surge) × (30 pods (maxPods) + 1 for the node = 31) = 248 + internal load balancer IPs 2 + private endpoints 1 + private API endpoints 1 at the peak of a sequential upgrade (one pool at a time)",
				"use a /23 or larger for subnet aks (507 usable for 252 needed at the upgrade peak + 31 for one more node of pool system) such as 10.1.2.0/23, or lower maxPods or node counts")},
		},
		{
			name:  "pools of one cluster share a subnet",
			plan:  rulePlan(PluginAzure, "10.1.0.0/24", rulePool("system", 4, pMaxPods(30), pSurge("1")), rulePool("apps", 4, pMaxPods(30), pSurge("1"))),
			codes: codes,
			want: Findings{ruleInsufficient(aksField,
				"Pre-allocated IPs 279 exceeds IPs available 251 in Subnet Cidr 10.1.0.0/24, Subnet Name aks: Azure CNI, pods in the node subnet (classic): pool system (4 nodes + 1 surge) × (30 pods (maxPods) + 1 for the node = 31) = 155 + pool apps (4 nodes) × (30 pods (maxPods) + 1 for the node = 31) = 124 at the peak of a sequential upgrade (one pool at a time)",
				"use a /23 or larger for subnet aks (507 usable for 279 needed at the upgrade peak + 31 for one more node of pool system) such as 10.1.2.0/23, or lower maxPods or node counts")},
		},
		{
			name:  "clusters sharing a subnet fit alone",
			plan:  ruleTwoClusters(PluginAzure, PluginAzure, 3),
			codes: codes,
		},
		{
			name:  "clusters sharing a subnet overflow together",
			plan:  ruleTwoClusters(PluginAzure, PluginAzure, 4),
			codes: codes,
			want: Findings{ruleInsufficient(aksField,
				"Pre-allocated IPs 310 exceeds IPs available 251 in Subnet Cidr 10.1.0.0/24, Subnet Name aks: Azure CNI, pods in the node subnet (classic): pool prod/system (4 nodes + 1 surge) × (30 pods (maxPods) + 1 for the node = 31) = 155 + pool dev/system (4 nodes + 1 surge) × (30 pods (maxPods) + 1 for the node = 31) = 155 at the peak of a sequential upgrade (one pool at a time)",
				"use a /23 or larger for subnet aks (507 usable for 310 needed at the upgrade peak + 31 for one more node of pool prod/system) such as 10.1.2.0/23, or lower maxPods or node counts")},
		},
		{
			name:  "dynamic pod subnet 100 nodes fits a slash 21",
			plan:  rulePodSubnetPlan("10.1.8.0/21", DynamicIndividual, 100, 30),
			codes: codes,
		},
		{
			name:  "dynamic pod subnet 100 nodes needs a slash 21",
			plan:  rulePodSubnetPlan("10.1.8.0/22", DynamicIndividual, 100, 30),
			codes: codes,
			want: Findings{ruleInsufficient("vnets[hub].subnets[pods].addressPrefixes",
				"Pre-allocated IPs 1600 exceeds IPs available 1019 in Subnet Cidr 10.1.8.0/22, Subnet Name pods: Azure CNI, pods in a pod subnet (dynamic allocation): pool system (100 nodes) × (one batch of 16 pod IPs = 16) = 1,600 at the peak of a sequential upgrade (one pool at a time)",
				"use a /20 or larger for subnet pods (4,091 usable for 3,200 needed with every node running maxPods pods; the peak alone fits a /21) such as 10.1.16.0/20, or lower maxPods or node counts")},
		},
		{
			name:  "static block pod subnet holds whole blocks",
			plan:  rulePodSubnetPlan("10.1.8.0/26", StaticBlock, 1, 30),
			codes: codes,
		},
		{
			name:  "static block pod subnet counts blocks not addresses",
			plan:  rulePodSubnetPlan("10.1.8.0/26", StaticBlock, 2, 30),
			codes: codes,
			want: Findings{ruleInsufficient("vnets[hub].subnets[pods].addressPrefixes",
				"Pre-allocated IPs 64 exceeds IPs available 32 in Subnet Cidr 10.1.8.0/26, Subnet Name pods: Azure CNI, pods in a pod subnet (static block allocation): pool system (2 nodes) × (ceil((30 pods + 1) / 16) = 2 /28 blocks of 16 = 32) = 64 at the peak of a sequential upgrade (one pool at a time)",
				"use a /25 or larger for subnet pods (96 usable for 64 needed at the upgrade peak + 32 for one more node of pool system) such as 10.1.4.0/25, or lower maxPods or node counts")},
		},
		{
			name:  "static block maxPods 31 takes 2 blocks",
			plan:  rulePodSubnetPlan("10.1.8.0/26", StaticBlock, 1, 31),
			codes: codes,
		},
		{
			name:  "static block maxPods 32 takes 3 blocks",
			plan:  rulePodSubnetPlan("10.1.8.0/26", StaticBlock, 1, 32),
			codes: codes,
			want: Findings{ruleInsufficient("vnets[hub].subnets[pods].addressPrefixes",
				"Pre-allocated IPs 48 exceeds IPs available 32 in Subnet Cidr 10.1.8.0/26, Subnet Name pods: Azure CNI, pods in a pod subnet (static block allocation): pool system (1 node) × (ceil((32 pods + 1) / 16) = 3 /28 blocks of 16 = 48) = 48 at the peak of a sequential upgrade (one pool at a time)",
				"use a /25 or larger for subnet pods (96 usable for 48 needed at the upgrade peak + 48 for one more node of pool system) such as 10.1.4.0/25, or lower maxPods or node counts")},
		},
		{
			name: "consumers alone overflow a subnet",
			plan: rulePlanWith(rulePlan(PluginAzure, "10.1.0.0/24", rulePool("system", 3)), func(p *Plan) {
				ruleAddSubnet(p, Subnet{Name: "endpoints", AddressPrefixes: rulePrefixes("10.1.1.0/28"),
					Consumers: Consumers{PrivateEndpoints: 12}})
			}),
			codes: codes,
			want: Findings{ruleInsufficient("vnets[hub].subnets[endpoints].addressPrefixes",
				"Pre-allocated IPs 12 exceeds IPs available 11 in Subnet Cidr 10.1.1.0/28, Subnet Name endpoints: private endpoints 12",
				"use a /27 or larger for subnet endpoints (27 usable for 12 needed at the upgrade peak) such as 10.1.1.32/27")},
		},
	})
}

// twoClusters puts clusters prod and dev, each one pool of nodes at maxPods
// 30 and surge 1, on subnet aks (10.1.0.0/24).
func ruleTwoClusters(a, b NetworkPlugin, nodes int) *Plan {
	p := rulePlan(a, "10.1.0.0/24", rulePool("system", nodes, pMaxPods(30), pSurge("1")))
	dev := Cluster{Name: "dev", NetworkProfile: NetworkProfile{NetworkPlugin: b, NetworkPolicy: PolicyCilium,
		ServiceCIDR: netip.MustParsePrefix("10.2.0.0/16"), DNSServiceIP: netip.MustParseAddr("10.2.0.10")},
		AgentPoolProfiles: []AgentPool{rulePool("system", nodes, pMaxPods(30), pSurge("1"))}}
	dev.AgentPoolProfiles[0].VNetSubnet = "aks"
	p.Clusters = append(p.Clusters, dev)
	return p
}

// podSubnetPlan is an Azure CNI pod-subnet plan: nodes on aks
// (10.1.0.0/22), pods on subnet pods; no surge (maxUnavailable 1).
func rulePodSubnetPlan(pods string, mode PodIPAllocationMode, nodes, pods_ int) *Plan {
	p := rulePlan(PluginAzure, "10.1.0.0/22",
		rulePool("system", nodes, pMaxPods(pods_), pSurge("0"), pUnavailable("1"), pUser, pPodSubnet("pods", mode)))
	p.Clusters[0].KubernetesVersion = "1.30"
	ruleAddSubnet(p, Subnet{Name: "pods", AddressPrefixes: rulePrefixes(pods)})
	return p
}

func TestValidatePodCIDRCapacity(t *testing.T) {
	codes := []Code{CodeInsufficientSubnetSize, CodeInsufficientPodCIDR}
	podCIDR := func(plugin NetworkPlugin, cidr string, nodes int) *Plan {
		p := rulePlan(plugin, "10.1.0.0/22", rulePool("system", nodes, pSurge("1")))
		p.Clusters[0].NetworkProfile.PodCIDR = netip.MustParsePrefix(cidr)
		return p
	}
	runRuleCases(t, []ruleCase{
		{name: "overlay slash 22 holds 4 nodes", plan: podCIDR(ruleOverlay, "10.244.0.0/22", 3), codes: codes},
		{
			name:  "overlay slash 22 exhausted by 5 nodes",
			plan:  podCIDR(ruleOverlay, "10.244.0.0/22", 4),
			codes: codes,
			want: Findings{{Severity: SeverityError, Code: CodeInsufficientSubnetSize,
				Field:   "clusters[prod].networkProfile.podCidr",
				Message: `Pre-allocated IPs 1280 exceeds IPs available 1024 in pod CIDR 10.244.0.0/22 of cluster "prod": Azure CNI Overlay, pods in the pod CIDR: 5 nodes × (one /24 = 256 per node) = 1,280 at the peak of a sequential upgrade (one pool at a time); a /22 holds 4 nodes`,
				Fix:     "use a /21 or larger pod CIDR, such as 10.244.8.0/21; a running overlay cluster can only widen it in place, to 10.244.0.0/21, if that is free (cidrplan expand finds the smallest clear superset)"}},
		},
		{name: "overlay slash 16 holds 256 nodes", plan: podCIDR(ruleOverlay, "10.244.0.0/16", 255), codes: codes},
		{
			name:  "overlay slash 16 does not hold 257 nodes",
			plan:  podCIDR(ruleOverlay, "10.244.0.0/16", 256),
			codes: codes,
			want: Findings{{Severity: SeverityError, Code: CodeInsufficientSubnetSize,
				Field:   "clusters[prod].networkProfile.podCidr",
				Message: `Pre-allocated IPs 65792 exceeds IPs available 65536 in pod CIDR 10.244.0.0/16 of cluster "prod": Azure CNI Overlay, pods in the pod CIDR: 257 nodes × (one /24 = 256 per node) = 65,792 at the peak of a sequential upgrade (one pool at a time); a /16 holds 256 nodes`,
				Fix:     "use a /15 or larger pod CIDR, such as 10.2.0.0/15; a running overlay cluster can only widen it in place, to 10.244.0.0/15, if that is free (cidrplan expand finds the smallest clear superset)"}},
		},
		{
			name:  "kubenet pod CIDR exhausted",
			plan:  podCIDR(PluginKubenet, "10.244.0.0/22", 4),
			codes: codes,
			want: Findings{{Severity: SeverityError, Code: CodeInsufficientPodCIDR,
				Field:   "clusters[prod].networkProfile.podCidr",
				Message: `Pre-allocated IPs 1280 exceeds IPs available 1024 in pod CIDR 10.244.0.0/22 of cluster "prod": kubenet, pods in the pod CIDR: 5 nodes × (one /24 = 256 per node) = 1,280 at the peak of a sequential upgrade (one pool at a time); a /22 holds 4 nodes`,
				Fix:     "use a /21 or larger pod CIDR, such as 10.244.8.0/21"}},
		},
		{
			name: "dual-stack IPv6 slash 80 holds one node",
			plan: rulePlanWith(podCIDR(ruleOverlay, "10.244.0.0/16", 3), func(p *Plan) {
				np := &p.Clusters[0].NetworkProfile
				np.IPFamilies = []IPFamily{IPv4, IPv6}
				np.PodCIDR = netip.Prefix{}
				np.PodCIDRs = rulePrefixes("10.244.0.0/16", "fd12:3456:789a::/80")
				np.ServiceCIDRs = rulePrefixes("10.0.0.0/16", "fd12:3456:789a:1::/108")
			}),
			codes: codes,
			want: Findings{{Severity: SeverityError, Code: CodeInsufficientSubnetSize,
				Field:   "clusters[prod].networkProfile.podCidrs[1]",
				Message: `Pre-allocated IPs 1125899906842624 exceeds IPs available 281474976710656 in pod CIDR fd12:3456:789a::/80 of cluster "prod": Azure CNI Overlay, pods in the pod CIDR: 4 nodes × (one /80 = 2^48 = 281,474,976,710,656 per node) = 1,125,899,906,842,624 at the peak of a sequential upgrade (one pool at a time); a /80 holds 1 node`,
				Fix:     "use a /78 or larger pod CIDR"}},
		},
	})
}

func ruleError(code Code, field, msg, fix string) Finding {
	return Finding{Severity: SeverityError, Code: code, Field: field, Message: msg, Fix: fix}
}

func rulePools(n, nodes int) []AgentPool {
	out := make([]AgentPool, n)
	for i := range out {
		out[i] = rulePool(fmt.Sprintf("p%03d", i), nodes, pMaxPods(30))
	}
	return out
}

func TestValidateSizingLimits(t *testing.T) {
	const sys = "clusters[prod].agentPoolProfiles[system]"
	runRuleCases(t, []ruleCase{
		{name: "maxPods 10 with 3 nodes", plan: rulePlan(PluginAzure, "10.1.0.0/22", rulePool("system", 3, pMaxPods(10))),
			codes: []Code{CodeInvalidMaxPods, CodeInsufficientPods}},
		{name: "maxPods 250", plan: rulePlan(PluginAzure, "10.1.0.0/20", rulePool("system", 3, pMaxPods(250))),
			codes: []Code{CodeInvalidMaxPods}},
		{
			name: "maxPods 9", plan: rulePlan(PluginAzure, "10.1.0.0/22", rulePool("system", 3, pMaxPods(9))),
			codes: []Code{CodeInvalidMaxPods},
			want: Findings{ruleError(CodeInvalidMaxPods, sys+".maxPods",
				`pool "system" of cluster "prod": maxPods 9: maxPods out of range: want 10–250`,
				"set maxPods between 10 and 250")},
		},
		{
			name: "maxPods 251", plan: rulePlan(ruleOverlay, "10.1.0.0/22", rulePool("system", 3, pMaxPods(251))),
			codes: []Code{CodeInvalidMaxPods},
			want: Findings{ruleError(CodeInvalidMaxPods, sys+".maxPods",
				`pool "system" of cluster "prod": maxPods 251: maxPods out of range: want 10–250`,
				"set maxPods between 10 and 250")},
		},
		{
			name: "maxPods 10 with 2 nodes", plan: rulePlan(PluginAzure, "10.1.0.0/22", rulePool("system", 2, pMaxPods(10))),
			codes: []Code{CodeInsufficientPods},
			want: Findings{ruleError(CodeInsufficientPods, sys+".maxPods",
				`pool "system" of cluster "prod": maxPods 10: pool holds too few pods: maxPods × 2 nodes = 20 < 30`,
				"with maxPods 10 use at least 3 nodes, or raise maxPods to 15")},
		},
		{name: "pool of 900 nodes and 10 percent surge", plan: rulePlan(ruleOverlay, "10.1.0.0/20", rulePool("system", 900)),
			codes: []Code{CodePoolNodeLimit}},
		{
			name: "pool of 1001 nodes", plan: rulePlan(ruleOverlay, "10.1.0.0/20", rulePool("system", 1001)),
			codes: []Code{CodePoolNodeLimit},
			want: Findings{ruleError(CodePoolNodeLimit, sys+".count",
				`pool "system" of cluster "prod": count 1001: pool too large: more than 1,000 nodes`,
				"split the pool: a pool plus its upgrade surge holds at most 1,000 nodes")},
		},
		{
			name: "pool of 1000 nodes plus surge", plan: rulePlan(ruleOverlay, "10.1.0.0/20", rulePool("system", 0, pAutoscale(1, 1000))),
			codes: []Code{CodePoolNodeLimit},
			want: Findings{ruleError(CodePoolNodeLimit, sys+".maxCount",
				`pool "system" of cluster "prod": maxCount 1000: pool too large: 1,100 nodes at upgrade peak (scale-out and surge included) > 1,000 (limit: AKS's 1,000 nodes per pool, surge included): AKS rejects the upgrade before it starts`,
				"split the pool: a pool plus its upgrade surge holds at most 1,000 nodes")},
		},
		{name: "100 pools", plan: rulePlan(ruleOverlay, "10.1.0.0/20", rulePools(100, 1)...),
			codes: []Code{CodePoolCountLimit}},
		{
			name: "101 pools", plan: rulePlan(ruleOverlay, "10.1.0.0/20", rulePools(101, 1)...),
			codes: []Code{CodePoolCountLimit},
			want: Findings{ruleError(CodePoolCountLimit, "clusters[prod].agentPoolProfiles",
				`cluster "prod": pools 101: too many node pools: at most 100 pools`,
				"merge pools or split the cluster: at most 100 pools")},
		},
		{name: "kubenet 400 nodes", plan: rulePlan(PluginKubenet, "10.1.0.0/22", rulePool("system", 400)),
			codes: []Code{CodeKubenetNodeLimit}},
		{
			name: "kubenet 401 nodes", plan: rulePlan(PluginKubenet, "10.1.0.0/22", rulePool("system", 401)),
			codes: []Code{CodeKubenetNodeLimit},
			want: Findings{ruleError(CodeKubenetNodeLimit, "clusters[prod].agentPoolProfiles",
				`cluster "prod": nodes 401: cluster too large: at most 400 nodes with kubenet`,
				"use Azure CNI Overlay or split the cluster: kubenet holds at most 400 nodes")},
		},
		{name: "overlay 5000 nodes", plan: rulePlan(ruleOverlay, "10.1.0.0/18", append(rulePools(5, 900), rulePool("last", 500))...),
			codes: []Code{CodeOverlayNodeLimit}},
		{
			name: "overlay 5001 nodes", plan: rulePlan(ruleOverlay, "10.1.0.0/18", append(rulePools(5, 900), rulePool("last", 501))...),
			codes: []Code{CodeOverlayNodeLimit},
			want: Findings{ruleError(CodeOverlayNodeLimit, "clusters[prod].agentPoolProfiles",
				`cluster "prod": nodes 5001: cluster too large: at most 5,000 nodes with Azure CNI Overlay [D]`,
				"split the nodes over several clusters")},
		},
		{
			name: "overlay limit overridden to 1000", plan: rulePlanWith(rulePlan(ruleOverlay, "10.1.0.0/18", rulePools(2, 501)...), func(p *Plan) {
				p.Clusters[0].Defaults.OverlayMaxNodes = 1000
			}),
			codes: []Code{CodeOverlayNodeLimit},
			want: Findings{ruleError(CodeOverlayNodeLimit, "clusters[prod].agentPoolProfiles",
				`cluster "prod": nodes 1002: cluster too large: at most 1,000 nodes with Azure CNI Overlay [D]`,
				"split the nodes over several clusters")},
		},
		{
			name: "BYO CNI 5001 nodes", plan: rulePlan(PluginNone, "10.1.0.0/18", append(rulePools(5, 900), rulePool("last", 501))...),
			codes: []Code{CodeClusterNodeLimit},
			want: Findings{ruleError(CodeClusterNodeLimit, "clusters[prod].agentPoolProfiles",
				`cluster "prod": nodes 5001: cluster too large: at most 5,000 nodes per cluster`,
				"split the nodes over several clusters: at most 5,000 per cluster")},
		},
		{name: "surge 0 with maxUnavailable 1", plan: rulePlan(PluginAzure, "10.1.0.0/22", rulePool("system", 3, pSurge("0"), pUnavailable("1"), pUser)),
			codes: []Code{CodeInvalidMaxSurge}},
		{
			name: "surge 0 and maxUnavailable 0", plan: rulePlan(PluginAzure, "10.1.0.0/22", rulePool("system", 3, pSurge("0"))),
			codes: []Code{CodeInvalidMaxSurge},
			want: Findings{ruleError(CodeInvalidMaxSurge, sys+".maxSurge",
				`pool "system" of cluster "prod": maxSurge 0: maxSurge and maxUnavailable both zero: maxUnavailable 0 needs maxSurge > 0`,
				"set maxSurge above 0 (33% is the production advice) or maxUnavailable above 0")},
		},
		{
			name: "maxCount below count", plan: rulePlan(PluginAzure, "10.1.0.0/22", rulePool("system", 0, pAutoscale(5, 3))),
			codes: []Code{CodeInvalidNodeCount},
			want: Findings{ruleError(CodeInvalidNodeCount, sys+".maxCount",
				`pool "system" of cluster "prod": maxCount 3: inconsistent node count: below count 5`,
				"use counts ≥ 0, and with autoscaling a maxCount ≥ 1 and ≥ count")},
		},
		{
			name: "cluster without pools", plan: rulePlan(PluginAzure, "10.1.0.0/22"),
			codes: []Code{CodeNoAgentPools},
			want: Findings{ruleError(CodeNoAgentPools, "clusters[prod].agentPoolProfiles",
				`cluster "prod": pools []: no node pools: a cluster needs at least one pool`,
				"add a Linux system pool")},
		},
	})
}

// TestCapacityFindingAgreesWithSizingFit builds seeded random single-pool
// plans and checks that Validate reports InsufficientSubnetSize exactly when
// sizing's Fit says the node subnet does not fit, naming sizing's smallest
// prefix in the fix (as the size proposed, or as the one the peak alone
// fits when the fix proposes a larger one that draws no warning).
func TestCapacityFindingAgreesWithSizingFit(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		bits := 20 + r.IntN(10)
		subnet := netip.PrefixFrom(netip.MustParseAddr("10.1.0.0"), bits)
		ap := rulePool("system", 1+r.IntN(120), pMaxPods(10+r.IntN(241)), pSurge(fmt.Sprint(r.IntN(4))), pUnavailable("1"), pUser)
		p := rulePlan(PluginAzure, subnet.String(), ap)
		got := withCodes(p.Validate(), CodeInsufficientSubnetSize)

		in, _ := newValidation(p.WithDefaults()).clusters[0].sizingCluster()
		k := sizing.RangeKey{Kind: sizing.NodeSubnet, Name: "vnets[hub].subnets[aks]", Family: sizing.IPv4}
		f, err := in.Fit(k, subnet)
		if err != nil {
			t.Fatalf("Fit: %v", err)
		}
		d, _ := in.Demand()
		rg, _ := d.Find(k)
		switch {
		case f.Fits && len(got) != 0:
			t.Errorf("%v with %+v fits per sizing, Validate says %v", subnet, ap.Pool, got)
		case !f.Fits && len(got) != 1:
			t.Errorf("%v with %+v does not fit per sizing (need %v, have %v), Validate says %v", subnet, ap.Pool, f.Peak, f.Capacity, got)
		case !f.Fits && !strings.HasPrefix(got[0].Fix, fmt.Sprintf("use a /%d or larger", rg.MinPrefixLen)) &&
			!strings.Contains(got[0].Fix, fmt.Sprintf("; the peak alone fits a /%d)", rg.MinPrefixLen)):
			t.Errorf("fix %q does not name sizing's /%d", got[0].Fix, rg.MinPrefixLen)
		case !f.Fits && !strings.HasPrefix(got[0].Message, fmt.Sprintf("Pre-allocated IPs %v exceeds IPs available %v", f.Peak, f.Capacity)):
			t.Errorf("message %q does not carry sizing's %v and %v", got[0].Message, f.Peak, f.Capacity)
		}
	}
}

func TestSmallestSubnetBitsEdges(t *testing.T) {
	tests := []struct {
		name   string
		need   sizing.Count
		static bool
		want   int
	}{
		{"nothing fits a slash 29", sizing.CountFrom64(0), false, 29},
		{"3 fit a slash 29", sizing.CountFrom64(3), false, 29},
		{"4 need a slash 28", sizing.CountFrom64(4), false, 28},
		{"251 fit a slash 24", sizing.CountFrom64(251), false, 24},
		{"252 need a slash 23", sizing.CountFrom64(252), false, 23},
		{"beyond IPv4", sizing.PrefixCount(netip.MustParsePrefix("::/95")), false, -1},
		{"static one block needs a slash 26", sizing.CountFrom64(16), true, 26},
		{"static beyond a slash 12", sizing.PrefixCount(netip.MustParsePrefix("::/108")), true, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := smallestSubnetBits(tc.need, tc.static); got != tc.want {
				t.Errorf("smallestSubnetBits(%v, %v) = %d, want %d", tc.need, tc.static, got, tc.want)
			}
		})
	}
}

// ruleCodes lists the codes the capacity, model and advice checks emit.
var ruleCodes = []Code{
	CodeInsufficientSubnetSize, CodeInsufficientPodCIDR, CodeKubenetNodeLimit, CodeOverlayNodeLimit,
	CodeClusterNodeLimit, CodePoolNodeLimit, CodePoolCountLimit, CodeInvalidMaxPods, CodeInsufficientPods,
	CodeInvalidMaxSurge, CodeInvalidNodeCount, CodePodSubnetTooLarge, CodeNoAgentPools, CodeInvalidNetworkProfile,
	CodeInvalidOSType, CodeInvalidPodSubnet, CodeConsumersTooLarge, CodeInvalidAgentPool,
	CodeWindowsOnKubenet, CodeWindowsOnCilium, CodeFirstPoolNotLinux, CodePoolsInSeveralVNets, CodeKubenetSubnetShared,
	CodePodIPAllocationModeMixed, CodeSubnetIsDelegated, CodeBastionSubnetTooSmall, CodeBastionSubnetName,
	CodeAPIServerSubnetTooSmall, CodeAPIServerSubnetDelegated, CodeAppGatewaySubnetSize, CodeAppGatewaySubnetShared,
	CodeInvalidIPFamilies, CodeDualStackCIDRCount, CodeDualStackNeedsOverlay, CodeFamilyMismatch,
	CodeStaticBlockVersion, CodeDualStackCiliumVersion, CodeAGCSubnetDelegation,
	CodeKubenetInProduction, CodeNoNetworkPolicy, CodeWindowsWithoutSurge, CodeNoUpgradeHeadroom,
	CodeIngressSubnetSharedWithNodes, CodeBastionMissing, CodeBastionUndersized, CodeDisputedDefault, CodeWindowsMaxPods,
	CodeKubenetRetiring, CodeKubenetUpgradeRoutes, CodeInvalidConsumers, CodeSubnetPrefixes, CodeAgentPoolName,
	CodeAgentPoolMode, CodeNoSystemPool, CodeWindowsSystemPool,
}

// fuzzPlan decodes fuzz input into a one- or two-pool plan on one subnet.
func fuzzPlan(plugin, bits uint8, count, maxPods uint16, surgeN, flags uint8) *Plan {
	plugins := []NetworkPlugin{PluginAzure, PluginKubenet, ruleOverlay, PluginNone}
	b := 16 + int(bits%16)
	subnet := netip.PrefixFrom(netip.MustParseAddr("10.1.0.0"), b)
	opts := []func(*sizing.Pool){pMaxPods(int(maxPods % 300)), pSurge(fmt.Sprint(surgeN % 40))}
	if flags&1 != 0 {
		opts = append(opts, pUnavailable("1"), pUser)
	}
	if flags&2 != 0 {
		opts = append(opts, pWindows)
	}
	if flags&4 != 0 {
		opts = append(opts, pScaleOut(int(surgeN)))
	}
	pools := []AgentPool{rulePool("system", int(count%1200), opts...)}
	if flags&8 != 0 {
		pools = append(pools, rulePool("apps", int(count%37), opts...))
	}
	p := rulePlan(plugins[int(plugin)%len(plugins)], subnet.String(), pools...)
	p.Clusters[0].APIServerAccessProfile.EnablePrivateCluster = flags&16 != 0
	p.VNets[0].Subnets[0].Consumers.InternalLoadBalancers = int(flags >> 5)
	return p
}

// FuzzValidateCapacity checks on decoded plans that Validate never panics,
// that every finding of these rules names a field and every error a fix, and
// that InsufficientSubnetSize on the node subnet appears exactly when sizing
// says the subnet does not hold the demand.
func FuzzValidateCapacity(f *testing.F) {
	f.Add(uint8(0), uint8(8), uint16(9), uint16(30), uint8(1), uint8(0))
	f.Add(uint8(1), uint8(8), uint16(251), uint16(0), uint8(1), uint8(2))
	f.Add(uint8(2), uint8(6), uint16(1001), uint16(250), uint8(10), uint8(9))
	f.Add(uint8(3), uint8(15), uint16(3), uint16(9), uint8(0), uint8(0xff))
	f.Fuzz(func(t *testing.T, plugin, bits uint8, count, maxPods uint16, surgeN, flags uint8) {
		p := fuzzPlan(plugin, bits, count, maxPods, surgeN, flags)
		fs := p.Validate()
		for _, fd := range withCodes(fs, ruleCodes...) {
			if fd.Field == "" || fd.Message == "" || (fd.Severity == SeverityError && fd.Fix == "") {
				t.Errorf("incomplete finding %v", fd)
			}
		}
		in, _ := newValidation(p.WithDefaults()).clusters[0].sizingCluster()
		k := sizing.RangeKey{Kind: sizing.NodeSubnet, Name: "vnets[hub].subnets[aks]", Family: sizing.IPv4}
		fit, err := in.Fit(k, p.VNets[0].Subnets[0].AddressPrefixes[0])
		if err != nil {
			return // sizing rejects the cluster: no demand to compare
		}
		got := slices.ContainsFunc(withCodes(fs, CodeInsufficientSubnetSize), func(fd Finding) bool { return fd.Field == aksField })
		if got == fit.Fits {
			t.Errorf("InsufficientSubnetSize on aks = %v, but sizing says fits = %v (peak %v, capacity %v)\n%v",
				got, fit.Fits, fit.Peak, fit.Capacity, fs)
		}
	})
}

// benchRulePlan is 20 Azure CNI clusters of 5 pools × 20 nodes sharing
// subnets of one /12 VNet pairwise.
func benchRulePlan() *Plan {
	p := &Plan{VNets: []VNet{{Name: "hub", AddressSpace: rulePrefixes("10.16.0.0/12")}}}
	for i := range 10 {
		p.VNets[0].Subnets = append(p.VNets[0].Subnets, Subnet{Name: fmt.Sprintf("s%d", i),
			AddressPrefixes: rulePrefixes(fmt.Sprintf("10.%d.0.0/16", 16+i)),
			Consumers:       Consumers{InternalLoadBalancers: 3}})
	}
	for i := range 20 {
		c := Cluster{Name: fmt.Sprintf("c%d", i), NetworkProfile: NetworkProfile{NetworkPlugin: PluginAzure,
			ServiceCIDR: netip.MustParsePrefix("172.16.0.0/16"), DNSServiceIP: netip.MustParseAddr("172.16.0.10")}}
		for j := range 5 {
			ap := rulePool(fmt.Sprintf("p%d", j), 20, pMaxPods(30))
			ap.VNetSubnet = fmt.Sprintf("s%d", i/2)
			c.AgentPoolProfiles = append(c.AgentPoolProfiles, ap)
		}
		p.Clusters = append(p.Clusters, c)
	}
	return p
}

func BenchmarkCapacityModelAdvice(b *testing.B) {
	v := newValidation(benchRulePlan().WithDefaults())
	b.ReportAllocs()
	for b.Loop() {
		v.findings = v.findings[:0]
		checkCapacity(v)
		checkModel(v)
		checkAdvice(v)
	}
}

// Consumer counts are checked one by one: negative ones are errors rather
// than zeros, and huge ones neither wrap the subnet's sum around (two of
// MaxInt once summed to 0 and passed) nor go unreported.
func TestValidateConsumerCounts(t *testing.T) {
	codes := []Code{CodeInvalidConsumers, CodeConsumersTooLarge, CodeInsufficientSubnetSize}
	with := func(c Consumers) *Plan {
		return rulePlanWith(rulePlan(PluginAzure, "10.1.0.0/24", rulePool("system", 3, pMaxPods(30), pSurge("1"))),
			func(p *Plan) { p.VNets[0].Subnets[0].Consumers = c })
	}
	const field = "vnets[hub].subnets[aks].consumers."
	runRuleCases(t, []ruleCase{
		{name: "counts that fit", codes: codes, plan: with(Consumers{InternalLoadBalancers: 3, Other: 2})},
		{
			name: "negative", codes: codes, plan: with(Consumers{InternalLoadBalancers: -5}),
			want: Findings{modelError(CodeInvalidConsumers, field+"internalLoadBalancers",
				`subnet "aks" of VNet "hub" has consumers.internalLoadBalancers -5; a number of addresses can't be negative`,
				"count addresses: 0 or more")},
		},
		{
			name: "two that would wrap", codes: codes,
			plan: with(Consumers{InternalLoadBalancers: math.MaxInt, PrivateEndpoints: math.MaxInt, Other: 2}),
			want: Findings{
				modelError(CodeInsufficientSubnetSize, "vnets[hub].subnets[aks].addressPrefixes",
					"Pre-allocated IPs 33554558 exceeds IPs available 251 in Subnet Cidr 10.1.0.0/24, Subnet Name aks: Azure CNI, pods in the node subnet (classic): pool system (3 nodes + 1 surge) × (30 pods (maxPods) + 1 for the node = 31) = 124 + internal load balancer IPs 16,777,216 + private endpoints 16,777,216 + other IPs 2 at the peak of a sequential upgrade (one pool at a time)",
					"use a /6 or larger for subnet aks (67,108,859 usable for 33,554,558 needed at the upgrade peak + 31 for one more node of pool system), or lower maxPods or node counts"),
				modelError(CodeConsumersTooLarge, field+"internalLoadBalancers",
					`subnet "aks" of VNet "hub" has consumers.internalLoadBalancers 9,223,372,036,854,775,807, more addresses than an IPv4 /8 holds`,
					"count the subnet's other consumers again"),
				modelError(CodeConsumersTooLarge, field+"privateEndpoints",
					`subnet "aks" of VNet "hub" has consumers.privateEndpoints 9,223,372,036,854,775,807, more addresses than an IPv4 /8 holds`,
					"count the subnet's other consumers again"),
			},
		},
		{
			// The raw sum wraps to 1, which once left a negative private
			// endpoint count for sizing and dropped the pool's demand.
			name: "three that would wrap to a small sum", codes: codes,
			plan: with(Consumers{InternalLoadBalancers: math.MaxInt, PrivateEndpoints: math.MaxInt, Other: 3}),
			want: Findings{
				modelError(CodeInsufficientSubnetSize, "vnets[hub].subnets[aks].addressPrefixes",
					"Pre-allocated IPs 33554559 exceeds IPs available 251 in Subnet Cidr 10.1.0.0/24, Subnet Name aks: Azure CNI, pods in the node subnet (classic): pool system (3 nodes + 1 surge) × (30 pods (maxPods) + 1 for the node = 31) = 124 + internal load balancer IPs 16,777,216 + private endpoints 16,777,216 + other IPs 3 at the peak of a sequential upgrade (one pool at a time)",
					"use a /6 or larger for subnet aks (67,108,859 usable for 33,554,559 needed at the upgrade peak + 31 for one more node of pool system), or lower maxPods or node counts"),
				modelError(CodeConsumersTooLarge, field+"internalLoadBalancers",
					`subnet "aks" of VNet "hub" has consumers.internalLoadBalancers 9,223,372,036,854,775,807, more addresses than an IPv4 /8 holds`,
					"count the subnet's other consumers again"),
				modelError(CodeConsumersTooLarge, field+"privateEndpoints",
					`subnet "aks" of VNet "hub" has consumers.privateEndpoints 9,223,372,036,854,775,807, more addresses than an IPv4 /8 holds`,
					"count the subnet's other consumers again"),
			},
		},
	})
}
