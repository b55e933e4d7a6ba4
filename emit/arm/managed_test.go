package arm_test

import (
	"encoding/json"
	"testing"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/emit/arm"
	"github.com/cidrplan/cidrplan/emit/internal/emittest"
	"github.com/cidrplan/cidrplan/ipam"
)

// A cluster on the VNet AKS creates is written without the VNet and
// without subnet IDs, with a comment that says why.
func TestManagedVNet(t *testing.T) {
	emittest.ManagedVNet(t, func(p *ipam.Plan) ([]byte, error) { return arm.Marshal(p, emit.Options{}) }, note, "Microsoft.Network/virtualNetworks", "vnetSubnetID", "dependsOn")
}

// note is the note emit writes for the first cluster of p, as a JSON
// string's content.
func note(p *ipam.Plan) string {
	d, err := emit.Resolve(p, emit.Options{})
	if err != nil {
		return ""
	}
	b, _ := json.Marshal(d.ManagedNote(0))
	return string(b[1 : len(b)-1])
}
