package ipam

import (
	"fmt"
	"net/netip"
	"sort"
	"strings"

	"github.com/cidrplan/cidrplan/sizing"
)

// CapacityKind names what a range of an upgrade step or a report measures:
// an address range (sizing's RangeKind values) or an AKS limit counted in
// nodes or routes.
type CapacityKind string

// The capacity kinds.
const (
	CapacityNodeSubnet CapacityKind = CapacityKind(sizing.NodeSubnet)
	CapacityPodSubnet  CapacityKind = CapacityKind(sizing.PodSubnet)
	CapacityPodCIDR    CapacityKind = CapacityKind(sizing.PodCIDR)
	// CapacityRoutes is a kubenet cluster's route table, sizing.MaxRoutes
	// routes (one per node and family).
	CapacityRoutes CapacityKind = "routes"
	// CapacityPoolNodes is a pool's nodes plus its surge against
	// sizing.MaxPoolNodes.
	CapacityPoolNodes CapacityKind = "poolNodes"
	// CapacityClusterNodes is the cluster's nodes during a step against
	// sizing.MaxClusterNodes, where AKS blocks upgrades.
	CapacityClusterNodes CapacityKind = "clusterNodes"
)

// Words names k for people: a range's title from sizing ("node subnet"),
// else "routes", "pool nodes" or "cluster nodes".
func (k CapacityKind) Words() string {
	switch k {
	case CapacityRoutes:
		return "routes"
	case CapacityPoolNodes:
		return "pool nodes"
	case CapacityClusterNodes:
		return "cluster nodes"
	}
	return sizing.RangeKind(k).Title()
}

// LimitWords names the AKS limit a kind counts against, for a front end
// that says what ends a range's runway (ReportRange.MonthsLeftBy): "pool
// node limit", "cluster node limit", "route limit"; "" for an address
// range, whose own addresses run out.
func (k CapacityKind) LimitWords() string {
	switch k {
	case CapacityPoolNodes:
		return "pool node limit"
	case CapacityClusterNodes:
		return "cluster node limit"
	case CapacityRoutes:
		return "route limit"
	}
	return ""
}

// UpgradeOptions chooses what Plan.Upgrade simulates. The zero value
// simulates every cluster under its own upgrade model.
type UpgradeOptions struct {
	// Cluster limits the simulation to the cluster of that name; empty
	// means every cluster.
	Cluster string
	// Model overrides the clusters' upgrade model (sizing.Defaults.Upgrade,
	// sequential by default); sizing.UpgradeSimultaneous surges every pool
	// at once, as network migrations do.
	Model sizing.UpgradeModel
}

// UpgradeReport is the simulated upgrade of a plan's clusters, step by step.
// It is a plain value with JSON tags, safe to share once returned.
type UpgradeReport struct {
	Clusters []ClusterUpgrade `json:"clusters"`
}

// Fits reports whether every step of every cluster fits.
func (r UpgradeReport) Fits() bool {
	for _, c := range r.Clusters {
		if c.Error != "" {
			return false
		}
		for _, s := range c.Steps {
			if !s.Fits {
				return false
			}
		}
	}
	return true
}

// ClusterUpgrade is one cluster's upgrade.
type ClusterUpgrade struct {
	Name string `json:"name"`
	// ResourceGroup is the cluster's, as the plan gives it (Cluster.ResourceGroup).
	ResourceGroup string              `json:"resourceGroup,omitzero"`
	Model         sizing.UpgradeModel `json:"model"`
	// Nodes is the cluster's nodes at steady state (counted nodes,
	// maxCount when autoscaled, plus scale-out).
	Nodes int           `json:"nodes"`
	Steps []UpgradeStep `json:"steps"`
	// Error says why the cluster could not be simulated (a pool or
	// network setting check reports as an error); it has no steps then.
	Error string `json:"error,omitzero"`
}

