package arm_test

import (
	"encoding/json"
	"fmt"
	"log"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/emit/arm"
	"github.com/cidrplan/cidrplan/ipam/planfile"
)

// Marshal writes a checked plan as an ARM template; here, how its first
// pool refers to its node subnet.
func ExampleMarshal() {
	p, err := planfile.Load("../../examples/plans/classic-cni.yaml")
	if err != nil {
		log.Fatal(err)
	}
	out, err := arm.Marshal(p, emit.Options{})
	if err != nil {
		log.Fatal(err)
	}
	var tmpl struct {
		Resources []struct {
			Type       string
			Properties struct {
				AgentPoolProfiles []struct {
					Name         string
					VNetSubnetID string
				}
			}
		}
	}
	if err := json.Unmarshal(out, &tmpl); err != nil {
		log.Fatal(err)
	}
	for _, r := range tmpl.Resources {
		for _, ap := range r.Properties.AgentPoolProfiles {
			fmt.Println(r.Type, ap.Name, ap.VNetSubnetID)
		}
	}
	// Output:
	// Microsoft.ContainerService/managedClusters system [resourceId('Microsoft.Network/virtualNetworks/subnets', 'prod-vnet', 'aks-nodes')]
	// Microsoft.ContainerService/managedClusters apps [resourceId('Microsoft.Network/virtualNetworks/subnets', 'prod-vnet', 'aks-nodes')]
}
