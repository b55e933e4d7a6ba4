package ipam

import (
	"cmp"
	"fmt"
	"net/netip"
	"slices"
	"strings"

	"github.com/cidrplan/cidrplan/sizing"
)

// PlanError reports a plan that still has errors after [Plan.Complete]. It
// wraps [ErrInvalidPlan].
type PlanError struct {
	Findings Findings // the error findings
}

func (e *PlanError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "ipam: plan has %d error(s)", len(e.Findings))
	for i, f := range e.Findings {
		if i == 3 {
			fmt.Fprintf(&b, "; ...")
			break
		}
		fmt.Fprintf(&b, "; %s", f)
	}
	return b.String()
}

func (e *PlanError) Unwrap() error { return ErrInvalidPlan }

// CompleteError reports a range [Plan.Complete] cannot fill in: Step says
// what it was placing, naming the cluster or subnet; Err, when set, why
// (an *[AllocError] wrapping [ErrNoSpace] when there is no room, a sizing
// error when the cluster cannot be sized). It wraps [ErrInvalidPlan] and
// Err.
type CompleteError struct {
	Step string // e.g. `subnet "nodes" needs a /22 in VNet "hub"`
	Err  error  // the cause; may be nil
}

// Error returns "ipam: invalid plan: " and Message.
func (e *CompleteError) Error() string {
	return "ipam: " + ErrInvalidPlan.Error() + ": " + e.Message()
}

// Message is what Complete was doing and why, without the package name or
// ErrInvalidPlan's text, for a front end that words the failure itself:
// `subnet "nodes" needs a /22 in VNet "hub": no room for 1 /22 in
// 10.0.0.0/22 (found 0)`. A cause from this package is given by its own
// Message.
func (e *CompleteError) Message() string {
	switch c := e.Err.(type) {
	case nil:
		return e.Step
	case interface{ Message() string }:
		return e.Step + ": " + c.Message()
	}
	return e.Step + ": " + e.Err.Error()
}

// Unwrap returns ErrInvalidPlan and, when set, Err.
func (e *CompleteError) Unwrap() []error {
	if e.Err == nil {
		return []error{ErrInvalidPlan}
	}
	return []error{ErrInvalidPlan, e.Err}
}

// completeFailed returns a *CompleteError for the step, formatted, and
// its cause err (nil when the step says it all).
func completeFailed(err error, format string, args ...any) error {
	return &CompleteError{Step: fmt.Sprintf(format, args...), Err: err}
}

// Complete returns a copy of p with its missing ranges filled in and every
// default made explicit, then validates it:
//
//   - a pool with no vnetSubnet gets its cluster's node subnet "<cluster>-nodes"
//     (created in the cluster's VNet, or the plan's only VNet);
//   - every subnet a pool uses that has no prefix is sized with sizing at the
//     upgrade peak (all clusters and consumers on it) and placed at the
//     lowest free aligned address of its VNet's space, largest first;
//   - an overlay or kubenet cluster without a pod CIDR gets 10.244.0.0/16 (or
//     larger if its nodes need it) when that overlaps nothing, else the
//     lowest free range of that size in 10/8, 172.16/12, 192.168/16; the
//     same for the service CIDR (10.0.0.0/16) with the DNS service IP at its
//     .10 address; dual-stack clusters also get IPv6 ranges (fd00::/8) and
//     an IPv6 /64 on their node subnets. Service ranges are cluster-internal
//     and overlay pod ranges private to each overlay cluster, so clusters
//     may be given the same one; every other range overlaps nothing.
//
// Ranges already given are kept even when wrong. When the result still has
// error findings (from given ranges, or no room), Complete returns it with
// a *[PlanError] wrapping [ErrInvalidPlan]. When a range cannot be filled
// in, it returns the plan as far as it got with a *[CompleteError]
// (wrapping ErrInvalidPlan and the cause). p is not modified.
func (p *Plan) Complete() (*Plan, error) { return p.CompleteWithin(nil) }

