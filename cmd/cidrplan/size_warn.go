package main

import (
	"fmt"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
)

// warnings lists what the size answer should say beside its numbers: the
// rules that hold at the upgrade peak but that sizing does not refuse
// because they hold for the steady node count.
func (res *sizeResult) warnings() []string {
	var out []string
	if res.Model == sizing.ModelKubenet && res.PeakNodes > sizing.MaxKubenetNodes {
		// The same rule as ipam's KubenetRouteLimitAtUpgrade advisory: surge
		// nodes are nodes with a route in the cluster's route table.
		out = append(out, fmt.Sprintf(
			"warning: kubenet at the upgrade peak has %s nodes, past its %d-node limit (one route per node in the route table): lower --max-surge (--max-unavailable upgrades in place) or use --network-plugin-mode overlay (%s)",
			commasInt(res.PeakNodes), sizing.MaxKubenetNodes, ipam.CodeKubenetUpgradeRoutes))
	}
	return out
}
