// Command emitterraform checks a plan and writes it as Terraform through
// the library: the plan is built in Go, validated, and emitted only when it
// has no error findings.
package main

import (
	"fmt"
	"io"
	"log"
	"net/netip"
	"os"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/emit/terraform"
	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
)

func main() {
	if err := run(os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// plan is a spoke with one overlay cluster of two pools.
func plan() *ipam.Plan {
	return &ipam.Plan{
		Name: "spoke",
		VNets: []ipam.VNet{{
			Name:         "spoke",
			AddressSpace: []netip.Prefix{netip.MustParsePrefix("10.20.0.0/20")},
			Subnets: []ipam.Subnet{{
				Name:            "aks-nodes",
				AddressPrefixes: []netip.Prefix{netip.MustParsePrefix("10.20.0.0/22")},
			}},
		}},
		Clusters: []ipam.Cluster{{
			Name:              "payments",
			VNet:              "spoke",
			KubernetesVersion: "1.33",
			NetworkProfile: ipam.NetworkProfile{
				NetworkPlugin:     ipam.PluginAzure,
				NetworkPluginMode: ipam.PluginModeOverlay,
				NetworkPolicy:     ipam.PolicyCilium,
				NetworkDataplane:  ipam.DataplaneCilium,
				PodCIDR:           netip.MustParsePrefix("192.168.0.0/16"),
				ServiceCIDR:       netip.MustParsePrefix("172.16.0.0/16"),
				DNSServiceIP:      netip.MustParseAddr("172.16.0.10"),
			},
			AgentPoolProfiles: []ipam.AgentPool{
				{Pool: sizing.Pool{Name: "system", Mode: sizing.ModeSystem, Count: 3, MaxPods: 110,
					MaxSurge: sizing.MustParseSurge("1"), VNetSubnet: "aks-nodes"}},
				{MinCount: 2, Pool: sizing.Pool{Name: "apps", Mode: sizing.ModeUser, EnableAutoScaling: true, MaxCount: 20,
					MaxPods: 110, MaxSurge: sizing.MustParseSurge("33%"), VNetSubnet: "aks-nodes"}},
			},
		}},
	}
}

func run(w io.Writer) error {
	p := plan()
	if errs := p.Validate().Filter(ipam.SeverityError); len(errs) > 0 {
		return fmt.Errorf("the plan has errors:\n%s", errs)
	}
	return terraform.Write(w, p, emit.Options{})
}
