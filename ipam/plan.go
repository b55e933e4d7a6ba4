package ipam

import (
	"math"
	"net/netip"

	"github.com/cidrplan/cidrplan/sizing"
)

// Plan is the address plan of one or several AKS clusters: the virtual
// networks they live in, the clusters themselves and the ranges to stay clear
// of. Keys are camelCase as in AKS's own JSON; the same names serve YAML and
// JSON plan files.
//
// A Plan is a plain record: build it in Go with composite literals or read
// it from a plan file with [github.com/cidrplan/cidrplan/ipam/planfile.Load],
// fill defaults with [Plan.WithDefaults]. The zero
// Plan is empty and valid to validate (it has no findings). Methods never
// modify the receiver; a Plan is safe for concurrent reads.
type Plan struct {
	// Name labels the plan in output; optional.
	Name     string       `json:"name,omitzero"`
	VNets    []VNet       `json:"vnets,omitzero"`
	Clusters []Cluster    `json:"clusters,omitzero"`
	Avoid    []AvoidRange `json:"avoid,omitzero"`
}

// VNet is an Azure virtual network.
type VNet struct {
	// Name identifies the VNet within the plan; clusters and subnet references
	// use it.
	Name string `json:"name"`
	// AddressSpace lists the VNet's address prefixes (ARM's
	// addressSpace.addressPrefixes).
	AddressSpace []netip.Prefix `json:"addressSpace,omitzero"`
	Subnets      []Subnet       `json:"subnets,omitzero"`
	// Assumed marks a VNet that no export showed but the plan assumes: the
	// AKS-managed VNet of a cluster whose pools name no subnet, with the
	// address space AKS is observed to give it ([ManagedVNet]). Validate
	// reports the assumption (DisputedDefaultAssumed).
	Assumed bool `json:"assumed,omitzero"`
}

// Subnet is a subnet of a VNet.
type Subnet struct {
	// Name identifies the subnet within its VNet. A bastion subnet must be
	// named AzureBastionSubnet.
	Name string `json:"name"`
	// AddressPrefixes holds one or more prefixes (ARM's addressPrefix or
	// addressPrefixes). AKS node subnets take one. Empty means "to be
	// allocated" by [Plan.Complete].
	AddressPrefixes []netip.Prefix `json:"addressPrefixes,omitzero"`
	// Delegation is the service the subnet is delegated to, e.g.
	// "Microsoft.ContainerService/managedClusters"; empty when not delegated.
	Delegation string `json:"delegation,omitzero"`
	// Purpose says what the subnet is for. Empty means unspecified: a subnet
	// named by a pool's nodeSubnet or podSubnet is then treated as node or pod.
	Purpose Purpose `json:"purpose,omitzero"`
	// Consumers counts the addresses taken by things other than nodes and
	// pods.
	Consumers Consumers `json:"consumers,omitzero"`
}

// Consumers counts addresses a subnet gives to things other than AKS nodes and
// pods. Each field is a number of IP addresses.
type Consumers struct {
	InternalLoadBalancers int `json:"internalLoadBalancers,omitzero"`
	PrivateEndpoints      int `json:"privateEndpoints,omitzero"`
	// APIServerEndpoints counts API endpoints of private clusters the plan
	// does not describe. A plan cluster with enablePrivateCluster adds its
	// own endpoint to its first pool's node subnet; don't count it here.
	APIServerEndpoints int `json:"apiServerEndpoints,omitzero"`
	// ApplicationGatewayInstances counts Application Gateway instances (one
	// IP each) plus their private front ends.
	ApplicationGatewayInstances int `json:"applicationGatewayInstances,omitzero"`
	// Other counts any other address taken from the subnet (VMs, NVAs, ...).
	Other int `json:"other,omitzero"`
}

// Total returns the sum of all consumers; negative fields count as 0. The
// sum saturates at math.MaxInt instead of wrapping, so absurd counts still
// read as too many rather than as a small or negative number.
func (c Consumers) Total() int {
	return saturatingSum(c.InternalLoadBalancers, c.PrivateEndpoints, c.APIServerEndpoints,
		c.ApplicationGatewayInstances, c.Other)
}

// saturatingSum adds the non-negative values of vs (negative ones count as
// 0), saturating at math.MaxInt.
func saturatingSum(vs ...int) int {
	n := 0
	for _, v := range vs {
		if v <= 0 {
			continue
		}
		if n > math.MaxInt-v {
			return math.MaxInt
		}
		n += v
	}
	return n
}

