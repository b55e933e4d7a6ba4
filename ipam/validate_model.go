package ipam

import (
	"cmp"
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"strings"

	"github.com/cidrplan/cidrplan/cidr"
	"github.com/cidrplan/cidrplan/sizing"
)

// checkModel checks the model rules: OS and plugin combinations, VNets, delegation, special subnets, dual-stack.
//
// Windows pools on kubenet or Cilium and a Windows first pool are sizing's
// rules; checkCapacity maps them. Plain range sizes (/29, IPv6 /64, service
// /12 and /108) are checkRanges'; this file checks family and count
// consistency and the sizes of special-purpose subnets.
func checkModel(v *validation) {
	for _, cv := range v.clusters {
		v.checkPoolVNets(cv)
		v.checkFamilies(cv)
		v.checkStaticBlockVersion(cv)
		v.checkPoolNames(cv)
		v.checkPoolModes(cv)
	}
	for _, sv := range v.subnets {
		v.checkNodeSubnetUse(sv)
		v.checkPoolSubnetPrefixes(sv)
		v.checkPodSubnetUse(sv)
		v.checkSpecialSubnet(sv)
	}
}

// Delegations AKS and Application Gateway for Containers require.
const (
	delegationManagedCluster = "Microsoft.ContainerService/managedClusters"
	delegationAGC            = "Microsoft.ServiceNetworking/trafficControllers"
)

// Minimum sizes of special subnets (docs/aks-rules.md#other-subnets).
const (
	bastionMaxBits   = 26  // AzureBastionSubnet: /26 or larger
	apiServerMaxBits = 28  // API server VNet integration: /28 or larger
	apiServerAddrs   = 9   // API server VNet integration: addresses each cluster reserves
	appGatewayBits   = 24  // Application Gateway v2: /24 recommended
	agcMinFreeIPs    = 250 // Application Gateway for Containers: 250 free addresses
)

// checkPoolVNets reports pools whose subnets lie in another VNet than the
// cluster's (the cluster's named VNet, else its first pool's).
func (v *validation) checkPoolVNets(cv *clusterView) {
	home := cv.vnet
	for _, pv := range cv.pools {
		for _, ref := range []struct {
			sv    *subnetView
			field string
		}{{pv.nodeSubnet, "vnetSubnet"}, {pv.podSubnet, "podSubnet"}} {
			if ref.sv == nil {
				continue
			}
			if home == nil {
				home = ref.sv.vnet
				continue
			}
			if ref.sv.vnet == home {
				continue
			}
			v.errorf(CodePoolsInSeveralVNets, pv.field(ref.field),
				fmt.Sprintf("use a subnet of VNet %q for pool %q", home.v.Name, pv.p.Name),
				"pool %q of cluster %q uses subnet %q of VNet %q, but the cluster is in VNet %q; all node pool subnets of a cluster must be in one VNet",
				pv.p.Name, cv.c.Name, ref.sv.s.Name, ref.sv.vnet.v.Name, home.v.Name)
		}
	}
}

// checkPoolNames reports pool names AKS rejects (see
// [sizing.PoolNameProblem]). Empty and repeated names are resolveClusters'
// findings.
func (v *validation) checkPoolNames(cv *clusterView) {
	for _, pv := range cv.pools {
		name := pv.p.Name
		if name == "" {
			continue
		}
		why := sizing.PoolNameProblem(name, pv.p.OSType)
		if why == "" {
			continue
		}
		limit := sizing.MaxPoolNameLen(pv.p.OSType)
		v.errorf(CodeAgentPoolName, pv.field("name"),
			fmt.Sprintf("use lowercase letters and digits, starting with a letter, at most %d characters", limit),
			"pool name %q of cluster %q %s; AKS takes lowercase letters and digits, starting with a letter, at most %d characters for a %s pool",
			name, cv.c.Name, why, limit, osName(pv.p.OSType))
	}
}

// checkPoolModes reports a cluster without a System pool (a pool that
// states no mode is System when it is the first, as AKS creates it). A mode
// other than System or User, a Windows System pool and maxUnavailable on a
// System pool are sizing's rules; checkCapacity maps them.
func (v *validation) checkPoolModes(cv *clusterView) {
	for i, pv := range cv.pools {
		if cmp.Or(pv.p.Mode, sizing.DefaultPoolMode(i)) == ModeSystem {
			return
		}
	}
	if len(cv.pools) > 0 {
		v.errorf(CodeNoSystemPool, cv.field("agentPoolProfiles"), "give the first Linux pool mode System",
			"cluster %q has no System pool; AKS needs at least one (Linux) to run kube-system", cv.c.Name)
	}
}

