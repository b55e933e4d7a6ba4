package ipam

import (
	"cmp"
	"errors"
	"fmt"
	"math/bits"
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
//     .10 address; dual-stack clusters also get IPv6 ranges (fd00::/8).
//
// Ranges already given are kept even when wrong. When the result still has
// error findings (from given ranges, or no room), Complete returns it with
// a *[PlanError] wrapping [ErrInvalidPlan]. p is not modified.
func (p *Plan) Complete() (*Plan, error) {
	if p == nil {
		return nil, fmt.Errorf("%w: nil plan", ErrInvalidPlan)
	}
	q := p.Clone()
	c := completer{plan: q}
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
	plan *Plan
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
			return fmt.Errorf("%w: cluster %q: no VNet to put a node subnet in (set vnet)", ErrInvalidPlan, cl.Name)
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
			return fmt.Errorf("%w: cluster %q: %w", ErrInvalidPlan, cv.c.Name, err)
		}
		for _, r := range d.Ranges {
			sv := byName[r.Name]
			if sv == nil || len(sv.s.AddressPrefixes) > 0 || r.Kind == sizing.PodCIDR {
				continue
			}
			peak := r.Peak.Uint64()
			if consumers[sv] {
				peak -= uint64(r.Consumers.Total())
			}
			consumers[sv] = true
			peaks[sv] += peak
			users[sv]++
			minLen[sv] = r.MinPrefixLen
		}
	}
	var todo []*subnetView
	for sv, peak := range peaks {
		n := minLen[sv]
		if users[sv] > 1 || n < 0 {
			n = subnetBitsFor(peak)
		}
		if n < 0 {
			return fmt.Errorf("%w: subnet %q: %d addresses do not fit any subnet", ErrInvalidPlan, sv.s.Name, peak)
		}
		need[sv] = n
		todo = append(todo, sv)
	}
	slices.SortFunc(todo, func(a, b *subnetView) int {
		return cmp.Or(cmp.Compare(need[a], need[b]), cmp.Compare(a.path, b.path))
	})
	// Pod and service CIDRs not given yet are picked later, clear of the
	// subnets: only given ranges count here.
	used := c.usedExcept(-1, false)
	for _, sv := range todo {
		vn := &c.plan.VNets[sv.vnet.index]
		got, err := allocateAcross(used, vn.AddressSpace, need[sv], 1)
		if err != nil {
			return fmt.Errorf("%w: subnet %q needs a /%d in VNet %q: %w", ErrInvalidPlan, sv.s.Name, need[sv], vn.Name, err)
		}
		vn.Subnets[sv.index].AddressPrefixes = got
		used = append(used, usedRange{prefix: got[0]})
	}
	return c.ipv6NodeSubnets(v, used)
}

// ipv6NodeSubnets gives every node subnet of a dual-stack cluster that has
// no IPv6 prefix a /64 from its VNet's IPv6 space (when the VNet has one).
func (c *completer) ipv6NodeSubnets(v *validation, used []usedRange) error {
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
			got, err := allocateAcross(used, spaces, 64, 1)
			if err != nil {
				return fmt.Errorf("%w: subnet %q needs an IPv6 /64 in VNet %q: %w", ErrInvalidPlan, s.Name, sv.vnet.v.Name, err)
			}
			s.AddressPrefixes = append(s.AddressPrefixes, got[0])
			used = append(used, usedRange{prefix: got[0]})
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
	for ci := range c.plan.Clusters {
		cl := &c.plan.Clusters[ci]
		np := &cl.NetworkProfile
		if np.NetworkPlugin == "" {
			np.NetworkPlugin = PluginAzure
		}
		dual := slices.Contains(np.IPFamilies, IPv6)
		if np.UsesPodCIDR() && len(np.PodPrefixes()) == 0 {
			v4, err := c.pick(DefaultPodCIDR, c.podBits(cl), ci, np.IsOverlay(), privateParentsV4...)
			if err != nil {
				return fmt.Errorf("%w: cluster %q: pod CIDR: %w", ErrInvalidPlan, cl.Name, err)
			}
			np.PodCIDRs = []netip.Prefix{v4}
			if dual {
				v6, err := c.pick(DefaultPodCIDRv6, 64, ci, np.IsOverlay(), ulaParent)
				if err != nil {
					return fmt.Errorf("%w: cluster %q: IPv6 pod CIDR: %w", ErrInvalidPlan, cl.Name, err)
				}
				np.PodCIDRs = append(np.PodCIDRs, v6)
			}
			mirror(&np.PodCIDR, &np.PodCIDRs)
		}
		if len(np.ServicePrefixes()) == 0 {
			v4, err := c.pick(DefaultServiceCIDR, 16, ci, false, privateParentsV4...)
			if err != nil {
				return fmt.Errorf("%w: cluster %q: service CIDR: %w", ErrInvalidPlan, cl.Name, err)
			}
			np.ServiceCIDRs = []netip.Prefix{v4}
			if dual {
				v6, err := c.pick(DefaultServiceCIDRv6, 108, ci, false, ulaParent)
				if err != nil {
					return fmt.Errorf("%w: cluster %q: IPv6 service CIDR: %w", ErrInvalidPlan, cl.Name, err)
				}
				np.ServiceCIDRs = append(np.ServiceCIDRs, v6)
			}
			mirror(&np.ServiceCIDR, &np.ServiceCIDRs)
			np.DNSServiceIP = netip.Addr{}
		}
		if !np.DNSServiceIP.IsValid() {
			if dns, ok := dnsCandidate(np.ServicePrefixes()[0]); ok {
				np.DNSServiceIP = dns
			}
		}
	}
	return nil
}

