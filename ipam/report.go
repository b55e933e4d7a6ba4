package ipam

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/netip"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/cidrplan/cidrplan/sizing"
)

// Growth is how fast every pool of a plan grows: Nodes a month, or Percent
// of its nodes a month (rounded up each month). The zero Growth is none.
type Growth struct {
	Nodes   int `json:"nodes,omitzero"`
	Percent int `json:"percent,omitzero"`
}

// ParseGrowth parses "N/month" (every pool gains N nodes a month) or
// "P%/month" (every pool's nodes × (1 + P/100) a month, rounded up), with N
// and P whole numbers from 1 to 1000. Anything else gives an error wrapping
// ErrInvalidValue.
func ParseGrowth(s string) (Growth, error) {
	bad := func() (Growth, error) {
		return Growth{}, fmt.Errorf(`ipam: growth %q: %w: want "N/month" or "P%%/month"`, s, ErrInvalidValue)
	}
	num, ok := strings.CutSuffix(s, "/month")
	if !ok {
		return bad()
	}
	num, percent := strings.CutSuffix(num, "%")
	n, err := strconv.Atoi(num)
	if err != nil || n < 1 || n > sizing.MaxPoolNodes || num != strconv.Itoa(n) {
		return bad()
	}
	if percent {
		return Growth{Percent: n}, nil
	}
	return Growth{Nodes: n}, nil
}

// String returns g as ParseGrowth reads it; "" for no growth.
func (g Growth) String() string {
	switch {
	case g.Percent > 0:
		return fmt.Sprintf("%d%%/month", g.Percent)
	case g.Nodes > 0:
		return fmt.Sprintf("%d/month", g.Nodes)
	}
	return ""
}

// IsZero reports whether g is no growth.
func (g Growth) IsZero() bool { return g == Growth{} }

// after returns a pool of nodes nodes after months of g; it stops counting
// past sizing.MaxPoolNodes, which no pool may pass.
func (g Growth) after(nodes, months int) int {
	for range months {
		if nodes > sizing.MaxPoolNodes {
			break
		}
		nodes += g.Nodes + (nodes*g.Percent+99)/100
	}
	return nodes
}

// GrowthHorizon is the most months of growth Plan.Report looks ahead: a
// range still fitting after it has MonthsLeft Lasts.
const GrowthHorizon = 120

// MonthsLeft is how many whole months of growth a range's upgrade peak still
// fits: Months after which it fits and one more after which it does not.
// Months is 0 for a range that fits now but not after a month, and −1 for
// a range that does not fit now. Lasts is set when it still fits after
// GrowthHorizon months (ten years); Months is GrowthHorizon then.
//
// It encodes in JSON as the number of months, or null when it lasts.
type MonthsLeft struct {
	Months int
	Lasts  bool
}

// MarshalJSON writes m.Months, or null when m.Lasts.
func (m MonthsLeft) MarshalJSON() ([]byte, error) {
	if m.Lasts {
		return []byte("null"), nil
	}
	return json.Marshal(m.Months)
}

// ReportOptions chooses what Plan.Report adds to the capacity.
type ReportOptions struct {
	// Growth, when set, gives every range its MonthsLeft.
	Growth Growth
}

// Report is the capacity, headroom and growth of a plan: every subnet's and
// pod CIDR's usable addresses against its demand, how far each pool can
// grow, the upgrade step by step and the findings, for a table, JSON or a
// page to draw. It is a plain value with JSON tags, safe to share once
// returned.
type Report struct {
	Name     string        `json:"name,omitzero"`
	Growth   Growth        `json:"growth,omitzero"`
	Ranges   []ReportRange `json:"ranges"`
	Pools    []ReportPool  `json:"pools"`
	Upgrade  UpgradeReport `json:"upgrade"`
	Findings Findings      `json:"findings"`
}

