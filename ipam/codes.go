package ipam

// Finding codes. They are stable: tools may match on them. Codes AKS itself
// uses keep AKS's spelling; the others are ours, named for the condition.
const (
	// AKS's own codes.

	// CodeInsufficientSubnetSize: planned IPs (at the upgrade peak) exceed a
	// subnet or pod CIDR.
	CodeInsufficientSubnetSize = "InsufficientSubnetSize"
	// CodeSubnetIsFull: a subnet has no room for one more scale-out or
	// upgrade (AKS reports it at scale/upgrade time).
	CodeSubnetIsFull = "SubnetIsFull"
	// CodeServiceCIDROverlapExistingSubnetsCIDR: a service CIDR overlaps a
	// subnet of the cluster's VNet.
	CodeServiceCIDROverlapExistingSubnetsCIDR = "ServiceCidrOverlapExistingSubnetsCidr"
	// CodeDNSServiceIPOutOfServiceCIDR: the DNS service IP is outside the
	// service CIDR.
	CodeDNSServiceIPOutOfServiceCIDR = "DnsServiceIpOutOfServiceCidr"
	// CodeNetworkProfileCIDROverlapVNet: a pod CIDR overlaps the VNet address
	// space (but no subnet) — a warning [D].
	CodeNetworkProfileCIDROverlapVNet = "NetworkProfileCIDROverlapVNET"
	// CodeCIDRStringParseError: a CIDR or address is malformed or has host
	// bits set.
	CodeCIDRStringParseError = "CidrStringParseError"
	// CodePodCIDROverlapExistingSubnetsCIDR: a pod CIDR overlaps a subnet.
	CodePodCIDROverlapExistingSubnetsCIDR = "PodCidrOverlapExistingSubnetsCidr"
	// CodePodCIDROverlapServiceCIDR: a pod CIDR overlaps a service CIDR.
	CodePodCIDROverlapServiceCIDR = "PodCidrOverlapServiceCidr"
	// CodeDockerBridgeInServiceCIDR: the docker bridge overlaps a service CIDR.
	CodeDockerBridgeInServiceCIDR = "DockerBridgeInServiceCidr"
	// CodeDockerBridgeInPodCIDR: the docker bridge overlaps a pod CIDR.
	CodeDockerBridgeInPodCIDR = "DockerBridgeInPodCidr"
	// CodeInsufficientPodCIDR: a pod CIDR holds fewer per-node blocks than
	// nodes (kubenet).
	CodeInsufficientPodCIDR = "InsufficientPodCidr"
	// CodeVNetPeerCIDROverlapping: a plan range overlaps a peered VNet.
	CodeVNetPeerCIDROverlapping = "VnetPeerCidrOverlapping"
	// CodeSubnetIsDelegated: a node subnet is delegated.
	CodeSubnetIsDelegated = "SubnetIsDelegated"

	// Ours: ranges and syntax (validate_ranges.go).

	// CodeDockerBridgeInVNet: the docker bridge overlaps the VNet space.
	CodeDockerBridgeInVNet = "DockerBridgeInVnet"
	// CodeDockerBridgeSet: the legacy docker bridge CIDR is set (warning).
	CodeDockerBridgeSet = "DockerBridgeCidrDeprecated"
	// CodeOnPremisesCIDROverlapping: a plan range overlaps an on-premises
	// network.
	CodeOnPremisesCIDROverlapping = "OnPremisesCidrOverlapping"
	// CodeAvoidCIDROverlapping: a plan range overlaps a range to avoid of
	// source cluster or other.
	CodeAvoidCIDROverlapping = "AvoidCidrOverlapping"
	// CodeSubnetOverlap: two subnets share addresses.
	CodeSubnetOverlap = "SubnetCidrOverlap"
	// CodeVNetOverlap: two VNets' address spaces share addresses (they can't
	// be peered).
	CodeVNetOverlap = "VnetAddressSpaceOverlap"
	// CodeServiceCIDROverlap: two service CIDRs of clusters in one VNet, or a
	// service CIDR and the VNet space (warning).
	CodeServiceCIDROverlapVNet = "ServiceCidrOverlapVnet"
	// CodePodCIDROverlapPodCIDR: pod CIDRs of clusters that share routing
	// (kubenet, or non-overlay) overlap.
	CodePodCIDROverlapPodCIDR = "PodCidrOverlapPodCidr"
	// CodeServiceCIDROverlapServiceCIDR: two service CIDRs of one cluster
	// overlap.
	CodeServiceCIDROverlapServiceCIDR = "ServiceCidrOverlapServiceCidr"
	// CodeSubnetOutsideVNet: a subnet prefix lies (partly) outside its VNet's
	// address space.
	CodeSubnetOutsideVNet = "SubnetOutsideVnetAddressSpace"
	// CodeVNetForbiddenRange: a VNet address space overlaps a range Azure
	// forbids (224.0.0.0/4, 127.0.0.0/8, 169.254.0.0/16, ...).
	CodeVNetForbiddenRange = "VnetAddressSpaceForbidden"
	// CodeReservedRangeOverlap: a service, pod or VNet range overlaps a range
	// AKS reserves (169.254.0.0/16, 192.0.2.0/24, 172.30.0.0/16,
	// 172.31.0.0/16).
	CodeReservedRangeOverlap = "ReservedRangeOverlap"
	// CodeServiceCIDRPublic: a service CIDR is public (not private).
	CodeServiceCIDRPublic = "ServiceCidrPublic"
	// CodeServiceCIDRMulticast: a service CIDR is multicast.
	CodeServiceCIDRMulticast = "ServiceCidrMulticast"
	// CodePodCIDRMulticast: a pod CIDR is (or overlaps) multicast space.
	CodePodCIDRMulticast = "PodCidrMulticast"
	// CodeServiceCIDRTooLarge: a service CIDR shorter than /12 (IPv6 /108).
	CodeServiceCIDRTooLarge = "ServiceCidrTooLarge"
	// CodeServiceCIDRSizeDisputed: a service CIDR of exactly /12 (warning).
	CodeServiceCIDRSizeDisputed = "ServiceCidrSizeDisputed"
	// CodeSubnetTooSmall: an IPv4 subnet smaller than /29.
	CodeSubnetTooSmall = "SubnetTooSmall"
	// CodeSubnetTooLarge: an IPv4 subnet larger than /2 [D].
	CodeSubnetTooLarge = "SubnetTooLarge"
	// CodeIPv6SubnetSize: an IPv6 subnet that is not /64.
	CodeIPv6SubnetSize = "IPv6SubnetNotSlash64"
	// CodeDNSServiceIPReserved: the DNS service IP is the network address,
	// the first host (the kubernetes service) or the broadcast address.
	CodeDNSServiceIPReserved = "DnsServiceIpReserved"
	// CodePublicRangeAsPrivate: a VNet, pod or service range is public
	// address space (warning).
	CodePublicRangeAsPrivate = "PublicRangeUsedAsPrivate"
	// CodeCommonRangeCollision: a default range (10.0.0.0/16, 10.244.0.0/16)
	// is in use, which often collides with corporate 10/8 networks (warning).
	CodeCommonRangeCollision = "DefaultRangeCommonCollision"
	// CodeVNetTooLarge: a cluster VNet address space larger than /8.
	CodeVNetTooLarge = "VnetAddressSpaceTooLarge"
	// CodeFamilyMismatch: a prefix of the wrong address family for its field.
	CodeFamilyMismatch = "AddressFamilyMismatch"
	// CodeCIDRMismatch: podCidr/serviceCidr differs from the first of
	// podCidrs/serviceCidrs.
	CodeCIDRMismatch = "CidrListMismatch"
	// CodeDNSServiceIPWithoutServiceCIDR: only one of service CIDR and DNS
	// service IP is given (they are a pair).
	CodeDNSServiceIPWithoutServiceCIDR = "DnsServiceIpServiceCidrNotPaired"
	// CodePodCIDRNotUsed: a pod CIDR given for a model that has none.
	CodePodCIDRNotUsed = "PodCidrNotUsed"
	// CodeInvalidValue: an enumeration value outside its set (a Go-built
	// plan; Parse rejects it).
	CodeInvalidValue = "InvalidValue"
	// CodeInvalidKubernetesVersion: a cluster's kubernetesVersion is not
	// major.minor or major.minor.patch (optionally with a leading "v"), so
	// version-dependent checks can't run.
	CodeInvalidKubernetesVersion = "InvalidKubernetesVersion"
	// CodeMissingRange: a range the model needs is absent.
	CodeMissingRange = "MissingCidr"

	// Ours: references and names.

	// CodeUnknownVNet: a reference names no VNet of the plan.
	CodeUnknownVNet = "VnetNotFound"
	// CodeUnknownSubnet: a reference names no subnet of the plan.
	CodeUnknownSubnet = "SubnetNotFound"
	// CodeAmbiguousSubnet: an unqualified subnet name matches several VNets.
	CodeAmbiguousSubnet = "SubnetNameAmbiguous"
	// CodeDuplicateName: two VNets, subnets, clusters or pools share a name.
	CodeDuplicateName = "DuplicateName"
	// CodeMissingName: a VNet, subnet, cluster or pool has no name.
	CodeMissingName = "MissingName"

	// Ours: capacity (validate_capacity.go).

	CodeKubenetNodeLimit  = "KubenetNodeLimitExceeded"    // > 400 nodes on kubenet
	CodeOverlayNodeLimit  = "OverlayNodeLimitExceeded"    // > 5,000 nodes on overlay [D]
	CodeClusterNodeLimit  = "ClusterNodeLimitExceeded"    // > 5,000 nodes in a cluster
	CodePoolNodeLimit     = "AgentPoolNodeLimitExceeded"  // pool + surge > 1,000
	CodePoolCountLimit    = "AgentPoolCountLimitExceeded" // > 100 pools
	CodeInvalidMaxPods    = "InvalidMaxPods"              // outside 10..250
	CodeInsufficientPods  = "InsufficientPodsPerPool"     // maxPods × nodes < 30
	CodeInvalidMaxSurge   = "InvalidMaxSurge"             // unparsable or out-of-range surge
	CodeInvalidNodeCount  = "InvalidNodeCount"            // negative counts, minCount > maxCount
	CodePodSubnetTooLarge = "PodSubnetTooLarge"           // static-block pod subnet larger than /12

	// Ours: model rules (validate_model.go).

	CodeWindowsOnKubenet         = "WindowsNotSupportedOnKubenet"
	CodeWindowsOnCilium          = "WindowsNotSupportedOnCilium"
	CodeFirstPoolNotLinux        = "FirstAgentPoolNotLinux"
	CodePoolsInSeveralVNets      = "AgentPoolsInDifferentVnets"
	CodeKubenetSubnetShared      = "KubenetSubnetSharedByClusters"
	CodePodIPAllocationModeMixed = "PodIpAllocationModeMixedOnSubnet"
	CodeBastionSubnetTooSmall    = "BastionSubnetTooSmall"
	CodeBastionSubnetName        = "BastionSubnetName"
	CodeAPIServerSubnetTooSmall  = "ApiServerSubnetTooSmall"
	CodeAPIServerSubnetDelegated = "ApiServerSubnetNotDelegated"
	CodeAppGatewaySubnetSize     = "ApplicationGatewaySubnetTooSmall"
	CodeAppGatewaySubnetShared   = "ApplicationGatewaySubnetShared"
	CodeInvalidIPFamilies        = "InvalidIpFamilies"
	CodeDualStackCIDRCount       = "DualStackCidrCountMismatch"
	CodeDualStackNeedsOverlay    = "DualStackRequiresOverlay"

	// Ours: advisories (validate_advice.go).

	CodeKubenetInProduction          = "KubenetInProduction"
	CodeNoNetworkPolicy              = "NoNetworkPolicy"
	CodeWindowsWithoutSurge          = "WindowsPoolWithoutSurgeHeadroom"
	CodeNoUpgradeHeadroom            = "NoRoomForUpgrade"
	CodeIngressSubnetSharedWithNodes = "IngressSubnetSharedWithNodes"
	CodeBastionMissing               = "BastionSubnetMissing"
	CodeBastionUndersized            = "BastionSubnetUndersized"
)
