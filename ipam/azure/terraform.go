package azure

import (
	"net/netip"
	"regexp"
	"strings"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
)

// ParseTerraform reads the output of terraform show -json: a state
// ("values") or a plan ("planned_values", whose "configuration" is used to
// resolve references that are unknown until apply). It reads, in the root
// module and every child module, managed resources and data sources of the
// types azurerm_kubernetes_cluster (network_profile[0], default_node_pool[0],
// api_server_access_profile[0]), azurerm_kubernetes_cluster_node_pool,
// azurerm_virtual_network (with inline subnet blocks), azurerm_subnet and
// azurerm_local_network_gateway (a range to avoid of source onPremises) and
// azurerm_virtual_network_peering (the remote VNet's address space, when
// the file holds that VNet: see [Resources.Plan] for when it becomes a
// range to avoid).
//
// A reference (vnet_subnet_id, pod_subnet_id, kubernetes_cluster_id) is
// resolved by ID when the value is known, else through the configuration's
// references by resource address, following module outputs. A subnet goes to
// the VNet of its ID, or else to the VNet of this file with its
// virtual_network_name and resource_group_name. Errors are as for
// [ParseAKS]; JSON paths start at values or planned_values.
func ParseTerraform(data []byte, file string) (*Resources, error) {
	root, err := decode(file, data)
	if err != nil {
		return nil, err
	}
	r := &reader{file: file}
	doc := val{r: r, v: root}
	mod := doc.at("values", "root_module")
	if mod.absent() {
		mod = doc.at("planned_values", "root_module")
	}
	if mod.absent() {
		if err := r.err(); err != nil {
			return nil, err
		}
		return nil, &Error{File: file, Kind: ErrFormat,
			Detail: "neither values.root_module nor planned_values.root_module (want terraform show -json output)"}
	}
	t := &tfFile{r: r, file: file, config: doc.at("configuration", "root_module"), byAddr: make(map[string][]*tfResource)}
	t.collect(mod, "")
	rs := t.resources()
	if err := r.err(); err != nil {
		return nil, err
	}
	if len(rs.Clusters)+len(rs.Pools)+len(rs.VNets)+len(rs.Avoid) == 0 {
		return nil, &Error{File: file, Kind: ErrFormat, Detail: "no azurerm network or AKS resource found"}
	}
	return rs.withFile(file, newLineIndex(data)), nil
}

type tfFile struct {
	r      *reader
	file   string
	config val // configuration.root_module, absent in a state
	all    []*tfResource
	byAddr map[string][]*tfResource // by address without instance keys
}

type tfResource struct {
	address string // module.net.azurerm_subnet.aks["x"]
	module  string // module.net
	typ     string
	values  val
	data    bool // a data source: read by the configuration, not managed by it
}

// key is the resource's ID, or a key for it when the ID is not known yet.
func (res *tfResource) key(file string) string {
	if id, ok := res.values.key("id").v.(string); ok && id != "" {
		return id
	}
	return "terraform:" + file + ":" + res.address
}

func (t *tfFile) collect(mod val, module string) {
	for _, x := range mod.key("resources").list() {
		typ := x.key("type").str()
		switch typ {
		case "azurerm_kubernetes_cluster", "azurerm_kubernetes_cluster_node_pool", "azurerm_virtual_network",
			"azurerm_subnet", "azurerm_local_network_gateway", "azurerm_virtual_network_peering":
		default:
			continue
		}
		res := &tfResource{address: x.key("address").str(), module: module, typ: typ, values: x.key("values"),
			data: x.key("mode").str() == "data"}
		t.all = append(t.all, res)
		k := stripIndexes(res.address)
		t.byAddr[k] = append(t.byAddr[k], res)
	}
	for _, c := range mod.key("child_modules").list() {
		t.collect(c, c.key("address").str())
	}
}

var instanceKey = regexp.MustCompile(`\[[^\]]*\]`)

func stripIndexes(addr string) string { return instanceKey.ReplaceAllString(addr, "") }