// ReportRange is one subnet or pod CIDR, every count in addresses (a pod
// CIDR's per-node blocks whole: a /22 is 1,024).
type ReportRange struct {
	Kind CapacityKind `json:"kind"`
	Name string       `json:"name"`
	// VNet is a subnet's VNet; Clusters the clusters whose pools use the
	// range (a pod CIDR belongs to one).
	VNet     string   `json:"vnet,omitzero"`
	Clusters []string `json:"clusters"`
	// UpgradeModels holds, for each of Clusters in order, the upgrade
	// model under which that cluster's share of Peak is counted (its
	// Defaults.Upgrade, sequential unless it chose another): on a subnet
	// shared by clusters they may differ. See PeakWords.
	UpgradeModels []sizing.UpgradeModel `json:"upgradeModels"`
	Prefix        netip.Prefix          `json:"prefix"`
	// Usable is what the range holds (a subnet less Azure's 5 reserved
	// addresses per prefix; a static-block pod subnet in whole /28
	// blocks). Steady is the demand without surge; Peak the worst upgrade
	// step, each cluster at its own peak (the sequential model unless the
	// cluster chose another), as check counts it. Headroom is Usable −
	// Peak, negative when the peak does not fit.
	Usable   sizing.Count   `json:"usable"`
	Steady   sizing.Count   `json:"steady"`
	Peak     sizing.Count   `json:"peak"`
	Headroom sizing.Balance `json:"headroom"`
	// MonthsLeft is set with ReportOptions.Growth; MonthsLeftBy then says
	// what ends it: the range's own Kind when its addresses run out,
	// CapacityPoolNodes or CapacityClusterNodes when a cluster using it
	// passes that AKS limit first; empty when it lasts.
	MonthsLeft   *MonthsLeft  `json:"monthsLeft,omitempty"`
	MonthsLeftBy CapacityKind `json:"monthsLeftBy,omitzero"`
}

// ReportPool is how far one pool can grow.
type ReportPool struct {
	Cluster string `json:"cluster"`
	Pool    string `json:"pool"`
	// Nodes is the pool's count, maxCount when autoscaled; MaxNodes the
	// largest such count, the other pools unchanged, with which every step
	// of the cluster's upgrade still fits every range and limit (the
	// surge recomputed at that count); 0 when none does.
	Nodes    int `json:"nodes"`
	MaxNodes int `json:"maxNodes"`
	// LimitedBy is the first range or limit that one node more (MaxNodes
	// + 1) would pass, with what it would hold then; nil when the pool
	// reaches MaxPoolNodes with surge to spare, which cannot happen.
	LimitedBy *UpgradeRange `json:"limitedBy,omitempty"`
}

// Report measures the plan's capacity: every range (subnets a cluster uses
// and pod CIDRs) with its usable addresses, steady demand, upgrade peak and
// headroom; every pool's most nodes; the upgrade step by step (Upgrade with
// the zero options) and the findings of Validate. With opts.Growth each
// range gains MonthsLeft. Subnets without an IPv4 prefix and clusters that
// could not be sized are left out of the ranges (the findings say why).
func (p *Plan) Report(opts ReportOptions) (Report, error) {
	up, err := p.Upgrade(UpgradeOptions{})
	if err != nil {
		return Report{}, err
	}
	m := newCapacityModel(p)
	base := m.evaluate(m.inputs())
	rep := Report{Name: p.Name, Growth: opts.Growth, Ranges: m.reportRanges(base), Pools: []ReportPool{},
		Upgrade: up, Findings: p.Validate()}
	for i, c := range m.clusters {
		if base.errs[i] != nil {
			continue
		}
		for j, pv := range c.cv.pools {
			rep.Pools = append(rep.Pools, m.poolGrowth(i, j, pv))
		}
	}
	if !opts.Growth.IsZero() {
		m.monthsLeft(rep.Ranges, opts.Growth)
	}
	return rep, nil
}