// CompleteWithin is [Plan.Complete] with the new pod and service CIDRs
// taken only inside within — the available prefixes of an address pool,
// as package ipam/avnm gives them — at the lowest free address of the
// first prefix of their family that holds them, without the preferred
// defaults; a range another cluster may share is still shared. Subnets are
// placed in their VNets as Complete places them. An empty within is
// Complete.
func (p *Plan) CompleteWithin(within []netip.Prefix) (*Plan, error) {
	if p == nil {
		return nil, completeFailed(nil, "nil plan")
	}
	q := p.Clone()
	c := completer{plan: q, within: within}
	if err := c.nodeSubnetRefs(); err != nil {
		return q.WithDefaults(), err
	}
	if err := c.subnets(); err != nil {
		return q.WithDefaults(), err
	}
	if err := c.clusterRanges(); err != nil {
		return q.WithDefaults(), err
	}
	q = q.WithDefaults()
	if errs := q.Validate().Filter(SeverityError); len(errs) > 0 {
		return q, &PlanError{Findings: errs}
	}
	return q, nil
}

type completer struct {
	plan   *Plan
	within []netip.Prefix             // where new pod and service CIDRs go; nil: private ranges
	uses   *useIndex                  // during clusterRanges: the plan's ranges and the picks so far
	picked map[pickKey][]netip.Prefix // shareable picks, for reuse by later clusters
}

// nodeSubnetRefs names a node subnet for every pool that has none.
func (c *completer) nodeSubnetRefs() error {
	q := c.plan
	for ci := range q.Clusters {
		cl := &q.Clusters[ci]
		var missing []*AgentPool
		for pi := range cl.AgentPoolProfiles {
			if cl.AgentPoolProfiles[pi].VNetSubnet == "" {
				missing = append(missing, &cl.AgentPoolProfiles[pi])
			}
		}
		if len(missing) == 0 {
			continue
		}
		vn := c.clusterVNet(cl)
		if vn == nil {
			return completeFailed(nil, "cluster %q: no VNet to put a node subnet in (set vnet)", cl.Name)
		}
		name := cl.Name + "-nodes"
		if !slices.ContainsFunc(vn.Subnets, func(s Subnet) bool { return s.Name == name }) {
			vn.Subnets = append(vn.Subnets, Subnet{Name: name, Purpose: PurposeNode})
		}
		for _, ap := range missing {
			ap.VNetSubnet = name
		}
		if cl.VNet == "" {
			cl.VNet = vn.Name
		}
	}
	return nil
}

// clusterVNet returns the cluster's VNet: the named one, the VNet of its
// pools' subnets, or the plan's only VNet.
func (c *completer) clusterVNet(cl *Cluster) *VNet {
	q := c.plan
	name := cl.VNet
	if name == "" {
		for _, ap := range cl.AgentPoolProfiles {
			if ap.VNetSubnet != "" {
				name = subnetVNet(q, ap.VNetSubnet)
				break
			}
		}
	}
	for i := range q.VNets {
		if q.VNets[i].Name == name {
			return &q.VNets[i]
		}
	}
	if name == "" && len(q.VNets) == 1 {
		return &q.VNets[0]
	}
	return nil
}

