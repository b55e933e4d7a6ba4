package avnm_test

import (
	"testing"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/emit/avnm"
	"github.com/cidrplan/cidrplan/emit/internal/emittest"
	"github.com/cidrplan/cidrplan/ipam"
)

// The VNet AKS creates takes nothing from the pool: no allocation, a
// comment instead.
func TestManagedVNet(t *testing.T) {
	emittest.ManagedVNet(t, func(p *ipam.Plan) ([]byte, error) { return avnm.Marshal(p, poolID, nil, emit.Options{}) },
		func(*ipam.Plan) string {
			return "is the one AKS creates in a cluster's node resource group: not allocated from the pool"
		},
		"az network vnet create", "--ipam-allocations")
}
