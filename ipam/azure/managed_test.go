package azure_test

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cidrplan/cidrplan/ipam/azure"
)

// A cluster whose pools name no subnet is on the AKS-managed VNet: the one
// exported from its node resource group, else the observed default,
// assumed.
func TestManagedVNet(t *testing.T) {
	defaultCluster, err := os.ReadFile("testdata/managed-vnet/aks.json")
	if err != nil {
		t.Fatal(err)
	}
	exported, err := os.ReadFile("testdata/managed-vnet-exported/vnet.json")
	if err != nil {
		t.Fatal(err)
	}
	const mixed = `{"name":"c","nodeResourceGroup":"MC_c","agentPoolProfiles":[
	  {"name":"a","count":1,"vnetSubnetId":null},
	  {"name":"b","count":1,"vnetSubnetId":"` + spokeID + `/subnets/aks"}]}`
	const tfState = `{"values":{"root_module":{"resources":[
	  {"address":"azurerm_kubernetes_cluster.k","type":"azurerm_kubernetes_cluster","values":{"name":"k",
	   "node_resource_group":"MC_k","network_profile":[{"network_plugin":"azure","network_plugin_mode":"overlay"}],
	   "default_node_pool":[{"name":"sys","node_count":2,"vnet_subnet_id":null}]}}]}}}`
	const tfPlanUnknown = `{"planned_values":{"root_module":{"resources":[
	  {"address":"azurerm_kubernetes_cluster.k","type":"azurerm_kubernetes_cluster","values":{"name":"k",
	   "network_profile":[{"network_plugin":"azure"}],"default_node_pool":[{"name":"sys","node_count":2}]}}]}}}`
	type want struct {
		VNets   []string // name, and "(assumed)"
		Subnets []string // each pool's vnetSubnet
	}
	tests := []struct {
		name  string
		parts func(t *testing.T) []*azure.Resources
		want  want
	}{
		{"default cluster", func(t *testing.T) []*azure.Resources {
			return []*azure.Resources{mustParse(t, azure.ParseAKS, string(defaultCluster))}
		}, want{[]string{"aks-vnet-aks-demo (assumed)"}, []string{"aks-vnet-aks-demo/aks-subnet"}}},
		{"its VNet exported", func(t *testing.T) []*azure.Resources {
			return []*azure.Resources{mustParse(t, azure.ParseAKS, string(defaultCluster)), mustParse(t, azure.ParseVNet, string(exported))}
		}, want{[]string{"aks-vnet-31946723"}, []string{"aks-vnet-31946723/aks-subnet"}}},
		{"a VNet of another resource group", func(t *testing.T) []*azure.Resources {
			return []*azure.Resources{mustParse(t, azure.ParseAKS, string(defaultCluster)), mustParse(t, azure.ParseVNet, spokeVNet)}
		}, want{[]string{"spoke", "aks-vnet-aks-demo (assumed)"}, []string{"aks-vnet-aks-demo/aks-subnet"}}},
		{"some pools with a subnet", func(t *testing.T) []*azure.Resources {
			return []*azure.Resources{mustParse(t, azure.ParseAKS, mixed), mustParse(t, azure.ParseVNet, spokeVNet)}
		}, want{[]string{"spoke"}, []string{"", "spoke/aks"}}},
		{"terraform state", func(t *testing.T) []*azure.Resources {
			return []*azure.Resources{mustParse(t, azure.ParseTerraform, tfState)}
		}, want{[]string{"aks-vnet-k (assumed)"}, []string{"aks-vnet-k/aks-subnet"}}},
		{"terraform plan, subnet unknown", func(t *testing.T) []*azure.Resources {
			return []*azure.Resources{mustParse(t, azure.ParseTerraform, tfPlanUnknown)}
		}, want{nil, []string{""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan, err := planOf(t, tt.parts(t)...)
			if err != nil {
				t.Fatal(err)
			}
			var got want
			for _, v := range plan.VNets {
				if v.Assumed {
					v.Name += " (assumed)"
				}
				got.VNets = append(got.VNets, v.Name)
			}
			for _, c := range plan.Clusters {
				for _, p := range c.AgentPoolProfiles {
					got.Subnets = append(got.Subnets, p.VNetSubnet)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
