package azure_test

import (
	"errors"
	"fmt"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/azure"
)

// Import reads a cluster, its spoke VNet, the hub it is peered with and the
// on-premises ranges behind the hub's gateway, and checks them together.
func ExampleImport() {
	plan, err := azure.Import(azure.Sources{
		AKS:    []string{"testdata/hub-peerings/aks.json"},
		VNet:   []string{"testdata/hub-peerings/vnet-spoke.json", "testdata/hub-peerings/vnet-hub.json"},
		OnPrem: []string{"testdata/hub-peerings/onprem-lgw.json"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, v := range plan.VNets {
		fmt.Println("vnet", v.Name, v.AddressSpace)
	}
	for _, c := range plan.Clusters {
		for _, p := range c.AgentPoolProfiles {
			fmt.Println("pool", c.Name+"/"+p.Name, "in", p.VNetSubnet)
		}
	}
	for _, a := range plan.Avoid {
		fmt.Println("avoid", a.Source, a.Name, a.Prefixes)
	}
	for _, f := range plan.Validate().Filter(ipam.SeverityError) {
		fmt.Println(f.Code, f.Field)
	}
	// Output:
	// vnet vnet-spoke-app [10.60.0.0/16]
	// vnet vnet-hub [10.250.0.0/22]
	// pool aks-app/system in vnet-spoke-app/snet-aks
	// avoid peering vnet-hub/hub-to-spoke-shared [10.61.0.0/16 10.62.0.0/24]
	// avoid onPremises lgw-datacenter-ams [10.0.0.0/14 192.168.10.0/24]
	// OnPremisesCidrOverlapping clusters[aks-app].networkProfile.serviceCidr
}

// ParseAKS reports every unresolved ARM template expression with the field
// that holds it.
func ExampleParseAKS_templateExpression() {
	template := []byte(`{
	  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
	  "resources": [{
	    "type": "Microsoft.ContainerService/managedClusters",
	    "name": "aks-prod",
	    "properties": {"networkProfile": {"networkPlugin": "azure", "serviceCidr": "[parameters('serviceCidr')]"}}
	  }]
	}`)
	_, err := azure.ParseAKS(template, "main.json")
	fmt.Println(errors.Is(err, azure.ErrTemplateExpression))
	fmt.Println(err)
	// Output:
	// true
	// azure: main.json: resources[0].properties.networkProfile.serviceCidr: unresolved template expression "[parameters('serviceCidr')]"
}
