package sizing

import "github.com/cidrplan/cidrplan/internal/u128"

// RangeKind is the kind of address range a demand falls on.
type RangeKind string

// The range kinds.
const (
	NodeSubnet RangeKind = "nodeSubnet" // a VNet subnet holding nodes (and, for Azure CNI classic, pods)
	PodSubnet  RangeKind = "podSubnet"  // a VNet subnet holding pods (Azure CNI pod subnet)
	PodCIDR    RangeKind = "podCIDR"    // the overlay or kubenet pod range, outside the VNet
)

// words names the kind in prose, for messages ("node subnet").
func (k RangeKind) words() string {
	switch k {
	case NodeSubnet:
		return "node subnet"
	case PodSubnet:
		return "pod subnet"
	case PodCIDR:
		return "pod CIDR"
	}
	return string(k)
}

// RangeKey names one range of a Demand: subnets by the name pools give
// them, pod CIDRs by PodCIDRName and their family.
type RangeKey struct {
	Kind   RangeKind `json:"kind" yaml:"kind"`
	Name   string    `json:"name" yaml:"name"`
	Family IPFamily  `json:"family" yaml:"family"`
}

// uses reports whether pool p takes addresses from range k, and what one
// node of p costs there in addresses.
func (k RangeKey) uses(p planned) (perNode u128.Uint128, ok bool) {
	switch k.Kind {
	case NodeSubnet:
		if k.Family != IPv4 || p.nodeSubnet() != k.Name {
			return u128.Uint128{}, false
		}
		if p.model == ModelNodeSubnet {
			return u128.FromInt(p.maxPods + 1), true
		}
		return u128.From64(1), true
	case PodSubnet:
		if k.Family != IPv4 || p.PodSubnet != k.Name {
			return u128.Uint128{}, false
		}
		switch p.model {
		case ModelPodSubnetDynamic:
			return u128.From64(DynamicBatch), true
		case ModelPodSubnetStatic:
			return u128.FromInt(StaticBlocks(p.maxPods) * blockSize), true
		}
	case PodCIDR:
		if p.model != ModelOverlay && p.model != ModelKubenet {
			return u128.Uint128{}, false
		}
		switch k.Family {
		case IPv4:
			return u128.Pow2(32 - NodeBlockBitsV4), true
		case IPv6:
			return u128.Pow2(128 - NodeBlockBitsV6), true
		}
	}
	return u128.Uint128{}, false
}

// blockSize is the addresses of one static block (/28).
const blockSize = 1 << (32 - StaticBlockBits)

// StaticBlocks returns the /28 blocks a node with maxPods takes under
// static block allocation: ceil((maxPods + 1) / 16), one address per node
// being reserved. maxPods below 0 counts as 0.
func StaticBlocks(maxPods int) int {
	if maxPods < 0 {
		maxPods = 0
	}
	return (maxPods + 1 + blockSize - 1) / blockSize
}