func (t *tfFile) resources() *Resources {
	rs := &Resources{}
	vnets := make(map[string]string) // "rg/name" lower → VNet key
	var vnetRes []*tfResource        // the resource of each of rs.VNets
	for _, res := range t.all {
		if res.typ == "azurerm_virtual_network" {
			v := t.vnet(res)
			vnets[strings.ToLower(v.ResourceGroup+"/"+v.Name)] = v.ID
			rs.VNets = append(rs.VNets, v)
			vnetRes = append(vnetRes, res)
		}
	}
	t.peerings(rs, vnets, vnetRes)
	for _, res := range t.all {
		x := res.values
		switch res.typ {
		case "azurerm_subnet":
			rs.VNets = append(rs.VNets, t.subnet(res, vnets))
		case "azurerm_kubernetes_cluster":
			rs.Clusters = append(rs.Clusters, t.cluster(res))
		case "azurerm_kubernetes_cluster_node_pool":
			p := t.pool(res, x, "")
			p.ClusterID = x.key("kubernetes_cluster_id").str()
			if p.ClusterID == "" {
				p.ClusterID = t.reference(res, "kubernetes_cluster_id")
			}
			rs.Pools = append(rs.Pools, p)
		case "azurerm_local_network_gateway":
			at := placed{at: origin(x)}
			rs.addAvoid(ipam.AvoidRange{Name: required(x.key("name")), Source: ipam.SourceOnPremises,
				Prefixes: uniquePrefixes(at.fields.read("prefixes", x.key("address_space")).prefixes())}, at)
		}
	}
	return rs
}

func (t *tfFile) vnet(res *tfResource) VNet {
	x := res.values
	v := VNet{ID: res.key(t.file), At: origin(x), ResourceGroup: x.key("resource_group_name").str()}
	v.Name = required(x.key("name"))
	f := &v.fields
	v.AddressSpace = f.read("addressSpace", x.key("address_space")).prefixes()
	for _, s := range f.read("subnets", x.key("subnet")).list() {
		var fields fieldOrigins
		sub := ipam.Subnet{Name: required(s.key("name")), AddressPrefixes: tfSubnetPrefixes(s, &fields)}
		v.Subnets = append(v.Subnets, sub)
		v.SubnetIDs = append(v.SubnetIDs, s.key("id").str())
		f.nest(subnetField(sub.Name), origin(s), fields)
	}
	return v
}

func tfSubnetPrefixes(s val, f *fieldOrigins) []netip.Prefix {
	if ps := f.read("addressPrefixes", s.key("address_prefixes")).prefixes(); len(ps) > 0 {
		return ps
	}
	return f.read("addressPrefixes", s.key("address_prefix")).prefixes()
}

// subnet returns a partial VNet holding the subnet, keyed so that it merges
// with the VNet it belongs to.
func (t *tfFile) subnet(res *tfResource, vnets map[string]string) VNet {
	x := res.values
	var fields fieldOrigins
	s := ipam.Subnet{Name: required(x.key("name")), AddressPrefixes: tfSubnetPrefixes(x, &fields)}
	dels := fields.read("delegation", x.key("delegation")).list()
	if len(dels) > 1 {
		t.r.fail(x.path+".delegation", ErrInvalidValue, "", "Azure allows one delegation per subnet", nil)
	}
	if len(dels) == 1 {
		s.Delegation = dels[0].at("service_delegation", "[0]", "name").str()
	}
	if strings.EqualFold(s.Delegation, delegationAppGatewayForContainers) {
		s.Purpose = ipam.PurposeApplicationGatewayForContainers
	}
	v := VNet{At: origin(x), Partial: true, ResourceGroup: x.key("resource_group_name").str(),
		SubnetIDs: []string{res.key(t.file)}}
	v.Subnets = []ipam.Subnet{s}
	v.fields.nest(subnetField(s.Name), origin(x), fields)
	v.Name = required(x.key("virtual_network_name"))
	if id, ok := x.key("id").v.(string); ok {
		if i := strings.LastIndex(strings.ToLower(id), "/subnets/"); i > 0 {
			v.ID = id[:i]
		}
	}
	if v.ID == "" {
		v.ID = vnets[strings.ToLower(v.ResourceGroup+"/"+v.Name)]
	}
	return v
}

