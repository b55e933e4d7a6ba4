package azure_test

import (
	"net/netip"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/azure"
)

// TestTerraformPlanReferences checks that unknown IDs in a plan are
// resolved through the configuration: a node pool to the cluster its
// kubernetes_cluster_id references (two clusters, so the only-cluster rule
// can't help), a subnet through a child module's output, inside a module
// instance with a key.
func TestTerraformPlanReferences(t *testing.T) {
	in := `{"planned_values":{"root_module":{
	  "resources":[
	    {"address":"azurerm_kubernetes_cluster.a","type":"azurerm_kubernetes_cluster","values":{"name":"a",
	     "network_profile":[{"network_plugin":"azure"}],"default_node_pool":[{"name":"sys","node_count":3}]}},
	    {"address":"azurerm_kubernetes_cluster.b","type":"azurerm_kubernetes_cluster","values":{"name":"b",
	     "network_profile":[{"network_plugin":"azure"}],"default_node_pool":[{"name":"sys","node_count":3}]}},
	    {"address":"azurerm_kubernetes_cluster_node_pool.extra","type":"azurerm_kubernetes_cluster_node_pool",
	     "values":{"name":"extra","node_count":2}}],
	  "child_modules":[{"address":"module.net[\"weu\"]","resources":[
	    {"address":"module.net[\"weu\"].azurerm_virtual_network.v","type":"azurerm_virtual_network",
	     "values":{"name":"v","resource_group_name":"rg","address_space":["10.8.0.0/16"]}},
	    {"address":"module.net[\"weu\"].azurerm_subnet.s","type":"azurerm_subnet",
	     "values":{"name":"s","resource_group_name":"rg","virtual_network_name":"v","address_prefixes":["10.8.0.0/22"]}}]}]}},
	 "configuration":{"root_module":{
	  "resources":[
	    {"address":"azurerm_kubernetes_cluster.b","expressions":{"default_node_pool":[{"vnet_subnet_id":{"references":["module.net[\"weu\"].subnet_id","module.net"]}}]}},
	    {"address":"azurerm_kubernetes_cluster_node_pool.extra","expressions":{
	      "kubernetes_cluster_id":{"references":["azurerm_kubernetes_cluster.b.id","azurerm_kubernetes_cluster.b"]},
	      "vnet_subnet_id":{"references":["module.net.subnet_id","module.net"]}}}],
	  "module_calls":{"net":{"module":{
	    "outputs":{"subnet_id":{"expression":{"references":["azurerm_subnet.s.id","azurerm_subnet.s"]}}},
	    "resources":[{"address":"azurerm_subnet.s"}]}}}}}}`
	rs, err := azure.ParseTerraform([]byte(in), "plan.json")
	if err != nil {
		t.Fatal(err)
	}
	plan, err := rs.Plan()
	if err != nil {
		t.Fatal(err)
	}
	got := make(map[string][]string)
	for _, c := range plan.Clusters {
		for _, p := range c.AgentPoolProfiles {
			got[c.Name] = append(got[c.Name], p.Name+" in "+p.VNetSubnet)
		}
	}
	want := map[string][]string{"a": {"sys in "}, "b": {"sys in v/s", "extra in v/s"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pools (-want +got):\n%s", diff)
	}
}

// TestTerraformSubnetOfForeignVNet checks the documented outcome of a subnet
// whose VNet no file exports: a VNet without address space that Validate
// reports, and that merges with the VNet once it is imported.
func TestTerraformSubnetOfForeignVNet(t *testing.T) {
	vnetID := "/subscriptions/s/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/hub"
	tf := `{"values":{"root_module":{"resources":[{"address":"azurerm_subnet.s","type":"azurerm_subnet",
	  "values":{"id":"` + vnetID + `/subnets/aks","name":"aks","resource_group_name":"rg-hub","virtual_network_name":"hub",
	  "address_prefixes":["10.9.0.0/24"]}}]}}}`
	rs := mustParse(t, azure.ParseTerraform, tf)
	plan, err := rs.Plan()
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.VNets) != 1 || len(plan.VNets[0].AddressSpace) != 0 {
		t.Fatalf("VNets = %+v, want one without address space", plan.VNets)
	}
	if !slices.Contains(plan.Validate().Codes(), ipam.CodeMissingRange) {
		t.Errorf("findings %v lack %s", plan.Validate().Codes(), ipam.CodeMissingRange)
	}
	vnet := mustParse(t, azure.ParseVNet, `{"name":"hub","id":"`+strings.ToLower(vnetID)+`","addressSpace":{"addressPrefixes":["10.9.0.0/16"]}}`)
	plan, err = planOf(t, rs, vnet)
	if err != nil {
		t.Fatal(err)
	}
	want := []ipam.VNet{{Name: "hub", AddressSpace: []netip.Prefix{pfx("10.9.0.0/16")},
		Subnets: []ipam.Subnet{{Name: "aks", AddressPrefixes: []netip.Prefix{pfx("10.9.0.0/24")}}}}}
	if diff := cmp.Diff(want, plan.VNets, cmpOpts); diff != "" {
		t.Errorf("VNets (-want +got):\n%s", diff)
	}
}

