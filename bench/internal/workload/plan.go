package workload

import (
	"fmt"
	"net/netip"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
)

// End-to-end sizes: "validate an ipam plan with 100,000 subnets and 1,000
// clusters".
const (
	PlanSubnets  = 100_000
	PlanClusters = 1_000
	// PlanMaxClusters is the most clusters Plan makes: their spokes are
	// the /18s of 10.0.0.0/8.
	PlanMaxClusters = 1024
)

// Plan returns a hub-and-spoke ipam plan with the given numbers of subnets
// and clusters: one spoke VNet (a /18 of 10.0.0.0/8) per cluster holding
// its node subnet and /27 workload subnets, half the clusters on Azure CNI
// (node subnet /22, maxPods 30) and half on Azure CNI Overlay (node subnet
// /24, a /20 pod CIDR from 100.64.0.0/10); each cluster has its own /24
// service CIDR in 172.16.0.0/12. One subnet in a thousand repeats its
// neighbour's prefix, so validation has overlaps to report.
//
// A spoke holds up to 400 /27s. More subnets per spoke (10.0.0.0/8 holds
// no more /18s, nor a million /27s) are smaller: up to 960 /28s, else up to
// 1920 /29s with 2 private endpoints each (a /29 has 3 usable addresses).
// It returns an error wrapping ErrFull for more than PlanMaxClusters
// clusters or more than 1920 subnets per cluster.
func Plan(subnets, clusters int) (*ipam.Plan, error) {
	perVNet := (subnets + clusters - 1) / max(clusters, 1)
	if clusters < 1 || clusters > PlanMaxClusters || perVNet > 1920 {
		return nil, fmt.Errorf("%w: %d subnets in %d clusters", ErrFull, subnets, clusters)
	}
	subnetBits, endpoints := 27, 4
	switch {
	case perVNet > 960:
		subnetBits, endpoints = 29, 2
	case perVNet > 400:
		subnetBits = 28
	}
	p := &ipam.Plan{
		Name: fmt.Sprintf("generated-%d-subnets-%d-clusters", subnets, clusters),
		Avoid: []ipam.AvoidRange{
			{Name: "hub", Source: ipam.SourcePeering, Prefixes: []netip.Prefix{netip.MustParsePrefix("10.255.0.0/16")}},
			{Name: "datacenter", Source: ipam.SourceOnPremises, Prefixes: []netip.Prefix{netip.MustParsePrefix("192.168.0.0/16")}},
		},
	}
	made := 0
	for c := range clusters {
		vnetStart := uint64(10)<<24 + uint64(c)<<14
		overlay := c%2 == 1
		nodeBits := 22
		if overlay {
			nodeBits = 24
		}
		vnet := ipam.VNet{
			Name:         fmt.Sprintf("spoke-%04d", c),
			AddressSpace: []netip.Prefix{v4(vnetStart, 18)},
			Subnets:      []ipam.Subnet{{Name: "aks-nodes", AddressPrefixes: []netip.Prefix{v4(vnetStart, nodeBits)}}},
		}
		made++
		next := vnetStart + 1<<(32-nodeBits)
		for s := 1; s < perVNet && made < subnets; s++ {
			prefix := v4(next, subnetBits)
			if made%1000 == 999 { // an injected overlap: the previous subnet's prefix again
				prefix = vnet.Subnets[len(vnet.Subnets)-1].AddressPrefixes[0]
			} else {
				next += 1 << (32 - subnetBits)
			}
			vnet.Subnets = append(vnet.Subnets, ipam.Subnet{
				Name:            fmt.Sprintf("snet-%03d", s),
				AddressPrefixes: []netip.Prefix{prefix},
				Purpose:         ipam.PurposeOther,
				Consumers:       ipam.Consumers{PrivateEndpoints: endpoints},
			})
			made++
		}
		p.VNets = append(p.VNets, vnet)

		svc := uint64(172)<<24 | uint64(16)<<16 + uint64(c)<<8
		np := ipam.NetworkProfile{
			NetworkPlugin: ipam.PluginAzure,
			NetworkPolicy: ipam.NetworkPolicy("azure"),
			ServiceCIDR:   v4(svc, 24),
			DNSServiceIP:  v4(svc+10, 32).Addr(),
		}
		maxPods := 30
		if overlay {
			np.NetworkPluginMode = ipam.PluginModeOverlay
			np.PodCIDR = v4(uint64(100)<<24|uint64(64)<<16+uint64(c)<<12, 20)
			maxPods = 0
		}
		p.Clusters = append(p.Clusters, ipam.Cluster{
			Name:              fmt.Sprintf("aks-%04d", c),
			VNet:              vnet.Name,
			KubernetesVersion: "1.31",
			NetworkProfile:    np,
			AgentPoolProfiles: []ipam.AgentPool{
				{Pool: sizing.Pool{Name: "system", Mode: sizing.ModeSystem, Count: 3, MaxPods: maxPods, VNetSubnet: "aks-nodes"}},
				{Pool: sizing.Pool{Name: "apps", Mode: sizing.ModeUser, EnableAutoScaling: true, MaxCount: 10, MaxPods: maxPods, VNetSubnet: "aks-nodes"}, MinCount: 1},
			},
		})
	}
	return p, nil
}
