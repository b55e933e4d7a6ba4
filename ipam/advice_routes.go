package ipam

import "github.com/cidrplan/cidrplan/sizing"

// RouteAdvice is the [CodeKubenetUpgradeRoutes] advisory: a cluster whose
// nodes each take a route (kubenet) fits its node limit, which the route
// table sets, but its upgrade does not, since surge nodes take routes too.
type RouteAdvice struct {
	Nodes int    // steady nodes (counted plus scale-out)
	Peak  int    // nodes at the peak of a one-pool-at-a-time upgrade
	Limit int    // the model's node limit
	Pool  string // the pool whose surge sets Peak
	Surge int    // Peak − Nodes
}

// AdviseUpgradeRoutes returns the route advisory for a cluster of model m
// with demand d; ok is false when it does not apply: the model's nodes
// take no routes, the steady nodes already pass the limit (an error
// elsewhere), or the upgrade peak stays within it. Validate and the size
// command both ask here.
func AdviseUpgradeRoutes(m sizing.Model, d sizing.Demand) (a RouteAdvice, ok bool) {
	spec := m.Spec()
	if !spec.NodeRoutes || d.Nodes > spec.MaxNodes {
		return RouteAdvice{}, false
	}
	peak, pool := d.UpgradePeakNodes()
	if peak <= spec.MaxNodes {
		return RouteAdvice{}, false
	}
	return RouteAdvice{Nodes: d.Nodes, Peak: peak, Limit: spec.MaxNodes, Pool: pool, Surge: peak - d.Nodes}, true
}
