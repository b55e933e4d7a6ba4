package sizing

// Model is the address arithmetic a pool follows, derived from the
// network profile and the pool's pod subnet (see Network.Model). Its string
// values are stable and usable as JSON/YAML map keys (Defaults.MaxPods).
// What each model means is its ModelSpec (Model.Spec).
type Model string

// The network models, in the order Models lists them.
const (
	ModelNodeSubnet       Model = "nodeSubnet"       // Azure CNI, pods in the node subnet ("classic")
	ModelPodSubnetDynamic Model = "podSubnetDynamic" // Azure CNI pod subnet, dynamic allocation
	ModelPodSubnetStatic  Model = "podSubnetStatic"  // Azure CNI pod subnet, static block allocation
	ModelOverlay          Model = "overlay"          // Azure CNI Overlay
	ModelKubenet          Model = "kubenet"
	ModelNone             Model = "none" // bring your own CNI
)

// ModelSpec describes one network model: its name for people, which
// ranges its pools use and what one node costs in each, its node limits,
// its default maxPods, whether it allows Windows pools and dual-stack, and
// how its pod CIDR may be shared or grown. It is the one
// place these facts are written: Demand, Fit and Validate read it, and so
// do front ends that explain a result. Formulas that depend on maxPods are
// methods. A ModelSpec is a plain value; the zero ModelSpec describes no
// model (see Model.IsValid).
type ModelSpec struct {
	Model Model
	// Label names the model in words, e.g. "Azure CNI Overlay, pods in the
	// pod CIDR".
	Label string
	// Plugin and PluginMode select the model in a network profile (see
	// Network.Model); the pod subnet models also need a pool that names a
	// pod subnet, in the allocation mode PodSubnet.
	Plugin     NetworkPlugin
	PluginMode NetworkPluginMode
	// PodsInNodeSubnet reports whether pods take their addresses from the
	// node subnet: a node then costs maxPods + 1 addresses there, else 1
	// (see NodeSubnetAddrs).
	PodsInNodeSubnet bool
	// PodSubnet is the allocation mode of the pod subnet the model's pools
	// take pod addresses from; empty when they use none.
	PodSubnet PodIPAllocationMode
	// PodSubnetUnit is the addresses a node takes from the pod subnet at a
	// time: a batch of DynamicBatch (dynamic) or one /StaticBlockBits block
	// (static); 0 without a pod subnet (see PodSubnetAddrs).
	PodSubnetUnit int
	// PodCIDRBitsV4 and PodCIDRBitsV6 are the prefix lengths of the block
	// of the pod CIDR each node takes, per family (NodeBlockBitsV4,
	// NodeBlockBitsV6); 0 when the model takes no pod CIDR of that family.
	PodCIDRBitsV4 int
	PodCIDRBitsV6 int
	// PodCIDRReusable reports whether independent clusters of the model
	// may use the same pod CIDR (overlay: the VNet never routes pod
	// addresses); PodCIDRExpandable whether a running cluster's pod CIDR may
	// grow to a superset (see CheckPodCIDRExpansion).
	PodCIDRReusable   bool
	PodCIDRExpandable bool
	// PodCIDR reports whether the cluster has a pod CIDR under the model:
	// overlay and kubenet carve a block per node from it (PodCIDRBitsV4),
	// and a bring-your-own CNI cluster's control plane uses it. Such a pod
	// CIDR is checked like any other (reserved ranges, overlaps).
	// PodCIDRRequired reports whether a plan must state it because AKS
	// fills no default: "You must specify a Pod CIDR" for bring your own
	// CNI (articles/aks/use-byo-cni.md).
	PodCIDR         bool
	PodCIDRRequired bool
	// DualStack reports whether the model allows ipFamilies IPv4,IPv6;
	// DualStackDispute says why sources disagree on it [D], "" when they
	// do not.
	DualStack        bool
	DualStackDispute string
	// MaxNodes is the cluster's node limit under the model, counted at
	// steady state (counted nodes plus scale-out): MaxClusterNodes, or
	// MaxKubenetNodes for kubenet, or DefaultOverlayMaxNodes for overlay.
	// When MaxNodesDisputed is set the limit is a disputed default [D] that
	// Defaults.OverlayMaxNodes overrides; Defaults.NodeLimit resolves it.
	MaxNodes         int
	MaxNodesDisputed bool
	// MaxNodesScope says whom MaxNodes binds, in words that follow "at
	// most N nodes": "per cluster", "with kubenet".
	MaxNodesScope string
	// NodeRoutes reports whether each node takes a route per IP family in
	// the cluster's route table (kubenet), which is what sets MaxNodes: the
	// surge nodes of an upgrade need routes too (see RoutesPerNode). A
	// subnet has one route table, so such a cluster cannot share its node
	// subnet with another cluster.
	NodeRoutes bool
	// MaxPoolNodes is a pool's node limit, upgrade surge included.
	MaxPoolNodes int
	// DefaultMaxPods is the maxPods of a pool that leaves it unset;
	// Defaults.MaxPods overrides it and Defaults.EffectiveMaxPods resolves
	// it. MaxPodsDispute says why sources disagree on it [D], "" when they
	// do not.
	DefaultMaxPods int
	MaxPodsDispute string
	// Windows reports whether the model allows Windows pools (the Cilium
	// dataplane and the first pool refuse them whatever the model).
	Windows bool
	// Retires is the date (YYYY-MM-DD) Azure retires the model; empty when
	// no retirement is announced.
	Retires string
}