// UpgradeStep is one step of an upgrade: the pool that surges (every pool,
// comma-separated, in a simultaneous upgrade) and what each range and limit
// the cluster uses holds meanwhile.
type UpgradeStep struct {
	Pool string `json:"pool"`
	// Mode is the pool's mode, System or User (the first pool is System
	// when the plan names none); empty for a simultaneous step.
	Mode string `json:"mode,omitzero"`
	// Nodes is the pools' planned nodes; Surge their surge nodes (maxSurge
	// as a count or ceil(percent × nodes), never more than the pool).
	Nodes int  `json:"nodes"`
	Surge int  `json:"surge"`
	Fits  bool `json:"fits"`
	// MaxSurgeThatFits is the largest surge, in whole nodes per pool, with
	// which every range and limit of the step holds its peak; 0 when none
	// does. FitsWithoutSurge says whether a surge of 0 fits (maxSurge 0
	// with maxUnavailable ≥ 1, which System pools can't use).
	MaxSurgeThatFits int            `json:"maxSurgeThatFits"`
	FitsWithoutSurge bool           `json:"fitsWithoutSurge"`
	Ranges           []UpgradeRange `json:"ranges"`
}

// UpgradeRange is what one range or limit holds during a step.
type UpgradeRange struct {
	Kind CapacityKind `json:"kind"`
	// Name is the subnet's name, "IPv4 pod CIDR", "route table", the
	// pool's name (poolNodes) or the cluster's (clusterNodes).
	Name string `json:"name"`
	// Prefix is the range's first IPv4 prefix (a subnet's) or the pod
	// CIDR; zero for a limit.
	Prefix netip.Prefix `json:"prefix,omitzero"`
	// Peak is what the range holds during the step, in addresses (nodes or
	// routes for a limit); Usable what it can hold. On a subnet shared by
	// clusters Peak carries the other clusters' own peaks too, as check
	// counts them.
	Peak   sizing.Count `json:"peak"`
	Usable sizing.Count `json:"usable"`
	Fits   bool         `json:"fits"`
}

// Words names the range or limit of an upgrade step for people, with the
// rule behind a limit: "node subnet aks-nodes", "IPv4 pod CIDR",
// "kubenet's route table", "pool system: nodes with surge (AKS's limit
// per pool)", "cluster prod: nodes (AKS blocks upgrades past its limit)". Front ends add the prefix and the
// numbers (Peak, Usable) as they lay them out.
func (r UpgradeRange) Words() string {
	switch r.Kind {
	case CapacityPodCIDR:
		return r.Name
	case CapacityRoutes:
		return "kubenet's " + r.Name
	case CapacityPoolNodes:
		return "pool " + r.Name + ": nodes with surge (AKS's limit per pool)"
	case CapacityClusterNodes:
		return "cluster " + r.Name + ": nodes (AKS blocks upgrades past its limit)"
	}
	return r.Kind.Words() + " " + r.Name
}

func newUpgradeRange(k CapacityKind, name string, p netip.Prefix, peak, usable sizing.Count) UpgradeRange {
	return UpgradeRange{Kind: k, Name: name, Prefix: p, Peak: peak, Usable: usable, Fits: !usable.Less(peak)}
}

// Upgrade simulates the upgrade of the plan's clusters as AKS runs it: under
// the sequential model one step per pool in plan order, in which every
// pool's planned nodes (maxCount when autoscaled, plus scale-out) and this
// pool's surge share each range. Steps come from sizing.Cluster.Upgrade
// and capacities from the rules Validate uses, so a step that does not fit
// is a range Validate reports (InsufficientSubnetSize, InsufficientPodCidr,
// PoolNodeLimit, the route and cluster limits at upgrade).
//
// An unknown opts.Cluster gives an error wrapping ErrUnknownCluster; an
// invalid opts.Model one wrapping sizing.ErrUpgradeModel.
func (p *Plan) Upgrade(opts UpgradeOptions) (UpgradeReport, error) {
	if opts.Model != "" && !opts.Model.IsValid() {
		return UpgradeReport{}, &sizing.Error{Field: "upgrade", Value: string(opts.Model), Err: sizing.ErrUpgradeModel,
			Detail: "want " + orList(sizing.UpgradeModels())}
	}
	m := newCapacityModel(p)
	base := m.evaluate(m.inputs())
	out := UpgradeReport{Clusters: []ClusterUpgrade{}}
	for i, c := range m.clusters {
		if opts.Cluster != "" && c.cv.c.Name != opts.Cluster {
			continue
		}
		out.Clusters = append(out.Clusters, m.clusterUpgrade(base, i, opts.Model))
	}
	if opts.Cluster != "" && len(out.Clusters) == 0 {
		return UpgradeReport{}, fmt.Errorf("ipam: cluster %q: %w", opts.Cluster, ErrUnknownCluster)
	}
	return out, nil
}

