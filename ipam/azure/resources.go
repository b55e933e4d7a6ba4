package azure

import (
	"net/netip"

	"github.com/cidrplan/cidrplan/ipam"
)

// Resources is what one or more exports describe, with references still
// in Azure's terms (resource IDs). The Parse functions return one per file;
// [Resources.Add] merges them and [Resources.Plan] resolves the references
// into an [ipam.Plan].
//
// IDs are compared case-insensitively. Resources read from Terraform whose
// ID is unknown (a plan's computed values) carry a key "terraform:FILE:ADDRESS"
// instead, which only references of the same file use.
type Resources struct {
	Clusters []Cluster
	// Pools are node pools exported on their own (az aks nodepool list,
	// azurerm_kubernetes_cluster_node_pool); Plan attaches them to clusters.
	Pools []Pool
	VNets []VNet
	Avoid []ipam.AvoidRange
	// files finds lines in the exports read, by file name, for the
	// positions of the plan's fields.
	files map[string]*lineIndex
	// avoidAt says where Avoid[i] was read, when the Parse functions read
	// it (shorter than Avoid when ranges were added by hand).
	avoidAt []placed
}

// placed is where a part of the plan was read and where its fields were.
type placed struct {
	at     Origin
	fields fieldOrigins
}

// addAvoid appends a range to avoid read at at.
func (rs *Resources) addAvoid(a ipam.AvoidRange, at placed) {
	for len(rs.avoidAt) < len(rs.Avoid) {
		rs.avoidAt = append(rs.avoidAt, placed{})
	}
	rs.avoidAt = append(rs.avoidAt[:len(rs.Avoid)], at)
	rs.Avoid = append(rs.Avoid, a)
}

// avoidPlace returns where Avoid[i] was read, if known.
func (rs *Resources) avoidPlace(i int) placed {
	if i < len(rs.avoidAt) {
		return rs.avoidAt[i]
	}
	return placed{}
}

// Cluster is a managed cluster as exported. Its AgentPoolProfiles are left
// empty: its pools are in Pools, with their subnet IDs.
type Cluster struct {
	ID string // resource ID or key; may be empty
	At Origin
	ipam.Cluster
	// APIServerSubnetID is apiServerAccessProfile.subnetId.
	APIServerSubnetID string
	// NodeResourceGroup is the resource group AKS manages for the cluster,
	// where it creates the AKS-managed VNet.
	NodeResourceGroup string
	Pools             []Pool
	fields            fieldOrigins
}

// Pool is a node pool as exported.
type Pool struct {
	// ClusterID is the owning cluster's ID or key when the export says
	// (a pool's own ID, Terraform's kubernetes_cluster_id); may be empty.
	ClusterID string
	At        Origin
	ipam.AgentPool
	// SubnetID and PodSubnetID are vnetSubnetId and podSubnetId.
	SubnetID, PodSubnetID string
	// NoSubnet says the export names no node subnet (vnetSubnetId null):
	// the pool is on the AKS-managed VNet.
	NoSubnet bool
	fields   fieldOrigins
}

// VNet is a virtual network as exported. SubnetIDs[i] is the ID or key of
// Subnets[i] ("" when unknown: then the subnet is found by name under ID).
type VNet struct {
	ID            string
	ResourceGroup string
	At            Origin
	ipam.VNet
	SubnetIDs []string
	// Peerings are the VNet's peerings; Plan turns those whose remote VNet
	// is not imported into ranges to avoid.
	Peerings []Peering
	// Partial marks a VNet known only through its subnets (a Terraform
	// azurerm_subnet whose VNet is elsewhere): its address space is unknown.
	Partial bool
	// fields are the VNet's and its subnets' ("subnets[aks].addressPrefixes").
	fields fieldOrigins
}

// Add appends the contents of o to rs.
func (rs *Resources) Add(o *Resources) {
	if o == nil {
		return
	}
	rs.Clusters = append(rs.Clusters, o.Clusters...)
	rs.Pools = append(rs.Pools, o.Pools...)
	rs.VNets = append(rs.VNets, o.VNets...)
	for i, a := range o.Avoid {
		rs.addAvoid(a, o.avoidPlace(i))
	}
	for f, ix := range o.files {
		rs.withFile(f, ix)
	}
}

// withFile records the lines of file, read as data, and returns rs.
func (rs *Resources) withFile(file string, ix *lineIndex) *Resources {
	if rs.files == nil {
		rs.files = make(map[string]*lineIndex)
	}
	if _, ok := rs.files[file]; !ok {
		rs.files[file] = ix
	}
	return rs
}

// Peering is a VNet peering: the remote VNet's ID and address space.
type Peering struct {
	Name         string
	RemoteVNetID string
	Prefixes     []netip.Prefix
	at           placed
}

// Origin is where a resource was read: the file and the JSON path of its
// object (empty for a file's top-level object).
type Origin struct{ File, Path string }

func (o Origin) String() string {
	if o.Path == "" {
		return o.File
	}
	return o.File + ": " + o.Path
}