// subnets sizes and places every used subnet that has no prefix.
func (c *completer) subnets() error {
	v := newValidation(c.plan.WithDefaults())
	need := make(map[*subnetView]int) // prefix length by subnet
	peaks := make(map[*subnetView]uint64)
	consumers := make(map[*subnetView]bool)
	users := make(map[*subnetView]int)
	var minLen = make(map[*subnetView]int)
	for _, cv := range v.clusters {
		sc, byName := cv.sizingCluster()
		d, err := sc.Demand()
		if err != nil {
			if !c.hasUnsized(cv) {
				continue // nothing to size; validation reports the error
			}
			return completeFailed(err, "cluster %q", cv.c.Name)
		}
		for _, r := range d.Ranges {
			sv := byName[r.Name]
			if sv == nil || len(sv.s.AddressPrefixes) > 0 || r.Kind == sizing.PodCIDR {
				continue
			}
			// Each cluster's own peak on the subnet counts, as in
			// subnetLoads; the subnet's own consumers only once. A new
			// subnet holds every pool surging at once, so that the
			// completed plan draws no SimultaneousUpgradePeakExceedsRange
			// warning.
			want := completeDemand(r)
			peak, _ := want.Uint64()
			if consumers[sv] {
				peak -= uint64(r.Consumers.ILBFrontEnds + r.Consumers.PrivateEndpoints)
			}
			consumers[sv] = true
			peaks[sv] += peak
			users[sv]++
			minLen[sv] = sizing.MinPrefixLen(r.Kind, r.Family, r.Mode, want)
		}
	}
	var todo []*subnetView
	for sv, peak := range peaks {
		n := minLen[sv]
		if users[sv] > 1 || n < 0 {
			n = subnetBitsFor(peak)
		}
		if n < 0 {
			return completeFailed(nil, "subnet %q: %d addresses do not fit any subnet", sv.s.Name, peak)
		}
		need[sv] = n
		todo = append(todo, sv)
	}
	slices.SortFunc(todo, func(a, b *subnetView) int {
		return cmp.Or(cmp.Compare(need[a], need[b]), cmp.Compare(a.path(), b.path()))
	})
	// Pod and service CIDRs not given yet are picked later, clear of the
	// subnets: only given ranges count here.
	x := newUseIndex(c.planUses())
	for _, sv := range todo {
		vn := &c.plan.VNets[sv.vnet.index]
		got, err := x.allocate(vn.AddressSpace, need[sv], nil)
		if err != nil {
			return completeFailed(err, "subnet %q needs a /%d in VNet %q", sv.s.Name, need[sv], vn.Name)
		}
		vn.Subnets[sv.index].AddressPrefixes = []netip.Prefix{got}
		x.add(clusterUse{usedRange: usedRange{prefix: got}, kind: kindSubnet, cluster: -1})
	}
	return c.ipv6NodeSubnets(v, x)
}

// ipv6NodeSubnets gives every node subnet of a dual-stack cluster that has
// no IPv6 prefix a /64 from its VNet's IPv6 space (when the VNet has one).
func (c *completer) ipv6NodeSubnets(v *validation, x *useIndex) error {
	for _, cv := range v.clusters {
		if !slices.Contains(cv.c.NetworkProfile.IPFamilies, IPv6) {
			continue
		}
		for _, pv := range cv.pools {
			sv := pv.nodeSubnet
			if sv == nil {
				continue
			}
			s := &c.plan.VNets[sv.vnet.index].Subnets[sv.index]
			if slices.ContainsFunc(s.AddressPrefixes, func(p netip.Prefix) bool { return p.Addr().Is6() }) {
				continue
			}
			var spaces []netip.Prefix
			for _, sp := range sv.vnet.v.AddressSpace {
				if sp.Addr().Is6() {
					spaces = append(spaces, sp)
				}
			}
			if len(spaces) == 0 {
				continue // validation reports the missing IPv6 prefix
			}
			got, err := x.allocate(spaces, 64, nil)
			if err != nil {
				return completeFailed(err, "subnet %q needs an IPv6 /64 in VNet %q", s.Name, sv.vnet.v.Name)
			}
			s.AddressPrefixes = append(s.AddressPrefixes, got)
			x.add(clusterUse{usedRange: usedRange{prefix: got}, kind: kindSubnet, cluster: -1})
		}
	}
	return nil
}

func (c *completer) hasUnsized(cv *clusterView) bool {
	for _, pv := range cv.pools {
		for _, sv := range []*subnetView{pv.nodeSubnet, pv.podSubnet} {
			if sv != nil && len(sv.s.AddressPrefixes) == 0 {
				return true
			}
		}
	}
	return false
}

// subnetBitsFor returns the longest IPv4 subnet prefix length (at most /29)
// whose usable addresses (2^(32−len) − 5) hold n, or -1.
func subnetBitsFor(n uint64) int {
	for l := 29; l >= 2; l-- {
		if uint64(1)<<(32-l)-5 >= n {
			return l
		}
	}
	return -1
}

