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
	VNet     string       `json:"vnet,omitzero"`
	Clusters []string     `json:"clusters"`
	Prefix   netip.Prefix `json:"prefix"`
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
	// MonthsLeft is set with ReportOptions.Growth.
	MonthsLeft *MonthsLeft `json:"monthsLeft,omitempty"`
}

// ReportPool is how far one pool can grow.
type ReportPool struct {
	Cluster string `json:"cluster"`
	Pool    string `json:"pool"`
	// Nodes is the pool's count, maxCount when autoscaled; MaxNodes the
	// largest such count, the other pools unchanged, with which every step
	// of the cluster's upgrade still fits every range and limit (the
	// surge recomputed at that count); 0 when none does. LimitedBy names
	// the range or limit that stops it, "kind name".
	Nodes     int    `json:"nodes"`
	MaxNodes  int    `json:"maxNodes"`
	LimitedBy string `json:"limitedBy,omitzero"`
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
		if !ok || len(ipv4Prefixes(sv)) == 0 || len(sv.nodePools)+len(sv.podPools) == 0 {
			continue
		}
		kind := CapacityNodeSubnet
		if len(sv.nodePools) == 0 {
			kind = CapacityPodSubnet
		}
		rr := ReportRange{Kind: kind, Name: sv.s.Name, VNet: sv.vnet.v.Name, Clusters: subnetClusters(sv),
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
				Prefix: p, Usable: sizing.Usable(sizing.PodCIDR, sr.Family, "", p.Bits()),
				Steady: sr.Peak.Sub(sr.Surge), Peak: r.ups[i].Peak(sr.RangeKey)}
			rr.Headroom = sizing.BalanceOf(rr.Usable, rr.Peak)
			out = append(out, rr)
		}
	}
	return out
}

// subnetClusters names the clusters whose pools use sv, each once.
func subnetClusters(sv *subnetView) []string {
	var out []string
	for _, pv := range append(append([]*poolView(nil), sv.nodePools...), sv.podPools...) {
		if n := pv.cluster.c.Name; !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// rangePeaks returns, for run r, the peak of each report range rs (by
// position) and whether it could be measured: a range some cluster that
// could not be sized uses is not.
func (m *capacityModel) rangePeaks(r *capacityRun, rs []ReportRange) (peaks []sizing.Count, ok []bool) {
	now := m.reportRanges(r)
	peaks, ok = make([]sizing.Count, len(rs)), make([]bool, len(rs))
	for i, rr := range rs {
		for _, n := range now {
			if n.Kind == rr.Kind && n.Name == rr.Name && n.VNet == rr.VNet && n.Prefix == rr.Prefix &&
				strings.Join(n.Clusters, ",") == strings.Join(rr.Clusters, ",") {
				peaks[i], ok[i] = n.Peak, true
			}
		}
		if rr.Kind != CapacityPodCIDR {
			for _, sv := range m.v.subnets {
				if sv.s.Name == rr.Name && sv.vnet.v.Name == rr.VNet && r.failed[sv] {
					ok[i] = false
				}
			}
		}
	}
	return peaks, ok
}

// monthsLeft sets each range's MonthsLeft under growth g: every pool of
// every cluster grows, and a range's runway ends at the first month its
// upgrade peak passes its usable addresses or a cluster using it can no
// longer be sized (a pool past 1,000 nodes, a cluster past its limit).
func (m *capacityModel) monthsLeft(rs []ReportRange, g Growth) {
	fitsAfter := make([][]bool, GrowthHorizon+1)
	at := func(months int) []bool {
		if fitsAfter[months] == nil {
			ins := m.inputs()
			for i := range ins {
				for j := range ins[i].Pools {
					setNodes(&ins[i].Pools[j], g.after(ins[i].Pools[j].Nodes(), months))
				}
			}
			peaks, ok := m.rangePeaks(m.evaluate(ins), rs)
			fits := make([]bool, len(rs))
			for i := range rs {
				fits[i] = ok[i] && !rs[i].Usable.Less(peaks[i])
			}
			fitsAfter[months] = fits
		}
		return fitsAfter[months]
	}
	for i := range rs {
		ml := &MonthsLeft{Months: -1}
		switch {
		case !at(0)[i]:
		case at(GrowthHorizon)[i]:
			ml = &MonthsLeft{Months: GrowthHorizon, Lasts: true}
		default:
			// Growth only adds nodes: fitting is monotone in months.
			ml.Months = sort.Search(GrowthHorizon+1, func(n int) bool { return !at(n)[i] }) - 1
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
	broken := func(n int) string { // the first range or limit n breaks, "" if none
		ins := m.inputs()
		setNodes(&ins[i].Pools[j], n)
		r := m.evaluate(ins)
		if r.errs[i] != nil {
			return limitOf(r.errs[i], pv)
		}
		for _, s := range r.ups[i].Steps {
			for _, ur := range r.stepRanges(i, r.ups[i], s) {
				if !ur.Fits {
					return string(ur.Kind) + " " + ur.Name
				}
			}
		}
		return ""
	}
	// Below the pool minimum (maxPods × nodes ≥ 30) counts are invalid;
	// from it on, fitting is monotone in n.
	lowest := 1
	if mp := pv.p.MaxPods; mp > 0 {
		lowest = ceilDiv(sizing.MinPoolPods, mp)
	}
	if why := broken(lowest); why != "" {
		rp.LimitedBy = why
		return rp
	}
	n := lowest + sort.Search(sizing.MaxPoolNodes+1-lowest, func(k int) bool { return broken(lowest+k+1) != "" })
	rp.MaxNodes = n
	rp.LimitedBy = broken(n + 1)
	return rp
}

// limitOf names the limit behind sizing's error err for pool pv grown
// past it: the pool's node cap, the cluster's node limit, else err.
func limitOf(err error, pv *poolView) string {
	switch {
	case errors.Is(err, sizing.ErrPoolTooLarge):
		return string(CapacityPoolNodes) + " " + pv.p.Name
	case errors.Is(err, sizing.ErrClusterTooLarge):
		return string(CapacityClusterNodes) + " " + pv.cluster.c.Name
	}
	return err.Error()
}
