package bicep

import (
	"io"
	"strings"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/emit/internal/resource"
	"github.com/cidrplan/cidrplan/emit/internal/tree"
	"github.com/cidrplan/cidrplan/internal/ident"
	"github.com/cidrplan/cidrplan/ipam"
)

// FileName is the name of the file the Bicep goes to in a directory.
const FileName = "main.bicep"

// The parameters, inputs the plan does not hold.
const (
	paramLocation = "location"
	paramVMSize   = "vmSize"
)

// Write writes p as Bicep to w. Errors are those of [emit.Resolve] or w's.
func Write(w io.Writer, p *ipam.Plan, opts emit.Options) error {
	b, err := Marshal(p, opts)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// Marshal returns p as Bicep.
func Marshal(p *ipam.Plan, opts emit.Options) ([]byte, error) {
	d, err := emit.Resolve(p, opts)
	if err != nil {
		return nil, err
	}
	n := newNames(d)
	var b strings.Builder
	b.WriteString("// " + d.Generated() + ".\n")
	b.WriteString("// Every address range is the plan's: change the plan, check it, and emit again.\n\n")
	b.WriteString("@description('The Azure region of every resource.')\n")
	b.WriteString("param " + paramLocation + " string = resourceGroup().location\n\n")
	b.WriteString("@description('The VM size of every node pool.')\n")
	b.WriteString("param " + paramVMSize + " string\n")
	versions := emit.APIVersions()
	for i := range d.Plan.VNets {
		if d.Managed(i) {
			continue
		}
		vn := &d.Plan.VNets[i]
		b.WriteString("\nresource " + n.vnets[i] + " '" + emit.TypeVNet + "@" + versions[emit.TypeVNet] + "' = ")
		body := tree.Object{
			{Key: "name", Value: tree.String(vn.Name)},
			{Key: "location", Value: tree.Expr(paramLocation)},
			{Key: "properties", Value: resource.VNetProperties(vn)},
		}
		// The nested existing subnets go inside the VNet's braces.
		var vb strings.Builder
		tree.Bicep(&vb, body, 0)
		b.WriteString(strings.TrimSuffix(vb.String(), "}"))
		for j := range vn.Subnets {
			b.WriteString("\n  resource " + n.subnets[i][j] + " 'subnets' existing = {\n")
			b.WriteString("    name: " + tree.BicepString(vn.Subnets[j].Name) + "\n  }\n")
		}
		b.WriteString("}\n")
	}
	for i := range d.Plan.Clusters {
		c := &d.Plan.Clusters[i]
		if note := d.ManagedNote(i); note != "" {
			b.WriteString("\n// " + note)
		}
		b.WriteString("\nresource " + n.clusters[i] + " '" + emit.TypeCluster + "@" + versions[emit.TypeCluster] + "' = ")
		tree.Bicep(&b, tree.Object{
			{Key: "name", Value: tree.String(c.Name)},
			{Key: "location", Value: tree.Expr(paramLocation)},
			{Key: "identity", Value: resource.Identity()},
			{Key: "properties", Value: resource.ClusterProperties(d, i, n)},
		}, 0)
		b.WriteString("\n")
	}
	return []byte(b.String()), nil
}

// names holds the symbolic names of the resources, by position in the
// plan. It writes the Bicep references.
type names struct {
	vnets    []string
	subnets  [][]string
	clusters []string
}

func newNames(d *emit.Deployment) *names {
	n := &names{}
	var top ident.Set
	top.Reserve(paramLocation, paramVMSize)
	for _, vn := range d.Plan.VNets {
		n.vnets = append(n.vnets, top.Name("vnet", vn.Name))
		var nested ident.Set // nested names are scoped to their VNet
		var subnets []string
		for _, s := range vn.Subnets {
			subnets = append(subnets, nested.Name("subnet", s.Name))
		}
		n.subnets = append(n.subnets, subnets)
	}
	for _, c := range d.Plan.Clusters {
		n.clusters = append(n.clusters, top.Name("aks", c.Name))
	}
	return n
}

func (n *names) VMSize() tree.Expr { return paramVMSize }
func (n *names) SubnetID(r ipam.SubnetRef) tree.Expr {
	return tree.Expr(n.vnets[r.VNet] + "::" + n.subnets[r.VNet][r.Subnet] + ".id")
}
