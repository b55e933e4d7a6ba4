package sizing

import (
	"errors"
	"slices"
)

// UpgradeModel is how the node pools of a cluster pass through an upgrade,
// which decides its peak: the most nodes, addresses and routes the cluster
// holds at once.
type UpgradeModel string

// The upgrade models; the empty UpgradeModel means the default,
// UpgradeSequential (see Defaults.Upgrade).
const (
	// UpgradeSequential upgrades one pool at a time, in plan order, as AKS
	// does: "AKS upgrades the control plane first, then upgrades each node
	// pool sequentially" (articles/aks/upgrade-aks-control-plane.md). A
	// range peaks at every pool's nodes plus the largest single pool's
	// surge there.
	UpgradeSequential UpgradeModel = "sequential"
	// UpgradeSimultaneous surges every pool at once: network migrations
	// reimage all pools together (articles/aks/update-azure-cni.md), and
	// so do pools upgraded in parallel by hand. A range peaks at every
	// pool's nodes plus every pool's surge there.
	UpgradeSimultaneous UpgradeModel = "simultaneous"
)

// UpgradeModels returns the upgrade models, the default first; the slice is
// new on every call.
func UpgradeModels() []UpgradeModel { return []UpgradeModel{UpgradeSequential, UpgradeSimultaneous} }

// IsValid reports whether m is one of the UpgradeModel constants.
func (m UpgradeModel) IsValid() bool { return slices.Contains(UpgradeModels(), m) }

// Upgrade is the upgrade of a cluster step by step: which pools surge in
// each step, and what every range, the node total and the route table hold
// then. It is a plain value, safe to share once returned.
type Upgrade struct {
	Model UpgradeModel `json:"model" yaml:"model"`
	// Nodes is the cluster's nodes at steady state: counted nodes plus
	// scale-out.
	Nodes int `json:"nodes" yaml:"nodes"`
	// Steps lists the steps in order: one per pool in plan order
	// (sequential), or one for all pools (simultaneous).
	Steps []Step `json:"steps" yaml:"steps"`
}

// Step is one step of an upgrade: the pools that surge in it, and what the
// cluster holds while they do.
type Step struct {
	// Pools lists the pools that surge in this step.
	Pools []StepPool `json:"pools" yaml:"pools"`
	// Surge is the surge nodes of the step: Σ Pools' Surge.
	Surge int `json:"surge" yaml:"surge"`
	// Nodes is the cluster's nodes during the step: Upgrade.Nodes + Surge.
	Nodes int `json:"nodes" yaml:"nodes"`
	// Routes is the routes the cluster's nodes take in its route table
	// during the step (ModelSpec.NodeRoutes: one per node, two for a
	// dual-stack node); 0 for a model without a route table.
	Routes int `json:"routes" yaml:"routes"`
	// Ranges lists every range of the cluster's Demand, in its order, with
	// what it holds during the step.
	Ranges []StepRange `json:"ranges" yaml:"ranges"`
}

// StepPool is one pool that surges in a step.
type StepPool struct {
	Pool string `json:"pool" yaml:"pool"`
	// Nodes is the pool's planned nodes: count (maxCount when
	// autoscaling) plus scale-out.
	Nodes int `json:"nodes" yaml:"nodes"`
	// Surge is the pool's surge nodes: maxSurge as a count, or
	// ceil(percent × Nodes), never more than Nodes.
	Surge int `json:"surge" yaml:"surge"`
}

// Peak returns the pool's nodes while it surges, which AKS caps at
// MaxPoolNodes: Nodes + Surge.
func (p StepPool) Peak() int { return p.Nodes + p.Surge }

// StepRange is what one range holds during a step.
type StepRange struct {
	RangeKey `yaml:",inline"`
	// Peak is the range's addresses during the step: every pool's planned
	// nodes × its per-node cost there, plus the surging pools' surge nodes
	// × theirs, plus the range's other consumers.
	Peak Count `json:"peak" yaml:"peak"`
	// Surge is the part of Peak the surge nodes take.
	Surge Count `json:"surge" yaml:"surge"`
	// PeakAllPods is Peak with every node holding maxPods pods: it differs
	// from Peak only in a dynamic pod subnet, where a node takes batches
	// of DynamicBatch as its pods need them (see Range.PeakAllPods).
	PeakAllPods Count `json:"peakAllPods" yaml:"peakAllPods"`
}

