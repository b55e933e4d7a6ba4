package emit_test

import (
	"errors"
	"fmt"
	"log"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/ipam/planfile"
)

// Resolve refuses a plan that leaves ranges to be allocated, naming them;
// completing the plan first makes it ready to emit.
func ExampleResolve() {
	p, err := planfile.Load("../examples/plans/incomplete.yaml")
	if err != nil {
		log.Fatal(err)
	}
	_, err = emit.Resolve(p, emit.Options{})
	var ue *emit.UnallocatedError
	if errors.As(err, &ue) {
		for _, f := range ue.Fields {
			fmt.Println("to allocate:", f)
		}
	}
	done, err := p.Complete()
	if err != nil {
		log.Fatal(err)
	}
	d, err := emit.Resolve(done, emit.Options{})
	if err != nil {
		log.Fatal(err)
	}
	c := &d.Plan.Clusters[0]
	_, node := d.Subnet(d.Clusters[0].NodeSubnets[d.Clusters[0].System])
	fmt.Printf("default pool %s in %s %s\n", c.AgentPoolProfiles[d.Clusters[0].System].Name, node.Name, node.AddressPrefixes[0])
	// Output:
	// to allocate: clusters[team].networkProfile.dnsServiceIP
	// to allocate: clusters[team].networkProfile.podCidr
	// to allocate: clusters[team].networkProfile.serviceCidr
	// to allocate: vnets[team-vnet].subnets[apps-nodes].addressPrefixes
	// to allocate: vnets[team-vnet].subnets[system-nodes].addressPrefixes
	// default pool system in system-nodes 10.70.1.0/28
}