func osName(os sizing.OSType) string {
	if os == Windows {
		return "Windows"
	}
	return "Linux"
}

// checkFamilies checks that the pod and service CIDR lists match the IP
// families in count and order (IPv4 first), and that a dual-stack Cilium
// cluster runs Kubernetes 1.29 or later. Invalid family lists are sizing's
// (checkCapacity reports them).
func (v *validation) checkFamilies(cv *clusterView) {
	np := &cv.c.NetworkProfile
	fams := np.IPFamilies
	if !(slices.Equal(fams, []IPFamily{IPv4}) || slices.Equal(fams, []IPFamily{IPv4, IPv6})) {
		return
	}
	v.checkFamilyList(cv, "serviceCidrs", np.ServicePrefixes(), fams)
	if np.UsesPodCIDR() {
		v.checkFamilyList(cv, "podCidrs", np.PodPrefixes(), fams)
	}
	if len(fams) == 2 && np.NetworkDataplane == DataplaneCilium {
		if ok, known := versionAtLeast(cv.c.KubernetesVersion, 1, 29); known && !ok {
			v.errorf(CodeDualStackCiliumVersion, cv.field("kubernetesVersion"), "use Kubernetes 1.29 or later",
				"cluster %q is dual-stack on Cilium with Kubernetes %s; that needs 1.29 or later",
				cv.c.Name, cv.c.KubernetesVersion)
		}
	}
}

func (v *validation) checkFamilyList(cv *clusterView, key string, ps []netip.Prefix, fams []IPFamily) {
	if len(ps) == 0 {
		return // a missing range is checkRanges' finding
	}
	field := cv.field("networkProfile." + key)
	if len(ps) != len(fams) {
		v.errorf(CodeDualStackCIDRCount, field, fmt.Sprintf("give one %s per family, in the order %s", key, familyList(fams)),
			"cluster %q has ipFamilies %s but %s %s", cv.c.Name, familyList(fams), key, joinPrefixes(ps))
		return
	}
	for i, p := range ps {
		if !p.IsValid() || prefixFamily(p) == fams[i] {
			continue
		}
		v.errorf(CodeFamilyMismatch, cv.field("networkProfile."+listField(key, i)),
			fmt.Sprintf("list %s in the order of ipFamilies %s (IPv4 first)", key, familyList(fams)),
			"%s[%d] of cluster %q is %s, an %s prefix, where ipFamilies %s want %s",
			key, i, cv.c.Name, p, prefixFamily(p), familyList(fams), fams[i])
	}
}

func prefixFamily(p netip.Prefix) IPFamily {
	if p.Addr().Is4() {
		return IPv4
	}
	return IPv6
}

func familyList(fams []IPFamily) string {
	s := make([]string, len(fams))
	for i, f := range fams {
		s[i] = string(f)
	}
	return "[" + strings.Join(s, ", ") + "]"
}

// checkStaticBlockVersion reports static block allocation on Kubernetes
// older than 1.28.
func (v *validation) checkStaticBlockVersion(cv *clusterView) {
	for _, pv := range cv.pools {
		if pv.mode().Spec().PodSubnet != sizing.StaticBlock {
			continue
		}
		if ok, known := versionAtLeast(cv.c.KubernetesVersion, 1, 28); known && !ok {
			v.errorf(CodeStaticBlockVersion, cv.field("kubernetesVersion"),
				"use Kubernetes 1.28 or later, or DynamicIndividual allocation",
				"pool %q of cluster %q uses StaticBlock pod IP allocation, which needs Kubernetes 1.28 or later; the cluster runs %s",
				pv.p.Name, cv.c.Name, cv.c.KubernetesVersion)
			return
		}
	}
}

// versionAtLeast reports whether a Kubernetes version ("1.28", "1.28.3",
// "v1.29") is at least major.minor; known is false for an empty or
// unparsable version, which AKS would resolve to a current release.
func versionAtLeast(version string, major, minor int) (ok, known bool) {
	parts := strings.SplitN(strings.TrimPrefix(version, "v"), ".", 3)
	if len(parts) < 2 {
		return false, false
	}
	ma, err1 := strconv.Atoi(parts[0])
	mi, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil {
		return false, false
	}
	return ma > major || (ma == major && mi >= minor), true
}

