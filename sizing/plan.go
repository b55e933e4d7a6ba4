package sizing

import "strconv"

// Assumption records a default this package filled in, so output can say
// what it assumed.
type Assumption struct {
	Pool  string `json:"pool,omitempty" yaml:"pool,omitempty"`
	Field string `json:"field" yaml:"field"`
	Value string `json:"value" yaml:"value"`
	Note  string `json:"note" yaml:"note"`
}

// planned is a pool with its defaults resolved.
type planned struct {
	Pool
	model    Model
	maxPods  int
	maxSurge Surge
}

// surgeAt returns the surge nodes of the pool at size nodes+ScaleOut:
// a percent surge applies to the pool as planned, scale-out included.
func (p planned) surgeAt(nodes int) int { return p.maxSurge.Nodes(nodes + p.ScaleOut) }

// peakAt returns the pool's nodes at upgrade peak with nodes counted nodes.
func (p planned) peakAt(nodes int) int { return nodes + p.ScaleOut + p.surgeAt(nodes) }

// plan resolves the defaults of every pool and lists the ones it used.
func (c Cluster) plan() ([]planned, []Assumption) {
	var as []Assumption
	ps := make([]planned, len(c.Pools))
	for i, p := range c.Pools {
		m := c.Network.Model(p)
		pp := planned{Pool: p, model: m, maxPods: p.MaxPods, maxSurge: p.MaxSurge}
		if pp.maxPods == 0 {
			pp.maxPods = c.Defaults.maxPods(m)
			as = append(as, Assumption{Pool: p.Name, Field: "maxPods", Value: strconv.Itoa(pp.maxPods),
				Note: "default for the " + string(m) + " model" + maxPodsDispute(m, c.Defaults)})
		}
		if pp.maxSurge.IsZero() {
			pp.maxSurge = c.Defaults.maxSurge()
			as = append(as, Assumption{Pool: p.Name, Field: "maxSurge", Value: pp.maxSurge.String(),
				Note: "default [D]: 10% on Kubernetes ≥ 1.32, 1 node in older API text; production advice 33%"})
		}
		ps[i] = pp
	}
	return ps, as
}

// maxPodsDispute says why a maxPods default is disputed, if it is.
func maxPodsDispute(m Model, d Defaults) string {
	if _, ok := d.MaxPods[m]; ok {
		return " (overridden)"
	}
	switch m {
	case ModelNodeSubnet:
		return " (CLI/ARM; the portal uses 110) [D]"
	case ModelOverlay:
		return " (30 before 2023-09) [D]"
	case ModelPodSubnetDynamic, ModelPodSubnetStatic:
		return " (docs also say 110) [D]"
	}
	return ""
}
