package sizing

import (
	"fmt"
	"math/rand/v2"
)

// randomCluster returns a random cluster, valid or not, small enough that
// most of its ranges fit in a /16.
func randomCluster(r *rand.Rand) Cluster {
	networks := []Network{
		{Plugin: PluginAzure},
		{Plugin: PluginAzure, Dataplane: DataplaneCilium},
		{Plugin: PluginAzure, PluginMode: PluginModeOverlay},
		{Plugin: PluginAzure, PluginMode: PluginModeOverlay, IPFamilies: []IPFamily{IPv4, IPv6}},
		{Plugin: PluginKubenet},
		{Plugin: PluginNone},
	}
	c := Cluster{Network: networks[r.IntN(len(networks))], PrivateCluster: r.IntN(3) == 0}
	usesPodSubnet := c.Network.Plugin == PluginAzure && c.Network.PluginMode == "" && r.IntN(2) == 0
	static := r.IntN(2) == 0
	for i := range 1 + r.IntN(4) {
		p := Pool{Name: fmt.Sprintf("np%d", i), Count: r.IntN(40)}
		if i == 0 && p.Count == 0 {
			p.Count = 1
		}
		if i > 0 && r.IntN(4) == 0 {
			p.OSType = Windows
		}
		if r.IntN(3) == 0 {
			p.EnableAutoScaling, p.MaxCount = true, p.Count+r.IntN(20)
		}
		if r.IntN(3) > 0 {
			p.MaxPods = MinMaxPods + r.IntN(MaxMaxPods-MinMaxPods+1)
		}
		switch r.IntN(4) {
		case 0:
			p.MaxSurge = MustParseSurge(fmt.Sprint(r.IntN(5)))
		case 1:
			p.MaxSurge = MustParseSurge(fmt.Sprint(r.IntN(101), "%"))
		}
		if r.IntN(4) == 0 {
			p.MaxUnavailable, p.Mode = MustParseSurge(fmt.Sprint(1+r.IntN(3))), ModeUser
		}
		if r.IntN(3) == 0 {
			p.ScaleOut = r.IntN(10)
		}
		if r.IntN(2) == 0 {
			p.VNetSubnet = fmt.Sprint("nodes", r.IntN(2))
		}
		if usesPodSubnet {
			p.PodSubnet = fmt.Sprint("pods", r.IntN(2))
			if static {
				p.PodIPAllocationMode = StaticBlock
			}
		}
		c.Pools = append(c.Pools, p)
	}
	if r.IntN(3) == 0 {
		c.Consumers = map[string]Consumers{c.Pools[0].nodeSubnet(): {ILBFrontEnds: r.IntN(5), PrivateEndpoints: r.IntN(5)}}
	}
	if r.IntN(4) == 0 {
		c.Defaults.Upgrade = UpgradeSimultaneous
	}
	return c
}

// randomValidClusters returns n valid random clusters.
func randomValidClusters(r *rand.Rand, n int) []Cluster {
	var cs []Cluster
	for len(cs) < n {
		if c := randomCluster(r); c.Validate() == nil {
			cs = append(cs, c)
		}
	}
	return cs
}
