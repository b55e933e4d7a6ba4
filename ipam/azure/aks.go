package azure

import (
	"strings"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
)

const (
	typeManagedCluster = "Microsoft.ContainerService/managedClusters"
	typeAgentPool      = "Microsoft.ContainerService/managedClusters/agentPools"
)

// ParseAKS reads managed clusters and node pools from one file, named file
// in errors. It accepts:
//   - az aks show -o json (one cluster, properties flattened) and az aks list
//     (an array of them);
//   - az aks nodepool list -o json (an array of pools) and az aks nodepool
//     show (one pool);
//   - ARM/REST JSON of Microsoft.ContainerService/managedClusters (properties
//     under "properties"), a REST list ({"value": [...]}), or an ARM template
//     whose "resources" hold managedClusters and their agentPools.
//
// Keys match case-insensitively (az's dnsServiceIp and ARM's dnsServiceIP,
// vnetSubnetId and vnetSubnetID), null means absent. Errors are joined
// *Error values: ErrSyntax for malformed JSON, ErrFormat when the file holds
// neither clusters nor pools, ErrTemplateExpression for each field holding an
// unresolved template expression, ErrInvalidValue and ErrMissingField with
// the JSON path of the field.
func ParseAKS(data []byte, file string) (*Resources, error) {
	root, err := decode(file, data)
	if err != nil {
		return nil, err
	}
	r := &reader{file: file}
	rs := &Resources{}
	for _, it := range items(val{r: r, v: root}) {
		switch kindOf(it) {
		case typeManagedCluster:
			rs.Clusters = append(rs.Clusters, readCluster(it))
		case typeAgentPool:
			rs.Pools = append(rs.Pools, readStandalonePool(it))
		}
	}
	if err := r.err(); err != nil {
		return nil, err
	}
	if len(rs.Clusters) == 0 && len(rs.Pools) == 0 {
		return nil, &Error{File: file, Kind: ErrFormat,
			Detail: "no managed cluster or node pool found (want az aks show, az aks nodepool list, or ARM JSON)"}
	}
	return rs, nil
}

// items returns the resources a file lists: the elements of a top-level
// array, of a REST list's "value", of a template's "resources", or the one
// top-level object.
func items(root val) []val {
	switch root.v.(type) {
	case []any:
		return root.list()
	case map[string]any:
		if root.has("resources") && root.has("$schema") {
			return root.key("resources").list()
		}
		if root.has("value") && !root.has("id") {
			if _, ok := root.key("value").v.([]any); ok {
				return root.key("value").list()
			}
		}
		return []val{root}
	}
	return nil
}

// kindOf says what an item is: its "type" when it has one, else a guess
// from its properties (az aks nodepool list has no "type" in older CLIs).
func kindOf(it val) string {
	if _, ok := it.v.(map[string]any); !ok {
		return ""
	}
	if t, ok := it.key("type").v.(string); ok {
		switch {
		case strings.EqualFold(t, typeManagedCluster):
			return typeManagedCluster
		case strings.EqualFold(t, typeAgentPool):
			return typeAgentPool
		}
		return ""
	}
	switch {
	case it.has("agentPoolProfiles") || it.has("networkProfile") ||
		it.key("properties").has("agentPoolProfiles") || it.key("properties").has("networkProfile"):
		return typeManagedCluster
	}
	if id, ok := parseResourceID(idString(it)); ok && strings.EqualFold(id.types[len(id.types)-1], "agentPools") {
		return typeAgentPool
	}
	for _, k := range []string{"vmSize", "osType", "count", "maxPods", "vnetSubnetId", "mode"} {
		if it.has(k) || it.key("properties").has(k) {
			return typeAgentPool
		}
	}
	return ""
}

func readCluster(x val) Cluster {
	c := Cluster{ID: x.key("id").str(), At: origin(x)}
	c.Name = required(x.key("name"))
	c.KubernetesVersion = x.prop("kubernetesVersion").str()
	c.NetworkProfile = readNetworkProfile(x.prop("networkProfile"))
	ap := x.prop("apiServerAccessProfile")
	c.APIServerAccessProfile.EnablePrivateCluster = ap.key("enablePrivateCluster").boolean()
	c.APIServerAccessProfile.EnableVNetIntegration = ap.key("enableVnetIntegration").boolean()
	c.APIServerSubnetID = ap.key("subnetId").str()
	c.NodeResourceGroup = x.prop("nodeResourceGroup").str()
	c.ResourceGroup = clusterResourceGroup(x, c.ID)
	c.Identity.Type = known(x.key("identity").key("type"), ipam.IdentitySystemAssigned, ipam.IdentityUserAssigned)
	c.NodeProvisioningProfile.Mode = known(x.prop("nodeProvisioningProfile").key("mode"), ipam.NodeProvisioningManual, ipam.NodeProvisioningAuto)
	for _, p := range x.prop("agentPoolProfiles").list() {
		pool := readPool(p)
		pool.ClusterID = c.ID
		c.Pools = append(c.Pools, pool)
	}
	return c
}

