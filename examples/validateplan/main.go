// Validateplan loads an address plan, validates it the way AKS would, and
// acts on the findings: it prints them, applies the fix the validator
// suggests for the service range, and validates again.
//
//	go run ./examples/validateplan
package main

import (
	"fmt"
	"io"
	"net/netip"
	"os"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/planfile"
)

// The plan a team proposed: its service CIDR was copied from the VNet's
// address space, so it overlaps the node subnet, and the DNS service IP was
// left at the AKS default outside of it.
const proposed = `
vnets:
  - name: spoke
    addressSpace: [10.20.0.0/16]
    subnets:
      - name: aks-nodes
        addressPrefixes: [10.20.0.0/22]
clusters:
  - name: payments
    vnet: spoke
    networkProfile:
      networkPlugin: azure
      networkPluginMode: overlay
      networkPolicy: cilium
      networkDataplane: cilium
      podCidr: 10.244.0.0/16
      serviceCidr: 10.20.0.0/16
      dnsServiceIP: 10.0.0.10
    agentPoolProfiles:
      - name: system
        count: 3
        maxPods: 110
        maxSurge: "1"
        vnetSubnet: aks-nodes
`

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "validateplan:", err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	plan, err := planfile.Parse([]byte(proposed), "proposed.yaml")
	if err != nil {
		return err // malformed YAML, unknown keys, host bits: with the line
	}
	findings := plan.Validate()
	errs := findings.Filter(ipam.SeverityError)
	fmt.Fprintf(w, "proposed plan: %d errors\n", len(errs))
	for _, f := range errs {
		fmt.Fprintf(w, "  %s %s\n    %s\n    fix: %s\n", f.Code, f.Field, f.Message, f.Fix)
	}

	// Move the services out of the VNet, to a range nothing else uses.
	fixed := plan.Clone()
	np := &fixed.Clusters[0].NetworkProfile
	np.ServiceCIDR = netip.MustParsePrefix("10.0.0.0/16")
	np.DNSServiceIP = netip.MustParseAddr("10.0.0.10")
	findings = fixed.Validate()
	fmt.Fprintf(w, "fixed plan: %d errors\n", len(findings.Filter(ipam.SeverityError)))
	// Warnings and advice (SeverityWarning, SeverityInfo) deserve a look
	// too: they name risks AKS accepts today.
	return nil
}
