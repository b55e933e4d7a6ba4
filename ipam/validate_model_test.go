package ipam

import (
	"fmt"
	"net/netip"
	"testing"

	"github.com/cidrplan/cidrplan/sizing"
)

func modelError(code Code, field, msg, fix string) Finding {
	return Finding{Severity: SeverityError, Code: code, Field: field, Message: msg, Fix: fix}
}

func TestValidateWindowsPools(t *testing.T) {
	codes := []Code{CodeWindowsOnKubenet, CodeWindowsOnCilium, CodeFirstPoolNotLinux}
	const win = "clusters[prod].agentPoolProfiles[win].osType"
	cilium := func(p *Plan) { p.Clusters[0].NetworkProfile.NetworkDataplane = DataplaneCilium }
	runRuleCases(t, []ruleCase{
		{name: "Windows user pool on overlay", codes: codes,
			plan: rulePlan(ruleOverlay, "10.1.0.0/22", rulePool("system", 3), rulePool("win", 3, pWindows))},
		{
			name: "Windows pool on kubenet", codes: codes,
			plan: rulePlan(PluginKubenet, "10.1.0.0/22", rulePool("system", 3), rulePool("win", 3, pWindows)),
			want: Findings{modelError(CodeWindowsOnKubenet, win,
				`pool "win" of cluster "prod": osType Windows: windows pool not supported here: kubenet has no Windows pools`,
				"use Azure CNI (overlay or node subnet) for a cluster with Windows pools")},
		},
		{
			name: "Windows pool on Cilium", codes: codes,
			plan: rulePlanWith(rulePlan(ruleOverlay, "10.1.0.0/22", rulePool("system", 3), rulePool("win", 3, pWindows)), cilium),
			want: Findings{modelError(CodeWindowsOnCilium, win,
				`pool "win" of cluster "prod": osType Windows: windows pool not supported here: the Cilium dataplane has no Windows pools`,
				"use the azure dataplane for a cluster with Windows pools")},
		},
		{
			name: "Windows first pool", codes: codes,
			plan: rulePlan(ruleOverlay, "10.1.0.0/22", rulePool("win", 3, pWindows), rulePool("system", 3)),
			want: Findings{modelError(CodeFirstPoolNotLinux, win,
				`pool "win" of cluster "prod": osType Windows: windows pool not supported here: the first (system) pool must be Linux`,
				"make the first (system) pool Linux and add Windows as a user pool")},
		},
	})
}

// twoVNets adds VNet spoke (10.2.0.0/16) with subnet aks2 to a rulePlan.
func twoVNets(p *Plan) {
	p.VNets = append(p.VNets, VNet{Name: "spoke", AddressSpace: rulePrefixes("10.2.0.0/16"),
		Subnets: []Subnet{{Name: "aks2", AddressPrefixes: rulePrefixes("10.2.0.0/22")}}})
}

func TestValidatePoolVNets(t *testing.T) {
	codes := []Code{CodePoolsInSeveralVNets}
	other := rulePool("apps", 3)
	other.VNetSubnet = "spoke/aks2"
	runRuleCases(t, []ruleCase{
		{name: "pools in one VNet", codes: codes,
			plan: rulePlanWith(rulePlan(PluginAzure, "10.1.0.0/22", rulePool("system", 3), rulePool("apps", 3)), twoVNets)},
		{
			name: "pools in two VNets", codes: codes,
			plan: rulePlanWith(rulePlan(PluginAzure, "10.1.0.0/22", rulePool("system", 3), other), twoVNets),
			want: Findings{modelError(CodePoolsInSeveralVNets, "clusters[prod].agentPoolProfiles[apps].vnetSubnet",
				`pool "apps" of cluster "prod" uses subnet "aks2" of VNet "spoke", but the cluster is in VNet "hub"; all node pool subnets of a cluster must be in one VNet`,
				`use a subnet of VNet "hub" for pool "apps"`)},
		},
		{
			name: "pool outside the cluster's named VNet", codes: codes,
			plan: rulePlanWith(rulePlan(PluginAzure, "10.1.0.0/22", rulePool("system", 3)), func(p *Plan) {
				twoVNets(p)
				p.Clusters[0].VNet = "spoke"
				p.Clusters[0].AgentPoolProfiles[0].VNetSubnet = "hub/aks"
			}),
			want: Findings{modelError(CodePoolsInSeveralVNets, "clusters[prod].agentPoolProfiles[system].vnetSubnet",
				`pool "system" of cluster "prod" uses subnet "aks" of VNet "hub", but the cluster is in VNet "spoke"; all node pool subnets of a cluster must be in one VNet`,
				`use a subnet of VNet "spoke" for pool "system"`)},
		},
	})
}

