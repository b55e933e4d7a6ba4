package terraform_test

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/gocty"

	"github.com/cidrplan/cidrplan/emit/internal/emittest"
)

// read parses emitted Terraform back into what it deploys, following
// references between resources by label.
func read(t *testing.T, src []byte) emittest.Deployed {
	t.Helper()
	f, diags := hclsyntax.ParseConfig(src, "main.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("output does not parse: %v", diags)
	}
	r := reader{t: t, byLabel: map[string]*hclsyntax.Block{}}
	var vnets, subnets, clusters, pools []*hclsyntax.Block
	for _, b := range f.Body.(*hclsyntax.Body).Blocks {
		if b.Type != "resource" {
			continue
		}
		r.byLabel[b.Labels[0]+"."+b.Labels[1]] = b
		switch b.Labels[0] {
		case "azurerm_virtual_network":
			vnets = append(vnets, b)
		case "azurerm_subnet":
			subnets = append(subnets, b)
		case "azurerm_kubernetes_cluster":
			clusters = append(clusters, b)
		case "azurerm_kubernetes_cluster_node_pool":
			pools = append(pools, b)
		default:
			t.Errorf("unexpected resource type %s", b.Labels[0])
		}
	}
	var d emittest.Deployed
	for _, vb := range vnets {
		v := emittest.VNet{Name: r.str(vb, "name"), AddressSpace: r.strs(vb, "address_space")}
		for _, sb := range subnets {
			if r.refName(sb, "virtual_network_name") != v.Name {
				continue
			}
			s := emittest.Subnet{Name: r.str(sb, "name"), Prefixes: r.strs(sb, "address_prefixes")}
			if dl := child(sb, "delegation"); dl != nil {
				s.Delegation = r.str(child(dl, "service_delegation"), "name")
			}
			v.Subnets = append(v.Subnets, s)
		}
		d.VNets = append(d.VNets, v)
	}
	for _, cb := range clusters {
		np := child(cb, "network_profile")
		c := emittest.Cluster{
			Name:              r.str(cb, "name"),
			KubernetesVersion: r.str(cb, "kubernetes_version"),
			Private:           r.boolean(cb, "private_cluster_enabled"),
			Plugin:            r.str(np, "network_plugin"),
			PluginMode:        r.str(np, "network_plugin_mode"),
			Policy:            r.str(np, "network_policy"),
			Dataplane:         r.str(np, "network_data_plane"),
			PodCIDRs:          r.oneOrMany(np, "pod_cidr", "pod_cidrs"),
			ServiceCIDRs:      r.oneOrMany(np, "service_cidr", "service_cidrs"),
			DNSServiceIP:      r.str(np, "dns_service_ip"),
			IPFamilies:        r.strs(np, "ip_versions"),
		}
		if ab := child(cb, "api_server_access_profile"); ab != nil {
			c.VNetIntegration = r.boolean(ab, "virtual_network_integration_enabled")
			c.APIServerSubnet = r.subnet(ab, "subnet_id")
		}
		dp := child(cb, "default_node_pool")
		def := r.pool(dp)
		def.Mode, def.OSType = "System", "Linux"
		c.Default = def.Name
		c.Pools = append(c.Pools, def)
		for _, pb := range pools {
			root, _ := r.traversal(pb, "kubernetes_cluster_id")
			if r.byLabel[root] != cb {
				continue
			}
			p := r.pool(pb)
			p.Mode, p.OSType = r.str(pb, "mode"), r.str(pb, "os_type")
			c.Pools = append(c.Pools, p)
		}
		d.Clusters = append(d.Clusters, c)
	}
	d.SortPools()
	return d
}

type reader struct {
	t       *testing.T
	byLabel map[string]*hclsyntax.Block // "type.label"
}

func child(b *hclsyntax.Block, typ string) *hclsyntax.Block {
	for _, c := range b.Body.Blocks {
		if c.Type == typ {
			return c
		}
	}
	return nil
}

