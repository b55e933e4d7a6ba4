package emittest

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/cidrplan/cidrplan/ipam"
)

// Deployed is what an emitted form deploys, in the terms every form
// shares. Subnet references are "vnet/subnet".
type Deployed struct {
	VNets    []VNet
	Clusters []Cluster
}

// VNet is a deployed virtual network.
type VNet struct {
	Name         string
	AddressSpace []string
	Subnets      []Subnet
}

// Subnet is a deployed subnet.
type Subnet struct {
	Name       string
	Prefixes   []string
	Delegation string
}

// Cluster is a deployed managed cluster.
type Cluster struct {
	Name              string
	KubernetesVersion string
	Private           bool
	VNetIntegration   bool
	APIServerSubnet   string
	Plugin            string
	PluginMode        string
	Policy            string
	Dataplane         string
	PodCIDRs          []string
	ServiceCIDRs      []string
	DNSServiceIP      string
	IPFamilies        []string
	// Pools are sorted by name; Default names the default node pool.
	Pools   []Pool
	Default string
}

// Pool is a deployed node pool.
type Pool struct {
	Name                string
	Mode                string
	OSType              string
	Count               int
	AutoScaling         bool
	MinCount, MaxCount  int
	MaxPods             int
	NodeSubnet          string
	PodSubnet           string
	PodIPAllocationMode string
	MaxSurge            string
	MaxUnavailable      string
}

// SortPools orders the pools of every cluster by name, as Expected does.
func (d *Deployed) SortPools() {
	for i := range d.Clusters {
		slices.SortFunc(d.Clusters[i].Pools, func(a, b Pool) int { return cmp.Compare(a.Name, b.Name) })
	}
}

// Expected returns what every form must deploy for p: the values of
// p.WithDefaults(), references resolved as ipam resolves them; a VNet the
// plan assumes (the one AKS creates) is not deployed, and no pool names a
// subnet of it. An
// autoscaled pool without a count starts at its minCount; a maxUnavailable
// of 0 is AKS's default and may be left out.
func Expected(p *ipam.Plan) Deployed {
	q := p.WithDefaults()
	refs := q.Refs()
	ref := func(r ipam.SubnetRef) string {
		if !r.IsValid() || q.VNets[r.VNet].Assumed {
			return "" // none, or in a VNet AKS creates: no form names it
		}
		vn := &q.VNets[r.VNet]
		return vn.Name + "/" + vn.Subnets[r.Subnet].Name
	}
	var d Deployed
	for _, vn := range q.VNets {
		if vn.Assumed {
			continue // AKS creates it
		}
		v := VNet{Name: vn.Name, AddressSpace: strs(vn.AddressSpace)}
		for _, s := range vn.Subnets {
			v.Subnets = append(v.Subnets, Subnet{Name: s.Name, Prefixes: strs(s.AddressPrefixes), Delegation: s.Delegation})
		}
		d.VNets = append(d.VNets, v)
	}
	for i, c := range q.Clusters {
		np := &c.NetworkProfile
		dc := Cluster{
			Name: c.Name, KubernetesVersion: c.KubernetesVersion,
			Private:         c.APIServerAccessProfile.EnablePrivateCluster,
			VNetIntegration: c.APIServerAccessProfile.EnableVNetIntegration,
			APIServerSubnet: ref(refs[i].APIServerSubnet),
			Plugin:          string(np.NetworkPlugin), PluginMode: string(np.NetworkPluginMode),
			Policy: string(np.NetworkPolicy), Dataplane: string(np.NetworkDataplane),
			PodCIDRs: strs(np.PodPrefixes()), ServiceCIDRs: strs(np.ServicePrefixes()),
			IPFamilies: families(np.IPFamilies),
		}
		if !np.UsesPodCIDR() {
			dc.PodCIDRs = nil // a range AKS ignores is not deployed
		}
		if np.DNSServiceIP.IsValid() {
			dc.DNSServiceIP = np.DNSServiceIP.String()
		}
		for j, ap := range c.AgentPoolProfiles {
			if dc.Default == "" && ap.Mode == "System" {
				dc.Default = ap.Name
			}
			count := ap.Count
			if ap.EnableAutoScaling && count == 0 {
				count = ap.MinCount
			}
			pool := Pool{
				Name: ap.Name, Mode: string(ap.Mode), OSType: string(ap.OSType), Count: count,
				AutoScaling: ap.EnableAutoScaling, MaxPods: ap.MaxPods,
				NodeSubnet: ref(refs[i].NodeSubnets[j]), PodSubnet: ref(refs[i].PodSubnets[j]),
				MaxSurge: ap.MaxSurge.String(), MaxUnavailable: ap.MaxUnavailable.String(),
			}
			if ap.MaxUnavailable.IsZero() {
				// A System pool takes none (WithDefaults leaves it out):
				// what runs is AKS's 0, as the readers say.
				pool.MaxUnavailable = "0"
			}
			if ap.EnableAutoScaling {
				pool.MinCount, pool.MaxCount = ap.MinCount, ap.MaxCount
			}
			if pool.PodSubnet != "" {
				pool.PodIPAllocationMode = string(ap.PodIPAllocationMode)
			}
			dc.Pools = append(dc.Pools, pool)
		}
		d.Clusters = append(d.Clusters, dc)
	}
	d.SortPools()
	return d
}

func strs[T fmt.Stringer](vs []T) []string {
	if len(vs) == 0 {
		return nil
	}
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.String()
	}
	return out
}

func families(fs []ipam.IPFamily) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = string(f)
	}
	return out
}