// Cluster is one AKS managed cluster.
type Cluster struct {
	// Name identifies the cluster within the plan.
	Name string `json:"name"`
	// VNet names the plan VNet the cluster's pools use. Empty: inferred from
	// the pools' subnets (which must then all name the same VNet).
	VNet              string `json:"vnet,omitzero"`
	KubernetesVersion string `json:"kubernetesVersion,omitzero"`
	// Production marks a production cluster; advisories are stricter for it.
	Production bool `json:"production,omitzero"`
	// WantsBastion asks for an AzureBastionSubnet in the cluster's VNet.
	WantsBastion bool `json:"wantsBastion,omitzero"`
	// Defaults overrides the disputed defaults [D] of the cluster's pools:
	// maxSurge (10%), maxPods per model, the overlay node limit (5,000).
	Defaults               sizing.Defaults        `json:"defaults,omitzero"`
	NetworkProfile         NetworkProfile         `json:"networkProfile,omitzero"`
	APIServerAccessProfile APIServerAccessProfile `json:"apiServerAccessProfile,omitzero"`
	AgentPoolProfiles      []AgentPool            `json:"agentPoolProfiles,omitzero"`

	// ResourceGroup is the cluster's Azure resource group; the az commands
	// of a migration name it. Empty: the commands carry a placeholder.
	ResourceGroup string `json:"resourceGroup,omitzero"`
	// Identity is the cluster's managed identity, as AKS's identity.type;
	// a kubenet cluster needs a user-assigned one to migrate to overlay.
	Identity Identity `json:"identity,omitzero"`
	// NodeProvisioningProfile is AKS's node auto-provisioning setting,
	// which must be off while the data plane changes to Cilium.
	NodeProvisioningProfile NodeProvisioningProfile `json:"nodeProvisioningProfile,omitzero"`
}

// NetworkProfile is a cluster's networkProfile, with AKS's key names.
//
// PodCIDR/PodCIDRs and ServiceCIDR/ServiceCIDRs mirror AKS, which reports
// both: the plural form is authoritative when set, and when both are set the
// singular must equal the first element. Use [NetworkProfile.PodPrefixes] and
// [NetworkProfile.ServicePrefixes] to read the effective lists. The
// singular's firstOf tag names its plural, for readers of plan files that
// need the pairs (a completed plan written back into its file states each
// value once).
type NetworkProfile struct {
	NetworkPlugin     NetworkPlugin     `json:"networkPlugin,omitzero"`
	NetworkPluginMode NetworkPluginMode `json:"networkPluginMode,omitzero"`
	NetworkDataplane  NetworkDataplane  `json:"networkDataplane,omitzero"`
	// NetworkPolicy is one of [sizing.NetworkPolicies]; empty means
	// not chosen (an advisory: it can't be turned on later for older
	// clusters).
	NetworkPolicy NetworkPolicy  `json:"networkPolicy,omitzero"`
	IPFamilies    []IPFamily     `json:"ipFamilies,omitzero"`
	PodCIDR       netip.Prefix   `json:"podCidr,omitzero" firstOf:"podCidrs"`
	PodCIDRs      []netip.Prefix `json:"podCidrs,omitzero"`
	ServiceCIDR   netip.Prefix   `json:"serviceCidr,omitzero" firstOf:"serviceCidrs"`
	ServiceCIDRs  []netip.Prefix `json:"serviceCidrs,omitzero"`
	DNSServiceIP  netip.Addr     `json:"dnsServiceIP,omitzero"`
	// DockerBridgeCIDR is the legacy docker bridge address, ignored by AKS
	// since Kubernetes 1.19. It names the bridge's own address, so host bits
	// are expected here (historic default 172.17.0.1/16) and not rejected.
	DockerBridgeCIDR netip.Prefix `json:"dockerBridgeCidr,omitzero" cidr:"address"`
}

// PodPrefixes returns the effective pod CIDRs: PodCIDRs if set, else PodCIDR
// if valid, else nil. The result aliases np's storage.
func (np *NetworkProfile) PodPrefixes() []netip.Prefix {
	return effectivePrefixes(np.PodCIDRs, np.PodCIDR)
}