// clusterRanges picks missing pod and service CIDRs and DNS service IPs.
func (c *completer) clusterRanges() error {
	c.uses = newUseIndex(c.planUses())
	c.picked = make(map[pickKey][]netip.Prefix)
	for ci := range c.plan.Clusters {
		cl := &c.plan.Clusters[ci]
		np := &cl.NetworkProfile
		if np.NetworkPlugin == "" {
			np.NetworkPlugin = DefaultNetworkPlugin
		}
		dual := slices.Contains(np.IPFamilies, IPv6)
		if np.UsesPodCIDR() && len(np.PodPrefixes()) == 0 {
			v4, err := c.pick(kindPod, DefaultPodCIDR(), c.podBits(cl), ci, np.podCIDRReusable(), c.parents(privateParentsV4()...)...)
			if err != nil {
				return completeFailed(err, "cluster %q: pod CIDR", cl.Name)
			}
			np.PodCIDRs = []netip.Prefix{v4}
			if dual {
				v6, err := c.pick(kindPod, DefaultPodCIDRv6(), 64, ci, np.podCIDRReusable(), c.parents(ulaParent())...)
				if err != nil {
					return completeFailed(err, "cluster %q: IPv6 pod CIDR", cl.Name)
				}
				np.PodCIDRs = append(np.PodCIDRs, v6)
			}
			mirror(&np.PodCIDR, &np.PodCIDRs)
		}
		if len(np.ServicePrefixes()) == 0 {
			v4, err := c.pick(kindService, DefaultServiceCIDR(), 16, ci, np.podCIDRReusable(), c.parents(privateParentsV4()...)...)
			if err != nil {
				return completeFailed(err, "cluster %q: service CIDR", cl.Name)
			}
			np.ServiceCIDRs = []netip.Prefix{v4}
			if dual {
				v6, err := c.pick(kindService, DefaultServiceCIDRv6(), 108, ci, np.podCIDRReusable(), c.parents(ulaParent())...)
				if err != nil {
					return completeFailed(err, "cluster %q: IPv6 service CIDR", cl.Name)
				}
				np.ServiceCIDRs = append(np.ServiceCIDRs, v6)
			}
			mirror(&np.ServiceCIDR, &np.ServiceCIDRs)
		}
		if !np.DNSServiceIP.IsValid() {
			if dns, ok := dnsCandidate(np.ServicePrefixes()[0]); ok {
				np.DNSServiceIP = dns
			}
		}
	}
	return nil
}

// parents returns where a new pod or service CIDR goes: the prefixes of
// c.within of the family of defaults, else defaults.
func (c *completer) parents(defaults ...netip.Prefix) []netip.Prefix {
	if c.within == nil {
		return defaults
	}
	var out []netip.Prefix
	for _, p := range c.within {
		if p.Addr().Is4() == defaults[0].Addr().Is4() {
			out = append(out, p)
		}
	}
	return out
}

// ulaParent returns fd00::/8, where IPv6 pod and service ranges are
// allocated when the defaults are taken.
func ulaParent() netip.Prefix { return netip.MustParsePrefix("fd00::/8") }

// podBits returns the pod CIDR length for a kubenet or overlay cluster: /16,
// or larger when the nodes at upgrade peak need more /24s (sizing's
// MinPrefixLen of the pod CIDR), at most a /8. A cluster sizing refuses
// gets /16; validation reports why.
func (c *completer) podBits(cl *Cluster) int {
	in := sizing.Cluster{Network: cl.NetworkProfile.network(), Defaults: cl.Defaults}
	for _, ap := range cl.AgentPoolProfiles {
		in.Pools = append(in.Pools, ap.Pool)
	}
	d, err := in.Demand()
	if err != nil {
		return 16
	}
	r, ok := d.Find(sizing.RangeKey{Kind: sizing.PodCIDR, Name: sizing.PodCIDRName, Family: sizing.IPv4})
	if !ok || r.MinPrefixLen < 0 {
		return 16
	}
	return max(min(r.MinPrefixLen, 16), 8)
}