// reportRanges lists the ranges of run r: subnets in plan order, then each
// cluster's pod CIDRs.
func (m *capacityModel) reportRanges(r *capacityRun) []ReportRange {
	out := []ReportRange{}
	for _, sv := range m.v.subnets {
		peak, ok := r.peak[sv]
		if !ok || len(ipv4Prefixes(sv)) == 0 || len(sv.users().nodePools)+len(sv.users().podPools) == 0 {
			continue
		}
		kind := CapacityNodeSubnet
		if len(sv.users().nodePools) == 0 {
			kind = CapacityPodSubnet
		}
		names, models := subnetClusters(sv)
		rr := ReportRange{Kind: kind, Name: sv.s.Name, VNet: sv.vnet.v.Name, Clusters: names, UpgradeModels: models,
			Prefix: ipv4Prefixes(sv)[0], Usable: subnetCapacity(sv), Steady: r.steady[sv], Peak: peak}
		rr.Headroom = sizing.BalanceOf(rr.Usable, rr.Peak)
		out = append(out, rr)
	}
	for i, c := range m.clusters {
		if r.errs[i] != nil || len(r.ups[i].Steps) == 0 {
			continue
		}
		for _, sr := range r.ups[i].Steps[0].Ranges {
			if sr.Kind != sizing.PodCIDR {
				continue
			}
			p, ok := c.podCIDR(sr.Family)
			if !ok {
				continue
			}
			rr := ReportRange{Kind: CapacityPodCIDR, Name: string(sr.Family) + " pod CIDR", Clusters: []string{c.cv.c.Name},
				UpgradeModels: []sizing.UpgradeModel{r.ups[i].Model}, Prefix: p, Usable: sizing.Usable(sizing.PodCIDR, sr.Family, "", p.Bits()),
				Steady: sr.Peak.Sub(sr.Surge), Peak: r.ups[i].Peak(sr.RangeKey)}
			rr.Headroom = sizing.BalanceOf(rr.Usable, rr.Peak)
			out = append(out, rr)
		}
	}
	return out
}

// subnetClusters names the clusters whose pools use sv, each once, and
// the upgrade model of each, whose peak the subnet holds.
func subnetClusters(sv *subnetView) ([]string, []sizing.UpgradeModel) {
	var names []string
	var models []sizing.UpgradeModel
	for _, pv := range append(append([]*poolView(nil), sv.users().nodePools...), sv.users().podPools...) {
		if n := pv.cluster.c.Name; !slices.Contains(names, n) {
			names = append(names, n)
			models = append(models, pv.cluster.c.Defaults.EffectiveUpgrade())
		}
	}
	return names, models
}

// rangeLimits returns, for run r, what each report range rs (by
// position) passes: "" when its peak fits, the range's own kind when its
// addresses run out, CapacityPoolNodes or CapacityClusterNodes when a
// cluster using it passes that limit and can no longer be sized.
func (m *capacityModel) rangeLimits(r *capacityRun, rs []ReportRange) []CapacityKind {
	now := m.reportRanges(r)
	out := make([]CapacityKind, len(rs))
	for i, rr := range rs {
		out[i] = rr.Kind
		for _, n := range now {
			if n.Kind == rr.Kind && n.Name == rr.Name && n.VNet == rr.VNet && n.Prefix == rr.Prefix &&
				slices.Equal(n.Clusters, rr.Clusters) && !rr.Usable.Less(n.Peak) {
				out[i] = ""
			}
		}
		for ci, c := range m.clusters {
			if err := r.errs[ci]; err != nil && slices.Contains(rr.Clusters, c.cv.c.Name) {
				out[i] = CapacityClusterNodes
				if errors.Is(err, sizing.ErrPoolTooLarge) {
					out[i] = CapacityPoolNodes
				}
			}
		}
	}
	return out
}

