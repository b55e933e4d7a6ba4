package azure

import (
	"net/netip"
	"slices"
	"strings"

	"github.com/cidrplan/cidrplan/ipam"
)

const typeVNet = "Microsoft.Network/virtualNetworks"

// Delegations that say what a subnet is for.
const (
	delegationAppGatewayForContainers = "Microsoft.ServiceNetworking/trafficControllers"
)

// ParseVNet reads virtual networks from one file: az network vnet show
// (one object), az network vnet list (an array), a REST list ({"value":
// [...]}), ARM/REST JSON with properties under "properties", or an ARM
// template's Microsoft.Network/virtualNetworks resources.
//
// Of each subnet it keeps the name, addressPrefix or addressPrefixes, the
// delegation (at most one), the number of private endpoints (as consumers)
// and whether an Application Gateway uses it (its purpose). Of each peering
// it keeps the remote VNet's ID and address space: remoteAddressSpace
// together with remoteVirtualNetworkAddressSpace (the current space, which
// newer API versions report and which may have grown since peering).
// Errors are as for [ParseAKS].
func ParseVNet(data []byte, file string) (*Resources, error) {
	root, err := decode(file, data)
	if err != nil {
		return nil, err
	}
	r := &reader{file: file}
	rs := &Resources{}
	for _, it := range items(val{r: r, v: root}) {
		if isVNet(it) {
			rs.VNets = append(rs.VNets, readVNet(it))
		}
	}
	if err := r.err(); err != nil {
		return nil, err
	}
	if len(rs.VNets) == 0 {
		return nil, &Error{File: file, Kind: ErrFormat,
			Detail: "no virtual network found (want az network vnet show or list, or ARM JSON)"}
	}
	return rs.withFile(file, newLineIndex(data)), nil
}

func isVNet(it val) bool {
	if _, ok := it.v.(map[string]any); !ok {
		return false
	}
	if t, ok := it.key("type").v.(string); ok {
		return strings.EqualFold(t, typeVNet)
	}
	return it.has("addressSpace") || it.key("properties").has("addressSpace")
}

func readVNet(x val) VNet {
	v := VNet{ID: x.key("id").str(), At: origin(x)}
	v.Name = required(x.key("name"))
	v.ResourceGroup = x.key("resourceGroup").str()
	if id, ok := parseResourceID(v.ID); ok && v.ResourceGroup == "" {
		v.ResourceGroup = id.resourceGroup
	}
	f := &v.fields
	v.AddressSpace = f.read("addressSpace", x.prop("addressSpace").key("addressPrefixes")).prefixes()
	for _, s := range f.read("subnets", x.prop("subnets")).list() {
		sub, id, fields := readSubnet(s)
		v.Subnets = append(v.Subnets, sub)
		v.SubnetIDs = append(v.SubnetIDs, id)
		f.nest(subnetField(sub.Name), origin(s), fields)
	}
	for _, p := range x.prop("virtualNetworkPeerings").list() {
		v.Peerings = append(v.Peerings, readPeering(p))
	}
	return v
}

// readSubnet returns a subnet, its ID and where its fields were read.
func readSubnet(x val) (ipam.Subnet, string, fieldOrigins) {
	var s ipam.Subnet
	var f fieldOrigins
	s.Name = required(x.key("name"))
	if many := x.prop("addressPrefixes"); !many.absent() {
		s.AddressPrefixes = f.read("addressPrefixes", many).prefixes()
	}
	if len(s.AddressPrefixes) == 0 {
		s.AddressPrefixes = f.read("addressPrefixes", x.prop("addressPrefix")).prefixes()
	}
	dels := f.read("delegation", x.prop("delegations")).list()
	if len(dels) > 1 {
		x.r.fail(x.path+".delegations", ErrInvalidValue, "", "Azure allows one delegation per subnet", nil)
	}
	if len(dels) == 1 {
		s.Delegation = dels[0].prop("serviceName").str()
	}
	s.Consumers.PrivateEndpoints = len(x.prop("privateEndpoints").list())
	switch {
	case len(x.prop("applicationGatewayIPConfigurations").list()) > 0:
		s.Purpose = ipam.PurposeApplicationGateway
	case strings.EqualFold(s.Delegation, delegationAppGatewayForContainers):
		s.Purpose = ipam.PurposeApplicationGatewayForContainers
	}
	return s, x.key("id").str(), f
}

// subnetField is the field path of a subnet in its VNet.
func subnetField(name string) string { return "subnets[" + name + "]" }

func readPeering(x val) Peering {
	p := Peering{Name: required(x.key("name")), RemoteVNetID: x.prop("remoteVirtualNetwork").key("id").str(),
		at: placed{at: origin(x)}}
	p.Prefixes = p.at.fields.read("prefixes", x.prop("remoteAddressSpace").key("addressPrefixes")).prefixes()
	for _, q := range x.prop("remoteVirtualNetworkAddressSpace").key("addressPrefixes").prefixes() {
		if !slices.Contains(p.Prefixes, q) {
			p.Prefixes = append(p.Prefixes, q)
		}
	}
	return p
}

// uniquePrefixes returns ps without repeats, in first-seen order.
func uniquePrefixes(ps []netip.Prefix) []netip.Prefix {
	var out []netip.Prefix
	for _, p := range ps {
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}