// clusterUpgrade simulates cluster i's upgrade under model (its own when
// empty).
func (m *capacityModel) clusterUpgrade(base *capacityRun, i int, model sizing.UpgradeModel) ClusterUpgrade {
	c := m.clusters[i]
	u, err := base.ins[i].UpgradePastLimits(model)
	if err == nil {
		err = base.errs[i] // another cluster's model is always valid; this one's counts are not
	}
	cu := ClusterUpgrade{Name: c.cv.c.Name, ResourceGroup: c.cv.c.ResourceGroup, Model: u.Model, Nodes: u.Nodes, Steps: []UpgradeStep{}}
	if err != nil {
		cu.Error = err.Error()
		return cu
	}
	for j, s := range u.Steps {
		st := UpgradeStep{Surge: s.Surge, Ranges: base.stepRanges(i, u, s)}
		var names []string
		for _, sp := range s.Pools {
			names = append(names, sp.Pool)
			st.Nodes += sp.Nodes
		}
		st.Pool = strings.Join(names, ",")
		if len(s.Pools) == 1 {
			if pv := poolByName(c.cv, s.Pools[0].Pool); pv != nil {
				st.Mode = "User"
				if isSystemPool(pv) {
					st.Mode = "System"
				}
			}
		}
		st.Fits = allFit(st.Ranges)
		st.MaxSurgeThatFits, st.FitsWithoutSurge = m.maxSurge(i, u.Model, j, s)
		cu.Steps = append(cu.Steps, st)
	}
	return cu
}

// maxSurge finds the largest surge per pool, in whole nodes, with which
// step j of cluster i's upgrade under model fits, the pools of the step
// surging that many nodes each (capped at the pool); fitsWithout is
// whether a surge of 0 fits.
func (m *capacityModel) maxSurge(i int, model sizing.UpgradeModel, j int, s sizing.Step) (most int, fitsWithout bool) {
	largest := 0
	for _, sp := range s.Pools {
		largest = max(largest, sp.Nodes)
	}
	fits := func(n int) bool {
		ins := m.inputs()
		for _, sp := range s.Pools {
			for k := range ins[i].Pools {
				if ins[i].Pools[k].Name == sp.Pool {
					setSurge(&ins[i].Pools[k], n)
				}
			}
		}
		r := m.evaluate(ins)
		if r.errs[i] != nil {
			return false
		}
		u, err := ins[i].UpgradePastLimits(model)
		if err != nil || j >= len(u.Steps) {
			return false
		}
		return allFit(r.stepRanges(i, u, u.Steps[j]))
	}
	if !fits(0) {
		return 0, false
	}
	// Fitting is monotone in the surge: find the first that breaks.
	n := sort.Search(largest+1, func(n int) bool { return !fits(n) })
	return n - 1, true
}

// setSurge sets p's maxSurge to n nodes; with 0, maxUnavailable 1 (AKS
// needs one of them above 0) unless it is set, as a User pool: a System
// pool takes no maxUnavailable, so for it a surge of 0 asks only whether
// the room suffices (UpgradeStep.Mode tells the caller it can't be used).
func setSurge(p *sizing.Pool, n int) {
	p.MaxSurge = sizing.MustParseSurge(fmt.Sprint(min(n, sizing.MaxPoolNodes)))
	if n == 0 && p.MaxUnavailable.Value() == 0 {
		p.MaxUnavailable, p.Mode = sizing.MustParseSurge("1"), sizing.ModeUser
	}
}

// allFit reports whether every range of rs fits.
func allFit(rs []UpgradeRange) bool {
	for _, r := range rs {
		if !r.Fits {
			return false
		}
	}
	return true
}