func TestValidateNodeSubnetUse(t *testing.T) {
	delegated := func(d string) func(*Plan) {
		return func(p *Plan) { p.VNets[0].Subnets[0].Delegation = d }
	}
	runRuleCases(t, []ruleCase{
		{name: "node subnet not delegated", codes: []Code{CodeSubnetIsDelegated},
			plan: rulePlan(PluginAzure, "10.1.0.0/22", rulePool("system", 3))},
		{
			name: "node subnet delegated", codes: []Code{CodeSubnetIsDelegated},
			plan: rulePlanWith(rulePlan(PluginAzure, "10.1.0.0/22", rulePool("system", 3)), delegated("Microsoft.Web/serverFarms")),
			want: Findings{modelError(CodeSubnetIsDelegated, "vnets[hub].subnets[aks].delegation",
				`Subnet aks is delegated to Microsoft.Web/serverFarms; AKS cannot place nodes of pool "system" in a delegated subnet`,
				"remove the delegation or give the pools an undelegated subnet")},
		},
		{name: "Azure CNI clusters share a subnet", codes: []Code{CodeKubenetSubnetShared},
			plan: ruleTwoClusters(PluginAzure, PluginAzure, 2)},
		{
			name: "kubenet cluster shares a subnet", codes: []Code{CodeKubenetSubnetShared},
			plan: ruleTwoClusters(PluginAzure, PluginKubenet, 2),
			want: Findings{modelError(CodeKubenetSubnetShared, "vnets[hub].subnets[aks]",
				`subnet "aks" holds nodes of clusters "prod", "dev", and kubenet cluster "dev" may not share its subnet (one route table per cluster)`,
				"give each kubenet cluster a subnet of its own")},
		},
	})
}

func TestValidatePodSubnetUse(t *testing.T) {
	mixed := func(shareAcrossClusters bool) *Plan {
		p := rulePodSubnetPlan("10.1.8.0/21", DynamicIndividual, 3, 30)
		static := rulePool("static", 3, pMaxPods(31), pSurge("0"), pUnavailable("1"), pUser, pPodSubnet("pods", StaticBlock))
		static.VNetSubnet = "aks"
		if !shareAcrossClusters {
			p.Clusters[0].AgentPoolProfiles = append(p.Clusters[0].AgentPoolProfiles, static)
			return p
		}
		p.Clusters = append(p.Clusters, Cluster{Name: "dev", KubernetesVersion: "1.30",
			NetworkProfile: NetworkProfile{NetworkPlugin: PluginAzure, NetworkPolicy: PolicyCilium,
				ServiceCIDR: netip.MustParsePrefix("10.2.0.0/16"), DNSServiceIP: netip.MustParseAddr("10.2.0.10")},
			AgentPoolProfiles: []AgentPool{static}})
		return p
	}
	static := func(pods, version string) *Plan {
		p := rulePodSubnetPlan(pods, StaticBlock, 3, 30)
		p.VNets[0].AddressSpace = rulePrefixes("10.0.0.0/8")
		p.Clusters[0].KubernetesVersion = version
		return p
	}
	codes := []Code{CodePodIPAllocationModeMixed, CodePodSubnetTooLarge, CodeStaticBlockVersion}
	runRuleCases(t, []ruleCase{
		{name: "one mode on a pod subnet", codes: codes, plan: rulePodSubnetPlan("10.1.8.0/21", DynamicIndividual, 3, 30)},
		{
			name: "modes mixed in one cluster", codes: codes, plan: mixed(false),
			want: Findings{modelError(CodePodIPAllocationModeMixed, "clusters[prod].agentPoolProfiles[static].podIpAllocationMode",
				`pool "static" of cluster "prod" uses StaticBlock on pod subnet "pods", where pool "system" of cluster "prod" uses DynamicIndividual; one mode per subnet`,
				`use DynamicIndividual for every pool on pod subnet "pods", or give this pool another pod subnet`)},
		},
		{
			name: "modes mixed across clusters", codes: codes, plan: mixed(true),
			want: Findings{modelError(CodePodIPAllocationModeMixed, "clusters[dev].agentPoolProfiles[static].podIpAllocationMode",
				`pool "static" of cluster "dev" uses StaticBlock on pod subnet "pods", where pool "system" of cluster "prod" uses DynamicIndividual; one mode per subnet`,
				`use DynamicIndividual for every pool on pod subnet "pods", or give this pool another pod subnet`)},
		},
		{name: "static block pod subnet slash 12", codes: codes, plan: static("10.32.0.0/12", "1.28")},
		{
			name: "static block pod subnet slash 11", codes: codes, plan: static("10.32.0.0/11", "1.28.5"),
			want: Findings{modelError(CodePodSubnetTooLarge, "vnets[hub].subnets[pods].addressPrefixes[0]",
				`static-block pod subnet "pods" is 10.32.0.0/11; static block allocation supports at most a /12`,
				"use a /12 or smaller pod subnet")},
		},
		{
			name: "static block on Kubernetes 1.27", codes: codes, plan: static("10.32.0.0/12", "v1.27.9"),
			want: Findings{modelError(CodeStaticBlockVersion, "clusters[prod].kubernetesVersion",
				`pool "system" of cluster "prod" uses StaticBlock pod IP allocation, which needs Kubernetes 1.28 or later; the cluster runs v1.27.9`,
				"use Kubernetes 1.28 or later, or DynamicIndividual allocation")},
		},
	})
}

// dualStack returns an overlay cluster plan with the given families and
// pod and service CIDRs (none given: AKS's defaults).
func dualStack(fams []IPFamily, pods, services []string) *Plan {
	p := rulePlan(ruleOverlay, "10.1.0.0/22", rulePool("system", 3))
	np := &p.Clusters[0].NetworkProfile
	np.IPFamilies = fams
	np.PodCIDRs = rulePrefixes(pods...)
	np.ServiceCIDRs = rulePrefixes(services...)
	if len(services) > 0 {
		np.DNSServiceIP = netip.MustParseAddr("10.0.0.10")
	}
	return p
}

