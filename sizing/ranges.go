package sizing

// RangeKind is the kind of address range a demand falls on.
type RangeKind string

// The range kinds.
const (
	NodeSubnet RangeKind = "nodeSubnet" // a VNet subnet holding nodes (and, for Azure CNI classic, pods)
	PodSubnet  RangeKind = "podSubnet"  // a VNet subnet holding pods (Azure CNI pod subnet)
	PodCIDR    RangeKind = "podCIDR"    // the overlay or kubenet pod range, outside the VNet
)

// Title names the kind in prose, as messages and tables write it ("node
// subnet", "pod CIDR"); an unknown kind is its own string.
func (k RangeKind) Title() string {
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
func (k RangeKey) uses(p planned) (perNode Count, ok bool) {
	switch k.Kind {
	case NodeSubnet:
		if p.nodeSubnet() != k.Name {
			return Count{}, false
		}
	case PodSubnet:
		if p.PodSubnet != k.Name {
			return Count{}, false
		}
	}
	return p.spec.perNode(k.Kind, k.Family, p.maxPods)
}

// usesAllPods is uses with every node of p holding maxPods pods: the same
// per-node cost, except in a dynamic pod subnet, where a full node takes
// ModelSpec.PodSubnetAddrsAllPods.
func (k RangeKey) usesAllPods(p planned) (perNode Count, ok bool) {
	per, ok := k.uses(p)
	if ok && k.Kind == PodSubnet && p.spec.PodSubnet == DynamicIndividual {
		per = CountFromInt(p.spec.PodSubnetAddrsAllPods(p.maxPods))
	}
	return per, ok
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