// modelOrder lists the models in the order Models returns them.
func modelOrder() []Model {
	return []Model{ModelNodeSubnet, ModelPodSubnetDynamic, ModelPodSubnetStatic, ModelOverlay, ModelKubenet, ModelNone}
}

// Models returns the spec of every model, in the order of the Model
// constants. The slice is new on every call.
func Models() []ModelSpec {
	ms := modelOrder()
	specs := make([]ModelSpec, len(ms))
	for i, m := range ms {
		specs[i] = m.Spec()
	}
	return specs
}

// IsValid reports whether m is one of the Model constants.
func (m Model) IsValid() bool { return m.Spec().Model != "" }

// Spec returns the description of model m; an unknown model gives the
// zero ModelSpec.
func (m Model) Spec() ModelSpec {
	// Facts common to every model.
	s := ModelSpec{Model: m, Plugin: PluginAzure, MaxNodes: MaxClusterNodes, MaxNodesScope: "per cluster",
		MaxPoolNodes: MaxPoolNodes, Windows: true}
	switch m {
	case ModelNodeSubnet:
		s.Label = "Azure CNI, pods in the node subnet (classic)"
		s.PodsInNodeSubnet = true
		s.DefaultMaxPods, s.MaxPodsDispute = 30, "CLI/ARM; the portal uses 110"
	case ModelPodSubnetDynamic:
		s.Label = "Azure CNI, pods in a pod subnet (dynamic allocation)"
		s.PodSubnet, s.PodSubnetUnit = DynamicIndividual, DynamicBatch
		s.DefaultMaxPods, s.MaxPodsDispute = 250, "docs also say 110"
	case ModelPodSubnetStatic:
		s.Label = "Azure CNI, pods in a pod subnet (static block allocation)"
		s.PodSubnet, s.PodSubnetUnit = StaticBlock, blockSize
		s.DualStack, s.DualStackDispute = true, "release notes 2026-06-19 create it; configure-dual-stack.md still asks for overlay"
		s.DefaultMaxPods, s.MaxPodsDispute = 250, "docs also say 110"
	case ModelOverlay:
		s.Label = "Azure CNI Overlay, pods in the pod CIDR"
		s.PluginMode = PluginModeOverlay
		s.PodCIDR, s.PodCIDRBitsV4, s.PodCIDRBitsV6, s.DualStack = true, NodeBlockBitsV4, NodeBlockBitsV6, true
		s.PodCIDRReusable, s.PodCIDRExpandable = true, true
		s.MaxNodes, s.MaxNodesDisputed, s.MaxNodesScope = DefaultOverlayMaxNodes, true, "with Azure CNI Overlay [D]"
		s.DefaultMaxPods, s.MaxPodsDispute = 250, "30 before 2023-09"
	case ModelKubenet:
		s.Label = "kubenet, pods in the pod CIDR"
		s.Plugin = PluginKubenet
		s.PodCIDR, s.PodCIDRBitsV4, s.DualStack = true, NodeBlockBitsV4, true
		s.MaxNodes, s.MaxNodesScope, s.NodeRoutes = MaxKubenetNodes, "with kubenet", true
		s.DefaultMaxPods = 110
		s.Windows = false
		s.Retires = "2028-03-31"
	case ModelNone:
		s.Label = "bring your own CNI, node addresses only"
		s.Plugin = PluginNone
		s.PodCIDR, s.PodCIDRRequired = true, true
		s.DefaultMaxPods = 250
	default:
		return ModelSpec{}
	}
	return s
}

