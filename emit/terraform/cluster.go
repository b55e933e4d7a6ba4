package terraform

import (
	"net/netip"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
)

// cluster writes the i-th cluster with its default node pool, then its
// other pools as resources of their own.
func (g *generator) cluster(i int) error {
	c := &g.d.Plan.Clusters[i]
	dc := &g.d.Clusters[i]
	for j := range c.AgentPoolProfiles {
		if err := g.supported(i, j); err != nil {
			return err
		}
	}
	if note := g.d.ManagedNote(i); note != "" {
		g.comment(note)
	}
	b := g.body.AppendNewBlock("resource", []string{typeCluster, g.clusters[i]}).Body()
	b.SetAttributeValue("name", str(c.Name))
	placed(b)
	b.SetAttributeValue("dns_prefix", str(c.Name))
	if c.KubernetesVersion != "" {
		b.SetAttributeValue("kubernetes_version", str(c.KubernetesVersion))
	}
	if c.APIServerAccessProfile.EnablePrivateCluster {
		b.SetAttributeValue("private_cluster_enabled", cty.True)
	}
	b.AppendNewline()
	dp := b.AppendNewBlock("default_node_pool", nil).Body()
	g.pool(dp, i, dc.System)
	b.AppendNewline()
	b.AppendNewBlock("identity", nil).Body().SetAttributeValue("type", str("SystemAssigned"))
	b.AppendNewline()
	networkProfile(b.AppendNewBlock("network_profile", nil).Body(), &c.NetworkProfile)
	if ap := c.APIServerAccessProfile; ap.EnableVNetIntegration || dc.APIServerSubnet.IsValid() {
		b.AppendNewline()
		ab := b.AppendNewBlock("api_server_access_profile", nil).Body()
		if dc.APIServerSubnet.IsValid() {
			ab.SetAttributeTraversal("subnet_id", g.subnetID(dc.APIServerSubnet))
		}
		if ap.EnableVNetIntegration {
			ab.SetAttributeValue("virtual_network_integration_enabled", cty.True)
		}
	}
	g.body.AppendNewline()
	for j := range c.AgentPoolProfiles {
		if j == dc.System {
			continue
		}
		pb := g.body.AppendNewBlock("resource", []string{typeNodePool, g.poolLabel(i, j)}).Body()
		pb.SetAttributeValue("name", str(c.AgentPoolProfiles[j].Name))
		pb.SetAttributeTraversal("kubernetes_cluster_id", ref(typeCluster, g.clusters[i], "id"))
		g.pool(pb, i, j)
		g.body.AppendNewline()
	}
	return nil
}

// supported reports a pool value azurerm 4.x cannot express.
func (g *generator) supported(i, j int) error {
	ap := &g.d.Plan.Clusters[i].AgentPoolProfiles[j]
	switch {
	case ap.MaxUnavailable.Value() > 0:
		return &emit.Error{Field: g.d.PoolField(i, j, "maxUnavailable"), Err: emit.ErrUnsupported,
			Detail: "azurerm 4.x has no max_unavailable; use the ARM, Bicep or az form"}
	case ap.PodSubnet != "" && ap.PodIPAllocationMode == sizing.StaticBlock:
		return &emit.Error{Field: g.d.PoolField(i, j, "podIpAllocationMode"), Err: emit.ErrUnsupported,
			Detail: "azurerm 4.x has no pod IP allocation mode; use the ARM, Bicep or az form"}
	}
	return nil
}

// poolLabel labels a pool resource; pools are labelled on first use so
// that the labels follow the order of the output.
func (g *generator) poolLabel(i, j int) string {
	c := &g.d.Plan.Clusters[i]
	return g.pools.Name(c.Name, c.AgentPoolProfiles[j].Name)
}

// pool writes the attributes of pool j of cluster i, shared by the default
// node pool block and the node pool resources.
func (g *generator) pool(b *hclwrite.Body, i, j int) {
	c := &g.d.Plan.Clusters[i]
	ap := &c.AgentPoolProfiles[j]
	dc := &g.d.Clusters[i]
	if j == dc.System {
		b.SetAttributeValue("name", str(ap.Name))
	} else {
		b.SetAttributeValue("mode", str(string(ap.Mode)))
		if ap.OSType != "" {
			b.SetAttributeValue("os_type", str(string(ap.OSType)))
		}
	}
	b.SetAttributeTraversal("vm_size", ref("var", varVMSize))
	b.SetAttributeValue("node_count", num(emit.InitialCount(ap)))
	if ap.EnableAutoScaling {
		b.SetAttributeValue("auto_scaling_enabled", cty.True)
		b.SetAttributeValue("min_count", num(ap.MinCount))
		b.SetAttributeValue("max_count", num(ap.MaxCount))
	}
	b.SetAttributeValue("max_pods", num(ap.MaxPods))
	if r := dc.NodeSubnets[j]; r.IsValid() {
		b.SetAttributeTraversal("vnet_subnet_id", g.subnetID(r))
	}
	if r := dc.PodSubnets[j]; r.IsValid() {
		b.SetAttributeTraversal("pod_subnet_id", g.subnetID(r))
	}
	if !ap.MaxSurge.IsZero() {
		b.AppendNewline()
		b.AppendNewBlock("upgrade_settings", nil).Body().SetAttributeValue("max_surge", str(ap.MaxSurge.String()))
	}
}

// networkProfile writes every field of the profile that is set.
func networkProfile(b *hclwrite.Body, np *ipam.NetworkProfile) {
	set := func(name, v string) {
		if v != "" {
			b.SetAttributeValue(name, str(v))
		}
	}
	set("network_plugin", string(np.NetworkPlugin))
	set("network_plugin_mode", string(np.NetworkPluginMode))
	if np.NetworkPolicy != ipam.PolicyNone {
		// azurerm 4.x takes calico, azure and cilium only; no network_policy
		// is no policy engine (AKS's none).
		set("network_policy", string(np.NetworkPolicy))
	}
	set("network_data_plane", string(np.NetworkDataplane))
	list := func(single, plural string, ps []netip.Prefix) {
		switch len(ps) {
		case 0:
		case 1:
			b.SetAttributeValue(single, str(ps[0].String()))
		default:
			b.SetAttributeValue(plural, prefixes(ps))
		}
	}
	list("pod_cidr", "pod_cidrs", np.PodPrefixes())
	list("service_cidr", "service_cidrs", np.ServicePrefixes())
	if np.DNSServiceIP.IsValid() {
		set("dns_service_ip", np.DNSServiceIP.String())
	}
	if len(np.IPFamilies) > 0 {
		b.SetAttributeValue("ip_versions", strs(np.IPFamilies))
	}
}
