package terraform

import (
	"net/netip"

	"github.com/zclconf/go-cty/cty"

	"github.com/cidrplan/cidrplan/emit"
)

// vnet writes the i-th VNet and its subnets.
func (g *generator) vnet(i int) {
	vn := &g.d.Plan.VNets[i]
	b := g.body.AppendNewBlock("resource", []string{typeVNet, g.vnets[i]}).Body()
	b.SetAttributeValue("name", str(vn.Name))
	placed(b)
	b.SetAttributeValue("address_space", prefixes(vn.AddressSpace))
	g.body.AppendNewline()
	for j := range vn.Subnets {
		s := &vn.Subnets[j]
		b := g.body.AppendNewBlock("resource", []string{typeSubnet, g.subnets[i][j]}).Body()
		b.SetAttributeValue("name", str(s.Name))
		b.SetAttributeTraversal("resource_group_name", ref("var", varResourceGroup))
		b.SetAttributeTraversal("virtual_network_name", ref(typeVNet, g.vnets[i], "name"))
		b.SetAttributeValue("address_prefixes", prefixes(s.AddressPrefixes))
		if d, ok := emit.DelegationOf(s.Delegation); ok {
			db := b.AppendNewBlock("delegation", nil).Body()
			db.SetAttributeValue("name", str(d.Name))
			sd := db.AppendNewBlock("service_delegation", nil).Body()
			sd.SetAttributeValue("name", str(d.Service))
			if d.Actions != nil {
				sd.SetAttributeValue("actions", strs(d.Actions))
			}
		}
		g.body.AppendNewline()
	}
}

func prefixes(ps []netip.Prefix) cty.Value {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return strs(out)
}