// checkNodeSubnetUse reports a delegated node subnet and a node subnet that
// a kubenet cluster shares with another cluster.
func (v *validation) checkNodeSubnetUse(sv *subnetView) {
	if len(sv.users().nodePools) == 0 {
		return
	}
	if d := sv.s.Delegation; d != "" {
		v.errorf(CodeSubnetIsDelegated, sv.field("delegation"), "remove the delegation or give the pools an undelegated subnet",
			"Subnet %s is delegated to %s; AKS cannot place nodes of pool %q in a delegated subnet",
			sv.s.Name, d, sv.users().nodePools[0].p.Name)
	}
	var clusters []*clusterView
	kubenet := ""
	for _, pv := range sv.users().nodePools {
		if !slices.Contains(clusters, pv.cluster) {
			clusters = append(clusters, pv.cluster)
		}
		if kubenet == "" && pv.mode().Spec().NodeRoutes {
			kubenet = pv.cluster.c.Name
		}
	}
	if len(clusters) > 1 && kubenet != "" {
		names := make([]string, len(clusters))
		for i, cv := range clusters {
			names[i] = strconv.Quote(cv.c.Name)
		}
		v.errorf(CodeKubenetSubnetShared, sv.path(), "give each kubenet cluster a subnet of its own",
			"subnet %q holds nodes of clusters %s, and kubenet cluster %q may not share its subnet (one route table per cluster)",
			sv.s.Name, strings.Join(names, ", "), kubenet)
	}
}

// checkPoolSubnetPrefixes reports a node or pod subnet that has prefixes
// but no IPv4 one (nodes and pods take IPv4 addresses from it), and a node
// subnet with more than one prefix of a family: AKS node subnets take one
// (docs/aks-rules.md#a-node-subnet-takes-one-prefix-per-family; a
// dual-stack node subnet has one IPv4 and one IPv6). A
// subnet without prefixes is to be allocated and left alone.
func (v *validation) checkPoolSubnetPrefixes(sv *subnetView) {
	var pv *poolView
	what := "node"
	switch {
	case len(sv.users().nodePools) > 0:
		pv = sv.users().nodePools[0]
	case len(sv.users().podPools) > 0 && slices.ContainsFunc(sv.users().podPools, func(pv *poolView) bool {
		return pv.mode().Spec().Uses(sizing.PodSubnet)
	}):
		pv, what = sv.users().podPools[0], "pod"
	default:
		return
	}
	var v4, v6 []netip.Prefix
	for _, p := range sv.s.AddressPrefixes {
		switch {
		case cidr.CheckPrefix(p) != nil:
			return // checkRanges reports it
		case p.Addr().Is4():
			v4 = append(v4, p)
		default:
			v6 = append(v6, p)
		}
	}
	switch {
	case len(sv.s.AddressPrefixes) == 0:
	case len(v4) == 0:
		v.errorf(CodeSubnetPrefixes, sv.field("addressPrefixes"), "give the subnet an IPv4 prefix",
			"%s subnet %q of pool %q has only IPv6 prefixes (%s); AKS takes the %s IPv4 addresses from an IPv4 prefix",
			what, sv.s.Name, pv.p.Name, joinPrefixes(v6), what)
	case what == "node" && (len(v4) > 1 || len(v6) > 1):
		v.errorf(CodeSubnetPrefixes, sv.field("addressPrefixes"),
			"give the node subnet a single prefix per family (one IPv4, plus one IPv6 /64 for dual-stack), or split it into subnets",
			"node subnet %q of pool %q has prefixes %s; AKS node subnets take one prefix per family, so the others would hold no nodes",
			sv.s.Name, pv.p.Name, joinPrefixes(sv.s.AddressPrefixes))
	}
}

// checkPodSubnetUse reports pod IP allocation modes mixed on one pod subnet
// (across all clusters) and a static-block pod subnet larger than /12.
func (v *validation) checkPodSubnetUse(sv *subnetView) {
	var first *poolView
	static := false
	for _, pv := range sv.users().podPools {
		s := pv.mode().Spec()
		if !s.Uses(sizing.PodSubnet) {
			continue // a pod subnet the model does not use: checkCapacity reports it
		}
		static = static || s.PodSubnet == sizing.StaticBlock
		if first == nil {
			first = pv
			continue
		}
		if pv.p.PodIPAllocationMode != first.p.PodIPAllocationMode {
			v.errorf(CodePodIPAllocationModeMixed, pv.field("podIpAllocationMode"),
				fmt.Sprintf("use %s for every pool on pod subnet %q, or give this pool another pod subnet",
					first.p.PodIPAllocationMode, sv.s.Name),
				"pool %q of cluster %q uses %s on pod subnet %q, where pool %q of cluster %q uses %s; one mode per subnet",
				pv.p.Name, pv.cluster.c.Name, pv.p.PodIPAllocationMode, sv.s.Name,
				first.p.Name, first.cluster.c.Name, first.p.PodIPAllocationMode)
		}
	}
	if !static {
		return
	}
	for i, p := range sv.s.AddressPrefixes {
		if p.IsValid() && p.Addr().Is4() && p.Bits() < sizing.MaxStaticPodSubnet {
			v.errorf(CodePodSubnetTooLarge, sv.field(listField("addressPrefixes", i)),
				fmt.Sprintf("use a /%d or smaller pod subnet", sizing.MaxStaticPodSubnet),
				"static-block pod subnet %q is %s; static block allocation supports at most a /%d",
				sv.s.Name, p, sizing.MaxStaticPodSubnet)
		}
	}
}

