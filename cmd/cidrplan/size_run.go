package main

import (
	"errors"
	"fmt"
	"net/netip"
	"strings"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
)

// sizeResult is the answer of cidrplan size; its JSON keys are the
// documented output (-o json, -o yaml).
type sizeResult struct {
	Pool       string          `json:"pool"`
	OSType     string          `json:"osType"`
	Mode       sizing.PoolMode `json:"mode"`
	Model      sizing.Model    `json:"model"`
	MaxPods    int             `json:"maxPods"`
	MaxSurge   string          `json:"maxSurge"`
	Nodes      int             `json:"nodes"` // node count, or maxCount with the autoscaler
	Autoscaled bool            `json:"autoscaled"`
	Surge      int             `json:"surge"`
	ScaleOut   int             `json:"scaleOut"`
	PeakNodes  int             `json:"peakNodes"`
	// PeakRoutes is the routes the nodes take in the cluster's route table
	// at the upgrade peak (kubenet: one per node, surge included), at most
	// RouteLimit; both absent for a model without a route table.
	PeakRoutes *int         `json:"peakRoutes,omitempty"`
	RouteLimit *int         `json:"routeLimit,omitempty"`
	NodeSubnet *rangeResult `json:"nodeSubnet,omitempty"`
	PodSubnet  *rangeResult `json:"podSubnet,omitempty"`
	PodCIDR    *rangeResult `json:"podCIDR,omitempty"`
	// PodCIDRv6 is the IPv6 pod CIDR of a dual-stack cluster (a /80 per node).
	PodCIDRv6 *rangeResult `json:"podCIDRv6,omitempty"`
	// MaxNodes is the smallest maxNodes of the given ranges: the most
	// nodes the pool can have in all of them; absent when no range is given.
	MaxNodes *int `json:"maxNodes,omitempty"`
	// Pods is MaxNodes × maxPods: the pods those nodes run.
	Pods        *int                `json:"pods,omitempty"`
	Assumptions []sizing.Assumption `json:"assumptions,omitempty"`

	upgrade   sizing.Upgrade // the cluster's upgrade step by step, for the advisories
	surge     sizing.Surge   // effective maxSurge, for the table's arithmetic
	limitedBy *rangeResult   // the range that sets MaxNodes
	cluster   sizing.Cluster // what was sized, for the words of its limits
}

// rangeResult is the demand on one range, and its fit when a prefix is given.
type rangeResult struct {
	// Addresses is the demand at the upgrade peak, consumers included.
	Addresses sizing.Count `json:"addresses"`
	// AddressesAllPods is the demand at the upgrade peak with every node
	// running maxPods pods, where it differs from Addresses: a dynamic pod
	// subnet, which gives pods addresses in batches of 16 as they need them.
	AddressesAllPods *sizing.Count `json:"addressesAllPods,omitempty"`
	PerNode          sizing.Count  `json:"perNode"`
	// Other counts consumers besides nodes and pods (load balancer IPs).
	Other int `json:"other"`
	// Reserved is what Azure keeps of each prefix: 5 in a subnet, 0 in a pod CIDR.
	Reserved        int `json:"reserved"`
	MinPrefixLength int `json:"minPrefixLength"`
	// The fields below are set when a prefix is given.
	Prefix   *netip.Prefix `json:"prefix,omitempty"`
	Usable   *sizing.Count `json:"usable,omitempty"`
	Fits     *bool         `json:"fits,omitempty"`
	Headroom *sizing.Count `json:"headroom,omitempty"` // usable − addresses; 0 when it does not fit
	MaxNodes *int          `json:"maxNodes,omitempty"`
	Pods     *int          `json:"pods,omitempty"` // maxNodes × maxPods, at most addressablePods
	// AddressablePods is the pods a dynamic pod subnet can address: its
	// usable addresses in whole batches of 16.
	AddressablePods *sizing.Count `json:"addressablePods,omitempty"`
	LimitedBy       sizing.Bound  `json:"limitedBy,omitempty"`

	key sizing.RangeKey
	fit *sizing.Fit // set with Prefix
}

func (in *sizeInput) run(e *env) error {
	res, err := in.result()
	if err != nil {
		return err
	}
	switch in.output {
	case formatJSON:
		err = writeJSON(e.stdout, res)
	case formatYAML:
		err = writeYAML(e.stdout, res)
	default:
		err = writeSizeTable(e, res)
	}
	if err != nil {
		return err
	}
	for _, w := range res.warnings() {
		fmt.Fprintf(e.stderr, "cidrplan size: %s\n", w)
	}
	return res.notFitting()
}