// Peak returns the largest Peak of range k over the steps; zero when u has
// no such range.
func (u Upgrade) Peak(k RangeKey) Count {
	peak, _ := u.peakOf(k)
	return peak
}

// PeakStep returns the index of the first step in which range k holds
// its largest Peak; -1 when u has no such range.
func (u Upgrade) PeakStep(k RangeKey) int {
	best := -1
	var peak Count
	for i, s := range u.Steps {
		if r, ok := s.Range(k); ok && (best < 0 || peak.Less(r.Peak)) {
			best, peak = i, r.Peak
		}
	}
	return best
}

// PeakNodes returns the most nodes the cluster holds in any step (Nodes
// when there is no step).
func (u Upgrade) PeakNodes() int {
	peak := u.Nodes
	for _, s := range u.Steps {
		peak = max(peak, s.Nodes)
	}
	return peak
}

// PeakRoutes returns the most routes the cluster takes in any step, and
// the first step that takes them; -1 when there is no step.
func (u Upgrade) PeakRoutes() (routes, step int) {
	step = -1
	for i, s := range u.Steps {
		if step < 0 || s.Routes > routes {
			routes, step = s.Routes, i
		}
	}
	return routes, step
}

// Range returns what range k holds during s, and whether s has it.
func (s Step) Range(k RangeKey) (StepRange, bool) {
	for _, r := range s.Ranges {
		if r.RangeKey == k {
			return r, true
		}
	}
	return StepRange{}, false
}

// Upgrade validates c and returns its upgrade under model m, step by step;
// the empty m means the model of c.Defaults (Defaults.EffectiveUpgrade).
// Invalid input gives the errors of Validate; an unknown m an *Error
// wrapping ErrUpgradeModel.
//
// It is the one place every upgrade peak is computed: Demand's Peak,
// PeakNodes and SimultaneousPeak, Fit's bounds and the route count all
// come from the steps.
func (c Cluster) Upgrade(m UpgradeModel) (Upgrade, error) {
	if err := c.Validate(); err != nil {
		return Upgrade{}, err
	}
	if m == "" {
		m = c.Defaults.EffectiveUpgrade()
	}
	if !m.IsValid() {
		return Upgrade{}, &Error{Field: "upgrade", Value: string(m), Err: ErrUpgradeModel, Detail: "want " + orList(UpgradeModels())}
	}
	ps, _ := c.plan()
	return c.upgrade(ps, c.rangeKeys(ps), m), nil
}

// upgrade computes the steps of model m for the planned pools ps over the
// ranges keys.
func (c Cluster) upgrade(ps []planned, keys []RangeKey, m UpgradeModel) Upgrade {
	u := Upgrade{Model: m, Steps: make([]Step, 0, len(ps))}
	for _, p := range ps {
		u.Nodes += p.steadyNodes()
	}
	routesPerNode := c.Network.Model(Pool{}).Spec().RoutesPerNode(c.Network.IsDualStack())
	// What every pool's planned nodes take is the same in every step.
	type base struct{ other, steady, allPods Count }
	bases := make([]base, len(keys))
	for i, k := range keys {
		bases[i] = base{other: CountFromInt(c.consumers(k, ps).Total()),
			steady: load(ps, k.uses, planned.steadyNodes), allPods: load(ps, k.usesAllPods, planned.steadyNodes)}
	}
	inStep := make([]planned, 0, len(ps)) // the pools surging in a step, reused step by step
	for _, surging := range schedule(len(ps), m) {
		s := Step{Ranges: make([]StepRange, 0, len(keys))}
		inStep = inStep[:0]
		for _, j := range surging {
			p := ps[j]
			inStep = append(inStep, p)
			s.Pools = append(s.Pools, StepPool{Pool: p.Name, Nodes: p.steadyNodes(), Surge: p.surgeNodes()})
			s.Surge += p.surgeNodes()
		}
		s.Nodes = u.Nodes + s.Surge
		s.Routes = s.Nodes * routesPerNode
		for i, k := range keys {
			b := bases[i]
			surge := load(inStep, k.uses, planned.surgeNodes)
			s.Ranges = append(s.Ranges, StepRange{RangeKey: k, Peak: b.other.Add(b.steady).Add(surge), Surge: surge,
				PeakAllPods: b.other.Add(b.allPods).Add(load(inStep, k.usesAllPods, planned.surgeNodes))})
		}
		u.Steps = append(u.Steps, s)
	}
	return u
}

