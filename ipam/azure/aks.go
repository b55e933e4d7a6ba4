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
	return rs.withFile(file, newLineIndex(data)), nil
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
	f := &c.fields
	c.Name = required(x.key("name"))
	c.KubernetesVersion = f.read("kubernetesVersion", x.prop("kubernetesVersion")).str()
	c.NetworkProfile = readNetworkProfile(f.read("networkProfile", x.prop("networkProfile")), f)
	ap := f.read("apiServerAccessProfile", x.prop("apiServerAccessProfile"))
	c.APIServerAccessProfile.EnablePrivateCluster = f.read("apiServerAccessProfile.enablePrivateCluster", ap.key("enablePrivateCluster")).boolean()
	c.APIServerAccessProfile.EnableVNetIntegration = f.read("apiServerAccessProfile.enableVnetIntegration", ap.key("enableVnetIntegration")).boolean()
	c.APIServerSubnetID = f.read("apiServerAccessProfile.subnet", ap.key("subnetId")).str()
	c.NodeResourceGroup = x.prop("nodeResourceGroup").str()
	c.ResourceGroup = clusterResourceGroup(x, c.ID)
	c.Identity.Type = known(f.read("identity.type", x.key("identity").key("type")), ipam.IdentitySystemAssigned, ipam.IdentityUserAssigned)
	c.NodeProvisioningProfile.Mode = known(f.read("nodeProvisioningProfile.mode", x.prop("nodeProvisioningProfile").key("mode")), ipam.NodeProvisioningManual, ipam.NodeProvisioningAuto)
	for _, p := range f.read("agentPoolProfiles", x.prop("agentPoolProfiles")).list() {
		pool := readPool(p)
		pool.ClusterID = c.ID
		c.Pools = append(c.Pools, pool)
	}
	return c
}

// readNetworkProfile reads a cluster's network profile, recording its
// fields in f.
func readNetworkProfile(x val, f *fieldOrigins) ipam.NetworkProfile {
	var np ipam.NetworkProfile
	key := func(field, name string) val { return f.read("networkProfile."+field, x.key(name)) }
	np.NetworkPlugin = enum(key("networkPlugin", "networkPlugin"), sizing.NetworkPlugins()...)
	np.NetworkPluginMode = enum(key("networkPluginMode", "networkPluginMode"), sizing.NetworkPluginModes()...)
	np.NetworkDataplane = enum(key("networkDataplane", "networkDataplane"), sizing.NetworkDataplanes()...)
	np.NetworkPolicy = enum(key("networkPolicy", "networkPolicy"), sizing.NetworkPolicies()...)
	for _, fam := range key("ipFamilies", "ipFamilies").list() {
		if v := enum(fam, sizing.IPFamilies()...); v != "" {
			np.IPFamilies = append(np.IPFamilies, v)
		}
	}
	np.PodCIDR = key("podCidr", "podCidr").prefix()
	np.PodCIDRs = key("podCidrs", "podCidrs").prefixes()
	np.ServiceCIDR = key("serviceCidr", "serviceCidr").prefix()
	np.ServiceCIDRs = key("serviceCidrs", "serviceCidrs").prefixes()
	np.DNSServiceIP = key("dnsServiceIP", "dnsServiceIP").addr()
	np.DockerBridgeCIDR = key("dockerBridgeCidr", "dockerBridgeCidr").addressPrefix()
	return np
}

// readPool reads an agentPoolProfiles entry or a pool resource's properties.
func readPool(x val) Pool {
	var p Pool
	p.At = origin(x)
	f := &p.fields
	prop := func(field, name string) val { return f.read(field, x.prop(name)) }
	p.Name = required(x.key("name"))
	p.Count = prop("count", "count").integer()
	p.MaxCount = prop("maxCount", "maxCount").integer()
	p.MinCount = prop("minCount", "minCount").integer()
	p.EnableAutoScaling = prop("enableAutoScaling", "enableAutoScaling").boolean()
	p.MaxPods = prop("maxPods", "maxPods").integer()
	p.OSType = enum(prop("osType", "osType"), sizing.OSTypes()...)
	p.Mode = enum(prop("mode", "mode"), sizing.PoolModes()...)
	p.OrchestratorVersion = prop("orchestratorVersion", "orchestratorVersion").str()
	p.SubnetID = prop("vnetSubnet", "vnetSubnetId").str()
	p.NoSubnet = p.SubnetID == "" && !isTemplateValue(x.prop("vnetSubnetId"))
	p.PodSubnetID = prop("podSubnet", "podSubnetId").str()
	p.PodIPAllocationMode = enum(prop("podIpAllocationMode", "podIpAllocationMode"), sizing.PodIPAllocationModes()...)
	up := x.prop("upgradeSettings")
	p.MaxSurge = f.read("maxSurge", up.key("maxSurge")).surge()
	p.MaxUnavailable = f.read("maxUnavailable", up.key("maxUnavailable")).surge()
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