// result computes the pool's demand and, for the ranges given, its fit.
func (in *sizeInput) result() (*sizeResult, error) {
	for _, z := range []struct {
		set   bool
		n     int
		field string
	}{{in.maxPodsSet, in.maxPods, "maxPods"}, {in.maxCountSet, in.maxCount, "maxCount"}} {
		if err := sizing.ExplicitZero(z.field); z.set && z.n == 0 && err != nil {
			return nil, sizeInputError(err)
		}
	}
	if err := in.checkAutoscaler(); err != nil {
		return nil, err
	}
	if err := checkPoolName(in.poolName(), sizing.OSType(in.osType)); err != nil {
		return nil, err
	}
	c := in.cluster()
	d, err := c.Demand()
	if err != nil {
		return nil, sizeInputError(err)
	}
	u, err := c.Upgrade("")
	if err != nil {
		return nil, sizeInputError(err)
	}
	pool := c.Pools[len(c.Pools)-1]
	res := &sizeResult{Pool: pool.Name, OSType: string(sizing.Linux), Mode: c.PoolMode(len(c.Pools) - 1), Model: c.Network.Model(pool),
		Nodes: pool.Nodes(), Autoscaled: pool.EnableAutoScaling, ScaleOut: pool.ScaleOut, upgrade: u, cluster: c}
	if pool.OSType != "" {
		res.OSType = string(pool.OSType)
	}
	for _, a := range d.Assumptions {
		if a.Pool == res.Pool {
			res.Assumptions = append(res.Assumptions, a)
		}
	}
	for _, r := range d.Ranges {
		rr := &rangeResult{key: r.RangeKey, Other: r.Consumers.Total(), Reserved: r.Reserved,
			MinPrefixLength: r.MinPrefixLen, Addresses: r.Peak}
		if r.PeakAllPods != r.Peak {
			rr.AddressesAllPods = &r.PeakAllPods
		}
		for _, it := range r.Pools {
			if it.Pool == res.Pool {
				rr.PerNode, res.Surge = it.PerNode, it.Surge
				res.MaxPods, res.surge, res.MaxSurge = it.MaxPods, it.MaxSurge, it.MaxSurge.String()
			}
		}
		var given netip.Prefix
		flag := ""
		switch {
		case r.Kind == sizing.NodeSubnet:
			res.NodeSubnet, given, flag = rr, in.nodeSubnet, "node-subnet"
		case r.Kind == sizing.PodSubnet:
			res.PodSubnet, given, flag = rr, in.podSubnet, "pod-subnet"
		case r.Kind == sizing.PodCIDR && r.Family == sizing.IPv4:
			res.PodCIDR = rr
			given, flag, err = in.podCIDRFor(r.Family)
		case r.Kind == sizing.PodCIDR:
			res.PodCIDRv6 = rr
			given, flag, err = in.podCIDRFor(r.Family)
		}
		if err == nil {
			err = in.fit(c, rr, given, flag)
		}
		if err != nil {
			return nil, err
		}
	}
	if err := in.unusedPodCIDRs(res); err != nil {
		return nil, err
	}
	res.PeakNodes = d.PeakNodes
	if c.Network.Model(sizing.Pool{}).Spec().NodeRoutes {
		routes, _ := u.PeakRoutes()
		res.PeakRoutes, res.RouteLimit = &routes, intPtr(sizing.MaxRoutes)
	}
	for _, rr := range res.ranges() {
		if rr.MaxNodes != nil && (res.MaxNodes == nil || *rr.MaxNodes < *res.MaxNodes) {
			res.MaxNodes, res.limitedBy = rr.MaxNodes, rr
		}
	}
	if res.MaxNodes != nil {
		// The fewest pods of the given ranges: a dynamic pod subnet may
		// address fewer than the nodes that fit it run.
		res.Pods = intPtr(*res.MaxNodes * res.MaxPods)
		for _, rr := range res.ranges() {
			if rr.Pods != nil && *rr.Pods < *res.Pods {
				res.Pods = intPtr(*rr.Pods)
			}
		}
	}
	return res, nil
}

func intPtr(n int) *int { return &n }

// ranges lists the ranges of res in output order.
func (res *sizeResult) ranges() []*rangeResult {
	var out []*rangeResult
	for _, rr := range []*rangeResult{res.NodeSubnet, res.PodSubnet, res.PodCIDR, res.PodCIDRv6} {
		if rr != nil {
			out = append(out, rr)
		}
	}
	return out
}