func TestValidateDualStack(t *testing.T) {
	codes := []Code{CodeInvalidIPFamilies, CodeDualStackNeedsOverlay, CodeDualStackCIDRCount, CodeFamilyMismatch, CodeDualStackCiliumVersion}
	v4v6 := []IPFamily{IPv4, IPv6}
	const np = "clusters[prod].networkProfile."
	runRuleCases(t, []ruleCase{
		{name: "dual-stack defaults", codes: codes, plan: dualStack(v4v6, nil, nil)},
		{name: "dual-stack explicit", codes: codes,
			plan: dualStack(v4v6, []string{"10.244.0.0/16", "fd00:1::/64"}, []string{"10.0.0.0/16", "fd00:2::/108"})},
		{
			name: "IPv6 only", codes: codes, plan: dualStack([]IPFamily{IPv6}, nil, nil),
			want: Findings{modelError(CodeInvalidIPFamilies, np+"ipFamilies",
				`cluster "prod": ipFamilies IPv6: invalid network profile: want IPv4 or IPv4,IPv6`,
				"use ipFamilies [IPv4] or [IPv4, IPv6] (no IPv6-only clusters)")},
		},
		{
			name: "IPv6 first", codes: codes, plan: dualStack([]IPFamily{IPv6, IPv4}, nil, nil),
			want: Findings{modelError(CodeInvalidIPFamilies, np+"ipFamilies",
				`cluster "prod": ipFamilies IPv6,IPv4: invalid network profile: want IPv4 or IPv4,IPv6`,
				"use ipFamilies [IPv4] or [IPv4, IPv6] (no IPv6-only clusters)")},
		},
		{
			name: "dual-stack without overlay", codes: codes,
			plan: rulePlanWith(dualStack(v4v6, nil, nil), func(p *Plan) { p.Clusters[0].NetworkProfile.NetworkPluginMode = "" }),
			want: Findings{modelError(CodeDualStackNeedsOverlay, "clusters[prod].agentPoolProfiles[system].ipFamilies",
				`pool "system" of cluster "prod": ipFamilies IPv4,IPv6: invalid network profile: dual-stack needs the podSubnetStatic, overlay or kubenet model; the pool follows nodeSubnet`,
				"use Azure CNI Overlay (networkPlugin azure, networkPluginMode overlay), kubenet, or static block pod subnets for every pool")},
		},
		{
			name: "dual-stack bring your own CNI", codes: codes,
			plan: rulePlanWith(dualStack(v4v6, []string{"10.244.0.0/16", "fd00:1::/64"}, nil), func(p *Plan) {
				p.Clusters[0].NetworkProfile.NetworkPlugin, p.Clusters[0].NetworkProfile.NetworkPluginMode = PluginNone, ""
			}),
			want: Findings{modelError(CodeDualStackNeedsOverlay, np+"ipFamilies",
				`cluster "prod": ipFamilies IPv4,IPv6: invalid network profile: dual-stack needs the podSubnetStatic, overlay or kubenet model`,
				"use Azure CNI Overlay (networkPlugin azure, networkPluginMode overlay), kubenet, or static block pod subnets for every pool")},
		},
		{
			name: "dual-stack with one service CIDR", codes: codes,
			plan: dualStack(v4v6, nil, []string{"10.0.0.0/16"}),
			want: Findings{modelError(CodeDualStackCIDRCount, np+"serviceCidrs",
				`cluster "prod" has ipFamilies [IPv4, IPv6] but serviceCidrs 10.0.0.0/16`,
				"give one serviceCidrs per family, in the order [IPv4, IPv6]")},
		},
		{
			name: "single stack with two pod CIDRs", codes: codes,
			plan: dualStack([]IPFamily{IPv4}, []string{"10.244.0.0/16", "fd00:1::/64"}, nil),
			want: Findings{modelError(CodeDualStackCIDRCount, np+"podCidrs",
				`cluster "prod" has ipFamilies [IPv4] but podCidrs 10.244.0.0/16,fd00:1::/64`,
				"give one podCidrs per family, in the order [IPv4]")},
		},
		{
			name: "dual-stack IPv6 service first", codes: codes,
			plan: dualStack(v4v6, nil, []string{"fd00:2::/108", "10.0.0.0/16"}),
			want: Findings{
				modelError(CodeFamilyMismatch, np+"serviceCidrs[0]",
					`serviceCidrs[0] of cluster "prod" is fd00:2::/108, an IPv6 prefix, where ipFamilies [IPv4, IPv6] want IPv4`,
					"list serviceCidrs in the order of ipFamilies [IPv4, IPv6] (IPv4 first)"),
				modelError(CodeFamilyMismatch, np+"serviceCidrs[1]",
					`serviceCidrs[1] of cluster "prod" is 10.0.0.0/16, an IPv4 prefix, where ipFamilies [IPv4, IPv6] want IPv6`,
					"list serviceCidrs in the order of ipFamilies [IPv4, IPv6] (IPv4 first)"),
			},
		},
		{name: "dual-stack Cilium on 1.29", codes: codes,
			plan: rulePlanWith(dualStack(v4v6, nil, nil), func(p *Plan) {
				p.Clusters[0].NetworkProfile.NetworkDataplane = DataplaneCilium
				p.Clusters[0].KubernetesVersion = "1.29"
			})},
		{
			name: "dual-stack Cilium on 1.28", codes: codes,
			plan: rulePlanWith(dualStack(v4v6, nil, nil), func(p *Plan) {
				p.Clusters[0].NetworkProfile.NetworkDataplane = DataplaneCilium
				p.Clusters[0].KubernetesVersion = "1.28"
			}),
			want: Findings{modelError(CodeDualStackCiliumVersion, "clusters[prod].kubernetesVersion",
				`cluster "prod" is dual-stack on Cilium with Kubernetes 1.28; that needs 1.29 or later`,
				"use Kubernetes 1.29 or later")},
		},
	})
}

