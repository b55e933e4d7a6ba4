package az_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/emit/az"
	"github.com/cidrplan/cidrplan/ipam/planfile"
)

// Marshal writes a checked plan as a script of az commands; here, the
// command that creates its node subnet.
func ExampleMarshal() {
	p, err := planfile.Load("../../examples/plans/kubenet-limits.yaml")
	if err != nil {
		log.Fatal(err)
	}
	out, err := az.Marshal(p, emit.Options{})
	if err != nil {
		log.Fatal(err)
	}
	text := string(out)
	start := strings.Index(text, "subnet_")
	end := start + strings.Index(text[start:], "\n\n")
	fmt.Println(text[start:end])
	// Output:
	// subnet_batch_vnet_aks_nodes_id=$(az network vnet subnet create \
	//   --resource-group "$resource_group" \
	//   --vnet-name batch-vnet \
	//   --name aks-nodes \
	//   --address-prefixes 10.50.0.0/23 \
	//   --query id \
	//   --output tsv)
}
