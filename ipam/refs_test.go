package ipam_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
)

func TestRefs(t *testing.T) {
	vnets := []ipam.VNet{
		{Name: "a", Subnets: []ipam.Subnet{{Name: "nodes"}, {Name: "pods"}, {Name: "api"}}},
		{Name: "b", Subnets: []ipam.Subnet{{Name: "nodes"}, {Name: "only-b"}}},
	}
	pool := func(node, pod string) ipam.AgentPool {
		return ipam.AgentPool{Pool: sizing.Pool{Name: "p", VNetSubnet: node, PodSubnet: pod}}
	}
	tests := []struct {
		name    string
		cluster ipam.Cluster
		want    ipam.ClusterRefs
	}{
		{"in the cluster's VNet", ipam.Cluster{VNet: "a", AgentPoolProfiles: []ipam.AgentPool{pool("nodes", "pods")},
			APIServerAccessProfile: ipam.APIServerAccessProfile{Subnet: "api"}},
			ipam.ClusterRefs{VNet: 0, NodeSubnets: []ipam.SubnetRef{{0, 0}}, PodSubnets: []ipam.SubnetRef{{0, 1}},
				APIServerSubnet: ipam.SubnetRef{0, 2}}},
		{"vnet/subnet", ipam.Cluster{VNet: "a", AgentPoolProfiles: []ipam.AgentPool{pool("b/nodes", "")}},
			ipam.ClusterRefs{VNet: 0, NodeSubnets: []ipam.SubnetRef{{1, 0}}, PodSubnets: []ipam.SubnetRef{ipam.NoSubnet},
				APIServerSubnet: ipam.NoSubnet}},
		{"the one VNet with it", ipam.Cluster{AgentPoolProfiles: []ipam.AgentPool{pool("only-b", "")}},
			ipam.ClusterRefs{VNet: 1, NodeSubnets: []ipam.SubnetRef{{1, 1}}, PodSubnets: []ipam.SubnetRef{ipam.NoSubnet},
				APIServerSubnet: ipam.NoSubnet}},
		{"ambiguous", ipam.Cluster{AgentPoolProfiles: []ipam.AgentPool{pool("nodes", "")}},
			ipam.ClusterRefs{VNet: -1, NodeSubnets: []ipam.SubnetRef{ipam.NoSubnet}, PodSubnets: []ipam.SubnetRef{ipam.NoSubnet},
				APIServerSubnet: ipam.NoSubnet}},
		{"unknown", ipam.Cluster{VNet: "a", AgentPoolProfiles: []ipam.AgentPool{pool("only-b", "")}},
			ipam.ClusterRefs{VNet: 0, NodeSubnets: []ipam.SubnetRef{ipam.NoSubnet}, PodSubnets: []ipam.SubnetRef{ipam.NoSubnet},
				APIServerSubnet: ipam.NoSubnet}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &ipam.Plan{VNets: vnets, Clusters: []ipam.Cluster{tt.cluster}}
			if diff := cmp.Diff([]ipam.ClusterRefs{tt.want}, p.Refs()); diff != "" {
				t.Errorf("Refs (-want +got)\n%s", diff)
			}
		})
	}
	if (*ipam.Plan)(nil).Refs() != nil {
		t.Error("Refs of a nil plan is not nil")
	}
}
