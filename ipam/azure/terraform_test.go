package azure_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

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