func (r *reader) value(b *hclsyntax.Block, name string) (cty.Value, bool) {
	a := b.Body.Attributes[name]
	if a == nil {
		return cty.NilVal, false
	}
	v, diags := a.Expr.Value(nil)
	if diags.HasErrors() {
		r.t.Errorf("%s: not a literal: %v", name, diags)
		return cty.NilVal, false
	}
	return v, true
}

func (r *reader) str(b *hclsyntax.Block, name string) string {
	v, ok := r.value(b, name)
	if !ok {
		return ""
	}
	return v.AsString()
}

func (r *reader) num(b *hclsyntax.Block, name string) int {
	v, ok := r.value(b, name)
	if !ok {
		return 0
	}
	var n int
	if err := gocty.FromCtyValue(v, &n); err != nil {
		r.t.Errorf("%s: %v", name, err)
	}
	return n
}

func (r *reader) boolean(b *hclsyntax.Block, name string) bool {
	v, ok := r.value(b, name)
	return ok && v.True()
}

func (r *reader) strs(b *hclsyntax.Block, name string) []string {
	v, ok := r.value(b, name)
	if !ok {
		return nil
	}
	var out []string
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		out = append(out, e.AsString())
	}
	return out
}

func (r *reader) oneOrMany(b *hclsyntax.Block, single, plural string) []string {
	if s := r.str(b, single); s != "" {
		return []string{s}
	}
	return r.strs(b, plural)
}

// traversal returns the "type.label" an attribute refers to and the
// attribute it takes of it.
func (r *reader) traversal(b *hclsyntax.Block, name string) (string, string) {
	a := b.Body.Attributes[name]
	if a == nil {
		return "", ""
	}
	st, ok := a.Expr.(*hclsyntax.ScopeTraversalExpr)
	if !ok || len(st.Traversal) != 3 {
		r.t.Errorf("%s is not a reference to a resource attribute", name)
		return "", ""
	}
	return st.Traversal.RootName() + "." + st.Traversal[1].(hcl.TraverseAttr).Name, st.Traversal[2].(hcl.TraverseAttr).Name
}

// refName follows a reference to another resource's name.
func (r *reader) refName(b *hclsyntax.Block, name string) string {
	root, attr := r.traversal(b, name)
	target := r.byLabel[root]
	if target == nil || attr != "name" {
		r.t.Errorf("%s refers to %s.%s, not to a resource's name", name, root, attr)
		return ""
	}
	return r.str(target, "name")
}

// subnet follows a reference to a subnet's id: "vnet/subnet".
func (r *reader) subnet(b *hclsyntax.Block, name string) string {
	root, attr := r.traversal(b, name)
	if root == "" {
		return ""
	}
	sb := r.byLabel[root]
	if sb == nil || attr != "id" || !strings.HasPrefix(root, "azurerm_subnet.") {
		r.t.Errorf("%s refers to %s.%s, not to a subnet's id", name, root, attr)
		return ""
	}
	return r.refName(sb, "virtual_network_name") + "/" + r.str(sb, "name")
}

func (r *reader) pool(b *hclsyntax.Block) emittest.Pool {
	p := emittest.Pool{
		Name:        r.str(b, "name"),
		Count:       r.num(b, "node_count"),
		AutoScaling: r.boolean(b, "auto_scaling_enabled"),
		MinCount:    r.num(b, "min_count"),
		MaxCount:    r.num(b, "max_count"),
		MaxPods:     r.num(b, "max_pods"),
		NodeSubnet:  r.subnet(b, "vnet_subnet_id"),
		PodSubnet:   r.subnet(b, "pod_subnet_id"),
		// azurerm 4.x writes neither; Marshal refuses other values.
		MaxUnavailable: "0",
	}
	if p.PodSubnet != "" {
		p.PodIPAllocationMode = "DynamicIndividual"
	}
	if u := child(b, "upgrade_settings"); u != nil {
		p.MaxSurge = r.str(u, "max_surge")
	}
	if st, ok := b.Body.Attributes["vm_size"].Expr.(*hclsyntax.ScopeTraversalExpr); !ok ||
		st.Traversal.RootName() != "var" || st.Traversal[1].(hcl.TraverseAttr).Name != "vm_size" {
		r.t.Errorf("pool %s: vm_size is not var.vm_size", p.Name)
	}
	return p
}
