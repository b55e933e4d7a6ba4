package ipam

import "github.com/cidrplan/cidrplan/sizing"

// RouteAdvice is the [CodeKubenetUpgradeRoutes] advisory: a cluster whose
// nodes each take a route (kubenet) fits its node limit, which the route
// table sets, but its upgrade does not, since surge nodes take routes too.
// The numbers are sizing's, from the step of the upgrade that takes the
// most routes.
type RouteAdvice struct {
	Nodes  int      // steady nodes (counted plus scale-out)
	Peak   int      // nodes in the step that takes the most routes
	Routes int      // routes that step takes (one per node, two when dual-stack)
	Limit  int      // the routes a route table holds, sizing.MaxRoutes
	Pools  []string // the pools that surge in that step
	Surge  int      // their surge nodes: Peak − Nodes
}

// AdviseUpgradeRoutes returns the route advisory for a cluster of model m
// with upgrade u (sizing.Cluster.Upgrade); ok is false when it does not
// apply: the model's nodes take no routes, the steady nodes already pass
// the model's node limit (an error elsewhere), or the upgrade stays within
// the route table. Validate and the size command both ask here.
func AdviseUpgradeRoutes(m sizing.Model, u sizing.Upgrade) (a RouteAdvice, ok bool) {
	spec := m.Spec()
	routes, i := u.PeakRoutes()
	if !spec.NodeRoutes || u.Nodes > spec.MaxNodes || i < 0 || routes <= sizing.MaxRoutes {
		return RouteAdvice{}, false
	}
	step := u.Steps[i]
	a = RouteAdvice{Nodes: u.Nodes, Peak: step.Nodes, Routes: routes, Limit: sizing.MaxRoutes, Surge: step.Surge}
	for _, p := range step.Pools {
		if p.Surge > 0 {
			a.Pools = append(a.Pools, p.Pool)
		}
	}
	return a, true
}
