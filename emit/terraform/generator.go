package terraform

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/internal/ident"
	"github.com/cidrplan/cidrplan/ipam"
)

// generator writes one deployment into an HCL body.
type generator struct {
	d    *emit.Deployment
	body *hclwrite.Body
	// labels of the resources, by position in the plan
	vnets    []string
	subnets  [][]string
	clusters []string
	pools    ident.Set
}

func newGenerator(d *emit.Deployment, body *hclwrite.Body) *generator {
	g := &generator{d: d, body: body, pools: ident.Set{Hyphen: true}}
	vnets := ident.Set{Hyphen: true}
	subnets := ident.Set{Hyphen: true}
	clusters := ident.Set{Hyphen: true}
	for _, vn := range d.Plan.VNets {
		g.vnets = append(g.vnets, vnets.Name(vn.Name))
		var labels []string
		for _, s := range vn.Subnets {
			labels = append(labels, subnets.Name(vn.Name, s.Name))
		}
		g.subnets = append(g.subnets, labels)
	}
	for _, c := range d.Plan.Clusters {
		g.clusters = append(g.clusters, clusters.Name(c.Name))
	}
	return g
}

// The resource types written.
const (
	typeVNet     = "azurerm_virtual_network"
	typeSubnet   = "azurerm_subnet"
	typeCluster  = "azurerm_kubernetes_cluster"
	typeNodePool = "azurerm_kubernetes_cluster_node_pool"
)

// The variables, inputs the plan does not hold.
const (
	varResourceGroup = "resource_group_name"
	varLocation      = "location"
	varVMSize        = "vm_size"
)

func (g *generator) file() error {
	g.comment(g.d.Generated() + ".")
	g.comment("Every address range is the plan's: change the plan, check it, and emit again.")
	g.body.AppendNewline()
	g.providers()
	g.variables()
	for i := range g.d.Plan.VNets {
		if !g.d.Managed(i) {
			g.vnet(i)
		}
	}
	for i := range g.d.Plan.Clusters {
		if err := g.cluster(i); err != nil {
			return err
		}
	}
	return nil
}

func (g *generator) comment(text string) {
	g.body.AppendUnstructuredTokens(hclwrite.Tokens{
		{Type: hclsyntax.TokenComment, Bytes: []byte("# " + text + "\n")},
	})
}

func (g *generator) providers() {
	tf := g.body.AppendNewBlock("terraform", nil).Body()
	rp := tf.AppendNewBlock("required_providers", nil).Body()
	rp.SetAttributeValue("azurerm", cty.ObjectVal(map[string]cty.Value{
		"source":  cty.StringVal("hashicorp/azurerm"),
		"version": cty.StringVal("~> 4.0"),
	}))
	g.body.AppendNewline()
	g.body.AppendNewBlock("provider", []string{"azurerm"}).Body().AppendNewBlock("features", nil)
	g.body.AppendNewline()
}

func (g *generator) variables() {
	for _, v := range []struct{ name, description string }{
		{varResourceGroup, "The resource group every resource goes to."},
		{varLocation, "The Azure region of every resource."},
		{varVMSize, "The VM size of every node pool."},
	} {
		b := g.body.AppendNewBlock("variable", []string{v.name}).Body()
		b.SetAttributeValue("description", cty.StringVal(v.description))
		b.SetAttributeTraversal("type", hcl.Traversal{hcl.TraverseRoot{Name: "string"}})
		g.body.AppendNewline()
	}
}

// placed sets the resource group and location of a top-level resource.
func placed(b *hclwrite.Body) {
	b.SetAttributeTraversal("location", ref("var", varLocation))
	b.SetAttributeTraversal("resource_group_name", ref("var", varResourceGroup))
}

// ref is the traversal root.a.b...
func ref(root string, attrs ...string) hcl.Traversal {
	t := hcl.Traversal{hcl.TraverseRoot{Name: root}}
	for _, a := range attrs {
		t = append(t, hcl.TraverseAttr{Name: a})
	}
	return t
}

// subnetID refers to the id of the subnet r points at.
func (g *generator) subnetID(r ipam.SubnetRef) hcl.Traversal {
	return ref(typeSubnet, g.subnets[r.VNet][r.Subnet], "id")
}

func str(s string) cty.Value { return cty.StringVal(s) }

func strs[T ~string](vs []T) cty.Value {
	if len(vs) == 0 {
		return cty.ListValEmpty(cty.String)
	}
	out := make([]cty.Value, len(vs))
	for i, v := range vs {
		out[i] = cty.StringVal(string(v))
	}
	return cty.ListVal(out)
}

func num(n int) cty.Value { return cty.NumberIntVal(int64(n)) }
