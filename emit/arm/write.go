package arm

import (
	"io"
	"slices"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/emit/internal/resource"
	"github.com/cidrplan/cidrplan/emit/internal/tree"
	"github.com/cidrplan/cidrplan/ipam"
)

// FileName is the name of the file the template goes to in a directory,
// the name Azure's quickstart templates use.
const FileName = "azuredeploy.json"

// Schema is the deployment template schema the template names.
const Schema = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"

// Write writes p as an ARM template to w. Errors are those of
// [emit.Resolve] or w's.
func Write(w io.Writer, p *ipam.Plan, opts emit.Options) error {
	b, err := Marshal(p, opts)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// Marshal returns p as an ARM template, indented JSON.
func Marshal(p *ipam.Plan, opts emit.Options) ([]byte, error) {
	d, err := emit.Resolve(p, opts)
	if err != nil {
		return nil, err
	}
	versions := emit.APIVersions()
	r := refs{d}
	var resources tree.Array
	for i := range d.Plan.VNets {
		if d.Managed(i) {
			continue
		}
		vn := &d.Plan.VNets[i]
		resources = append(resources, tree.Object{
			{Key: "type", Value: tree.String(emit.TypeVNet)},
			{Key: "apiVersion", Value: tree.String(versions[emit.TypeVNet])},
			{Key: "name", Value: tree.String(vn.Name)},
			{Key: "location", Value: r.Location()},
			{Key: "properties", Value: resource.VNetProperties(vn)},
		})
	}
	for i := range d.Plan.Clusters {
		c := &d.Plan.Clusters[i]
		cluster := tree.Object{
			{Key: "type", Value: tree.String(emit.TypeCluster)},
			{Key: "apiVersion", Value: tree.String(versions[emit.TypeCluster])},
			{Key: "name", Value: tree.String(c.Name)},
			{Key: "location", Value: r.Location()},
		}
		if note := d.ManagedNote(i); note != "" {
			cluster.Set("comments", tree.String(note)) // ARM's comment on a resource
		}
		if deps := r.dependsOn(i); len(deps) > 0 {
			cluster.Set("dependsOn", deps)
		}
		cluster.Set("identity", resource.Identity())
		cluster.Set("properties", resource.ClusterProperties(d, i, r))
		resources = append(resources, cluster)
	}
	template := tree.Object{
		{Key: "$schema", Value: tree.String(Schema)},
		{Key: "contentVersion", Value: tree.String("1.0.0.0")},
		{Key: "metadata", Value: tree.Object{
			{Key: "generator", Value: tree.String("cidrplan")},
			{Key: "plan", Value: tree.String(d.Plan.Name)},
		}},
		{Key: "parameters", Value: tree.Object{
			{Key: paramLocation, Value: tree.Object{
				{Key: "type", Value: tree.String("string")},
				{Key: "defaultValue", Value: tree.Expr("[resourceGroup().location]")},
				{Key: "metadata", Value: description("The Azure region of every resource.")},
			}},
			{Key: paramVMSize, Value: tree.Object{
				{Key: "type", Value: tree.String("string")},
				{Key: "metadata", Value: description("The VM size of every node pool.")},
			}},
		}},
		{Key: "resources", Value: resources},
	}
	return tree.JSON(template), nil
}

func description(s string) tree.Object {
	return tree.Object{{Key: "description", Value: tree.String(s)}}
}

// The parameters, inputs the plan does not hold.
const (
	paramLocation = "location"
	paramVMSize   = "vmSize"
)

// refs writes the ARM expressions of the template.
type refs struct{ d *emit.Deployment }

func (refs) Location() tree.Expr { return "[parameters('" + paramLocation + "')]" }
func (refs) VMSize() tree.Expr   { return "[parameters('" + paramVMSize + "')]" }

func (r refs) SubnetID(s ipam.SubnetRef) tree.Expr {
	vn, sn := r.d.Subnet(s)
	return tree.Expr("[resourceId(" + tree.ARMQuote(emit.TypeSubnet) + ", " + tree.ARMQuote(vn.Name) + ", " +
		tree.ARMQuote(sn.Name) + ")]")
}

// dependsOn lists the VNets cluster i's subnets are in, in plan order.
func (r refs) dependsOn(i int) tree.Array {
	dc := &r.d.Clusters[i]
	var vnets []int
	for _, s := range slices.Concat(dc.NodeSubnets, dc.PodSubnets, []ipam.SubnetRef{dc.APIServerSubnet}) {
		if s.IsValid() {
			vnets = append(vnets, s.VNet)
		}
	}
	slices.Sort(vnets)
	var out tree.Array
	for _, v := range slices.Compact(vnets) {
		out = append(out, tree.Expr("[resourceId("+tree.ARMQuote(emit.TypeVNet)+", "+
			tree.ARMQuote(r.d.Plan.VNets[v].Name)+")]"))
	}
	return out
}
