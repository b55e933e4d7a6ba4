package terraform_test

import (
	"testing"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/emit/internal/emittest"
	"github.com/cidrplan/cidrplan/emit/terraform"
	"github.com/cidrplan/cidrplan/ipam"
)

// A cluster on the VNet AKS creates is written without the VNet and
// without subnet IDs, with a comment that says why.
func TestManagedVNet(t *testing.T) {
	emittest.ManagedVNet(t, func(p *ipam.Plan) ([]byte, error) { return terraform.Marshal(p, emit.Options{}) }, note, "azurerm_virtual_network", "azurerm_subnet", "vnet_subnet_id")
}

// note is the note emit writes for the first cluster of p.
func note(p *ipam.Plan) string {
	d, err := emit.Resolve(p, emit.Options{})
	if err != nil {
		return ""
	}
	return d.ManagedNote(0)
}