// special adds subnet s to a plain Azure CNI rulePlan.
func special(s Subnet) *Plan {
	p := rulePlan(PluginAzure, "10.1.0.0/22", rulePool("system", 3))
	ruleAddSubnet(p, s)
	return p
}

func TestValidateBastionSubnet(t *testing.T) {
	codes := []Code{CodeBastionSubnetTooSmall, CodeBastionSubnetName}
	runRuleCases(t, []ruleCase{
		{name: "bastion slash 26", codes: codes,
			plan: special(Subnet{Name: BastionSubnetName, AddressPrefixes: rulePrefixes("10.1.4.0/26")})},
		{
			name: "bastion slash 27", codes: codes,
			plan: special(Subnet{Name: BastionSubnetName, AddressPrefixes: rulePrefixes("10.1.4.0/27")}),
			want: Findings{modelError(CodeBastionSubnetTooSmall, "vnets[hub].subnets[AzureBastionSubnet].addressPrefixes[0]",
				"AzureBastionSubnet 10.1.4.0/27 is a /27; Azure Bastion needs a /26 or larger",
				"use a /26 or larger such as 10.1.4.64/26")},
		},
		{
			name: "bastion purpose under another name", codes: codes,
			plan: special(Subnet{Name: "bastion", Purpose: PurposeBastion, AddressPrefixes: rulePrefixes("10.1.4.0/26")}),
			want: Findings{modelError(CodeBastionSubnetName, "vnets[hub].subnets[bastion].name",
				`bastion subnet "bastion" must be named exactly AzureBastionSubnet`,
				"name the subnet AzureBastionSubnet")},
		},
	})
}

func TestValidateAPIServerSubnet(t *testing.T) {
	codes := []Code{CodeAPIServerSubnetTooSmall, CodeAPIServerSubnetDelegated}
	apiServer := func(prefix, delegation string) *Plan {
		p := special(Subnet{Name: "apiserver", AddressPrefixes: rulePrefixes(prefix), Delegation: delegation})
		p.Clusters[0].APIServerAccessProfile = APIServerAccessProfile{EnableVNetIntegration: true, Subnet: "apiserver"}
		return p
	}
	runRuleCases(t, []ruleCase{
		{name: "slash 28 delegated", codes: codes, plan: apiServer("10.1.4.0/28", delegationManagedCluster)},
		{
			name: "slash 29", codes: codes, plan: apiServer("10.1.4.0/29", delegationManagedCluster),
			want: Findings{modelError(CodeAPIServerSubnetTooSmall, "vnets[hub].subnets[apiserver].addressPrefixes[0]",
				`API server subnet "apiserver" is 10.1.4.0/29; API server VNet integration needs a /28 or larger`,
				"use a /28 or larger such as 10.1.4.16/28")},
		},
		{
			name: "not delegated", codes: codes, plan: apiServer("10.1.4.0/28", ""),
			want: Findings{modelError(CodeAPIServerSubnetDelegated, "vnets[hub].subnets[apiserver].delegation",
				`API server subnet "apiserver" is not delegated; API server VNet integration needs it delegated to Microsoft.ContainerService/managedClusters`,
				"delegate the subnet to Microsoft.ContainerService/managedClusters")},
		},
		{
			name: "purpose without a cluster, delegated elsewhere", codes: codes,
			plan: special(Subnet{Name: "api", Purpose: PurposeAPIServer, AddressPrefixes: rulePrefixes("10.1.4.0/28"),
				Delegation: "Microsoft.Web/serverFarms"}),
			want: Findings{modelError(CodeAPIServerSubnetDelegated, "vnets[hub].subnets[api].delegation",
				`API server subnet "api" is delegated to Microsoft.Web/serverFarms; API server VNet integration needs it delegated to Microsoft.ContainerService/managedClusters`,
				"delegate the subnet to Microsoft.ContainerService/managedClusters")},
		},
	})
}