var ulaParent = netip.MustParsePrefix("fd00::/8")

// podBits returns the pod CIDR length for a kubenet or overlay cluster: /16,
// or larger when the nodes at upgrade peak need more /24s.
func (c *completer) podBits(cl *Cluster) int {
	nodes := 0
	for _, ap := range cl.AgentPoolProfiles {
		n := ap.Nodes() + max(ap.ScaleOut, 0)
		s := ap.MaxSurge
		if s.IsZero() {
			s = cl.Defaults.MaxSurge
		}
		if s.IsZero() {
			s = sizing.DefaultMaxSurge()
		}
		nodes += max(n, 0) + s.Nodes(max(n, 0))
	}
	if nodes <= 256 {
		return 16
	}
	return max(24-bits.Len(uint(nodes-1)), 8)
}

// pick returns preferred (resized to length l) if it overlaps nothing in the
// plan, else the lowest free /l in parents. The plan's other clusters' pod
// CIDRs don't count when sharedPods (overlay pod CIDRs may be reused).
func (c *completer) pick(preferred netip.Prefix, l, cluster int, sharedPods bool, parents ...netip.Prefix) (netip.Prefix, error) {
	used := c.usedExcept(cluster, sharedPods)
	cand := netip.PrefixFrom(preferred.Addr(), l).Masked()
	if l != preferred.Bits() {
		cand = netip.Prefix{}
		if l <= preferred.Bits() {
			cand = netip.PrefixFrom(preferred.Addr(), l).Masked()
		}
	}
	if cand.IsValid() && !slices.ContainsFunc(used, func(u usedRange) bool { return u.prefix.Overlaps(cand) }) {
		return cand, nil
	}
	var err error
	for _, parent := range parents {
		var got []netip.Prefix
		got, err = allocateAcross(used, []netip.Prefix{parent}, l, 1)
		if err == nil {
			return got[0], nil
		}
	}
	if err == nil {
		err = errors.New("no parent range")
	}
	return netip.Prefix{}, err
}

// usedExcept is the plan's used ranges as they stand (without defaults for
// the ranges still to be picked), minus the other overlay clusters' pod
// CIDRs when sharedPods.
func (c *completer) usedExcept(cluster int, sharedPods bool) []usedRange {
	v := newValidation(c.plan)
	var out []usedRange
	for _, r := range v.collectRangesQuiet() {
		if sharedPods && r.kind == kindPod && r.cluster.index != cluster && r.cluster.c.NetworkProfile.IsOverlay() {
			continue
		}
		out = append(out, usedRange{prefix: r.prefix, vnetSpace: r.kind == kindVNet})
	}
	for _, r := range AKSReservedRanges() {
		out = append(out, usedRange{prefix: r.Prefix})
	}
	for _, r := range VNetForbiddenRanges() {
		out = append(out, usedRange{prefix: r.Prefix})
	}
	return out
}
