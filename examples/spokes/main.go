// Spokes allocates one spoke VNet for each of 50 AKS clusters from a
// company's /12, around ranges already in use (a hub VNet and two older
// spokes), with the ipam allocator: deterministic first fit, lowest address
// first, every VNet aligned to its size.
//
//	go run ./examples/spokes
package main

import (
	"fmt"
	"io"
	"net/netip"
	"os"

	"github.com/cidrplan/cidrplan/ipam"
	"go4.org/netipx"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "spokes:", err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	company := netip.MustParsePrefix("10.128.0.0/12")
	inUse := []netipx.IPRange{
		netipx.RangeOfPrefix(netip.MustParsePrefix("10.128.0.0/22")),  // hub VNet
		netipx.RangeOfPrefix(netip.MustParsePrefix("10.128.64.0/18")), // legacy spoke
		netipx.RangeOfPrefix(netip.MustParsePrefix("10.130.0.0/17")),  // legacy spoke
	}
	// A /18 per cluster: a /21 node subnet (classic CNI, ~60 nodes at 30
	// pods) plus room for pod, ingress and private-endpoint subnets.
	const clusters, spokeBits = 50, 18
	alloc, err := ipam.NewAllocator(company, inUse...)
	if err != nil {
		return err
	}
	spokes, err := alloc.AllocateN(spokeBits, clusters)
	if err != nil {
		return err
	}
	for i, p := range spokes {
		if i < 5 || i >= clusters-2 {
			fmt.Fprintf(w, "cluster-%02d  %s\n", i+1, p)
		} else if i == 5 {
			fmt.Fprintln(w, "...")
		}
	}
	// What is left: the allocator can say, and go on allocating.
	next, err := alloc.Allocate(spokeBits)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%d spokes allocated; the next free /%d is %s\n", len(spokes), spokeBits, next)

	// Asking for more than fits is an *ipam.AllocError wrapping ipam.ErrNoSpace.
	_, err = ipam.Allocate(company, 16, 20, inUse...)
	fmt.Fprintln(w, "20 more /16s:", err)
	return nil
}
