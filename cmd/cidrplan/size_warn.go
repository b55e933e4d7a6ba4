package main

import (
	"fmt"

	"github.com/cidrplan/cidrplan/ipam"
)

// warnings lists what the size answer should say beside its numbers: the
// rules that hold at the upgrade peak but that sizing does not refuse
// because they hold for the steady node count.
func (res *sizeResult) warnings() []string {
	var out []string
	if a, ok := ipam.AdviseUpgradeRoutes(res.Model, res.demand); ok {
		out = append(out, fmt.Sprintf(
			"warning: kubenet at the upgrade peak has %s nodes, past its %d-node limit (one route per node in the route table): lower --max-surge (--max-unavailable upgrades in place) or use --network-plugin-mode overlay (%s)",
			commasInt(a.Peak), a.Limit, ipam.CodeKubenetUpgradeRoutes))
	}
	return out
}