// unusedPodCIDRs rejects pod CIDRs given for a model or family that has none.
func (in *sizeInput) unusedPodCIDRs(res *sizeResult) error {
	for _, p := range append([]netip.Prefix{in.podCIDR}, in.podCIDRs...) {
		if !p.IsValid() {
			continue
		}
		switch {
		case res.PodCIDR == nil:
			return fmt.Errorf("pod CIDR %s: the %s model has no pod CIDR (use --network-plugin-mode overlay or --network-plugin kubenet)", p, res.Model)
		case p.Addr().Is6() && res.PodCIDRv6 == nil:
			return fmt.Errorf("pod CIDR %s: IPv6 needs --ip-families IPv4,IPv6", p)
		}
	}
	return nil
}

// fit measures rr against p, given with flag, when p is given.
func (in *sizeInput) fit(c sizing.Cluster, rr *rangeResult, p netip.Prefix, flag string) error {
	if !p.IsValid() {
		return nil
	}
	if err := checkSizeRange(flag, rr.key.Kind, p); err != nil {
		return err
	}
	f, err := c.Fit(rr.key, p)
	var pe *sizing.PrefixError
	if errors.As(err, &pe) {
		return fmt.Errorf("--%s %q: %s", flag, p, pe.Reason())
	}
	if err != nil {
		return sizeInputError(err)
	}
	rr.Prefix, rr.Usable, rr.Fits, rr.Headroom, rr.fit = &p, &f.Capacity, &f.Fits, &f.Headroom, &f
	for _, pf := range f.Pools {
		if pf.Pool == in.poolName() {
			rr.MaxNodes, rr.LimitedBy, rr.Pods = &pf.MaxNodes, pf.LimitedBy, &pf.Pods
		}
	}
	if !f.AddressablePods.IsZero() || rr.AddressesAllPods != nil {
		rr.AddressablePods = &f.AddressablePods
	}
	return nil
}

// notFitting returns a failure naming the first given range the pool does
// not fit, in the words of sizing's Fit and with ipam's code, or nil.
func (res *sizeResult) notFitting() error {
	for _, rr := range res.ranges() {
		if f := rr.fit; f != nil && !f.Fits {
			return &failureError{fmt.Sprintf("%s %s: needs %s addresses at %s, has %s usable (%s); model: %s, per node: %s",
				f.Kind.Title(), f.Prefix, commas(f.Peak), res.upgrade.Model.PeakWords(), commas(f.Capacity), ipam.CapacityCode(res.Model, f.Kind),
				modelName(res.Model), res.Model.Spec().PerNodeWords(rr.key.Kind, rr.key.Family, res.MaxPods))}
		}
	}
	if a, ok := ipam.AdviseUpgradeRoutes(res.Model, res.upgrade); ok {
		return &failureError{fmt.Sprintf("kubenet: %s routes, one per node with surge, at %s, past the limit of %s; lower --max-surge (--max-unavailable upgrades in place) or use --network-plugin-mode overlay (%s)",
			commasInt(a.Routes), res.upgrade.Model.PeakWords(), sizing.BoundRoutes.Words(res.cluster.Network, res.cluster.Defaults), ipam.CodeKubenetUpgradeRoutes)}
	}
	return nil
}

// sizeFlag names the size flag that sets sizing's field, or "" if none does.
func sizeFlag(field string) string {
	switch field {
	case "networkPlugin", "networkPluginMode", "networkDataplane", "osType", "mode", "maxCount", "maxPods",
		"maxSurge", "maxUnavailable", "scaleOut", "podIpAllocationMode", "podSubnet", "ipFamilies":
		return kebab(field)
	case "count", "nodes":
		return "node-count"
	}
	return ""
}

// kebab spells a camelCase field as a flag: maxPods → max-pods.
func kebab(s string) string {
	var b strings.Builder
	for _, r := range s {
		if 'A' <= r && r <= 'Z' {
			b.WriteByte('-')
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// sizeInputError rewrites sizing's errors in terms of the size flags.
func sizeInputError(err error) error {
	var parts []string
	for _, e := range sizing.Violations(err) {
		var se *sizing.Error
		var pe *sizing.PrefixError
		switch {
		case errors.As(e, &se):
			name := se.Field
			if f := sizeFlag(se.Field); f != "" {
				name = "--" + f
			}
			msg := fmt.Sprintf("%s %q: %v", name, se.Value, se.Err)
			if se.Detail != "" {
				msg += ": " + se.Detail
			}
			parts = append(parts, msg)
		case errors.As(e, &pe):
			parts = append(parts, fmt.Sprintf("%q: %s", pe.Prefix, pe.Reason()))
		default:
			parts = append(parts, e.Error())
		}
	}
	return errors.New(strings.Join(parts, "; "))
}
