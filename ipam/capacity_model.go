package ipam

import (
	"cmp"
	"net/netip"

	"github.com/cidrplan/cidrplan/cidr"
	"github.com/cidrplan/cidrplan/sizing"
)

// capacityModel is the plan as Plan.Upgrade and Plan.Report measure it:
// check's resolved views, and each cluster as sizing's input, which the
// simulations change (a surge, a pool's nodes, months of growth) before
// asking sizing again. Every count comes from sizing's upgrade steps and
// every capacity from the functions checkCapacity uses.
type capacityModel struct {
	v        *validation
	clusters []capacityCluster
}

// capacityCluster is one cluster of a capacityModel.
type capacityCluster struct {
	cv     *clusterView
	in     sizing.Cluster
	byName map[string]*subnetView
}

// newCapacityModel resolves p with its defaults filled in, as Validate does.
func newCapacityModel(p *Plan) *capacityModel {
	m := &capacityModel{v: newValidation(p.withDefaults())}
	for _, cv := range m.v.clusters {
		in, byName := cv.sizingCluster()
		m.clusters = append(m.clusters, capacityCluster{cv: cv, in: in, byName: byName})
	}
	return m
}

// inputs returns a copy of every cluster's sizing input whose pools the
// caller may change.
func (m *capacityModel) inputs() []sizing.Cluster {
	out := make([]sizing.Cluster, len(m.clusters))
	for i, c := range m.clusters {
		out[i] = c.in
		out[i].Pools = append([]sizing.Pool(nil), c.in.Pools...)
	}
	return out
}

// capacityRun is the capacity model evaluated once, with the clusters'
// inputs ins: every cluster's upgrade under its own model (as check sizes
// it), and each subnet's load summed over the clusters as check sums it.
type capacityRun struct {
	m   *capacityModel
	ins []sizing.Cluster
	ups []sizing.Upgrade
	// errs holds the sizing error of each cluster that could not be sized.
	errs []error
	// peak is each subnet's load at upgrade peak: its consumers once, plus
	// every cluster's own peak there (checkSubnetLoad's rule,
	// docs/aks-rules.md#a-subnet-shared-by-clusters); steady the same
	// without surge.
	peak, steady map[*subnetView]sizing.Count
	// failed marks the subnets some cluster that could not be sized uses.
	failed map[*subnetView]bool
}

// evaluate sizes every cluster of ins (m.inputs, possibly changed).
func (m *capacityModel) evaluate(ins []sizing.Cluster) *capacityRun {
	r := &capacityRun{m: m, ins: ins, ups: make([]sizing.Upgrade, len(ins)), errs: make([]error, len(ins)),
		peak: make(map[*subnetView]sizing.Count), steady: make(map[*subnetView]sizing.Count), failed: make(map[*subnetView]bool)}
	for _, sv := range m.v.subnets {
		if n := consumersTotal(sv.s.Consumers); n > 0 {
			r.peak[sv], r.steady[sv] = sizing.CountFromInt(n), sizing.CountFromInt(n)
		}
	}
	for i, c := range m.clusters {
		r.ups[i], r.errs[i] = ins[i].UpgradePastLimits("")
		if r.errs[i] != nil {
			for _, sv := range c.byName {
				r.failed[sv] = true
			}
			continue
		}
		if len(r.ups[i].Steps) == 0 {
			continue
		}
		for _, sr := range r.ups[i].Steps[0].Ranges {
			sv := c.byName[sr.Name]
			if sv == nil || sr.Kind == sizing.PodCIDR {
				continue
			}
			own := r.own(i, sv)
			r.peak[sv] = r.peak[sv].Add(r.ups[i].Peak(sr.RangeKey).Sub(own))
			r.steady[sv] = r.steady[sv].Add(sr.Peak.Sub(sr.Surge).Sub(own))
		}
	}
	return r
}