// checkSpecialSubnet checks bastion, API server and application gateway
// subnets.
func (v *validation) checkSpecialSubnet(sv *subnetView) {
	switch {
	case sv.purpose == PurposeBastion || sv.s.Name == BastionSubnetName:
		v.checkBastionSubnet(sv)
	case sv.purpose == PurposeApplicationGateway:
		v.checkAppGatewaySubnet(sv)
	case sv.purpose == PurposeApplicationGatewayForContainers:
		v.checkAGCSubnet(sv)
	}
	if sv.purpose == PurposeAPIServer || v.vnetIntegrated(sv) {
		v.checkAPIServerSubnet(sv)
	}
}

func (v *validation) checkBastionSubnet(sv *subnetView) {
	if sv.s.Name != BastionSubnetName {
		v.errorf(CodeBastionSubnetName, sv.field("name"), "name the subnet "+BastionSubnetName,
			"bastion subnet %q must be named exactly %s", sv.s.Name, BastionSubnetName)
	}
	for i, p := range ipv4Prefixes(sv) {
		if p.Bits() > bastionMaxBits {
			field := sv.field(listField("addressPrefixes", i))
			v.errorFix(CodeBastionSubnetTooSmall, field,
				v.freeHint(sv.vnet, resized(p, bastionMaxBits), field).around(fmt.Sprintf("use a /%d or larger", bastionMaxBits), ""),
				"%s %s is a /%d; Azure Bastion needs a /%d or larger", sv.s.Name, p, p.Bits(), bastionMaxBits)
		}
	}
}

// vnetIntegrated reports whether a cluster projects its API server into sv.
func (v *validation) vnetIntegrated(sv *subnetView) bool {
	return slices.ContainsFunc(sv.users().apiServerOf, func(cv *clusterView) bool {
		return cv.c.APIServerAccessProfile.EnableVNetIntegration
	})
}

func (v *validation) checkAPIServerSubnet(sv *subnetView) {
	for i, p := range ipv4Prefixes(sv) {
		if p.Bits() > apiServerMaxBits {
			field := sv.field(listField("addressPrefixes", i))
			v.errorFix(CodeAPIServerSubnetTooSmall, field,
				v.freeHint(sv.vnet, resized(p, apiServerMaxBits), field).around(fmt.Sprintf("use a /%d or larger", apiServerMaxBits), ""),
				"API server subnet %q is %s; API server VNet integration needs a /%d or larger", sv.s.Name, p, apiServerMaxBits)
		}
	}
	v.checkAPIServerClusters(sv)
	if sv.s.Delegation != delegationManagedCluster {
		got := "not delegated"
		if sv.s.Delegation != "" {
			got = "delegated to " + sv.s.Delegation
		}
		v.errorf(CodeAPIServerSubnetDelegated, sv.field("delegation"), "delegate the subnet to "+delegationManagedCluster,
			"API server subnet %q is %s; API server VNet integration needs it delegated to %s",
			sv.s.Name, got, delegationManagedCluster)
	}
}

