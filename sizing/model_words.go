package sizing

import "fmt"

// PerNodeWords says in words how the model arrives at the addresses one
// node with maxPods takes from a range of kind k and family f — the
// formula behind the per-node term of every demand, for front ends that
// show their arithmetic: "30 pods (maxPods) + 1 for the node", "1 for the
// node", "ceil((30 pods + 1) / 16) = 2 /28 blocks of 16", "one batch of 16
// pod IPs", "one /24", "one /80 = 2^48". It is "" when the model uses no
// such range. The count itself is the demand's PerNode.
func (s ModelSpec) PerNodeWords(k RangeKind, f IPFamily, maxPods int) string {
	if _, ok := s.perNode(k, f, maxPods); !ok {
		return ""
	}
	switch {
	case k == NodeSubnet && s.PodsInNodeSubnet:
		return fmt.Sprintf("%d pods (maxPods) + 1 for the node", maxPods)
	case k == NodeSubnet:
		return "1 for the node"
	case k == PodSubnet && s.PodSubnet == StaticBlock:
		return fmt.Sprintf("ceil((%d pods + 1) / %d) = %d /%d blocks of %d", maxPods, s.PodSubnetUnit,
			StaticBlocks(maxPods), StaticBlockBits, s.PodSubnetUnit)
	case k == PodSubnet:
		return fmt.Sprintf("one batch of %d pod IPs", s.PodSubnetUnit)
	}
	bits := s.PodCIDRBlockBits(f)
	if f == IPv6 {
		return fmt.Sprintf("one /%d = 2^%d", bits, shape{kind: k, family: f}.addrBits()-bits)
	}
	return fmt.Sprintf("one /%d", bits)
}
