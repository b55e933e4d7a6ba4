package sizing

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
	spec     ModelSpec
	maxPods  int
	maxSurge Surge
}

// surgeAt returns the surge nodes of the pool at size nodes+ScaleOut:
// a percent surge applies to the pool as planned, scale-out included, and
// no pool surges more nodes than it has.
func (p planned) surgeAt(nodes int) int { return p.maxSurge.Nodes(nodes + p.ScaleOut) }

// peakAt returns the pool's nodes at upgrade peak with nodes counted nodes.
func (p planned) peakAt(nodes int) int { return nodes + p.ScaleOut + p.surgeAt(nodes) }

// steadyNodes returns the pool's planned nodes: counted plus scale-out.
func (p planned) steadyNodes() int { return p.Nodes() + p.ScaleOut }

// surgeNodes returns the pool's surge nodes as planned.
func (p planned) surgeNodes() int { return p.surgeAt(p.Nodes()) }

// plan resolves the defaults of every pool and lists the ones it used.
func (c Cluster) plan() ([]planned, []Assumption) {
	var as []Assumption
	ps := make([]planned, len(c.Pools))
	for i, p := range c.Pools {
		m := c.Network.Model(p)
		pp := planned{Pool: p, spec: m.Spec(), maxPods: p.MaxPods, maxSurge: p.MaxSurge}
		if pp.maxPods == 0 {
			pp.maxPods = c.Defaults.EffectiveMaxPods(m)
			as = append(as, c.Defaults.MaxPodsAssumption(p.Name, m))
		}
		if pp.maxSurge.IsZero() {
			pp.maxSurge = c.Defaults.EffectiveMaxSurge()
			as = append(as, c.Defaults.MaxSurgeAssumption(p.Name))
		}
		if why := pp.spec.DualStackDispute; why != "" && c.Network.IsDualStack() {
			as = append(as, Assumption{Pool: p.Name, Field: "ipFamilies", Value: familiesText(c.Network.IPFamilies),
				Note: "dual-stack accepted for the " + string(m) + " model (" + why + ") [D]"})
		}
		ps[i] = pp
	}
	return ps, as
}