func (t *tfFile) cluster(res *tfResource) Cluster {
	x := res.values
	c := Cluster{ID: res.key(t.file), At: origin(x)}
	f := &c.fields
	c.Name = required(x.key("name"))
	c.KubernetesVersion = f.read("kubernetesVersion", x.key("kubernetes_version")).str()
	np := f.read("networkProfile", x.at("network_profile", "[0]"))
	key := func(field, name string) val { return f.read("networkProfile."+field, np.key(name)) }
	p := &c.NetworkProfile
	p.NetworkPlugin = enum(key("networkPlugin", "network_plugin"), sizing.NetworkPlugins()...)
	p.NetworkPluginMode = enum(key("networkPluginMode", "network_plugin_mode"), sizing.NetworkPluginModes()...)
	p.NetworkDataplane = enum(key("networkDataplane", "network_data_plane"), sizing.NetworkDataplanes()...)
	if p.NetworkDataplane == "" {
		p.NetworkDataplane = enum(key("networkDataplane", "ebpf_data_plane"), ipam.DataplaneCilium) // provider 3.x
	}
	p.NetworkPolicy = enum(key("networkPolicy", "network_policy"), sizing.NetworkPolicies()...)
	for _, fam := range key("ipFamilies", "ip_versions").list() {
		if v := enum(fam, sizing.IPFamilies()...); v != "" {
			p.IPFamilies = append(p.IPFamilies, v)
		}
	}
	p.PodCIDR = key("podCidr", "pod_cidr").prefix()
	p.PodCIDRs = key("podCidrs", "pod_cidrs").prefixes()
	p.ServiceCIDR = key("serviceCidr", "service_cidr").prefix()
	p.ServiceCIDRs = key("serviceCidrs", "service_cidrs").prefixes()
	p.DNSServiceIP = key("dnsServiceIP", "dns_service_ip").addr()
	p.DockerBridgeCIDR = key("dockerBridgeCidr", "docker_bridge_cidr").addressPrefix()
	c.NodeResourceGroup = x.key("node_resource_group").str()
	c.Identity.Type = known(f.read("identity.type", x.at("identity", "[0]").key("type")), ipam.IdentitySystemAssigned, ipam.IdentityUserAssigned)
	c.NodeProvisioningProfile.Mode = known(f.read("nodeProvisioningProfile.mode", x.at("node_provisioning_profile", "[0]").key("mode")), ipam.NodeProvisioningManual, ipam.NodeProvisioningAuto)
	c.APIServerAccessProfile.EnablePrivateCluster = f.read("apiServerAccessProfile.enablePrivateCluster", x.key("private_cluster_enabled")).boolean()
	ap := f.read("apiServerAccessProfile", x.at("api_server_access_profile", "[0]"))
	c.APIServerAccessProfile.EnableVNetIntegration = f.read("apiServerAccessProfile.enableVnetIntegration", ap.key("vnet_integration_enabled")).boolean()
	c.APIServerSubnetID = f.read("apiServerAccessProfile.subnet", ap.key("subnet_id")).str()
	if c.APIServerSubnetID == "" && c.APIServerAccessProfile.EnableVNetIntegration {
		c.APIServerSubnetID = t.reference(res, "api_server_access_profile", "[0]", "subnet_id")
	}
	if dp := x.at("default_node_pool", "[0]"); !dp.absent() {
		pool := t.pool(res, dp, "default_node_pool")
		if pool.Mode == "" {
			pool.Mode = ipam.ModeSystem
		}
		pool.ClusterID = c.ID
		c.Pools = append(c.Pools, pool)
	}
	return c
}

// pool reads a node pool's values from x; block is "default_node_pool" for
// the cluster's own pool (whose references sit under that block in the
// configuration), "" for a node pool resource.
func (t *tfFile) pool(res *tfResource, x val, block string) Pool {
	p := Pool{At: origin(x)}
	f := &p.fields
	key := func(field, name string) val { return f.read(field, x.key(name)) }
	p.Name = required(x.key("name"))
	p.Count = key("count", "node_count").integer()
	p.MinCount = key("minCount", "min_count").integer()
	p.MaxCount = key("maxCount", "max_count").integer()
	p.EnableAutoScaling = key("enableAutoScaling", "auto_scaling_enabled").boolean() || key("enableAutoScaling", "enable_auto_scaling").boolean()
	p.MaxPods = key("maxPods", "max_pods").integer()
	p.OSType = enum(key("osType", "os_type"), sizing.OSTypes()...)
	p.Mode = enum(key("mode", "mode"), sizing.PoolModes()...)
	p.OrchestratorVersion = key("orchestratorVersion", "orchestrator_version").str()
	p.PodIPAllocationMode = enum(key("podIpAllocationMode", "pod_ip_allocation_mode"), sizing.PodIPAllocationModes()...)
	up := x.at("upgrade_settings", "[0]")
	p.MaxSurge = f.read("maxSurge", up.key("max_surge")).surge()
	p.MaxUnavailable = f.read("maxUnavailable", up.key("max_unavailable")).surge()
	ref := func(field, attr string) string {
		if id := key(field, attr).str(); id != "" {
			return id
		}
		if block != "" {
			return t.reference(res, block, "[0]", attr)
		}
		return t.reference(res, attr)
	}
	p.SubnetID = ref("vnetSubnet", "vnet_subnet_id")
	// A plan leaves an unknown ID out of its values: only a state's null
	// (or a known empty value) says the pool has no subnet.
	values, _ := x.v.(map[string]any)
	_, stated := values["vnet_subnet_id"]
	p.NoSubnet = p.SubnetID == "" && stated
	p.PodSubnetID = ref("podSubnet", "pod_subnet_id")
	return p
}

