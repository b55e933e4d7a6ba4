package sizing

// AKS limits [V], each in docs/aks-rules.md#max-pods, docs/aks-rules.md#nodes-and-surge
// or docs/aks-rules.md#address-demand-per-model. The overlay limit is
// disputed and lives in Defaults.OverlayMaxNodes.
const (
	MinMaxPods         = 10   // smallest maxPods per node
	MaxMaxPods         = 250  // largest maxPods per node
	MinPoolPods        = 30   // maxPods × nodes must reach this in every pool
	MaxPoolNodes       = 1000 // nodes per pool including upgrade surge (scale-set cap)
	MaxClusterNodes    = 5000 // nodes per cluster
	MaxPools           = 100  // node pools per cluster
	MaxKubenetNodes    = 400  // kubenet nodes (UDR route table limit)
	MaxRoutes          = 400  // routes in a route table (kubenet: one per node and family)
	MaxNPMNodes        = 250  // nodes Azure Network Policy Manager supports
	ReservedPerSubnet  = 5    // Azure reserves 5 addresses in every subnet
	MinSubnetBits      = 29   // an Azure IPv4 subnet is at least a /29
	MaxSubnetBits      = 2    // an Azure IPv4 subnet is at most a /2 [D] (a 2019 FAQ said /8)
	IPv6SubnetBits     = 64   // an Azure IPv6 subnet is exactly a /64
	MaxStaticPodSubnet = 12   // a static-block pod subnet is at most a /12
	StaticBlockBits    = 28   // static block allocation hands out /28 blocks
	DynamicBatch       = 16   // dynamic allocation hands out pod IPs in batches of 16
	NodeBlockBitsV4    = 24   // overlay and kubenet: one /24 of the pod CIDR per node
	NodeBlockBitsV6    = 80   // dual-stack overlay: one /80 of the IPv6 pod CIDR per node
)

// DefaultNodeSubnet names the node subnet of a pool that names none; it is
// the subnet AKS creates in a managed VNet.
const DefaultNodeSubnet = "aks-subnet"

// PodCIDRName names the pod CIDR ranges in a Demand (one per family).
const PodCIDRName = "podCIDR"
