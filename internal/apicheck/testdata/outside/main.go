// Command outside sizes a cluster through cidrplan's public API from a module
// of its own, with counts it makes itself. It builds only while no exported
// identifier of sizing names a type from cidrplan's internal packages.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/netip"
	"os"

	"github.com/cidrplan/cidrplan/sizing"
)

// budget is the caller's own record of counts.
type budget struct {
	Need sizing.Count `json:"need"`
	Have sizing.Count `json:"have"`
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run() error {
	need := sizing.CountFrom64(50 + 1).Mul64(30 + 1)
	fmt.Printf("%v addresses need a /%d node subnet\n", need, sizing.MinPrefixLen(sizing.NodeSubnet, sizing.IPv4, "", need))
	var have sizing.Count = sizing.Usable(sizing.NodeSubnet, sizing.IPv4, "", 21)
	fmt.Printf("a /21 offers %s, %v to spare\n", have.Grouped(), have.Sub(need))

	c := sizing.Cluster{
		Network: sizing.Network{Plugin: sizing.PluginAzure},
		Pools:   []sizing.Pool{{Name: "nodepool1", Count: 50, MaxPods: 30, MaxSurge: sizing.MustParseSurge("1")}},
	}
	d, err := c.Demand()
	if err != nil {
		return err
	}
	var total sizing.Count
	for _, r := range d.Ranges {
		total = total.Add(r.Peak)
	}
	if total != need {
		return fmt.Errorf("demand %v, want %v", total, need)
	}

	f, err := c.Fit(d.Ranges[0].RangeKey, netip.MustParsePrefix("10.0.0.0/22"))
	if err != nil {
		return err
	}
	var ce *sizing.CapacityError
	if !errors.As(f.Err(), &ce) {
		return fmt.Errorf("a /22 fits %v addresses: %v", need, f.Err())
	}
	b := budget{Need: ce.Need, Have: ce.Have}
	if short := b.Need.Sub(b.Have); !short.IsZero() {
		fmt.Printf("a /22 is %v short\n", short)
	}

	ipv6, err := sizing.ParseCount("18446744073709551616")
	if err != nil {
		return err
	}
	if ipv6 != sizing.PrefixCount(netip.MustParsePrefix("fd00::/64")) || !need.Less(ipv6) {
		return fmt.Errorf("an IPv6 /64 is not %v", ipv6)
	}
	b.Have = ipv6
	j, err := json.Marshal(b)
	if err != nil {
		return err
	}
	fmt.Println(string(j))
	return nil
}
