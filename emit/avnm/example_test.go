package avnm_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/emit/avnm"
	"github.com/cidrplan/cidrplan/ipam/planfile"
)

// Marshal writes the AVNM commands of a checked plan; here, the ranges the
// pool holds back and the VNet allocation.
func ExampleMarshal() {
	p, err := planfile.Load("../../examples/plans/overlay-cilium.yaml")
	if err != nil {
		log.Fatal(err)
	}
	out, err := avnm.Marshal(p, "/subscriptions/sub1/resourceGroups/net-rg/providers/Microsoft.Network/networkManagers/nm/ipamPools/corp", nil, emit.Options{})
	if err != nil {
		log.Fatal(err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if strings.Contains(line, "--address-prefixes") || strings.Contains(line, "number-of-ip-addresses") {
			fmt.Println(strings.TrimSpace(line))
		}
	}
	// Output:
	// --address-prefixes 10.244.0.0/15 \
	// --address-prefixes 10.0.0.0/16 \
	// '[0].number-of-ip-addresses=65536' \
}