func TestValidateGatewaySubnets(t *testing.T) {
	codes := []Code{CodeAppGatewaySubnetSize, CodeAppGatewaySubnetShared, CodeAGCSubnetDelegation, CodeInsufficientSubnetSize}
	appgw := func(prefix string, instances int) *Plan {
		return special(Subnet{Name: "appgw", Purpose: PurposeApplicationGateway, AddressPrefixes: rulePrefixes(prefix),
			Consumers: Consumers{ApplicationGatewayInstances: instances}})
	}
	agc := func(prefix, delegation string, used int) *Plan {
		return special(Subnet{Name: "agc", Purpose: PurposeApplicationGatewayForContainers, AddressPrefixes: rulePrefixes(prefix),
			Delegation: delegation, Consumers: Consumers{Other: used}})
	}
	runRuleCases(t, []ruleCase{
		{name: "application gateway slash 24", codes: codes, plan: appgw("10.1.4.0/24", 126)},
		{
			name: "application gateway slash 25", codes: codes, plan: appgw("10.1.4.0/25", 10),
			want: Findings{{Severity: SeverityWarning, Code: CodeAppGatewaySubnetSize, Field: "vnets[hub].subnets[appgw].addressPrefixes[0]",
				Message: `Application Gateway subnet "appgw" is 10.1.4.0/25; a /24 is recommended so that v2 can scale out to 125 instances`}},
		},
		{
			name: "application gateway instances overflow", codes: codes, plan: appgw("10.1.4.0/25", 126),
			want: Findings{modelError(CodeAppGatewaySubnetSize, "vnets[hub].subnets[appgw].addressPrefixes",
				`Application Gateway subnet "appgw" (10.1.4.0/25) offers 123 addresses for 126 declared instances and front ends`,
				"use a /24 (recommended for Application Gateway v2)")},
		},
		{
			name: "application gateway shared with nodes", codes: codes,
			plan: rulePlanWith(rulePlan(PluginAzure, "10.1.0.0/22", rulePool("system", 3)), func(p *Plan) {
				p.VNets[0].Subnets[0].Purpose = PurposeApplicationGateway
			}),
			want: Findings{modelError(CodeAppGatewaySubnetShared, "vnets[hub].subnets[aks]",
				`Application Gateway subnet "aks" must be dedicated, but pool "system" of cluster "prod" uses it`,
				"give the pools a subnet of their own")},
		},
		{name: "containers gateway slash 24 delegated", codes: codes, plan: agc("10.1.4.0/24", delegationAGC, 0)},
		{
			name: "containers gateway with too few free addresses", codes: codes, plan: agc("10.1.4.0/24", delegationAGC, 2),
			want: Findings{modelError(CodeAppGatewaySubnetSize, "vnets[hub].subnets[agc].addressPrefixes",
				`Application Gateway for Containers subnet "agc" (10.1.4.0/24) has 249 free addresses; it needs at least 250`,
				"use a /24 or larger")},
		},
		{
			name: "containers gateway not delegated", codes: codes, plan: agc("10.1.4.0/24", "", 0),
			want: Findings{modelError(CodeAGCSubnetDelegation, "vnets[hub].subnets[agc].delegation",
				`Application Gateway for Containers subnet "agc" must be delegated to Microsoft.ServiceNetworking/trafficControllers`,
				"delegate the subnet to Microsoft.ServiceNetworking/trafficControllers")},
		},
	})
}

func TestVersionAtLeast(t *testing.T) {
	tests := []struct {
		version   string
		ok, known bool
	}{
		{"1.28", true, true},
		{"1.28.3", true, true},
		{"v1.29.0", true, true},
		{"2.0", true, true},
		{"1.27.99", false, true},
		{"0.99", false, true},
		{"", false, false},
		{"1", false, false},
		{"latest", false, false},
		{"1.x", false, false},
	}
	for _, tc := range tests {
		ok, known := versionAtLeast(tc.version, 1, 28)
		if ok != tc.ok || known != tc.known {
			t.Errorf("versionAtLeast(%q, 1, 28) = %v, %v; want %v, %v", tc.version, ok, known, tc.ok, tc.known)
		}
	}
}

// subnetPrefixes gives subnet name of the first VNet the prefixes ps (and
// the VNet an IPv6 space, so IPv6 prefixes lie inside it).
func subnetPrefixes(name string, ps ...string) func(*Plan) {
	return func(p *Plan) {
		p.VNets[0].AddressSpace = append(p.VNets[0].AddressSpace, netip.MustParsePrefix("fd00:1::/48"))
		for i := range p.VNets[0].Subnets {
			if p.VNets[0].Subnets[i].Name == name {
				p.VNets[0].Subnets[i].AddressPrefixes = rulePrefixes(ps...)
				return
			}
		}
		p.VNets[0].Subnets = append(p.VNets[0].Subnets, Subnet{Name: name, AddressPrefixes: rulePrefixes(ps...)})
	}
}