// checkAPIServerClusters reports an API server subnet that cannot give
// every cluster projecting its API server into it the nine addresses each
// reserves ("An AKS cluster reserves at least nine IPs",
// articles/aks/api-server-vnet-integration.md; the subnet may be shared "for
// multiple AKS clusters").
func (v *validation) checkAPIServerClusters(sv *subnetView) {
	var names []string
	for _, cv := range sv.users().apiServerOf {
		if cv.c.APIServerAccessProfile.EnableVNetIntegration {
			names = append(names, strconv.Quote(cv.c.Name))
		}
	}
	prefixes := ipv4Prefixes(sv)
	if len(names) == 0 || len(prefixes) == 0 || slices.ContainsFunc(prefixes, func(p netip.Prefix) bool {
		return p.Bits() > apiServerMaxBits // checkAPIServerSubnet reports it
	}) {
		return
	}
	var have sizing.Count
	for _, p := range prefixes {
		have = have.Add(subnetUsable(p.Bits(), false))
	}
	need := sizing.CountFromInt(apiServerAddrs * len(names))
	if !have.Less(need) {
		return
	}
	bits := min(smallestSubnetBits(need, false), apiServerMaxBits)
	field := sv.field("addressPrefixes")
	v.errorFix(CodeAPIServerSubnetTooSmall, field, v.freeHint(sv.vnet, resized(prefixes[0], bits), field).around(fmt.Sprintf("use a /%d or larger", bits), ""),
		"API server subnet %q (%s) has %s usable addresses; clusters %s reserve at least %d each, %s in all",
		sv.s.Name, joinPrefixes(prefixes), have.Grouped(), strings.Join(names, ", "), apiServerAddrs, need.Grouped())
}

// checkAppGatewaySubnet: an Application Gateway v2 subnet is dedicated, a
// /24 is recommended (up to 125 instances, one address each, plus private
// front ends), and it must hold the instances the plan declares.
func (v *validation) checkAppGatewaySubnet(sv *subnetView) {
	v.checkGatewayDedicated(sv, "Application Gateway")
	prefixes := ipv4Prefixes(sv)
	if len(prefixes) == 0 {
		return
	}
	var have sizing.Count
	for _, p := range prefixes {
		have = have.Add(subnetUsable(p.Bits(), false))
	}
	need := sizing.CountFromInt(sv.s.Consumers.Total())
	if have.Less(need) {
		v.errorf(CodeAppGatewaySubnetSize, sv.field("addressPrefixes"),
			fmt.Sprintf("use a /%d (recommended for Application Gateway v2)", appGatewayBits),
			"Application Gateway subnet %q (%s) offers %s addresses for %s declared instances and front ends",
			sv.s.Name, joinPrefixes(prefixes), have.Grouped(), need.Grouped())
		return
	}
	if p := prefixes[0]; len(prefixes) == 1 && p.Bits() > appGatewayBits {
		v.warnf(CodeAppGatewaySubnetSize, sv.field("addressPrefixes[0]"),
			"Application Gateway subnet %q is %s; a /%d is recommended so that v2 can scale out to 125 instances",
			sv.s.Name, p, appGatewayBits)
	}
}

// checkAGCSubnet: an Application Gateway for Containers subnet is
// delegated and keeps at least 250 addresses free.
func (v *validation) checkAGCSubnet(sv *subnetView) {
	v.checkGatewayDedicated(sv, "Application Gateway for Containers")
	if sv.s.Delegation != delegationAGC {
		v.errorf(CodeAGCSubnetDelegation, sv.field("delegation"), "delegate the subnet to "+delegationAGC,
			"Application Gateway for Containers subnet %q must be delegated to %s", sv.s.Name, delegationAGC)
	}
	prefixes := ipv4Prefixes(sv)
	if len(prefixes) == 0 {
		return
	}
	var have sizing.Count
	for _, p := range prefixes {
		have = have.Add(subnetUsable(p.Bits(), false))
	}
	free := have.Sub(sizing.CountFromInt(sv.s.Consumers.Total()))
	if free.Less(sizing.CountFrom64(agcMinFreeIPs)) {
		v.errorf(CodeAppGatewaySubnetSize, sv.field("addressPrefixes"), "use a /24 or larger",
			"Application Gateway for Containers subnet %q (%s) has %s free addresses; it needs at least %d",
			sv.s.Name, joinPrefixes(prefixes), free.Grouped(), agcMinFreeIPs)
	}
}

// checkGatewayDedicated reports node or pod pools in a gateway subnet.
func (v *validation) checkGatewayDedicated(sv *subnetView, what string) {
	users := append(slices.Clone(sv.users().nodePools), sv.users().podPools...)
	if len(users) == 0 {
		return
	}
	pv := users[0]
	v.errorf(CodeAppGatewaySubnetShared, sv.path(), "give the pools a subnet of their own",
		"%s subnet %q must be dedicated, but pool %q of cluster %q uses it", what, sv.s.Name, pv.p.Name, pv.cluster.c.Name)
}

// resized returns p's address at length bits, for hints that need a size.
func resized(p netip.Prefix, bits int) netip.Prefix {
	return netip.PrefixFrom(p.Addr(), bits).Masked()
}
