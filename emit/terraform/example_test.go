package terraform_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/emit/terraform"
	"github.com/cidrplan/cidrplan/ipam/planfile"
)

// Marshal writes a checked plan as Terraform; here, the network profile of
// its cluster.
func ExampleMarshal() {
	p, err := planfile.Load("../../examples/plans/overlay-cilium.yaml")
	if err != nil {
		log.Fatal(err)
	}
	out, err := terraform.Marshal(p, emit.Options{})
	if err != nil {
		log.Fatal(err)
	}
	text := string(out)
	start := strings.Index(text, "  network_profile {")
	end := start + strings.Index(text[start:], "  }\n") + len("  }\n")
	fmt.Print(text[start:end])
	// Output:
	//   network_profile {
	//     network_plugin      = "azure"
	//     network_plugin_mode = "overlay"
	//     network_policy      = "cilium"
	//     network_data_plane  = "cilium"
	//     pod_cidr            = "10.244.0.0/15"
	//     service_cidr        = "10.0.0.0/16"
	//     dns_service_ip      = "10.0.0.10"
	//     ip_versions         = ["IPv4"]
	//   }
}