func TestValidatePoolSubnetPrefixes(t *testing.T) {
	codes := []Code{CodeSubnetPrefixes}
	const field = "vnets[hub].subnets[aks].addressPrefixes"
	classic := func(f func(*Plan)) *Plan {
		return rulePlanWith(rulePlan(PluginAzure, "10.1.0.0/22", rulePool("system", 3)), f)
	}
	dynamic := func(f func(*Plan)) *Plan {
		return rulePlanWith(rulePlanWith(rulePlan(PluginAzure, "10.1.0.0/22",
			rulePool("system", 3, pPodSubnet("pods", DynamicIndividual))), subnetPrefixes("pods", "10.1.16.0/20")), f)
	}
	runRuleCases(t, []ruleCase{
		{name: "one IPv4 prefix", codes: codes, plan: classic(subnetPrefixes("aks", "10.1.0.0/22"))},
		{name: "dual-stack node subnet", codes: codes, plan: classic(subnetPrefixes("aks", "10.1.0.0/22", "fd00:1::/64"))},
		{name: "no prefix yet", codes: codes, plan: classic(subnetPrefixes("aks"))},
		{
			name: "two IPv4 prefixes", codes: codes, plan: classic(subnetPrefixes("aks", "10.1.0.0/24", "10.1.1.0/24")),
			want: Findings{modelError(CodeSubnetPrefixes, field,
				`node subnet "aks" of pool "system" has prefixes 10.1.0.0/24,10.1.1.0/24; AKS node subnets take one prefix per family, so the others would hold no nodes`,
				"give the node subnet a single prefix per family (one IPv4, plus one IPv6 /64 for dual-stack), or split it into subnets")},
		},
		{
			name: "two IPv6 prefixes", codes: codes, plan: classic(subnetPrefixes("aks", "10.1.0.0/22", "fd00:1::/64", "fd00:1:0:1::/64")),
			want: Findings{modelError(CodeSubnetPrefixes, field,
				`node subnet "aks" of pool "system" has prefixes 10.1.0.0/22,fd00:1::/64,fd00:1:0:1::/64; AKS node subnets take one prefix per family, so the others would hold no nodes`,
				"give the node subnet a single prefix per family (one IPv4, plus one IPv6 /64 for dual-stack), or split it into subnets")},
		},
		{
			name: "IPv6-only node subnet", codes: codes, plan: classic(subnetPrefixes("aks", "fd00:1::/64")),
			want: Findings{modelError(CodeSubnetPrefixes, field,
				`node subnet "aks" of pool "system" has only IPv6 prefixes (fd00:1::/64); AKS takes the node IPv4 addresses from an IPv4 prefix`,
				"give the subnet an IPv4 prefix")},
		},
		{name: "pod subnet with two prefixes", codes: codes, plan: dynamic(subnetPrefixes("pods", "10.1.16.0/21", "10.1.24.0/21"))},
		{
			name: "IPv6-only pod subnet", codes: codes, plan: dynamic(subnetPrefixes("pods", "fd00:1::/64")),
			want: Findings{modelError(CodeSubnetPrefixes, "vnets[hub].subnets[pods].addressPrefixes",
				`pod subnet "pods" of pool "system" has only IPv6 prefixes (fd00:1::/64); AKS takes the pod IPv4 addresses from an IPv4 prefix`,
				"give the subnet an IPv4 prefix")},
		},
		{name: "subnet no pool uses", codes: codes, plan: classic(subnetPrefixes("other", "fd00:1::/64"))},
	})
}

func TestValidatePoolNames(t *testing.T) {
	codes := []Code{CodeAgentPoolName}
	named := func(name string, opts ...func(*sizing.Pool)) *Plan {
		return rulePlan(ruleOverlay, "10.1.0.0/22", rulePool("system", 3), rulePool(name, 3, opts...))
	}
	const linuxFix = "use lowercase letters and digits, starting with a letter, at most 12 characters"
	runRuleCases(t, []ruleCase{
		{name: "twelve characters", codes: codes, plan: named("abcdefghijk1")},
		{name: "Windows six characters", codes: codes, plan: named("win22a", pWindows)},
		{
			name: "thirteen characters", codes: codes, plan: named("abcdefghijklm"),
			want: Findings{modelError(CodeAgentPoolName, "clusters[prod].agentPoolProfiles[abcdefghijklm].name",
				`pool name "abcdefghijklm" of cluster "prod" has 13 characters; AKS takes lowercase letters and digits, starting with a letter, at most 12 characters for a Linux pool`,
				linuxFix)},
		},
		{
			name: "dash and capitals", codes: codes, plan: named("User-1"),
			want: Findings{modelError(CodeAgentPoolName, "clusters[prod].agentPoolProfiles[User-1].name",
				`pool name "User-1" of cluster "prod" does not start with a lowercase letter; AKS takes lowercase letters and digits, starting with a letter, at most 12 characters for a Linux pool`,
				linuxFix)},
		},
		{
			name: "dash", codes: codes, plan: named("user-1"),
			want: Findings{modelError(CodeAgentPoolName, "clusters[prod].agentPoolProfiles[user-1].name",
				`pool name "user-1" of cluster "prod" holds characters other than lowercase letters and digits; AKS takes lowercase letters and digits, starting with a letter, at most 12 characters for a Linux pool`,
				linuxFix)},
		},
		{
			name: "Windows seven characters", codes: codes, plan: named("windows", pWindows),
			want: Findings{modelError(CodeAgentPoolName, "clusters[prod].agentPoolProfiles[windows].name",
				`pool name "windows" of cluster "prod" has 7 characters; AKS takes lowercase letters and digits, starting with a letter, at most 6 characters for a Windows pool`,
				"use lowercase letters and digits, starting with a letter, at most 6 characters")},
		},
	})
}

// withMode returns ap with mode set.
func withMode(ap AgentPool, mode PoolMode) AgentPool {
	ap.Mode = mode
	return ap
}