// pick returns preferred (resized to length l) if it overlaps nothing in
// the plan, else a range another cluster got that it may share, else the
// lowest free /l in parents. Ranges of kind that other
// clusters may share are not in the way: service CIDRs (cluster-internal),
// and overlay pod CIDRs between overlay clusters.
func (c *completer) pick(kind rangeKind, preferred netip.Prefix, l, cluster int, overlay bool, parents ...netip.Prefix) (netip.Prefix, error) {
	shared := func(u *clusterUse) bool {
		return u.kind == kind && u.cluster != cluster && (kind == kindService || overlay && u.overlay)
	}
	var cands []netip.Prefix
	if l <= preferred.Bits() && c.within == nil {
		cands = append(cands, netip.PrefixFrom(preferred.Addr(), l).Masked())
	}
	for _, p := range c.picked[pickKey{kind, l, overlay || kind == kindService}] {
		if !slices.Contains(cands, p) {
			cands = append(cands, p) // reuse what another cluster got
		}
	}
	got := netip.Prefix{}
	for _, cand := range cands {
		if c.uses.free(cand, shared) {
			got = cand
			break
		}
	}
	if !got.IsValid() {
		var err error
		if got, err = c.uses.allocate(parents, l, shared); err != nil {
			return netip.Prefix{}, err
		}
	}
	c.uses.add(clusterUse{usedRange: usedRange{prefix: got}, kind: kind, cluster: cluster, overlay: overlay})
	key := pickKey{kind, l, overlay || kind == kindService}
	if len(c.picked[key]) < 4 && !slices.Contains(c.picked[key], got) {
		c.picked[key] = append(c.picked[key], got)
	}
	return got, nil
}

// pickKey groups picks another cluster may reuse: same kind and length,
// and shareable (service ranges, overlay pod ranges).
type pickKey struct {
	kind      rangeKind
	bits      int
	shareable bool
}

// clusterUse is a used range with what completion needs to know about
// sharing it: its kind, its cluster (or -1) and whether that cluster is
// overlay.
type clusterUse struct {
	usedRange
	kind    rangeKind
	cluster int
	overlay bool
}

// planUses lists the plan's ranges as they stand (without defaults for the
// ranges still to be picked), the reserved and the forbidden ranges.
func (c *completer) planUses() []clusterUse { return planUses(c.plan) }

// planUses lists p's valid ranges with their kind and cluster, and the
// ranges AKS reserves or Azure forbids in a VNet.
func planUses(p *Plan) []clusterUse {
	v := newValidation(p)
	var out []clusterUse
	for _, r := range v.collectRangesQuiet() {
		u := clusterUse{usedRange: usedRange{prefix: r.prefix, vnetSpace: r.kind == kindVNet}, kind: r.kind, cluster: -1}
		if r.cluster != nil {
			u.cluster, u.overlay = r.cluster.index, r.cluster.c.NetworkProfile.podCIDRReusable()
		}
		out = append(out, u)
	}
	for _, r := range AKSReservedRanges() {
		out = append(out, clusterUse{usedRange: usedRange{prefix: r.Prefix}, kind: kindReserved, cluster: -1})
	}
	for _, r := range VNetForbiddenRanges() {
		out = append(out, clusterUse{usedRange: usedRange{prefix: r.Prefix}, kind: kindReserved, cluster: -1})
	}
	return out
}

// completeDemand is what a new subnet for range r is sized to hold: every
// pool surging at once, and in a dynamic pod subnet every node running
// maxPods pods, so that the completed plan draws neither
// SimultaneousUpgradePeakExceedsRange nor PodSubnetCannotHoldMaxPods.
func completeDemand(r sizing.Range) sizing.Count {
	if r.SimultaneousPeak.Less(r.PeakAllPods) {
		return r.PeakAllPods
	}
	return r.SimultaneousPeak
}
