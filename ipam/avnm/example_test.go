package avnm_test

import (
	"fmt"
	"log"
	"os"

	"github.com/cidrplan/cidrplan/ipam/avnm"
	"github.com/cidrplan/cidrplan/ipam/planfile"
)

// Join relates a pool's usage to a plan: what the pool has in use for
// others becomes ranges to avoid, and the pool checks the plan's space.
func ExampleUsage_Join() {
	data, err := os.ReadFile("testdata/pool-usage.json")
	if err != nil {
		log.Fatal(err)
	}
	u, err := avnm.ParseUsage(data, "pool-usage.json")
	if err != nil {
		log.Fatal(err)
	}
	p, err := planfile.Parse([]byte(`name: spoke
vnets:
  - name: hub
    addressSpace: [10.0.0.0/22]
  - name: spoke
    addressSpace: [10.0.8.0/23]
`), "spoke.yaml")
	if err != nil {
		log.Fatal(err)
	}
	q, pool := u.Join(p, "corp")
	for _, a := range q.Avoid {
		fmt.Println(a.Name, a.Prefixes)
	}
	for _, f := range append(q.Validate(), q.CheckAddressPool(pool)...) {
		fmt.Println(f.Severity, f.Code, f.Field)
	}
	// Output:
	// corp: allocated [10.0.8.0/24]
	// corp: static CIDRs [10.0.4.0/24]
	// error AvnmPrefixInUse vnets[spoke].addressSpace[0]
	// info AvnmAllocationAssumed vnets[hub].addressSpace[0]
}