func TestValidatePoolModes(t *testing.T) {
	codes := []Code{CodeAgentPoolMode, CodeNoSystemPool, CodeWindowsSystemPool, CodeFirstPoolNotLinux}
	plan := func(pools ...AgentPool) *Plan { return rulePlan(ruleOverlay, "10.1.0.0/22", pools...) }
	runRuleCases(t, []ruleCase{
		{name: "first pool is System by default", codes: codes, plan: plan(rulePool("system", 3), rulePool("apps", 3))},
		{name: "System pool second", codes: codes,
			plan: plan(withMode(rulePool("apps", 3), "User"), withMode(rulePool("system", 3), "System"))},
		{
			name: "only User pools", codes: codes,
			plan: plan(withMode(rulePool("apps", 3), "User"), rulePool("batch", 3)),
			want: Findings{modelError(CodeNoSystemPool, "clusters[prod].agentPoolProfiles",
				`cluster "prod" has no System pool; AKS needs at least one (Linux) to run kube-system`,
				"give the first Linux pool mode System")},
		},
		{
			name: "unknown mode", codes: codes,
			plan: plan(rulePool("system", 3), withMode(rulePool("apps", 3), "system")),
			want: Findings{modelError(CodeAgentPoolMode, "clusters[prod].agentPoolProfiles[apps].mode",
				`pool "apps" of cluster "prod": mode system: invalid for the pool mode: want System or User`, "use mode System or User")},
		},
		{
			name: "Windows System pool", codes: codes,
			plan: plan(rulePool("system", 3), withMode(rulePool("win", 3, pWindows), "System")),
			want: Findings{modelError(CodeWindowsSystemPool, "clusters[prod].agentPoolProfiles[win].mode",
				`pool "win" of cluster "prod": mode System: windows pool not supported here: System pools run Linux`,
				"make the pool a User pool; System pools run Linux")},
		},
	})
}

// A System pool takes no maxUnavailable above 0; "0", as exports carry it,
// is the default and fine. Source:
// articles/aks/upgrade-aks-node-pools-rolling.md ("You can't set max
// unavailable on system node pools").
func TestValidateSystemPoolMaxUnavailable(t *testing.T) {
	codes := []Code{CodeSystemPoolMaxUnavailable}
	plan := func(pools ...AgentPool) *Plan { return rulePlan(ruleOverlay, "10.1.0.0/22", pools...) }
	const fix = "set maxUnavailable 0 and upgrade with maxSurge, or make the pool a User pool"
	runRuleCases(t, []ruleCase{
		{name: "System pool maxUnavailable 0", codes: codes, plan: plan(rulePool("system", 3, pUnavailable("0")))},
		{name: "User pool maxUnavailable 1", codes: codes,
			plan: plan(rulePool("system", 3), rulePool("apps", 3, pSurge("0"), pUnavailable("1")))},
		{
			name: "first pool maxUnavailable 1", codes: codes, plan: plan(rulePool("system", 3, pUnavailable("1"))),
			want: Findings{modelError(CodeSystemPoolMaxUnavailable, "clusters[prod].agentPoolProfiles[system].maxUnavailable",
				`pool "system" of cluster "prod": maxUnavailable 1: invalid for the pool mode: you can't set maxUnavailable on a System pool; use maxSurge`, fix)},
		},
		{
			name: "second System pool maxUnavailable 10 percent", codes: codes,
			plan: plan(rulePool("system", 3), withMode(rulePool("apps", 3, pUnavailable("10%")), ModeSystem)),
			want: Findings{modelError(CodeSystemPoolMaxUnavailable, "clusters[prod].agentPoolProfiles[apps].maxUnavailable",
				`pool "apps" of cluster "prod": maxUnavailable 10%: invalid for the pool mode: you can't set maxUnavailable on a System pool; use maxSurge`, fix)},
		},
	})
}

// An API server subnet shared by clusters gives each at least nine
// addresses: usable(p) = 2^(32−p) − 5 must hold 9 × clusters. Source:
// articles/aks/api-server-vnet-integration.md ("An AKS cluster reserves at
// least nine IPs"; the subnet may serve "multiple AKS clusters").
func TestValidateAPIServerSubnetShared(t *testing.T) {
	codes := []Code{CodeAPIServerSubnetTooSmall}
	shared := func(prefix string, clusters int) *Plan {
		p := special(Subnet{Name: "apiserver", AddressPrefixes: rulePrefixes(prefix), Delegation: delegationManagedCluster})
		base := p.Clusters[0]
		p.Clusters = nil
		for i := range clusters {
			c := base
			c.Name = fmt.Sprintf("c%d", i)
			c.APIServerAccessProfile = APIServerAccessProfile{EnableVNetIntegration: true, Subnet: "apiserver"}
			p.Clusters = append(p.Clusters, c)
		}
		return p
	}
	runRuleCases(t, []ruleCase{
		{name: "slash 28 holds 1 cluster", codes: codes, plan: shared("10.1.4.0/28", 1)},
		{
			name: "slash 28 can't hold 2 clusters", codes: codes, plan: shared("10.1.4.0/28", 2),
			want: Findings{modelError(CodeAPIServerSubnetTooSmall, "vnets[hub].subnets[apiserver].addressPrefixes",
				`API server subnet "apiserver" (10.1.4.0/28) has 11 usable addresses; clusters "c0", "c1" reserve at least 9 each, 18 in all`,
				"use a /27 or larger such as 10.1.4.32/27")},
		},
		{name: "slash 27 holds 3 clusters exactly", codes: codes, plan: shared("10.1.4.0/27", 3)},
		{
			name: "slash 27 can't hold 4 clusters", codes: codes, plan: shared("10.1.4.0/27", 4),
			want: Findings{modelError(CodeAPIServerSubnetTooSmall, "vnets[hub].subnets[apiserver].addressPrefixes",
				`API server subnet "apiserver" (10.1.4.0/27) has 27 usable addresses; clusters "c0", "c1", "c2", "c3" reserve at least 9 each, 36 in all`,
				"use a /26 or larger such as 10.1.4.64/26")},
		},
	})
}