// Model returns the arithmetic pool p follows under n. Cilium changes
// nothing: the IPAM mode underneath decides. It does not validate n or p;
// an unknown plugin gives "".
func (n Network) Model(p Pool) Model {
	switch n.Plugin {
	case PluginKubenet:
		return ModelKubenet
	case PluginNone:
		return ModelNone
	case PluginAzure:
		switch {
		case n.PluginMode == PluginModeOverlay:
			return ModelOverlay
		case p.PodSubnet == "":
			return ModelNodeSubnet
		case p.PodIPAllocationMode == StaticBlock:
			return ModelPodSubnetStatic
		default:
			return ModelPodSubnetDynamic
		}
	}
	return ""
}

// Uses reports whether pools of the model take addresses from ranges of
// kind k. Every model uses a node subnet.
func (s ModelSpec) Uses(k RangeKind) bool {
	switch k {
	case NodeSubnet:
		return s.Model != ""
	case PodSubnet:
		return s.PodSubnet != ""
	case PodCIDR:
		return s.PodCIDRBitsV4 != 0
	}
	return false
}

// NodeSubnetAddrs returns the node-subnet addresses one node with maxPods
// takes: maxPods + 1 when pods live in the node subnet, else 1.
func (s ModelSpec) NodeSubnetAddrs(maxPods int) int {
	if s.PodsInNodeSubnet {
		return maxPods + 1
	}
	return 1
}

// PodSubnetAddrs returns the pod-subnet addresses one node with maxPods
// takes: one batch of 16 under dynamic allocation (the documented minimum
// a node holds [C]), StaticBlocks(maxPods) /28 blocks of 16 under static
// block allocation, 0 without a pod subnet.
func (s ModelSpec) PodSubnetAddrs(maxPods int) int {
	switch s.PodSubnet {
	case DynamicIndividual:
		return s.PodSubnetUnit
	case StaticBlock:
		return StaticBlocks(maxPods) * s.PodSubnetUnit
	}
	return 0
}

// PodSubnetAddrsAllPods returns the pod-subnet addresses one node takes
// when it runs maxPods pods: under dynamic allocation whole batches,
// ceil(maxPods / 16) × 16 (articles/aks/configure-azure-cni-dynamic-ip-allocation.md:
// IPs are allocated to nodes in batches of 16); otherwise PodSubnetAddrs,
// which already reserves every pod's address.
func (s ModelSpec) PodSubnetAddrsAllPods(maxPods int) int {
	if s.PodSubnet == DynamicIndividual {
		return (max(maxPods, 0) + DynamicBatch - 1) / DynamicBatch * DynamicBatch
	}
	return s.PodSubnetAddrs(maxPods)
}

// RoutesPerNode returns the routes one node takes in the cluster's route
// table when NodeRoutes: one per IP family, so 1, or 2 for a dual-stack node
// (articles/aks/configure-kubenet-dual-stack.md: "Each node in a dual-stack
// cluster requires two routes"); 0 for a model without a route table.
func (s ModelSpec) RoutesPerNode(dualStack bool) int {
	switch {
	case !s.NodeRoutes:
		return 0
	case dualStack:
		return 2
	}
	return 1
}

// PodCIDRBlockBits returns the prefix length of the block of the pod CIDR
// of family f one node takes; 0 when the model takes none.
func (s ModelSpec) PodCIDRBlockBits(f IPFamily) int {
	switch f {
	case IPv4:
		return s.PodCIDRBitsV4
	case IPv6:
		return s.PodCIDRBitsV6
	}
	return 0
}

// perNode returns the addresses one node with maxPods takes from a range
// of kind k and family f, and whether the model uses such a range.
func (s ModelSpec) perNode(k RangeKind, f IPFamily, maxPods int) (Count, bool) {
	switch {
	case !s.Uses(k):
		return Count{}, false
	case k == PodCIDR:
		bits := s.PodCIDRBlockBits(f)
		if bits == 0 {
			return Count{}, false
		}
		return countPow2(shape{kind: k, family: f}.addrBits() - bits), true
	case f != IPv4: // subnets are sized by their IPv4 prefix
		return Count{}, false
	case k == NodeSubnet:
		return CountFromInt(s.NodeSubnetAddrs(maxPods)), true
	}
	return CountFromInt(s.PodSubnetAddrs(maxPods)), true
}