func readNetworkProfile(x val) ipam.NetworkProfile {
	var np ipam.NetworkProfile
	np.NetworkPlugin = enum(x.key("networkPlugin"), sizing.NetworkPlugins()...)
	np.NetworkPluginMode = enum(x.key("networkPluginMode"), sizing.NetworkPluginModes()...)
	np.NetworkDataplane = enum(x.key("networkDataplane"), sizing.NetworkDataplanes()...)
	np.NetworkPolicy = enum(x.key("networkPolicy"), sizing.NetworkPolicies()...)
	for _, f := range x.key("ipFamilies").list() {
		if v := enum(f, sizing.IPFamilies()...); v != "" {
			np.IPFamilies = append(np.IPFamilies, v)
		}
	}
	np.PodCIDR = x.key("podCidr").prefix()
	np.PodCIDRs = x.key("podCidrs").prefixes()
	np.ServiceCIDR = x.key("serviceCidr").prefix()
	np.ServiceCIDRs = x.key("serviceCidrs").prefixes()
	np.DNSServiceIP = x.key("dnsServiceIP").addr()
	np.DockerBridgeCIDR = x.key("dockerBridgeCidr").addressPrefix()
	return np
}

// readPool reads an agentPoolProfiles entry or a pool resource's properties.
func readPool(x val) Pool {
	var p Pool
	p.At = origin(x)
	p.Name = required(x.key("name"))
	p.Count = x.prop("count").integer()
	p.MaxCount = x.prop("maxCount").integer()
	p.MinCount = x.prop("minCount").integer()
	p.EnableAutoScaling = x.prop("enableAutoScaling").boolean()
	p.MaxPods = x.prop("maxPods").integer()
	p.OSType = enum(x.prop("osType"), sizing.OSTypes()...)
	p.Mode = enum(x.prop("mode"), sizing.PoolModes()...)
	p.OrchestratorVersion = x.prop("orchestratorVersion").str()
	p.SubnetID = x.prop("vnetSubnetId").str()
	p.NoSubnet = p.SubnetID == "" && !isTemplateValue(x.prop("vnetSubnetId"))
	p.PodSubnetID = x.prop("podSubnetId").str()
	p.PodIPAllocationMode = enum(x.prop("podIpAllocationMode"), sizing.PodIPAllocationModes()...)
	up := x.prop("upgradeSettings")
	p.MaxSurge = up.key("maxSurge").surge()
	p.MaxUnavailable = up.key("maxUnavailable").surge()
	return p
}

// readStandalonePool reads a pool listed on its own. Its cluster is the
// parent in its ID, or the first half of a template name "cluster/pool".
func readStandalonePool(x val) Pool {
	p := readPool(x)
	if id := x.key("id").str(); id != "" {
		p.ClusterID = parentID(id)
	}
	if cluster, pool, ok := strings.Cut(p.Name, "/"); ok {
		p.Name = pool
		if p.ClusterID == "" {
			p.ClusterID = nameKey(cluster)
		}
	}
	return p
}

// nameKey is the cluster key of a reference by name only.
func nameKey(name string) string { return "name:" + strings.ToLower(name) }

// required returns a string field and reports it when absent.
func required(x val) string {
	s := x.str()
	if s == "" && !isTemplateValue(x) {
		x.r.fail(x.path, ErrMissingField, "", "", nil)
	}
	return s
}

func isTemplateValue(x val) bool {
	if _, ok := x.v.(badExpr); ok {
		return true
	}
	s, ok := x.v.(string)
	return ok && isTemplateExpression(s)
}

func origin(x val) Origin { return Origin{File: x.r.file, Path: x.path} }

// idString returns the item's "id" if it is a string, without reporting
// anything.
func idString(it val) string {
	s, _ := it.key("id").v.(string)
	return s
}

// clusterResourceGroup returns the cluster's resource group: the
// resourceGroup key az aks show prints, else the group of its resource ID.
// A group a template leaves to the deployment ("{resourceGroup}") is
// unknown, so it gives "".
func clusterResourceGroup(x val, id string) string {
	g := x.key("resourceGroup").str()
	if g == "" {
		if rid, ok := parseResourceID(id); ok {
			g = rid.resourceGroup
		}
	}
	if strings.ContainsAny(g, "{}[]") {
		return ""
	}
	return g
}