// Dual-stack beyond overlay: kubenet (200 nodes, two routes each), static
// block pod subnets [D], and no Azure or Calico network policy. Sources:
// articles/aks/azure-cni-overlay.md (Azure and Calico network policies
// "aren't supported with dual-stack networking");
// articles/aks/configure-kubenet-dual-stack.md ("Each node in a dual-stack
// cluster requires two routes ... limited to 200 nodes"); Azure/AKS
// CHANGELOG.md 2026-06-19 against articles/aks/configure-dual-stack.md.
func TestValidateDualStackModels(t *testing.T) {
	codes := []Code{CodeDualStackNeedsOverlay, CodeNetworkPolicyUnsupported, CodeKubenetNodeLimit, CodeDisputedDefault, CodeWindowsOnKubenet}
	v4v6 := []IPFamily{IPv4, IPv6}
	const np = "clusters[prod].networkProfile."
	withPolicy := func(policy NetworkPolicy) *Plan {
		return rulePlanWith(dualStack(v4v6, nil, nil), func(p *Plan) {
			p.Clusters[0].NetworkProfile.NetworkPolicy = policy
			ap := &p.Clusters[0].AgentPoolProfiles[0]
			ap.MaxPods, ap.MaxSurge = 30, sizing.MustParseSurge("1") // no assumed defaults
		})
	}
	const policyFix = "use the cilium network policy (networkDataplane cilium) or none with dual-stack"
	kubenet := func(pools ...AgentPool) *Plan {
		p := rulePlan(PluginKubenet, "10.1.0.0/22", pools...)
		p.Clusters[0].NetworkProfile.IPFamilies = v4v6
		p.Clusters[0].NetworkProfile.PodCIDRs = rulePrefixes("10.244.0.0/16", "fd00:1::/64")
		return p
	}
	static := func() *Plan {
		p := rulePodSubnetPlan("10.1.8.0/24", StaticBlock, 3, 30)
		p.Clusters[0].AgentPoolProfiles[0].Mode = ""
		p.Clusters[0].AgentPoolProfiles[0].MaxSurge, p.Clusters[0].AgentPoolProfiles[0].MaxUnavailable = sizing.MustParseSurge("1"), sizing.Surge{}
		p.Clusters[0].NetworkProfile.IPFamilies = v4v6
		return p
	}
	runRuleCases(t, []ruleCase{
		{name: "overlay with cilium policy", codes: codes, plan: withPolicy(PolicyCilium)},
		{name: "overlay with policy none", codes: codes, plan: withPolicy(PolicyNone)},
		{
			name: "overlay with azure policy", codes: codes, plan: withPolicy(PolicyAzure),
			want: Findings{modelError(CodeNetworkPolicyUnsupported, np+"networkPolicy",
				`cluster "prod": networkPolicy azure: network policy not supported: azure and calico network policies aren't supported with dual-stack networking`, policyFix)},
		},
		{
			name: "overlay with calico policy", codes: codes, plan: withPolicy(PolicyCalico),
			want: Findings{modelError(CodeNetworkPolicyUnsupported, np+"networkPolicy",
				`cluster "prod": networkPolicy calico: network policy not supported: azure and calico network policies aren't supported with dual-stack networking`, policyFix)},
		},
		{name: "kubenet 200 nodes", codes: codes, plan: kubenet(rulePool("system", 100, pSurge("1")), rulePool("apps", 100, pSurge("1")))},
		{
			name: "kubenet 201 nodes", codes: codes, plan: kubenet(rulePool("system", 100, pSurge("1")), rulePool("apps", 101, pSurge("1"))),
			want: Findings{modelError(CodeKubenetNodeLimit, "clusters[prod].agentPoolProfiles",
				`cluster "prod": nodes 201: cluster too large: at most 200 nodes with dual-stack kubenet (two routes per node)`,
				"use Azure CNI Overlay or split the cluster: at most 200 nodes with dual-stack kubenet (two routes per node)")},
		},
		{
			name: "kubenet with windows", codes: codes, plan: kubenet(rulePool("system", 3, pSurge("1")), rulePool("win", 3, pWindows, pSurge("1"))),
			want: Findings{modelError(CodeWindowsOnKubenet, "clusters[prod].agentPoolProfiles[win].osType",
				`pool "win" of cluster "prod": osType Windows: windows pool not supported here: kubenet has no Windows pools`,
				"use Azure CNI (overlay or node subnet) for a cluster with Windows pools")},
		},
		{
			name: "static block", codes: codes, plan: static(),
			want: Findings{info(CodeDisputedDefault, np+"ipFamilies",
				`cluster "prod" is dual-stack with pool "system" on the podSubnetStatic model: accepted [D] (release notes 2026-06-19 create it; configure-dual-stack.md still asks for overlay); Azure CNI Overlay avoids the question`)},
		},
	})
}
