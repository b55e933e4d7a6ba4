// Package resource builds the bodies of the Azure resources the Bicep and
// ARM forms write — virtual networks and managed clusters, with the Azure
// API's property names — leaving references to the form.
package resource

import (
	"net/netip"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/emit/internal/tree"
	"github.com/cidrplan/cidrplan/ipam"
)

// Refs writes the references of a form: the VM size input and the ID of a
// subnet of the same deployment.
type Refs interface {
	VMSize() tree.Expr
	SubnetID(r ipam.SubnetRef) tree.Expr
}

// VNetProperties returns the properties of a virtual network with its
// subnets inline, so that redeploying the VNet keeps them.
func VNetProperties(vn *ipam.VNet) tree.Object {
	var subnets tree.Array
	for i := range vn.Subnets {
		s := &vn.Subnets[i]
		var props tree.Object
		props.Set("addressPrefixes", prefixes(s.AddressPrefixes))
		if d, ok := emit.DelegationOf(s.Delegation); ok {
			dp := tree.Object{{Key: "serviceName", Value: tree.String(d.Service)}}
			if d.Actions != nil {
				dp.Set("actions", tree.Strings(d.Actions))
			}
			props.Set("delegations", tree.Array{tree.Object{
				{Key: "name", Value: tree.String(d.Name)},
				{Key: "properties", Value: dp},
			}})
		}
		subnets = append(subnets, tree.Object{
			{Key: "name", Value: tree.String(s.Name)},
			{Key: "properties", Value: props},
		})
	}
	return tree.Object{
		{Key: "addressSpace", Value: tree.Object{{Key: "addressPrefixes", Value: prefixes(vn.AddressSpace)}}},
		{Key: "subnets", Value: subnets},
	}
}

// Identity is the managed identity every cluster gets.
func Identity() tree.Object {
	return tree.Object{{Key: "type", Value: tree.String("SystemAssigned")}}
}

// ClusterProperties returns the properties of cluster i of d: its pools,
// its network profile and its API server access profile.
func ClusterProperties(d *emit.Deployment, i int, refs Refs) tree.Object {
	c := &d.Plan.Clusters[i]
	dc := &d.Clusters[i]
	var props tree.Object
	props.Set("dnsPrefix", tree.String(c.Name))
	if c.KubernetesVersion != "" {
		props.Set("kubernetesVersion", tree.String(c.KubernetesVersion))
	}
	var pools tree.Array
	for j := range c.AgentPoolProfiles {
		pools = append(pools, pool(&c.AgentPoolProfiles[j], dc.NodeSubnets[j], dc.PodSubnets[j], refs))
	}
	props.Set("agentPoolProfiles", pools)
	props.Set("networkProfile", networkProfile(&c.NetworkProfile))
	ap := c.APIServerAccessProfile
	var access tree.Object
	if ap.EnablePrivateCluster {
		access.Set("enablePrivateCluster", tree.Bool(true))
	}
	if ap.EnableVNetIntegration {
		access.Set("enableVnetIntegration", tree.Bool(true))
	}
	if dc.APIServerSubnet.IsValid() {
		access.Set("subnetId", refs.SubnetID(dc.APIServerSubnet))
	}
	if len(access) > 0 {
		props.Set("apiServerAccessProfile", access)
	}
	return props
}

func pool(ap *ipam.AgentPool, node, pod ipam.SubnetRef, refs Refs) tree.Object {
	var o tree.Object
	o.Set("name", tree.String(ap.Name))
	o.Set("mode", tree.String(ap.Mode))
	o.Set("osType", tree.String(ap.OSType))
	o.Set("vmSize", refs.VMSize())
	o.Set("count", tree.Int(emit.InitialCount(ap)))
	if ap.EnableAutoScaling {
		o.Set("enableAutoScaling", tree.Bool(true))
		o.Set("minCount", tree.Int(ap.MinCount))
		o.Set("maxCount", tree.Int(ap.MaxCount))
	}
	o.Set("maxPods", tree.Int(ap.MaxPods))
	if node.IsValid() {
		o.Set("vnetSubnetID", refs.SubnetID(node))
	}
	if pod.IsValid() {
		o.Set("podSubnetID", refs.SubnetID(pod))
		if ap.PodIPAllocationMode != "" {
			o.Set("podIPAllocationMode", tree.String(ap.PodIPAllocationMode))
		}
	}
	var upgrade tree.Object
	if !ap.MaxSurge.IsZero() {
		upgrade.Set("maxSurge", tree.String(ap.MaxSurge.String()))
	}
	if ap.MaxUnavailable.Value() > 0 {
		upgrade.Set("maxUnavailable", tree.String(ap.MaxUnavailable.String()))
	}
	if len(upgrade) > 0 {
		o.Set("upgradeSettings", upgrade)
	}
	return o
}

// networkProfile returns every field of np that is set.
func networkProfile(np *ipam.NetworkProfile) tree.Object {
	var o tree.Object
	set := func(key, v string) {
		if v != "" {
			o.Set(key, tree.String(v))
		}
	}
	set("networkPlugin", string(np.NetworkPlugin))
	set("networkPluginMode", string(np.NetworkPluginMode))
	set("networkPolicy", string(np.NetworkPolicy))
	set("networkDataplane", string(np.NetworkDataplane))
	list := func(single, plural string, ps []netip.Prefix) {
		switch len(ps) {
		case 0:
		case 1:
			o.Set(single, tree.String(ps[0].String()))
		default:
			o.Set(plural, prefixes(ps))
		}
	}
	list("podCidr", "podCidrs", np.PodPrefixes())
	list("serviceCidr", "serviceCidrs", np.ServicePrefixes())
	if np.DNSServiceIP.IsValid() {
		set("dnsServiceIP", np.DNSServiceIP.String())
	}
	if len(np.IPFamilies) > 0 {
		o.Set("ipFamilies", tree.Strings(np.IPFamilies))
	}
	return o
}

func prefixes(ps []netip.Prefix) tree.Array {
	out := make(tree.Array, len(ps))
	for i, p := range ps {
		out[i] = tree.String(p.String())
	}
	return out
}