// ServicePrefixes returns the effective service CIDRs: ServiceCIDRs if set,
// else ServiceCIDR if valid, else nil. The result aliases np's storage.
func (np *NetworkProfile) ServicePrefixes() []netip.Prefix {
	return effectivePrefixes(np.ServiceCIDRs, np.ServiceCIDR)
}

func effectivePrefixes(plural []netip.Prefix, single netip.Prefix) []netip.Prefix {
	if len(plural) > 0 {
		return plural
	}
	if single.IsValid() {
		return []netip.Prefix{single}
	}
	return nil
}

// IsOverlay reports whether the profile selects Azure CNI Overlay.
func (np *NetworkProfile) IsOverlay() bool { return np.model() == sizing.ModelOverlay }

// UsesPodCIDR reports whether pods take addresses from a pod CIDR rather
// than from VNet subnets: overlay and kubenet, and a bring-your-own CNI
// cluster, whose control plane uses the range ([sizing.ModelSpec.PodCIDR]).
func (np *NetworkProfile) UsesPodCIDR() bool { return np.model().Spec().PodCIDR }

// podCIDRReusable reports whether other clusters may reuse the profile's
// pod CIDR (overlay), as the network model's spec says.
func (np *NetworkProfile) podCIDRReusable() bool { return np.model().Spec().PodCIDRReusable }

// model returns the network model of the profile's pools that name no pod
// subnet, which decides the pod CIDR.
func (np *NetworkProfile) model() sizing.Model { return np.network().Model(sizing.Pool{}) }

// network returns the profile in sizing's terms.
func (np *NetworkProfile) network() sizing.Network {
	return sizing.Network{Plugin: np.NetworkPlugin, PluginMode: np.NetworkPluginMode,
		Dataplane: np.NetworkDataplane, IPFamilies: np.IPFamilies, Policy: np.NetworkPolicy}
}

// APIServerAccessProfile is the part of AKS's apiServerAccessProfile that
// takes addresses.
type APIServerAccessProfile struct {
	// EnablePrivateCluster puts a private API endpoint in the first pool's
	// node subnet (one address).
	EnablePrivateCluster bool `json:"enablePrivateCluster,omitzero"`
	// EnableVNetIntegration projects the API server into Subnet, which must be
	// delegated to Microsoft.ContainerService/managedClusters and be /28 or
	// larger.
	EnableVNetIntegration bool `json:"enableVnetIntegration,omitzero"`
	// Subnet names the API server subnet, as a pool names its node subnet.
	Subnet string `json:"subnet,omitzero"`
}

// Identity is a cluster's managed identity (AKS's identity).
type Identity struct {
	// Type is SystemAssigned or UserAssigned; empty means not known.
	Type IdentityType `json:"type,omitzero"`
}

// NodeProvisioningProfile is a cluster's node auto-provisioning setting
// (AKS's nodeProvisioningProfile).
type NodeProvisioningProfile struct {
	// Mode is Manual or Auto; empty means not known (AKS's default is
	// Manual).
	Mode NodeProvisioningMode `json:"mode,omitzero"`
}

// AgentPool is one node pool (AKS's agentPoolProfiles entry). It embeds
// [sizing.Pool], so its keys are sizing's (AKS's camelCase): name, osType,
// mode, count, maxCount, enableAutoScaling, maxPods, maxSurge,
// maxUnavailable, scaleOut, vnetSubnet, podSubnet, podIpAllocationMode.
//
// VNetSubnet names the pool's node subnet and PodSubnet its pod subnet (Azure
// CNI pod-subnet models only): "subnet" in the cluster's VNet or
// "vnet/subnet". An empty VNetSubnet means "to be allocated" by
// [Plan.Complete]; validation reports it as missing.
type AgentPool struct {
	sizing.Pool
	MinCount int `json:"minCount,omitzero"`
	// OrchestratorVersion is the pool's Kubernetes version, as AKS reports
	// it; empty means the cluster's.
	OrchestratorVersion string `json:"orchestratorVersion,omitzero"`
}

// AvoidRange is a set of prefixes the plan must stay clear of: a peered VNet,
// an on-premises network, another cluster.
type AvoidRange struct {
	Name     string         `json:"name"`
	Source   Source         `json:"source,omitzero"`
	Prefixes []netip.Prefix `json:"prefixes,omitzero"`
}
