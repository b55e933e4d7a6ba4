package azure

import (
	"path/filepath"
	"strings"

	"github.com/cidrplan/cidrplan/ipam"
)

const (
	typeLocalGateway = "Microsoft.Network/localNetworkGateways"
	// routeSourceGateway is the source of effective routes learned from a
	// VPN or ExpressRoute gateway, that is, from on-premises.
	routeSourceGateway = "VirtualNetworkGateway"
)

// ParseOnPrem reads on-premises ranges from one file and returns them as
// ranges to avoid of source onPremises:
//   - az network local-gateway show (or list, or ARM JSON):
//     localNetworkAddressSpace.addressPrefixes, one range per gateway, named
//     after it;
//   - az network nic show-effective-route-table ({"value": [...]} or the bare
//     array): the addressPrefix of every route whose source is
//     VirtualNetworkGateway, one range named after the file (its base name
//     without extension). Default routes (0.0.0.0/0, ::/0) are left out: they
//     say where traffic goes, not which addresses are on premises.
//
// Errors are as for [ParseAKS].
func ParseOnPrem(data []byte, file string) (*Resources, error) {
	root, err := decode(file, data)
	if err != nil {
		return nil, err
	}
	r := &reader{file: file}
	rs := &Resources{}
	routes := ipam.AvoidRange{Name: routesName(file), Source: ipam.SourceOnPremises}
	found := false
	for _, it := range items(val{r: r, v: root}) {
		switch {
		case isLocalGateway(it):
			found = true
			a := ipam.AvoidRange{Name: required(it.key("name")), Source: ipam.SourceOnPremises}
			at := placed{at: origin(it)}
			a.Prefixes = uniquePrefixes(at.fields.read("prefixes", it.prop("localNetworkAddressSpace").key("addressPrefixes")).prefixes())
			rs.addAvoid(a, at)
		case isRoute(it):
			found = true
			if !strings.EqualFold(it.key("source").str(), routeSourceGateway) {
				continue
			}
			for _, p := range it.key("addressPrefix").prefixes() {
				if p.Bits() > 0 {
					routes.Prefixes = append(routes.Prefixes, p)
				}
			}
		}
	}
	if err := r.err(); err != nil {
		return nil, err
	}
	if !found {
		return nil, &Error{File: file, Kind: ErrFormat,
			Detail: "no local network gateway or effective route found (want az network local-gateway show " +
				"or az network nic show-effective-route-table)"}
	}
	if routes.Prefixes = uniquePrefixes(routes.Prefixes); len(routes.Prefixes) > 0 {
		rs.addAvoid(routes, placed{at: Origin{File: file}}) // from routes all over the file
	}
	return rs.withFile(file, newLineIndex(data)), nil
}

func isLocalGateway(it val) bool {
	if _, ok := it.v.(map[string]any); !ok {
		return false
	}
	if t, ok := it.key("type").v.(string); ok && strings.EqualFold(t, typeLocalGateway) {
		return true
	}
	return it.has("localNetworkAddressSpace") || it.key("properties").has("localNetworkAddressSpace")
}

func isRoute(it val) bool {
	return it.has("addressPrefix") && (it.has("source") || it.has("nextHopType"))
}

func routesName(file string) string {
	base := filepath.Base(file)
	return strings.TrimSuffix(base, filepath.Ext(base))
}
