package ipam

// SubnetRef locates a subnet of a plan by position:
// Plan.VNets[VNet].Subnets[Subnet]. The zero SubnetRef points at the first
// subnet of the first VNet; a reference that points nowhere is [NoSubnet].
type SubnetRef struct{ VNet, Subnet int }

// NoSubnet is the SubnetRef of an absent or unresolved reference.
var NoSubnet = SubnetRef{VNet: -1, Subnet: -1}

// IsValid reports whether r points at a subnet (it is not [NoSubnet]).
func (r SubnetRef) IsValid() bool { return r.VNet >= 0 && r.Subnet >= 0 }

// ClusterRefs says where the references of one cluster point, as
// [Plan.Validate] resolves them: a subnet reference is "vnet/subnet", or
// "subnet" in the cluster's VNet, or (when the cluster names no VNet)
// "subnet" in the one VNet that holds it.
type ClusterRefs struct {
	// VNet is the position of the cluster's VNet in Plan.VNets: the VNet
	// it names, else the VNet of its first resolved node subnet; -1 when
	// neither resolves.
	VNet int
	// NodeSubnets and PodSubnets hold, per pool in the order of
	// AgentPoolProfiles, where its vnetSubnet and podSubnet point;
	// [NoSubnet] when the pool names none or the name does not resolve.
	NodeSubnets, PodSubnets []SubnetRef
	// APIServerSubnet is where apiServerAccessProfile.subnet points, or
	// [NoSubnet].
	APIServerSubnet SubnetRef
}

// Refs returns, per cluster of p in order, where its references point. It
// decides nothing that Validate does not: a reference Validate reports as
// unknown or ambiguous is [NoSubnet] here. A nil p gives nil. Refs runs in
// time linear in the size of the plan.
func (p *Plan) Refs() []ClusterRefs {
	if p == nil {
		return nil
	}
	v := newValidation(p)
	at := func(sv *subnetView) SubnetRef {
		if sv == nil {
			return NoSubnet
		}
		return SubnetRef{VNet: sv.vnet.index, Subnet: int(sv.index)}
	}
	out := make([]ClusterRefs, len(v.clusters))
	for i, cv := range v.clusters {
		r := ClusterRefs{VNet: -1, APIServerSubnet: at(cv.apiServerSubnet)}
		if cv.vnet != nil {
			r.VNet = cv.vnet.index
		}
		for _, pv := range cv.pools {
			r.NodeSubnets = append(r.NodeSubnets, at(pv.nodeSubnet))
			r.PodSubnets = append(r.PodSubnets, at(pv.podSubnet))
		}
		out[i] = r
	}
	return out
}
