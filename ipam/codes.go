package ipam

// Finding codes. Every code cidrplan reports is one of these constants, and
// [Codes] lists each with its severity, meaning and source. Codes and their
// string values are stable: tools may match on them. Codes AKS itself uses
// keep AKS's spelling; the others are ours, named for the condition.
//
// Each constant's comment reads "meaning. Severity; source: where the rule
// comes from." The severity is the most severe a finding with the code
// carries; the source is a path in Microsoft's public documentation
// (articles/aks/... in the AKS docs, articles/... in the Azure docs,
// support/... in the support articles, Azure/AKS CHANGELOG.md for the
// release notes) or "cidrplan" for a rule of our own. A test holds these
// comments and the registry together.
const (
	// AKS's own codes, in AKS's spelling.

	// CodeInsufficientSubnetSize: the addresses planned at the upgrade peak
	// exceed a subnet or pod CIDR. Error; source:
	// articles/aks/configure-azure-cni.md.
	CodeInsufficientSubnetSize Code = "InsufficientSubnetSize"

	// CodeSubnetIsFull: a subnet has no room for one more node at scale-out or
	// upgrade time; AKS reports it then, cidrplan reports
	// InsufficientSubnetSize before (reserved: never emitted). Error; source:
	// support/azure/azure-kubernetes/error-codes/subnetisfull-error.md.
	CodeSubnetIsFull Code = "SubnetIsFull"

	// CodeServiceCIDROverlapExistingSubnetsCIDR: a service CIDR overlaps a
	// subnet of the cluster's VNet. Error; source:
	// support/azure/azure-kubernetes/error-codes/servicecidroverlapexistingsubnetscidr-error.md.
	CodeServiceCIDROverlapExistingSubnetsCIDR Code = "ServiceCidrOverlapExistingSubnetsCidr"

	// CodeDNSServiceIPOutOfServiceCIDR: the DNS service IP is outside the
	// service CIDR. Error; source:
	// support/azure/azure-kubernetes/error-codes/dnsserviceipoutofservicecidr-error.md.
	CodeDNSServiceIPOutOfServiceCIDR Code = "DnsServiceIpOutOfServiceCidr"

	// CodeNetworkProfileCIDROverlapVNet: a pod CIDR overlaps a VNet's address
	// space but none of its subnets (sources disagree whether AKS refuses it).
	// Warning; source: articles/aks/azure-cni-overlay.md.
	CodeNetworkProfileCIDROverlapVNet Code = "NetworkProfileCIDROverlapVNET"

	// CodeCIDRStringParseError: a CIDR or address is malformed, IPv4-mapped
	// IPv6, or has host bits set. Error; source:
	// articles/aks/concepts-network-cni-overview.md.
	CodeCIDRStringParseError Code = "CidrStringParseError"

	// CodePodCIDROverlapExistingSubnetsCIDR: a pod CIDR overlaps a subnet of
	// the cluster's VNet. Error; source: articles/aks/azure-cni-overlay.md.
	CodePodCIDROverlapExistingSubnetsCIDR Code = "PodCidrOverlapExistingSubnetsCidr"

	// CodePodCIDROverlapServiceCIDR: a pod CIDR overlaps a service CIDR of the
	// same cluster. Error; source: articles/aks/azure-cni-overlay.md.
	CodePodCIDROverlapServiceCIDR Code = "PodCidrOverlapServiceCidr"

	// CodeDockerBridgeInServiceCIDR: the docker bridge overlaps a service CIDR
	// of its cluster. Warning; source: articles/aks/configure-azure-cni.md.
	CodeDockerBridgeInServiceCIDR Code = "DockerBridgeInServiceCidr"

	// CodeDockerBridgeInPodCIDR: the docker bridge overlaps a pod CIDR of its
	// cluster. Warning; source: articles/aks/configure-azure-cni.md.
	CodeDockerBridgeInPodCIDR Code = "DockerBridgeInPodCidr"

	// CodeInsufficientPodCIDR: a pod CIDR holds fewer per-node blocks than the
	// cluster's nodes at the upgrade peak. Error; source:
	// articles/aks/configure-kubenet.md.
	CodeInsufficientPodCIDR Code = "InsufficientPodCidr"

	// CodeVNetPeerCIDROverlapping: a plan range overlaps a peered VNet. Error;
	// source: articles/aks/azure-cni-overlay.md.
	CodeVNetPeerCIDROverlapping Code = "VnetPeerCidrOverlapping"

	// CodeSubnetIsDelegated: a node subnet is delegated to a service. Error;
	// source:
	// support/azure/azure-kubernetes/error-codes/subnetisdelegated-error.md.
	CodeSubnetIsDelegated Code = "SubnetIsDelegated"

	// Ours: single ranges, their syntax, size and families.

	// CodeMissingRange: a range the network model needs is absent (a warning
	// for a subnet no pool uses). Error; source: cidrplan.
	CodeMissingRange Code = "MissingCidr"

	// CodeSubnetOutsideVNet: a subnet prefix lies (partly) outside its VNet's
	// address space. Error; source:
	// articles/virtual-network/virtual-networks-faq.md.
	CodeSubnetOutsideVNet Code = "SubnetOutsideVnetAddressSpace"

	// CodeVNetForbiddenRange: a VNet address space overlaps a range Azure
	// forbids in VNets (224.0.0.0/4, 127.0.0.0/8, 169.254.0.0/16, ...). Error;
	// source: articles/virtual-network/virtual-networks-faq.md.
	CodeVNetForbiddenRange Code = "VnetAddressSpaceForbidden"

	// CodeVNetTooLarge: a cluster VNet address space is larger than /8. Error;
	// source: articles/aks/concepts-network-ip-address-planning.md.
	CodeVNetTooLarge Code = "VnetAddressSpaceTooLarge"

	// CodeReservedRangeOverlap: a service, pod or VNet range overlaps a range
	// AKS reserves (169.254.0.0/16, 192.0.2.0/24, 172.30.0.0/16,
	// 172.31.0.0/16). Error; source:
	// articles/aks/concepts-network-cni-overview.md.
	CodeReservedRangeOverlap Code = "ReservedRangeOverlap"

	// CodeServiceCIDRPublic: a service CIDR is public address space. Error;
	// source: Azure/AKS CHANGELOG.md.
	CodeServiceCIDRPublic Code = "ServiceCidrPublic"

	// CodeServiceCIDRMulticast: a service CIDR overlaps multicast address
	// space. Error; source: Azure/AKS CHANGELOG.md.
	CodeServiceCIDRMulticast Code = "ServiceCidrMulticast"

	// CodePodCIDRMulticast: a pod CIDR overlaps multicast address space.
	// Error; source: cidrplan.
	CodePodCIDRMulticast Code = "PodCidrMulticast"

	// CodeServiceCIDRTooLarge: a service CIDR is larger than /12 (IPv6: /108).
	// Error; source: articles/aks/configure-azure-cni.md.
	CodeServiceCIDRTooLarge Code = "ServiceCidrTooLarge"

	// CodeServiceCIDRSizeDisputed: a service CIDR is exactly /12, which
	// sources disagree on. Warning; source:
	// articles/aks/configure-azure-cni.md.
	CodeServiceCIDRSizeDisputed Code = "ServiceCidrSizeDisputed"

	// CodeSubnetTooSmall: an IPv4 subnet is smaller than /29. Error; source:
	// articles/virtual-network/virtual-networks-faq.md.
	CodeSubnetTooSmall Code = "SubnetTooSmall"

	// CodeSubnetTooLarge: an IPv4 subnet is larger than /2. Error; source:
	// articles/virtual-network/virtual-networks-faq.md.
	CodeSubnetTooLarge Code = "SubnetTooLarge"

	// CodeIPv6SubnetSize: an IPv6 subnet is not a /64. Error; source:
	// articles/virtual-network/virtual-networks-faq.md.
	CodeIPv6SubnetSize Code = "IPv6SubnetNotSlash64"

	// CodeDNSServiceIPReserved: the DNS service IP is the network address, the
	// first host (the kubernetes service) or the broadcast address of the
	// service CIDR. Error; source: articles/aks/configure-azure-cni.md.
	CodeDNSServiceIPReserved Code = "DnsServiceIpReserved"

	// CodeDNSServiceIPWithoutServiceCIDR: only one of service CIDR and DNS
	// service IP is given; they are a pair. Error; source: cidrplan.
	CodeDNSServiceIPWithoutServiceCIDR Code = "DnsServiceIpServiceCidrNotPaired"

	// CodePublicRangeAsPrivate: a VNet, pod or service range is public address
	// space. Warning; source:
	// articles/virtual-network/virtual-networks-faq.md.
	CodePublicRangeAsPrivate Code = "PublicRangeUsedAsPrivate"

	// CodeCommonRangeCollision: a default range (10.0.0.0/16, 10.244.0.0/16)
	// is in use, which often collides with corporate 10/8 networks. Warning;
	// source: cidrplan.
	CodeCommonRangeCollision Code = "DefaultRangeCommonCollision"

	// CodeFamilyMismatch: a prefix is of the wrong address family for its
	// field or its place in a dual-stack list. Error; source: cidrplan.
	CodeFamilyMismatch Code = "AddressFamilyMismatch"

	// CodeCIDRMismatch: podCidr or serviceCidr differs from the first of
	// podCidrs or serviceCidrs. Error; source: cidrplan.
	CodeCIDRMismatch Code = "CidrListMismatch"

	// CodePodCIDRNotUsed: a pod CIDR is given for a network model that uses
	// none. Warning; source: cidrplan.
	CodePodCIDRNotUsed Code = "PodCidrNotUsed"

	// CodeDockerBridgeSet: the legacy docker bridge CIDR is set; AKS ignores
	// it. Warning; source: articles/aks/configure-azure-cni.md.
	CodeDockerBridgeSet Code = "DockerBridgeCidrDeprecated"

	// Ours: overlaps between ranges of the plan (see checkOverlaps for which overlaps are allowed).

	// CodeSubnetOverlap: two subnets of one VNet share addresses. Error;
	// source: articles/virtual-network/virtual-networks-faq.md.
	CodeSubnetOverlap Code = "SubnetCidrOverlap"

	// CodeVNetOverlap: two address spaces of one VNet overlap; of two VNets: a
	// warning, they can't be peered. Error; source:
	// articles/virtual-network/virtual-networks-faq.md.
	CodeVNetOverlap Code = "VnetAddressSpaceOverlap"

	// CodeServiceCIDROverlapVNet: a service CIDR overlaps a VNet's address
	// space but none of its subnets. Warning; source:
	// articles/aks/concepts-network-cni-overview.md.
	CodeServiceCIDROverlapVNet Code = "ServiceCidrOverlapVnet"

	// CodePodCIDROverlapPodCIDR: pod CIDRs of one cluster, or of routed (not
	// overlay) clusters in one VNet, overlap; routed clusters in different
	// VNets: a warning. Error; source: articles/aks/azure-cni-overlay.md.
	CodePodCIDROverlapPodCIDR Code = "PodCidrOverlapPodCidr"

	// CodeServiceCIDROverlapServiceCIDR: two service CIDRs of one cluster
	// overlap. Error; source: cidrplan.
	CodeServiceCIDROverlapServiceCIDR Code = "ServiceCidrOverlapServiceCidr"

	// CodeDockerBridgeInVNet: the docker bridge overlaps its cluster's VNet
	// address space. Warning; source: articles/aks/configure-azure-cni.md.
	CodeDockerBridgeInVNet Code = "DockerBridgeInVnet"

	// CodeOnPremisesCIDROverlapping: a plan range overlaps an on-premises
	// network. Error; source: articles/aks/azure-cni-overlay.md.
	CodeOnPremisesCIDROverlapping Code = "OnPremisesCidrOverlapping"

	// CodeAvoidCIDROverlapping: a plan range overlaps a range to avoid of
	// another source. Error; source: cidrplan.
	CodeAvoidCIDROverlapping Code = "AvoidCidrOverlapping"

	// Ours: Azure Virtual Network Manager IPAM pools.

	// CodeAVNMPrefixInUse: a plan range overlaps what an AVNM IPAM pool has
	// allocated to something else, a child pool or a static CIDR. Error;
	// source: articles/virtual-network-manager/concept-ip-address-management.md.
	CodeAVNMPrefixInUse Code = "AvnmPrefixInUse"

	// CodeAVNMPrefixOutsidePool: a VNet address prefix lies (partly) outside
	// the prefixes of the AVNM IPAM pool that is the plan's space. Error;
	// source: articles/virtual-network-manager/concept-ip-address-management.md.
	CodeAVNMPrefixOutsidePool Code = "AvnmPrefixOutsidePool"

	// CodeAVNMAllocationAssumed: a plan range lies in what an AVNM IPAM pool
	// has in use and is taken as the pool's allocation to it, as the pool's
	// usage names no resource. Info; source: cidrplan.
	CodeAVNMAllocationAssumed Code = "AvnmAllocationAssumed"

	// Ours: references and names.

	// CodeUnknownVNet: a reference names no VNet of the plan. Error; source:
	// cidrplan.
	CodeUnknownVNet Code = "VnetNotFound"

	// CodeUnknownSubnet: a reference names no subnet of the plan. Error;
	// source: cidrplan.
	CodeUnknownSubnet Code = "SubnetNotFound"

	// CodeAmbiguousSubnet: an unqualified subnet name matches subnets of
	// several VNets. Error; source: cidrplan.
	CodeAmbiguousSubnet Code = "SubnetNameAmbiguous"

	// CodeDuplicateName: two VNets, subnets, clusters or pools share a name.
	// Error; source: cidrplan.
	CodeDuplicateName Code = "DuplicateName"

	// CodeMissingName: a VNet, subnet, cluster or pool has no name. Error;
	// source: cidrplan.
	CodeMissingName Code = "MissingName"

	// CodeInvalidValue: an enumeration value is outside its set (a plan built
	// in Go; parsing rejects it). Error; source: cidrplan.
	CodeInvalidValue Code = "InvalidValue"

	// CodeInvalidKubernetesVersion: a kubernetesVersion is not major.minor or
	// major.minor.patch, so version-dependent checks can't run. Error; source:
	// cidrplan.
	CodeInvalidKubernetesVersion Code = "InvalidKubernetesVersion"

	// Ours: capacity, node counts and the pools sizing refuses.

	// CodeKubenetNodeLimit: a kubenet cluster has more than 400 nodes. Error;
	// source: articles/aks/configure-kubenet.md.
	CodeKubenetNodeLimit Code = "KubenetNodeLimitExceeded"

	// CodeOverlayNodeLimit: an Azure CNI Overlay cluster has more than 5,000
	// nodes. Error; source: articles/aks/azure-cni-overlay.md.
	CodeOverlayNodeLimit Code = "OverlayNodeLimitExceeded"

	// CodeClusterNodeLimit: a cluster has more than 5,000 nodes. Error;
	// source: articles/aks/quotas-skus-regions.md.
	CodeClusterNodeLimit Code = "ClusterNodeLimitExceeded"

	// CodePoolNodeLimit: a pool plus its upgrade surge has more than 1,000
	// nodes. Error; source: articles/aks/upgrade-aks-node-pools-rolling.md.
	CodePoolNodeLimit Code = "AgentPoolNodeLimitExceeded"

	// CodePoolCountLimit: a cluster has more than 100 pools. Error; source:
	// articles/aks/quotas-skus-regions.md.
	CodePoolCountLimit Code = "AgentPoolCountLimitExceeded"

	// CodeInvalidMaxPods: a pool's maxPods is outside 10..250. Error; source:
	// articles/aks/configure-azure-cni.md.
	CodeInvalidMaxPods Code = "InvalidMaxPods"

	// CodeInsufficientPods: a pool holds fewer than 30 pods (maxPods × nodes).
	// Error; source: articles/aks/configure-azure-cni.md.
	CodeInsufficientPods Code = "InsufficientPodsPerPool"

	// CodeInvalidMaxSurge: a pool's maxSurge is unparsable or out of range, or
	// upgrades would have neither surge nor unavailable nodes. Error; source:
	// articles/aks/upgrade-aks-node-pools-rolling.md.
	CodeInvalidMaxSurge Code = "InvalidMaxSurge"

	// CodeInvalidNodeCount: a node count is negative, or minCount exceeds
	// maxCount. Error; source: cidrplan.
	CodeInvalidNodeCount Code = "InvalidNodeCount"

	// CodePodSubnetTooLarge: a static-block pod subnet is larger than /12.
	// Error; source:
	// articles/aks/configure-azure-cni-static-block-allocation.md.
	CodePodSubnetTooLarge Code = "PodSubnetTooLarge"

	// CodeNoAgentPools: a cluster has no pools. Error; source:
	// articles/aks/use-system-pools.md.
	CodeNoAgentPools Code = "AgentPoolsMissing"

	// CodeInvalidNetworkProfile: a network plugin mode or dataplane is set
	// with a plugin that doesn't take it. Error; source:
	// articles/aks/azure-cni-overlay.md.
	CodeInvalidNetworkProfile Code = "InvalidNetworkProfile"

	// CodeInvalidOSType: a pool's osType is neither Linux nor Windows. Error;
	// source: cidrplan.
	CodeInvalidOSType Code = "InvalidOsType"

	// CodeInvalidPodSubnet: a pod subnet is named for a model without one, or
	// is also a node subnet. Error; source:
	// articles/aks/configure-azure-cni-dynamic-ip-allocation.md.
	CodeInvalidPodSubnet Code = "InvalidPodSubnet"

	// CodeConsumersTooLarge: a subnet's count of other consumers (load
	// balancer front ends, private endpoints) is too large to plan. Error;
	// source: cidrplan.
	CodeConsumersTooLarge Code = "SubnetConsumersTooLarge"

	// CodeInvalidConsumers: a subnet's count of other consumers is negative.
	// Error; source: cidrplan.
	CodeInvalidConsumers Code = "InvalidConsumerCount"

	// CodeInvalidAgentPool: a pool profile sizing refuses for a reason no
	// other code names. Error; source: cidrplan.
	CodeInvalidAgentPool Code = "InvalidAgentPoolProfile"

	// Ours: model rules.

	// CodeWindowsOnKubenet: a kubenet cluster has a Windows pool. Error;
	// source: articles/aks/configure-kubenet.md.
	CodeWindowsOnKubenet Code = "WindowsNotSupportedOnKubenet"

	// CodeWindowsOnCilium: a Cilium-dataplane cluster has a Windows pool.
	// Error; source: articles/aks/azure-cni-powered-by-cilium.md.
	CodeWindowsOnCilium Code = "WindowsNotSupportedOnCilium"

	// CodeFirstPoolNotLinux: a cluster's first pool is not Linux. Error;
	// source: articles/aks/use-system-pools.md.
	CodeFirstPoolNotLinux Code = "FirstAgentPoolNotLinux"

	// CodeNoSystemPool: a cluster has no System pool. Error; source:
	// articles/aks/use-system-pools.md.
	CodeNoSystemPool Code = "SystemAgentPoolMissing"

	// CodeWindowsSystemPool: a System pool is not Linux. Error; source:
	// articles/aks/use-system-pools.md.
	CodeWindowsSystemPool Code = "SystemAgentPoolNotLinux"

	// CodeAgentPoolName: a pool name breaks AKS's naming rule. Error; source:
	// articles/aks/create-node-pools.md.
	CodeAgentPoolName Code = "InvalidAgentPoolName"

	// CodeAgentPoolMode: a pool's mode is neither System nor User. Error;
	// source: articles/aks/use-system-pools.md.
	CodeAgentPoolMode Code = "InvalidAgentPoolMode"

	// CodePoolsInSeveralVNets: a cluster's pools use subnets of more than one
	// VNet. Error; source: articles/aks/configure-azure-cni.md.
	CodePoolsInSeveralVNets Code = "AgentPoolsInDifferentVnets"

	// CodeKubenetSubnetShared: a kubenet cluster shares its node subnet with
	// another cluster. Error; source: articles/aks/configure-kubenet.md.
	CodeKubenetSubnetShared Code = "KubenetSubnetSharedByClusters"

	// CodePodIPAllocationModeMixed: a pod subnet is used with both dynamic and
	// static-block allocation. Error; source:
	// articles/aks/configure-azure-cni-static-block-allocation.md.
	CodePodIPAllocationModeMixed Code = "PodIpAllocationModeMixedOnSubnet"

	// CodeStaticBlockVersion: static-block pod IP allocation on a cluster
	// older than Kubernetes 1.28. Error; source:
	// articles/aks/configure-azure-cni-static-block-allocation.md.
	CodeStaticBlockVersion Code = "StaticBlockRequiresKubernetes128"

	// CodeSubnetPrefixes: a pool's subnet has no IPv4 prefix, or a node subnet
	// more than one prefix per family. Error; source:
	// articles/aks/configure-azure-cni.md.
	CodeSubnetPrefixes Code = "SubnetPrefixesNotSupported"

	// CodeBastionSubnetTooSmall: AzureBastionSubnet is smaller than /26.
	// Error; source: articles/bastion/configuration-settings.md.
	CodeBastionSubnetTooSmall Code = "BastionSubnetTooSmall"

	// CodeBastionSubnetName: a Bastion subnet is not named exactly
	// AzureBastionSubnet. Error; source:
	// articles/bastion/configuration-settings.md.
	CodeBastionSubnetName Code = "BastionSubnetName"

	// CodeAPIServerSubnetTooSmall: an API server VNet integration subnet is
	// smaller than /28, or holds fewer than nine addresses for each cluster
	// that shares it. Error; source:
	// articles/aks/api-server-vnet-integration.md.
	CodeAPIServerSubnetTooSmall Code = "ApiServerSubnetTooSmall"

	// CodeAPIServerSubnetDelegated: an API server VNet integration subnet is
	// not delegated to Microsoft.ContainerService/managedClusters. Error;
	// source: articles/aks/api-server-vnet-integration.md.
	CodeAPIServerSubnetDelegated Code = "ApiServerSubnetNotDelegated"

	// CodeAppGatewaySubnetSize: an Application Gateway subnet is too small for
	// its instances (below the recommended /24: a warning). Error; source:
	// articles/application-gateway/configuration-infrastructure.md.
	CodeAppGatewaySubnetSize Code = "ApplicationGatewaySubnetTooSmall"

	// CodeAppGatewaySubnetShared: an Application Gateway or Application
	// Gateway for Containers subnet holds a pool's nodes or pods. Error;
	// source: articles/application-gateway/configuration-infrastructure.md.
	CodeAppGatewaySubnetShared Code = "ApplicationGatewaySubnetShared"

	// CodeAGCSubnetDelegation: an Application Gateway for Containers subnet is
	// not delegated to Microsoft.ServiceNetworking/trafficControllers. Error;
	// source:
	// articles/application-gateway/for-containers/container-networking.md.
	CodeAGCSubnetDelegation Code = "ApplicationGatewayForContainersSubnetNotDelegated"

	// CodeInvalidIPFamilies: ipFamilies is neither [IPv4] nor [IPv4, IPv6].
	// Error; source: articles/aks/configure-dual-stack.md.
	CodeInvalidIPFamilies Code = "InvalidIpFamilies"

	// CodeDualStackCIDRCount: the count of pod or service CIDRs differs from
	// the count of IP families. Error; source:
	// articles/aks/configure-dual-stack.md.
	CodeDualStackCIDRCount Code = "DualStackCidrCountMismatch"

	// CodeDualStackNeedsOverlay: a dual-stack cluster uses a network model
	// without dual-stack support. Error; source:
	// articles/aks/configure-dual-stack.md.
	CodeDualStackNeedsOverlay Code = "DualStackRequiresOverlay"

	// CodeNetworkPolicyUnsupported: a dual-stack cluster chooses the Azure
	// or Calico network policy, which dual-stack does not support. Error;
	// source: articles/aks/azure-cni-overlay.md.
	CodeNetworkPolicyUnsupported Code = "NetworkPolicyNotSupported"

	// CodeSystemPoolMaxUnavailable: a System pool sets maxUnavailable above
	// 0. Error; source: articles/aks/upgrade-aks-node-pools-rolling.md.
	CodeSystemPoolMaxUnavailable Code = "SystemAgentPoolMaxUnavailable"

	// CodeDualStackCiliumVersion: a dual-stack Cilium cluster is older than
	// Kubernetes 1.29. Error; source: articles/aks/configure-dual-stack.md.
	CodeDualStackCiliumVersion Code = "DualStackCiliumRequiresKubernetes129"

	// Ours: advisories.

	// CodeKubenetInProduction: a production cluster uses kubenet, which
	// retires on 2028-03-31. Warning; source:
	// articles/aks/configure-kubenet.md.
	CodeKubenetInProduction Code = "KubenetInProduction"

	// CodeKubenetRetiring: a cluster uses kubenet, which retires on
	// 2028-03-31. Info; source: articles/aks/configure-kubenet.md.
	CodeKubenetRetiring Code = "KubenetRetiring"

	// CodeKubenetUpgradeRoutes: a kubenet cluster within its 400-node limit
	// passes it when its largest pool upgrades with surge nodes. Error;
	// source: articles/aks/configure-kubenet.md.
	CodeKubenetUpgradeRoutes Code = "KubenetRouteLimitAtUpgrade"

	// CodeClusterNodeLimitAtUpgrade: a cluster within its node limit passes
	// 5,000 nodes at the upgrade peak, where AKS blocks upgrades. Warning;
	// source: articles/aks/best-practices-performance-scale-large.md.
	CodeClusterNodeLimitAtUpgrade Code = "ClusterNodeLimitAtUpgrade"

	// CodeSimultaneousUpgradePeak: a range holds the peak of a sequential
	// upgrade but not every pool surging at once, as a network migration or
	// a parallel upgrade does. Warning; source:
	// articles/aks/update-azure-cni.md.
	CodeSimultaneousUpgradePeak Code = "SimultaneousUpgradePeakExceedsRange"

	// CodePodSubnetBelowMaxPods: a dynamic pod subnet holds one batch of 16
	// per node but not every node's maxPods in whole batches. Warning;
	// source: articles/aks/configure-azure-cni-dynamic-ip-allocation.md.
	CodePodSubnetBelowMaxPods Code = "PodSubnetCannotHoldMaxPods"

	// CodeNoNetworkPolicy: a cluster chooses no network policy engine.
	// Warning; source: articles/aks/use-network-policies.md.
	CodeNoNetworkPolicy Code = "NoNetworkPolicy"

	// CodeNPMNodeLimit: a cluster with the Azure network policy (Azure
	// Network Policy Manager) plans more than 250 nodes. Warning; source:
	// articles/aks/best-practices-performance-scale-large.md.
	CodeNPMNodeLimit Code = "AzureNetworkPolicyManagerNodeLimit"

	// CodeWindowsWithoutSurge: a Windows pool upgrades without a surge node.
	// Warning; source: articles/aks/upgrade-aks-node-pools-rolling.md.
	CodeWindowsWithoutSurge Code = "WindowsPoolWithoutSurgeHeadroom"

	// CodeWindowsMaxPods: a Windows pool's maxPods is above the recommended
	// 110. Warning; source: articles/aks/windows-best-practices.md.
	CodeWindowsMaxPods Code = "WindowsMaxPodsAboveRecommended"

	// CodeNoUpgradeHeadroom: a subnet has no room left at the upgrade peak for
	// one more node: no scale-out, no higher maxSurge. Warning; source:
	// articles/aks/upgrade-aks-node-pools-rolling.md.
	CodeNoUpgradeHeadroom Code = "NoRoomForUpgrade"

	// CodeIngressSubnetSharedWithNodes: an Application Gateway's addresses
	// share a subnet with nodes or pods. Warning; source: cidrplan.
	CodeIngressSubnetSharedWithNodes Code = "IngressSubnetSharedWithNodes"

	// CodeBastionMissing: a cluster asks for a bastion but its VNet has no
	// AzureBastionSubnet. Warning; source: cidrplan.
	CodeBastionMissing Code = "BastionSubnetMissing"

	// CodeBastionUndersized: a cluster asks for a bastion but its VNet's
	// AzureBastionSubnet is smaller than /26. Warning; source:
	// articles/bastion/configuration-settings.md.
	CodeBastionUndersized Code = "BastionSubnetUndersized"

	// CodeDisputedDefault: a default that sources disagree on is assumed; the
	// message names the override. Info; source: cidrplan.
	CodeDisputedDefault Code = "DisputedDefaultAssumed"

	// Migrations and pod CIDR expansion (Plan.Migrate, Plan.Expand).

	// CodeMigrationUnsupportedSource: a cluster's network model can't be
	// migrated to the target: overlay takes only node subnet and kubenet
	// clusters, Cilium only Azure CNI and kubenet ones, and a cluster already
	// there has nothing to migrate. Error; source:
	// articles/aks/update-azure-cni.md.
	CodeMigrationUnsupportedSource Code = "MigrationUnsupportedSource"

	// CodeMigrationKubernetesVersion: a cluster to migrate to Azure CNI Overlay
	// runs Kubernetes older than 1.27. Error; source:
	// articles/aks/update-azure-cni.md.
	CodeMigrationKubernetesVersion Code = "MigrationKubernetesVersion"

	// CodeMigrationDynamicPodSubnet: a cluster with a dynamic pod subnet can't
	// migrate to Azure CNI Overlay; a new cluster is the way. Error; source:
	// articles/aks/update-azure-cni.md.
	CodeMigrationDynamicPodSubnet Code = "MigrationDynamicPodSubnet"

	// CodeMigrationStaticPodSubnet: a cluster with a static block pod subnet
	// can't migrate to Azure CNI Overlay (disputed: the documentation names
	// dynamic allocation only); a new cluster is the way. Error; source:
	// articles/aks/update-azure-cni.md.
	CodeMigrationStaticPodSubnet Code = "MigrationStaticPodSubnet"

	// CodeMigrationNetworkPolicyEnabled: a cluster to migrate to Azure CNI
	// Overlay has a network policy engine, which must be uninstalled first.
	// Error; source: articles/aks/update-azure-cni.md.
	CodeMigrationNetworkPolicyEnabled Code = "MigrationNetworkPolicyEnabled"

	// CodeMigrationSystemAssignedIdentity: a kubenet cluster to migrate to Azure
	// CNI Overlay has no user-assigned managed identity, which detaching the
	// route table needs. Error; source: articles/aks/update-azure-cni.md.
	CodeMigrationSystemAssignedIdentity Code = "MigrationSystemAssignedIdentity"

	// CodeMigrationIdentityUnknown: the plan doesn't say which managed identity
	// a kubenet cluster to migrate has; the migration needs a user-assigned one.
	// Warning; source: articles/aks/update-azure-cni.md.
	CodeMigrationIdentityUnknown Code = "MigrationIdentityUnknown"

	// CodeMigrationKubernetesVersionUnknown: the plan doesn't give the
	// Kubernetes version of a cluster to migrate to Azure CNI Overlay, which
	// needs 1.27 or later. Warning; source: articles/aks/update-azure-cni.md.
	CodeMigrationKubernetesVersionUnknown Code = "MigrationKubernetesVersionUnknown"

	// CodeMigrationPodCIDROverlap: the pod CIDR of a migration to Azure CNI
	// Overlay overlaps a VNet of the node pools, a service CIDR, a peered,
	// on-premises or reserved range, or a pod CIDR routed in the VNet. Error;
	// source: articles/aks/update-azure-cni.md.
	CodeMigrationPodCIDROverlap Code = "MigrationPodCidrOverlap"

	// CodeMigrationNoPodCIDR: no private range holds the pod CIDR a migration to
	// Azure CNI Overlay needs clear of the plan's ranges. Error; source:
	// articles/aks/update-azure-cni.md.
	CodeMigrationNoPodCIDR Code = "MigrationNoPodCidr"

	// CodeMigrationPodCIDRChange: a kubenet cluster's pod CIDR is changed during
	// its migration to Azure CNI Overlay, which users report to fail
	// (Azure/AKS#5662). Warning; source: articles/aks/update-azure-cni.md.
	CodeMigrationPodCIDRChange Code = "MigrationPodCidrChange"

	// CodeMigrationReimagePeak: a range or limit can't hold the migration's
	// peak, when every pool is reimaged at once. Error; source:
	// articles/aks/update-azure-cni.md.
	CodeMigrationReimagePeak Code = "MigrationReimagePeak"

	// CodeMigrationPolicyGap: network policies stop being enforced from their
	// engine's removal until a new engine runs on every node. Warning; source:
	// articles/aks/update-azure-cni.md.
	CodeMigrationPolicyGap Code = "MigrationPolicyNotEnforced"

	// CodeMigrationOneWay: the migration is one-way: a cluster can't go back to
	// its former network model. Info; source: articles/aks/update-azure-cni.md.
	CodeMigrationOneWay Code = "MigrationIrreversible"

	// CodeCiliumWindowsPools: a cluster to move to the Cilium data plane has
	// Windows pools, which Cilium doesn't run. Error; source:
	// articles/aks/azure-cni-powered-by-cilium.md.
	CodeCiliumWindowsPools Code = "CiliumWindowsPools"

	// CodeCiliumNodeAutoProvisioning: a cluster to move to the Cilium data plane
	// has node auto-provisioning on, which must be off during the update. Error;
	// source: articles/aks/azure-cni-powered-by-cilium.md.
	CodeCiliumNodeAutoProvisioning Code = "CiliumNodeAutoProvisioning"

	// CodeCiliumReplacesPolicy: Azure NPM or Calico is uninstalled and replaced
	// by Cilium, whose ipBlock can't select pod or node addresses. Warning;
	// source: articles/aks/azure-cni-powered-by-cilium.md.
	CodeCiliumReplacesPolicy Code = "CiliumReplacesNetworkPolicy"

	// CodeExpansionNotOverlay: a pod CIDR expansion is asked for a cluster that
	// isn't Azure CNI Overlay. Error; source:
	// articles/aks/azure-cni-overlay-pod-expand.md.
	CodeExpansionNotOverlay Code = "PodCidrExpansionNotOverlay"

	// CodeExpansionWindowsPools: a pod CIDR expansion is asked for a cluster
	// with Windows pools; expansion is Linux only. Error; source:
	// articles/aks/azure-cni-overlay-pod-expand.md.
	CodeExpansionWindowsPools Code = "PodCidrExpansionWindowsPools"

	// CodeExpansionNotSingleIPv4: a pod CIDR expansion is asked for a cluster
	// with an IPv6 or several pod CIDRs; only a single IPv4 pod CIDR expands.
	// Error; source: articles/aks/azure-cni-overlay-pod-expand.md.
	CodeExpansionNotSingleIPv4 Code = "PodCidrExpansionNotSingleIPv4"

	// CodeExpansionBlocked: no superset of the pod CIDR that holds the nodes is
	// clear of the plan's other ranges. Error; source:
	// articles/aks/azure-cni-overlay-pod-expand.md.
	CodeExpansionBlocked Code = "PodCidrExpansionBlocked"
)