// TestTerraformPeering checks what a peering gives, by where the state holds
// its remote VNet: a data source's space becomes a range to avoid (and no
// VNet), a managed VNet is in the plan and the peering adds nothing, a
// remote VNet the state does not hold adds nothing (its space is unknown).
func TestTerraformPeering(t *testing.T) {
	const hubID = "/subscriptions/s/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/hub"
	spoke := `{"address":"azurerm_virtual_network.spoke","mode":"managed","type":"azurerm_virtual_network",
	  "values":{"id":"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/spoke",
	  "name":"spoke","resource_group_name":"rg","address_space":["10.8.0.0/16"]}}`
	peering := `{"address":"azurerm_virtual_network_peering.p","mode":"managed","type":"azurerm_virtual_network_peering",
	  "values":{"name":"to-hub","resource_group_name":"rg","virtual_network_name":"spoke",
	  "remote_virtual_network_id":"` + hubID + `"}}`
	hub := func(mode string) string {
		return `{"address":"hub","mode":"` + mode + `","type":"azurerm_virtual_network",
		  "values":{"id":"` + hubID + `","name":"hub","resource_group_name":"rg-hub","address_space":["10.0.0.0/16"]}}`
	}
	tests := []struct {
		name      string
		resources []string
		wantVNets []string
		wantAvoid []ipam.AvoidRange
	}{
		{"data source hub", []string{spoke, peering, hub("data")}, []string{"spoke"},
			[]ipam.AvoidRange{{Name: "spoke/to-hub", Source: ipam.SourcePeering, Prefixes: []netip.Prefix{pfx("10.0.0.0/16")}}}},
		{"managed hub", []string{spoke, peering, hub("managed")}, []string{"spoke", "hub"}, nil},
		{"hub not in state", []string{spoke, peering}, []string{"spoke"}, nil},
		{"peering of a VNet elsewhere", []string{peering, hub("data")}, nil,
			[]ipam.AvoidRange{{Name: "spoke/to-hub", Source: ipam.SourcePeering, Prefixes: []netip.Prefix{pfx("10.0.0.0/16")}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := `{"values":{"root_module":{"resources":[` + strings.Join(tt.resources, ",") + `]}}}`
			plan, err := mustParse(t, azure.ParseTerraform, in).Plan()
			if err != nil {
				t.Fatal(err)
			}
			var vnets []string
			for _, v := range plan.VNets {
				vnets = append(vnets, v.Name)
			}
			if diff := cmp.Diff(tt.wantVNets, vnets, cmpOpts); diff != "" {
				t.Errorf("VNets (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantAvoid, plan.Avoid, cmpOpts); diff != "" {
				t.Errorf("Avoid (-want +got):\n%s", diff)
			}
		})
	}
}