// reference resolves an attribute whose value is unknown (a plan) through
// the configuration: the key of the resource its expression references.
// "" when the configuration does not say.
func (t *tfFile) reference(res *tfResource, path ...string) string {
	cfg := t.configModule(res.module)
	local := strings.TrimPrefix(stripIndexes(res.address), stripIndexes(res.module)+".")
	for _, rc := range cfg.key("resources").list() {
		if a, _ := rc.key("address").v.(string); a == local {
			refs := rc.key("expressions").at(path...).key("references")
			return t.resolve(res.module, refs, 0)
		}
	}
	return ""
}

// configModule returns the configuration of the module at address addr
// ("module.a.module.b", instance keys ignored).
func (t *tfFile) configModule(addr string) val {
	m := t.config
	for _, part := range strings.Split(stripIndexes(addr), ".") {
		if part == "" || part == "module" {
			continue
		}
		m = m.at("module_calls", part, "module")
	}
	return m
}

// resolve returns the key of the first resource that refs (a configuration
// "references" list, in module) name, following module outputs.
func (t *tfFile) resolve(module string, refs val, depth int) string {
	if depth > 16 { // module outputs cannot loop, but a crafted file can
		return ""
	}
	list, _ := refs.v.([]any)
	for _, e := range list {
		ref, _ := e.(string)
		if name, rest, ok := strings.Cut(strings.TrimPrefix(ref, "module."), "."); ok && strings.HasPrefix(ref, "module.") {
			out := strings.Split(rest, ".")[0]
			child := strings.TrimPrefix(module+".module."+name, ".")
			expr := t.configModule(child).at("outputs", out, "expression", "references")
			if k := t.resolve(child, expr, depth+1); k != "" {
				return k
			}
			continue
		}
		addr := strings.TrimSuffix(ref, ".id")
		if module != "" {
			addr = stripIndexes(module) + "." + addr
		}
		if rs := t.byAddr[stripIndexes(addr)]; len(rs) == 1 {
			return rs[0].key(t.file)
		}
	}
	return ""
}

// peerings attaches each azurerm_virtual_network_peering whose remote VNet
// this file holds to its local VNet, with the remote VNet's address space
// (the peering resource itself does not carry it). A remote VNet read as a
// data source is the far end of a peering, not a VNet of this
// configuration: it leaves the VNets, so that [Resources.Plan] turns the
// peering into a range to avoid unless another file imports that VNet. A
// peering whose remote VNet the file does not hold adds nothing: its
// address space is unknown. A peering of a VNet that is not in the file
// becomes a range to avoid on its own, named "vnet/peering".
func (t *tfFile) peerings(rs *Resources, vnets map[string]string, vnetRes []*tfResource) {
	byKey := make(map[string]int, len(rs.VNets))
	for i := range rs.VNets {
		byKey[idKey(rs.VNets[i].ID)] = i
	}
	remoteData := make(map[int]bool)
	for _, res := range t.all {
		if res.typ != "azurerm_virtual_network_peering" {
			continue
		}
		x := res.values
		remote := x.key("remote_virtual_network_id").str()
		if remote == "" {
			remote = t.reference(res, "remote_virtual_network_id")
		}
		ri, ok := byKey[idKey(remote)]
		if remote == "" || !ok {
			continue
		}
		rv := &rs.VNets[ri]
		p := Peering{Name: required(x.key("name")), RemoteVNetID: rv.ID, Prefixes: rv.AddressSpace, at: placed{at: origin(x)}}
		if vnetRes[ri].data {
			remoteData[ri] = true
		}
		local := vnets[strings.ToLower(x.key("resource_group_name").str()+"/"+x.key("virtual_network_name").str())]
		if li, ok := byKey[idKey(local)]; ok && local != "" {
			rs.VNets[li].Peerings = append(rs.VNets[li].Peerings, p)
			continue
		}
		if !vnetRes[ri].data {
			continue // both ends are VNets of the plan
		}
		rs.addAvoid(ipam.AvoidRange{Name: x.key("virtual_network_name").str() + "/" + p.Name,
			Source: ipam.SourcePeering, Prefixes: uniquePrefixes(p.Prefixes)}, p.at)
	}
	if len(remoteData) == 0 {
		return
	}
	kept := rs.VNets[:0]
	for i, v := range rs.VNets {
		if !remoteData[i] {
			kept = append(kept, v)
		}
	}
	rs.VNets = kept
}