// schedule lists, step by step, the indexes of the pools of a cluster of
// n pools that surge under model m: one step per pool in plan order
// (sequential), or one step of them all (simultaneous).
func schedule(n int, m UpgradeModel) [][]int {
	if m == UpgradeSimultaneous {
		all := make([]int, n)
		for j := range all {
			all[j] = j
		}
		return [][]int{all}
	}
	steps := make([][]int, n)
	for j := range steps {
		steps[j] = []int{j}
	}
	return steps
}

// load returns what the pools ps take at nodes(p) nodes of per(p)
// addresses each (ok false: p takes nothing).
func load(ps []planned, per func(planned) (Count, bool), nodes func(planned) int) Count {
	var sum Count
	for _, p := range ps {
		if c, ok := per(p); ok {
			sum = sum.Add(c.Mul64(uint64(nodes(p))))
		}
	}
	return sum
}

// peakOf returns the largest of the Peak of range k over u's steps, and of
// its PeakAllPods.
func (u Upgrade) peakOf(k RangeKey) (peak, allPods Count) {
	for _, s := range u.Steps {
		if r, ok := s.Range(k); ok {
			if peak.Less(r.Peak) {
				peak = r.Peak
			}
			if allPods.Less(r.PeakAllPods) {
				allPods = r.PeakAllPods
			}
		}
	}
	return peak, allPods
}

// FitsPoolLimit reports whether the pool stays within MaxPoolNodes while it
// surges: AKS rejects an upgrade whose surge passes the scale-set cap
// before it starts.
func (p StepPool) FitsPoolLimit() bool { return p.Peak() <= MaxPoolNodes }

// UpgradePastLimits is Upgrade, except that a pool whose nodes fit
// MaxPoolNodes but whose upgrade peak passes it is not an error: its steps
// show it (StepPool.FitsPoolLimit is false). It serves callers that
// simulate an upgrade, or search for the largest surge or pool that fits,
// and report the limit as one bound among the others. Every other
// violation of Validate is still an error.
func (c Cluster) UpgradePastLimits(m UpgradeModel) (Upgrade, error) {
	var keep []error
	ps, _ := c.plan()
	for _, err := range Violations(c.Validate()) {
		var e *Error
		if errors.As(err, &e) && errors.Is(e, ErrPoolTooLarge) && poolWithinLimit(ps, e.Pool) {
			continue
		}
		keep = append(keep, err)
	}
	if err := errors.Join(keep...); err != nil {
		return Upgrade{}, err
	}
	if m == "" {
		m = c.Defaults.EffectiveUpgrade()
	}
	if !m.IsValid() {
		return Upgrade{}, &Error{Field: "upgrade", Value: string(m), Err: ErrUpgradeModel, Detail: "want " + orList(UpgradeModels())}
	}
	return c.upgrade(ps, c.rangeKeys(ps), m), nil
}

// poolWithinLimit reports whether the pool named name has valid counts
// within MaxPoolNodes at steady state (its surge aside).
func poolWithinLimit(ps []planned, name string) bool {
	for _, p := range ps {
		if p.Name == name {
			n := p.Nodes()
			return n >= 0 && p.ScaleOut >= 0 && n+p.ScaleOut <= MaxPoolNodes
		}
	}
	return false
}