// own returns the subnet's consumers as cluster i's sizing input carries
// them: every cluster's demand holds them, the subnet's load once.
func (r *capacityRun) own(i int, sv *subnetView) sizing.Count {
	return sizing.CountFromInt(r.ins[i].Consumers[sv.path()].Total())
}

// stepRanges measures step s of cluster i's upgrade u against every range
// and limit the cluster uses: its subnets (with the other clusters' peaks
// on a shared subnet), its pod CIDRs, its route table (kubenet), each
// surging pool's node cap and the cluster's node limit at upgrade.
func (r *capacityRun) stepRanges(i int, u sizing.Upgrade, s sizing.Step) []UpgradeRange {
	c := r.m.clusters[i]
	var out []UpgradeRange
	for _, sr := range s.Ranges {
		if sr.Kind == sizing.PodCIDR {
			p, ok := c.podCIDR(sr.Family)
			if !ok {
				continue
			}
			out = append(out, newUpgradeRange(CapacityKind(sr.Kind), string(sr.Family)+" pod CIDR", p,
				sr.Peak, sizing.Usable(sizing.PodCIDR, sr.Family, "", p.Bits())))
			continue
		}
		sv := c.byName[sr.Name]
		if sv == nil || len(ipv4Prefixes(sv)) == 0 {
			continue
		}
		own := r.own(i, sv)
		// The subnet's load with this cluster at step s rather than at
		// its own peak.
		others := r.peak[sv].Sub(r.ups[i].Peak(sr.RangeKey).Sub(own))
		out = append(out, newUpgradeRange(CapacityKind(sr.Kind), sv.s.Name, ipv4Prefixes(sv)[0],
			others.Add(sr.Peak.Sub(own)), subnetCapacity(sv)))
	}
	if c.cv.network().Model(sizing.Pool{}).Spec().NodeRoutes {
		out = append(out, newUpgradeRange(CapacityRoutes, "route table", netip.Prefix{},
			sizing.CountFromInt(s.Routes), sizing.CountFromInt(sizing.MaxRoutes)))
	}
	for _, p := range s.Pools {
		out = append(out, newUpgradeRange(CapacityPoolNodes, p.Pool, netip.Prefix{},
			sizing.CountFromInt(p.Peak()), sizing.CountFromInt(sizing.MaxPoolNodes)))
	}
	// AKS blocks the upgrade of a cluster at the 5,000-node limit
	// (adviseClusterUpgradeLimit).
	out = append(out, newUpgradeRange(CapacityClusterNodes, c.cv.c.Name, netip.Prefix{},
		sizing.CountFromInt(s.Nodes), sizing.CountFromInt(sizing.MaxClusterNodes)))
	return out
}

// podCIDR returns the cluster's first pod CIDR of family f, the one
// checkPodCIDRCapacity measures.
func (c capacityCluster) podCIDR(f sizing.IPFamily) (netip.Prefix, bool) {
	for _, p := range c.cv.c.NetworkProfile.PodPrefixes() {
		if cidr.CheckPrefixFamily(p, f.CIDRFamily()) == nil {
			return p, true
		}
	}
	return netip.Prefix{}, false
}

// subnetCapacity returns the usable addresses of all of the subnet's IPv4
// prefixes, counted in /28 blocks when it is only a static-block pod
// subnet, as checkSubnetLoad counts them.
func subnetCapacity(sv *subnetView) sizing.Count {
	static := len(sv.users().nodePools) == 0 && len(sv.users().podPools) > 0
	for _, pv := range sv.users().podPools {
		static = static && pv.mode().Spec().PodSubnet == sizing.StaticBlock
	}
	var c sizing.Count
	for _, p := range ipv4Prefixes(sv) {
		c = c.Add(subnetUsable(p.Bits(), static))
	}
	return c
}

// isSystemPool reports whether the pool is a System pool: mode System, or
// no mode on the first pool, which AKS makes the system pool
// (sizing.DefaultPoolMode).
func isSystemPool(pv *poolView) bool {
	return cmp.Or(pv.p.Mode, sizing.DefaultPoolMode(pv.index)) == sizing.ModeSystem
}
