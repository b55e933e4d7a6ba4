package bicep_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/emit/bicep"
	"github.com/cidrplan/cidrplan/ipam/planfile"
)

// Marshal writes a checked plan as Bicep; here, the lines that place the
// first pool of the cluster in its subnet.
func ExampleMarshal() {
	p, err := planfile.Load("../../examples/plans/hub-spoke.yaml")
	if err != nil {
		log.Fatal(err)
	}
	out, err := bicep.Marshal(p, emit.Options{})
	if err != nil {
		log.Fatal(err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if strings.Contains(line, "Subnet") || strings.HasPrefix(strings.TrimSpace(line), "resource ") {
			fmt.Println(line)
		}
	}
	// Output:
	// resource vnet_spoke_aks 'Microsoft.Network/virtualNetworks@2024-05-01' = {
	//   resource subnet_aks_nodes 'subnets' existing = {
	//   resource subnet_ingress 'subnets' existing = {
	//   resource subnet_private_endpoints 'subnets' existing = {
	// resource aks_spoke 'Microsoft.ContainerService/managedClusters@2025-01-01' = {
	//         vnetSubnetID: vnet_spoke_aks::subnet_aks_nodes.id
	//         vnetSubnetID: vnet_spoke_aks::subnet_aks_nodes.id
}