// monthsLeft sets each range's MonthsLeft under growth g: every pool of
// every cluster grows, and a range's runway ends at the first month its
// upgrade peak passes its usable addresses or a cluster using it passes
// an AKS limit (a pool past 1,000 nodes, a cluster past its node limit);
// MonthsLeftBy says which.
func (m *capacityModel) monthsLeft(rs []ReportRange, g Growth) {
	limitsAfter := make([][]CapacityKind, GrowthHorizon+1)
	at := func(months int) []CapacityKind {
		if limitsAfter[months] == nil {
			ins := m.inputs()
			for i := range ins {
				for j := range ins[i].Pools {
					setNodes(&ins[i].Pools[j], g.after(ins[i].Pools[j].Nodes(), months))
				}
			}
			limitsAfter[months] = m.rangeLimits(m.evaluate(ins), rs)
		}
		return limitsAfter[months]
	}
	for i := range rs {
		ml := &MonthsLeft{Months: -1}
		switch {
		case at(0)[i] != "":
			rs[i].MonthsLeftBy = at(0)[i]
		case at(GrowthHorizon)[i] == "":
			ml = &MonthsLeft{Months: GrowthHorizon, Lasts: true}
		default:
			// Growth only adds nodes: fitting is monotone in months.
			ml.Months = sort.Search(GrowthHorizon+1, func(n int) bool { return at(n)[i] != "" }) - 1
			rs[i].MonthsLeftBy = at(ml.Months + 1)[i]
		}
		rs[i].MonthsLeft = ml
	}
}

// setNodes sets p's counted nodes to n (maxCount when autoscaled, count
// lowered to it when above).
func setNodes(p *sizing.Pool, n int) {
	if p.EnableAutoScaling {
		p.MaxCount, p.Count = n, min(p.Count, n)
		return
	}
	p.Count = n
}

// poolGrowth finds the most nodes pool j of cluster i can have, the others
// unchanged, with every step of the cluster's upgrade fitting.
func (m *capacityModel) poolGrowth(i, j int, pv *poolView) ReportPool {
	in := m.clusters[i].in
	rp := ReportPool{Cluster: pv.cluster.c.Name, Pool: pv.p.Name, Nodes: in.Pools[j].Nodes()}
	broken := func(n int) *UpgradeRange { // the first range or limit n breaks, nil if none
		ins := m.inputs()
		setNodes(&ins[i].Pools[j], n)
		r := m.evaluate(ins)
		if r.errs[i] != nil {
			return limitOf(r.errs[i], ins[i], pv)
		}
		for _, s := range r.ups[i].Steps {
			for _, ur := range r.stepRanges(i, r.ups[i], s) {
				if !ur.Fits {
					return &ur
				}
			}
		}
		return nil
	}
	// Below the pool minimum (maxPods × nodes ≥ 30) counts are invalid;
	// from it on, fitting is monotone in n.
	lowest := 1
	if mp := pv.p.MaxPods; mp > 0 {
		lowest = ceilDiv(sizing.MinPoolPods, mp)
	}
	if why := broken(lowest); why != nil {
		rp.LimitedBy = why
		return rp
	}
	n := lowest + sort.Search(sizing.MaxPoolNodes+1-lowest, func(k int) bool { return broken(lowest+k+1) != nil })
	rp.MaxNodes = n
	rp.LimitedBy = broken(n + 1)
	return rp
}

// limitOf returns the limit behind sizing's error err for pool pv grown
// past it in cluster in, at steady state: the pool's node cap, or the
// cluster's node limit (sizing.Defaults.NodeLimit of its model). Any
// other error is named by its text, with no kind.
func limitOf(err error, in sizing.Cluster, pv *poolView) *UpgradeRange {
	steady := func(p sizing.Pool) int { return p.Nodes() + p.ScaleOut }
	switch {
	case errors.Is(err, sizing.ErrPoolTooLarge):
		r := newUpgradeRange(CapacityPoolNodes, pv.p.Name, netip.Prefix{},
			sizing.CountFromInt(steady(in.Pools[pv.index])), sizing.CountFromInt(sizing.MaxPoolNodes))
		return &r
	case errors.Is(err, sizing.ErrClusterTooLarge):
		total := 0
		for _, p := range in.Pools {
			total += steady(p)
		}
		r := newUpgradeRange(CapacityClusterNodes, pv.cluster.c.Name, netip.Prefix{},
			sizing.CountFromInt(total), sizing.CountFromInt(in.Defaults.NodeLimit(in.Network.Model(sizing.Pool{}))))
		return &r
	}
	return &UpgradeRange{Name: err.Error()}
}
