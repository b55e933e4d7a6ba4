package ipam

import (
	"cmp"
	"errors"
	"fmt"
	"net/netip"
	"slices"
	"strings"

	"github.com/cidrplan/cidrplan/cidr"
	"github.com/cidrplan/cidrplan/sizing"
)

// checkCapacity checks subnets and pod CIDRs against sizing's demand at the upgrade peak, and the node and pool limits.
//
// The limits (maxPods 10–250, maxPods × nodes ≥ 30, 1,000 nodes per pool with
// surge, 100 pools, 5,000 nodes, kubenet 400, overlay 5,000 [D]) are sizing's:
// its typed errors are mapped to findings, never recomputed. Subnet demand is
// summed over every cluster and pool using the subnet, plus the subnet's other
// consumers once and each private cluster's API endpoint.
func checkCapacity(v *validation) {
	sized := v.sized()
	for i := range sized {
		cs := &sized[i]
		for _, e := range sizing.Violations(cs.err) {
			v.addSizingError(cs.cv, e)
		}
		if cs.err == nil {
			v.checkPodCIDRCapacity(cs)
		}
	}
	for _, sv := range v.subnets {
		v.checkConsumers(sv)
	}
	// Subnets no pool uses are checked for their own consumers, in plan
	// order with the others, each in one load reused (a plan may have
	// 100,000 of them).
	loads := v.subnetLoads()
	var own subnetLoad
	for _, sv := range v.subnets {
		if len(loads) > 0 && loads[0].sv == sv {
			v.checkSubnetLoad(loads[0])
			loads = loads[1:]
		} else if consumersTotal(sv.s.Consumers) > 0 && hasIPv4Prefix(sv) {
			own = newSubnetLoad(sv)
			v.checkSubnetLoad(&own)
		}
	}
}

// maxSubnetConsumers bounds each consumer count of a subnet: more addresses
// than an IPv4 /8 (the largest cluster VNet) cannot be planned.
const maxSubnetConsumers = 1 << 24

// consumerCount is one consumer count of a subnet, with its plan key and
// its name in a breakdown.
type consumerCount struct {
	key, words string
	n          int
}

// consumerCounts lists a subnet's consumer counts (an array: it is read for
// every subnet, and a slice would be allocated each time).
func consumerCounts(c Consumers) [5]consumerCount {
	return [5]consumerCount{
		{"internalLoadBalancers", "internal load balancer IPs", c.InternalLoadBalancers},
		{"privateEndpoints", "private endpoints", c.PrivateEndpoints},
		{"apiServerEndpoints", "API server endpoints", c.APIServerEndpoints},
		{"applicationGatewayInstances", "application gateway IPs", c.ApplicationGatewayInstances},
		{"other", "other IPs", c.Other},
	}
}

// checkConsumers reports consumer counts that are negative or beyond any
// subnet (Consumers.Total would clip the first and could wrap on the
// second).
func (v *validation) checkConsumers(sv *subnetView) {
	for _, c := range consumerCounts(sv.s.Consumers) {
		switch {
		case c.n < 0:
			v.errorf(CodeInvalidConsumers, sv.field("consumers."+c.key), "count addresses: 0 or more",
				"subnet %q of VNet %q has consumers.%s %s; a number of addresses can't be negative",
				sv.s.Name, sv.vnet.v.Name, c.key, grouped(c.n))
		case c.n > maxSubnetConsumers:
			v.errorf(CodeConsumersTooLarge, sv.field("consumers."+c.key), "count the subnet's other consumers again",
				"subnet %q of VNet %q has consumers.%s %s, more addresses than an IPv4 /8 holds",
				sv.s.Name, sv.vnet.v.Name, c.key, grouped(c.n))
		}
	}
}

// consumersTotal sums a subnet's consumer counts, each clipped to
// 0..maxSubnetConsumers (checkConsumers reports the others).
func consumersTotal(c Consumers) int {
	n := 0
	for _, c := range consumerCounts(c) {
		n += min(max(c.n, 0), maxSubnetConsumers)
	}
	return n
}

// clusterSizing is one cluster as sizing sees it: its demand and its
// upgrade step by step, or the errors that kept sizing from computing them.
type clusterSizing struct {
	cv      *clusterView
	in      sizing.Cluster
	byName  map[string]*subnetView // sizing's subnet names back to the plan's subnets
	demand  sizing.Demand
	upgrade sizing.Upgrade // of the cluster's upgrade model (demand.Upgrade)
	err     error
	shape   *clusterShape // nil: sized as it is
	growth  growthMemo    // shared by the clusters of one validation
}

// sized returns every cluster's demand and upgrade, asked of sizing once
// per validation (checkCapacity and checkAdvice both read them).
func (v *validation) sized() []clusterSizing {
	if v.sizings == nil {
		v.sizings = sizeClusters(v)
	}
	return v.sizings
}

// sizeClusters asks sizing for every cluster's demand and upgrade.
func sizeClusters(v *validation) []clusterSizing {
	out := make([]clusterSizing, 0, len(v.clusters))
	growth := make(growthMemo)
	shapes := make(map[string]*sizedShape)
	for _, cv := range v.clusters {
		cs := clusterSizing{cv: cv, growth: growth}
		cs.in, cs.byName = cv.sizingCluster()
		if sh, ok := shapeOf(cs.in); ok {
			if d, u, err := sh.size(shapes); err == nil {
				cs.shape, cs.demand, cs.upgrade = &sh, d, u
				out = append(out, cs)
				continue
			}
		}
		// Sized as it is: its errors name its own subnets.
		cs.demand, cs.err = cs.in.Demand()
		if cs.err == nil {
			cs.upgrade, cs.err = cs.in.Upgrade("")
		}
		out = append(out, cs)
	}
	return out
}

// surging returns the names of the pools of cs that surge in the step
// where range k peaks.
func (cs *clusterSizing) surging(k sizing.RangeKey) []string {
	var out []string
	if i := cs.upgrade.PeakStep(k); i >= 0 {
		for _, p := range cs.upgrade.Steps[i].Pools {
			out = append(out, p.Pool)
		}
	}
	return out
}

// subnetLoad is the demand on one subnet at upgrade peak, summed over every
// cluster that uses it: clusters upgrade independently and may overlap in
// time, so each cluster's own peak on the subnet counts
// (docs/aks-rules.md#a-subnet-shared-by-clusters).
type subnetLoad struct {
	sv *subnetView
	// static is set when the subnet is only a static-block pod subnet, whose
	// capacity is counted in /28 blocks; dynamic when it is only a dynamic
	// pod subnet, which gives pods addresses in batches of 16.
	static, dynamic bool
	// peak is Σ over clusters of each cluster's peak (of its upgrade
	// model), simultaneous with every pool surging at once, allPods with
	// every node holding maxPods pods (dynamic pod subnets); each includes
	// the consumers.
	peak, simultaneous, allPods sizing.Count
	parts                       []loadPart
	// uses lists the ways pools use the subnet, each once.
	uses []subnetUse
	// models lists the clusters' upgrade models, each once.
	models []sizing.UpgradeModel
	// consumers is the subnet's own other consumers (counted once);
	// apiEndpoints the private clusters' API endpoints placed in it.
	consumers, apiEndpoints int
}

// loadPart is one pool's share of a subnet.
type loadPart struct {
	cs   *clusterSizing
	pv   *poolView
	item sizing.Item
	key  sizing.RangeKey
	// surging is set when the pool surges in its cluster's peak step on
	// the subnet: its share is item.Peak, else item.Steady.
	surging bool
}

// share returns the pool's addresses at its cluster's peak on the subnet.
func (lp loadPart) share() sizing.Count {
	if lp.surging {
		return lp.item.Peak
	}
	return lp.item.Steady
}

// subnetLoads returns the load of every subnet in use, summed once per
// validation from v.sized (checkCapacity and checkAdvice both read them).
func (v *validation) subnetLoads() []*subnetLoad {
	if v.loads == nil {
		v.loads = subnetLoads(v, v.sized())
	}
	return v.loads
}

// newSubnetLoad returns the load of sv's own consumers.
func newSubnetLoad(sv *subnetView) subnetLoad {
	l := subnetLoad{sv: sv, consumers: consumersTotal(sv.s.Consumers)}
	l.peak = sizing.CountFromInt(l.consumers)
	l.simultaneous, l.allPods = l.peak, l.peak
	return l
}

// subnetLoads sums the demand of every sized cluster per subnet pools use,
// in plan order. Subnets without any IPv4 prefix (to be allocated, or
// IPv6) are left out, and so are subnets no pool uses: their own consumers
// are their load (newSubnetLoad). The result is never nil.
func subnetLoads(v *validation, sized []clusterSizing) []*subnetLoad {
	loads := make(map[*subnetView]*subnetLoad)
	get := func(sv *subnetView) *subnetLoad {
		l := loads[sv]
		if l == nil {
			l = new(subnetLoad)
			*l = newSubnetLoad(sv)
			loads[sv] = l
		}
		return l
	}
	for i := range sized {
		cs := &sized[i]
		if cs.err != nil {
			continue
		}
		for _, r := range cs.demand.Ranges {
			sv := cs.byName[r.Name]
			if sv == nil || r.Kind == sizing.PodCIDR {
				continue
			}
			l := get(sv)
			if use := (subnetUse{r.Kind, r.Mode}); !slices.Contains(l.uses, use) {
				l.uses = append(l.uses, use)
			}
			if !slices.Contains(l.models, cs.demand.Upgrade) {
				l.models = append(l.models, cs.demand.Upgrade)
			}
			// The subnet's own consumers are in every cluster's range
			// demand; they count once, in get.
			own := sizing.CountFromInt(r.Consumers.ILBFrontEnds + r.Consumers.PrivateEndpoints)
			l.apiEndpoints += r.Consumers.APIServer
			l.peak = l.peak.Add(r.Peak.Sub(own))
			l.simultaneous = l.simultaneous.Add(r.SimultaneousPeak.Sub(own))
			l.allPods = l.allPods.Add(r.PeakAllPods.Sub(own))
			surging := cs.surging(r.RangeKey)
			for _, it := range r.Pools {
				l.parts = append(l.parts, loadPart{cs: cs, pv: poolByName(cs.cv, it.Pool), item: it, key: r.RangeKey,
					surging: slices.Contains(surging, it.Pool)})
			}
		}
	}
	out := make([]*subnetLoad, 0, len(loads))
	for _, l := range loads {
		if !hasIPv4Prefix(l.sv) {
			continue
		}
		l.static = len(l.uses) == 1 && l.uses[0] == subnetUse{sizing.PodSubnet, sizing.StaticBlock}
		l.dynamic = len(l.uses) == 1 && l.uses[0] == subnetUse{sizing.PodSubnet, sizing.DynamicIndividual}
		out = append(out, l)
	}
	slices.SortFunc(out, func(a, b *subnetLoad) int { return cmp.Compare(a.sv.seq, b.sv.seq) })
	return out
}

// subnetUse is one way pools use a subnet: as node subnet, or as pod subnet
// in one allocation mode.
type subnetUse struct {
	kind sizing.RangeKind
	mode sizing.PodIPAllocationMode
}

// poolByName returns the pool of cv named name (the first, if duplicated).
func poolByName(cv *clusterView, name string) *poolView {
	for _, pv := range cv.pools {
		if pv.p.Name == name {
			return pv
		}
	}
	return nil
}

// ipv4Prefixes returns the subnet's well-formed IPv4 prefixes; malformed ones
// are reported by checkRanges. When every prefix is one, that is the
// subnet's own list (capacity clipped: an append copies), as it is for
// nearly every subnet: read only.
func ipv4Prefixes(sv *subnetView) []netip.Prefix {
	all := sv.s.AddressPrefixes
	if !slices.ContainsFunc(all, func(p netip.Prefix) bool { return cidr.CheckPrefixFamily(p, cidr.IPv4) != nil }) {
		return all[:len(all):len(all)]
	}
	var out []netip.Prefix
	for _, p := range sv.s.AddressPrefixes {
		if cidr.CheckPrefixFamily(p, cidr.IPv4) == nil {
			out = append(out, p)
		}
	}
	return out
}

// hasIPv4Prefix reports whether the subnet has a well-formed IPv4 prefix.
func hasIPv4Prefix(sv *subnetView) bool {
	return slices.ContainsFunc(sv.s.AddressPrefixes, func(p netip.Prefix) bool { return cidr.CheckPrefixFamily(p, cidr.IPv4) == nil })
}

// subnetUsable is sizing's capacity of an IPv4 subnet of length bits: a
// static-block pod subnet counts whole /28 blocks, any other 2^(32−bits) − 5.
func subnetUsable(bits int, static bool) sizing.Count {
	if static {
		return sizing.Usable(sizing.PodSubnet, sizing.IPv4, sizing.StaticBlock, bits)
	}
	return sizing.Usable(sizing.NodeSubnet, sizing.IPv4, "", bits)
}

// smallestSubnetBits is sizing's smallest prefix length holding need, -1 if
// none does.
func smallestSubnetBits(need sizing.Count, static bool) int {
	if static {
		return sizing.MinPrefixLen(sizing.PodSubnet, sizing.IPv4, sizing.StaticBlock, need)
	}
	return sizing.MinPrefixLen(sizing.NodeSubnet, sizing.IPv4, "", need)
}

// capacity returns the usable addresses of all of l's IPv4 prefixes.
func (l *subnetLoad) capacity() sizing.Count {
	var c sizing.Count
	for _, p := range ipv4Prefixes(l.sv) {
		c = c.Add(subnetUsable(p.Bits(), l.static))
	}
	return c
}

// isApplicationGateway reports whether the subnet holds only an Application
// Gateway (for Containers), whose size rules checkModel checks instead.
func (l *subnetLoad) isApplicationGateway() bool {
	p := l.sv.purpose
	return (p == PurposeApplicationGateway || p == PurposeApplicationGatewayForContainers) && len(l.parts) == 0
}

// checkSubnetLoad reports InsufficientSubnetSize when the subnet's demand at
// upgrade peak exceeds its usable addresses; when it fits, a warning if it
// would not with every pool surging at once, or (dynamic pod subnets) with
// every node holding maxPods pods.
func (v *validation) checkSubnetLoad(l *subnetLoad) {
	have := l.capacity()
	if l.isApplicationGateway() {
		return
	}
	s := l.sv.s
	prefixes := ipv4Prefixes(l.sv)
	switch {
	case have.Less(l.peak):
		msg := fmt.Sprintf("Pre-allocated IPs %v exceeds IPs available %v in Subnet Cidr %s, Subnet Name %s: %s",
			l.peak, have, joinPrefixes(prefixes), s.Name, l.breakdown())
		if len(l.models) > 0 {
			msg += " at " + l.modelWords()
		}
		v.errorFix(CodeInsufficientSubnetSize, l.sv.field("addressPrefixes"), v.subnetLoadFix(l, "maxPods or node counts"), "%s", msg)
	case have.Less(l.simultaneous):
		v.addFix(SeverityWarning, CodeSimultaneousUpgradePeak, l.sv.field("addressPrefixes"), v.subnetLoadFix(l, "maxSurge, maxPods or node counts"),
			fmt.Sprintf("subnet %q (%s) holds the %s addresses needed at %s, but not the %s needed with every pool surging at once "+
				"(a network migration reimages all pools together; so does upgrading pools in parallel): %s usable",
				s.Name, joinPrefixes(prefixes), l.peak.Grouped(), l.modelWords(), l.simultaneous.Grouped(), have.Grouped()))
	case l.dynamic && have.Less(l.allPods):
		pods := sizing.WholeBatches(have.Sub(sizing.CountFromInt(l.consumers + l.apiEndpoints)))
		v.addFix(SeverityWarning, CodePodSubnetBelowMaxPods, l.sv.field("addressPrefixes"), v.subnetLoadFix(l, "maxPods"),
			fmt.Sprintf("pod subnet %q (%s) gives pods addresses in batches of %d: its %s usable addresses address at most %s pods, "+
				"while its nodes running maxPods pods need %s at the upgrade peak (%s)",
				s.Name, joinPrefixes(prefixes), sizing.DynamicBatch, have.Grouped(), pods.Grouped(), l.allPods.Grouped(), l.allPodsBreakdown()))
	}
}

// modelWords names the upgrade models behind l.peak, for messages; "" for
// a subnet no pool uses.
func (l *subnetLoad) modelWords() string {
	var words []string
	for _, m := range l.models {
		words = append(words, upgradeWords(m))
	}
	return strings.Join(words, " and ")
}

// allPodsBreakdown spells out what each pool's nodes take with maxPods pods
// each: "pool a maxPods 110: 7 batches of 16 per node".
func (l *subnetLoad) allPodsBreakdown() string {
	var terms []string
	for _, lp := range l.parts {
		per := lp.item.Model.Spec().PodSubnetAddrsAllPods(lp.item.MaxPods)
		terms = append(terms, fmt.Sprintf("pool %s maxPods %d: %s per node", lp.name(l), lp.item.MaxPods, grouped(per)))
	}
	return strings.Join(terms, ", ")
}

// name returns the pool's name in l, with its cluster's when l is shared.
func (lp loadPart) name(l *subnetLoad) string {
	if lp.pv == nil {
		return lp.item.Pool
	}
	for _, o := range l.parts {
		if o.pv != nil && o.pv.cluster != lp.pv.cluster {
			return lp.pv.cluster.c.Name + "/" + lp.item.Pool
		}
	}
	return lp.item.Pool
}

// breakdown spells out the arithmetic: each pool's nodes × what one node
// takes and the model's formula for it (sizing's PerNodeWords), with the
// surge of the pools that surge at the peak, then the other consumers; the
// network model named once when every pool follows the same, else per pool:
// "Azure CNI, pods in the node subnet (classic): pool system (10 nodes + 1
// surge) × (30 pods (maxPods) + 1 for the node = 31) = 341".
func (l *subnetLoad) breakdown() string {
	one := len(l.parts) > 0
	for _, lp := range l.parts {
		one = one && lp.item.Model == l.parts[0].item.Model
	}
	var terms []string
	for _, lp := range l.parts {
		name := lp.name(l)
		if !one {
			name += " (" + lp.item.Model.Spec().Label + ")"
		}
		terms = append(terms, fmt.Sprintf("pool %s %s × (%s = %s) = %s", name, nodeTerms(lp.item, lp.surging),
			lp.item.Model.Spec().PerNodeWords(lp.key.Kind, lp.key.Family, lp.item.MaxPods), lp.item.PerNode.Grouped(), lp.share().Grouped()))
	}
	for _, c := range consumerCounts(l.sv.s.Consumers) {
		if n := min(c.n, maxSubnetConsumers); n > 0 {
			terms = append(terms, c.words+" "+grouped(n))
		}
	}
	if l.apiEndpoints > 0 {
		terms = append(terms, "private API endpoints "+grouped(l.apiEndpoints))
	}
	s := strings.Join(terms, " + ")
	if one {
		s = l.parts[0].item.Model.Spec().Label + ": " + s
	}
	return s
}

// nodeTerms writes a pool's node count as its parts: "(10 nodes)", "(10
// nodes + 1 surge)" or "(10 nodes + 5 scale-out + 2 surge)"; the surge only
// when the pool surges at the peak.
func nodeTerms(it sizing.Item, surging bool) string {
	s := "(" + plural(it.Nodes, "node")
	if it.ScaleOut > 0 {
		s += " + " + grouped(it.ScaleOut) + " scale-out"
	}
	if surging && it.Surge > 0 {
		s += " + " + grouped(it.Surge) + " surge"
	}
	return s + ")"
}

// subnetLoadFix names the smallest prefix that holds l's clean need
// (sizing's MinPrefixLen), with a free one of that size in the VNet when
// there is one, and the pool settings (levers) that would lower the need.
// A fix never proposes a size that check then warns about: it holds the
// upgrade peak, every pool surging at once, one more node of the cheapest
// pool and, in a dynamic pod subnet, every node's maxPods.
func (v *validation) subnetLoadFix(l *subnetLoad, levers string) fix {
	need, why := l.cleanNeed()
	bits := smallestSubnetBits(need, l.static)
	if bits < 0 {
		return fixText(fmt.Sprintf("spread the pools over several subnets: %s addresses do not fit one subnet", need.Grouped()))
	}
	if peak := smallestSubnetBits(l.peak, l.static); peak != bits && l.capacity().Less(l.peak) {
		// Name sizing's smallest prefix too, the one cidrplan size
		// prints: it holds the peak but draws a warning.
		why += fmt.Sprintf("; the peak alone fits a /%d", peak)
	}
	f := v.freeHint(l.sv.vnet, netip.PrefixFrom(netip.IPv4Unspecified(), bits), l.sv.field("addressPrefixes")).around(
		fmt.Sprintf("use a /%d or larger for subnet %s (%s usable for %s)", bits, l.sv.s.Name, subnetUsable(bits, l.static).Grouped(), why), "")
	if len(l.parts) > 0 {
		f = f.around("", ", or lower "+levers)
	}
	return f
}

func joinPrefixes(ps []netip.Prefix) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = p.String()
	}
	return strings.Join(s, ",")
}

// checkPodCIDRCapacity checks an overlay or kubenet cluster's pod CIDRs
// against one per-node block (/24, IPv6 /80) per node at upgrade peak. A pod
// CIDR has no reserved addresses.
func (v *validation) checkPodCIDRCapacity(cs *clusterSizing) {
	np := &cs.cv.c.NetworkProfile
	for _, r := range cs.demand.Ranges {
		if r.Kind != sizing.PodCIDR {
			continue
		}
		for i, p := range np.PodPrefixes() {
			if cidr.CheckPrefixFamily(p, r.Family.CIDRFamily()) != nil {
				continue
			}
			v.checkOnePodCIDR(cs, r, p, cs.cv.field(podField(np, i)))
			break
		}
	}
}

// checkOnePodCIDR reports a pod CIDR p that does not hold range r at the
// cluster's upgrade peak (an error), or with every pool surging at once (a
// warning).
func (v *validation) checkOnePodCIDR(cs *clusterSizing, r sizing.Range, p netip.Prefix, field string) {
	cv := cs.cv
	have := sizing.Usable(sizing.PodCIDR, r.Family, "", p.Bits())
	if !have.Less(r.SimultaneousPeak) {
		return
	}
	spec := cs.in.Network.Model(sizing.Pool{}).Spec()
	blockBits := spec.PodCIDRBlockBits(r.Family)
	perNode := sizing.PrefixCount(netip.PrefixFrom(p.Addr(), blockBits))
	// A p longer than one node block is an error here, and holds no node:
	// the zero Count says so.
	holds, _ := sizing.PodCIDRNodes(p)
	holdsN, _ := holds.Uint64() // holds < nodes: the peak does not fit
	fixOf := func(need int, note string) fix {
		if need < 0 {
			return fixText("split the nodes over several clusters")
		}
		words := fmt.Sprintf("use a /%d or larger pod CIDR%s", need, note)
		if !p.Addr().Is4() {
			return fixText(words)
		}
		f := v.freePodHint(cv, netip.PrefixFrom(p.Addr(), need), field).around(words+", such as ", "")
		if cv.network().Model(sizing.Pool{}).Spec().PodCIDRExpandable {
			// AKS expands an overlay pod CIDR only to a superset
			// (docs/aks-rules.md#overlay-pod-cidr-grows-only-to-a-superset):
			// a running cluster can't move it.
			wider, _ := p.Addr().Prefix(need)
			f = f.around("", fmt.Sprintf("; a running overlay cluster can only widen it in place, to %s, if that is free (cidrplan expand finds the smallest clear superset)", wider))
		}
		return f
	}
	if !have.Less(r.Peak) {
		nodes := cs.demand.SimultaneousPeakNodes
		v.addFix(SeverityWarning, CodeSimultaneousUpgradePeak, field, fixOf(sizing.MinPrefixLen(sizing.PodCIDR, r.Family, "", r.SimultaneousPeak), ""),
			fmt.Sprintf("pod CIDR %s of cluster %q holds its %s at %s, but not the %s of every pool surging at once "+
				"(a network migration reimages all pools together; so does upgrading pools in parallel): "+
				"%s: %s × (%s = %s per node) = %s; a /%d holds %s",
				p, cv.c.Name, plural(cs.demand.PeakNodes, "node"), upgradeWords(cs.demand.Upgrade), plural(nodes, "node"),
				spec.Label, plural(nodes, "node"), spec.PerNodeWords(sizing.PodCIDR, r.Family, 0), perNode.Grouped(), r.SimultaneousPeak.Grouped(),
				p.Bits(), plural(int(holdsN), "node")))
		return
	}
	code := CapacityCode(cv.network().Model(sizing.Pool{}), sizing.PodCIDR)
	nodes := cs.demand.PeakNodes
	msg := fmt.Sprintf("Pre-allocated IPs %v exceeds IPs available %v in pod CIDR %s of cluster %q: "+
		"%s: %s × (%s = %s per node) = %s at %s; a /%d holds %s",
		r.Peak, have, p, cv.c.Name, spec.Label, plural(nodes, "node"), spec.PerNodeWords(sizing.PodCIDR, r.Family, 0), perNode.Grouped(),
		r.Peak.Grouped(), upgradeWords(cs.demand.Upgrade), p.Bits(), plural(int(holdsN), "node"))
	// The fix holds every pool surging at once too, or check would then
	// warn about the size it proposed.
	need := sizing.MinPrefixLen(sizing.PodCIDR, r.Family, "", r.SimultaneousPeak)
	note := ""
	if need >= 0 && need < r.MinPrefixLen {
		note = fmt.Sprintf(" (to hold the %s of every pool surging at once too)", plural(cs.demand.SimultaneousPeakNodes, "node"))
	}
	v.errorFix(code, field, fixOf(need, note), "%s", msg)
}

// upgradeWords names the peak of upgrade model m, for messages (sizing's
// UpgradeModel.PeakWords).
func upgradeWords(m sizing.UpgradeModel) string { return m.PeakWords() }

// addSizingError turns one of sizing's validation errors into a finding at
// the plan field it concerns. Errors that other checks report (pool names,
// pod IP allocation modes mixed on a subnet) are dropped here.
func (v *validation) addSizingError(cv *clusterView, err error) {
	var se *sizing.Error
	if !errors.As(err, &se) {
		v.errorf(CodeInvalidAgentPool, cv.field("agentPoolProfiles"), "fix the cluster's pools",
			"cluster %q: %v", cv.c.Name, err)
		return
	}
	var pv *poolView
	if se.Pool != "" {
		pv = poolByName(cv, se.Pool)
	}
	field, who := cv.field(sizingClusterField(se.Field)), fmt.Sprintf("cluster %q", cv.c.Name)
	if rest, ok := strings.CutPrefix(se.Field, "consumers."); ok {
		for _, sv := range v.subnets {
			if strings.HasPrefix(rest, sv.path()) {
				field = sv.field("consumers")
			}
		}
	}
	if pv != nil {
		f := se.Field
		if f == "count" && pv.p.EnableAutoScaling {
			f = "maxCount"
		}
		field, who = pv.field(f), fmt.Sprintf("pool %q of cluster %q", pv.p.Name, cv.c.Name)
	}
	msg := fmt.Sprintf("%s: %s %s: %v", who, se.Field, se.Value, se.Err)
	if se.Detail != "" {
		msg += ": " + se.Detail
	}
	code, fix := sizingCode(cv, pv, se)
	if code == "" {
		return
	}
	v.errorf(code, field, fix, "%s", msg)
}

// sizingClusterField maps a cluster-level sizing field to the plan's path
// under the cluster.
func sizingClusterField(f string) string {
	switch f {
	case "pools", "nodes":
		return "agentPoolProfiles"
	case "networkPlugin", "networkPluginMode", "networkDataplane", "networkPolicy", "ipFamilies":
		return "networkProfile." + f
	}
	return f
}

// sizingCode chooses the code and fix of a sizing error; "" drops it.
func sizingCode(cv *clusterView, pv *poolView, se *sizing.Error) (code Code, fix string) {
	np := &cv.c.NetworkProfile
	switch {
	case errors.Is(se, sizing.ErrPoolName):
		return "", "" // resolveClusters reports missing and duplicate names
	case errors.Is(se, sizing.ErrNoPools):
		return CodeNoAgentPools, "add a Linux system pool"
	case errors.Is(se, sizing.ErrTooManyPools):
		return CodePoolCountLimit, fmt.Sprintf("merge pools or split the cluster: at most %s pools", grouped(sizing.MaxPools))
	case errors.Is(se, sizing.ErrMaxPods):
		return CodeInvalidMaxPods, fmt.Sprintf("set maxPods between %d and %d", sizing.MinMaxPods, sizing.MaxMaxPods)
	case errors.Is(se, sizing.ErrTooFewPods):
		fix := fmt.Sprintf("raise maxPods or the node count so that maxPods × nodes ≥ %d", sizing.MinPoolPods)
		if pv != nil && pv.p.MaxPods > 0 {
			fix = fmt.Sprintf("with maxPods %d use at least %d nodes, or raise maxPods to %d",
				pv.p.MaxPods, ceilDiv(sizing.MinPoolPods, pv.p.MaxPods), ceilDiv(sizing.MinPoolPods, max(pv.p.Nodes(), 1)))
		}
		return CodeInsufficientPods, fix
	case errors.Is(se, sizing.ErrPoolTooLarge):
		return CodePoolNodeLimit, fmt.Sprintf("split the pool: a pool plus its upgrade surge holds at most %s nodes",
			grouped(sizing.MaxPoolNodes))
	case errors.Is(se, sizing.ErrClusterTooLarge):
		switch {
		case strings.HasPrefix(se.Field, "consumers"):
			return "", "" // checkConsumers reports each count of the plan
		case np.NetworkPlugin == PluginKubenet:
			fix := fmt.Sprintf("use Azure CNI Overlay or split the cluster: kubenet holds at most %s nodes", grouped(sizing.MaxKubenetNodes))
			if limit, scope := cv.network().NodeLimit(cv.c.Defaults); limit < sizing.MaxKubenetNodes {
				fix = fmt.Sprintf("use Azure CNI Overlay or split the cluster: at most %s nodes %s", grouped(limit), scope)
			}
			return CodeKubenetNodeLimit, fix
		case np.IsOverlay():
			return CodeOverlayNodeLimit, "split the nodes over several clusters"
		}
		return CodeClusterNodeLimit, fmt.Sprintf("split the nodes over several clusters: at most %s per cluster",
			grouped(sizing.MaxClusterNodes))
	case errors.Is(se, sizing.ErrSurge), errors.Is(se, sizing.ErrNoSurge):
		return CodeInvalidMaxSurge, fmt.Sprintf("set maxSurge above 0 (%d%% is the production advice) or maxUnavailable above 0", sizing.ProductionMaxSurgePercent)
	case errors.Is(se, sizing.ErrNegativeCount), errors.Is(se, sizing.ErrNodeCount):
		return CodeInvalidNodeCount, "use counts ≥ 0, and with autoscaling a maxCount ≥ 1 and ≥ count"
	case errors.Is(se, sizing.ErrPoolMode) && se.Field == "maxUnavailable":
		return CodeSystemPoolMaxUnavailable, "set maxUnavailable 0 and upgrade with maxSurge, or make the pool a User pool"
	case errors.Is(se, sizing.ErrPoolMode):
		return CodeAgentPoolMode, "use mode System or User"
	case errors.Is(se, sizing.ErrNetworkPolicy):
		return CodeNetworkPolicyUnsupported, "use the cilium network policy (networkDataplane cilium) or none with dual-stack"
	case errors.Is(se, sizing.ErrWindows):
		switch {
		case se.Field == "mode":
			return CodeWindowsSystemPool, "make the pool a User pool; System pools run Linux"
		case pv != nil && pv.index == 0:
			return CodeFirstPoolNotLinux, "make the first (system) pool Linux and add Windows as a user pool"
		case !np.model().Spec().Windows:
			return CodeWindowsOnKubenet, "use Azure CNI (overlay or node subnet) for a cluster with Windows pools"
		}
		return CodeWindowsOnCilium, "use the azure dataplane for a cluster with Windows pools"
	case errors.Is(se, sizing.ErrNetwork) && se.Field == "ipFamilies":
		if fs := np.IPFamilies; len(fs) == 2 && fs[0] == IPv4 && fs[1] == IPv6 {
			return CodeDualStackNeedsOverlay, "use Azure CNI Overlay (networkPlugin azure, networkPluginMode overlay), kubenet, or static block pod subnets for every pool"
		}
		return CodeInvalidIPFamilies, "use ipFamilies [IPv4] or [IPv4, IPv6] (no IPv6-only clusters)"
	case errors.Is(se, sizing.ErrNetwork) && se.Field == "networkPolicy":
		return "", "" // checkValues reports an unknown network policy
	case errors.Is(se, sizing.ErrNetwork):
		return CodeInvalidNetworkProfile, "use networkPluginMode overlay and networkDataplane cilium only with networkPlugin azure"
	case errors.Is(se, sizing.ErrUpgradeModel):
		return CodeInvalidAgentPool, "use defaults.upgrade sequential (pools one at a time, as AKS upgrades them) or simultaneous (every pool at once)"
	case errors.Is(se, sizing.ErrOSType):
		return CodeInvalidOSType, "use osType " + orList(sizing.OSTypes())
	case errors.Is(se, sizing.ErrPodSubnet):
		if se.Field == "podIpAllocationMode" && pv != nil && pv.p.PodSubnet != "" &&
			(pv.p.PodIPAllocationMode == DynamicIndividual || pv.p.PodIPAllocationMode == StaticBlock) {
			return "", "" // modes mixed on one subnet: checkModel reports it across clusters
		}
		return CodeInvalidPodSubnet, "name a pod subnet only for Azure CNI without overlay, apart from the node subnets"
	}
	return CodeInvalidAgentPool, "fix the value"
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

// orList writes allowed values as prose: "a, b or c".
func orList[T ~string](vs []T) string {
	s := ""
	for i, v := range vs {
		switch {
		case i == 0:
		case i == len(vs)-1:
			s += " or "
		default:
			s += ", "
		}
		s += string(v)
	}
	return s
}

// CapacityCode returns the code of a range of kind k too small for its
// demand under model m: InsufficientPodCidr for a kubenet pod CIDR (AKS's
// own code there), InsufficientSubnetSize for every other range.
func CapacityCode(m sizing.Model, k sizing.RangeKind) Code {
	if m == sizing.ModelKubenet && k == sizing.PodCIDR {
		return CodeInsufficientPodCIDR
	}
	return CodeInsufficientSubnetSize
}

// cleanNeed returns the addresses l's subnet must hold for check to find
// nothing about its size, and the words that say why: the upgrade peak
// (InsufficientSubnetSize) plus what one more node of its cheapest pool
// adds (NoRoomForUpgrade), at least every pool surging at once
// (SimultaneousUpgradePeak) and, in a dynamic pod subnet, every node
// running maxPods pods (PodSubnetBelowMaxPods).
func (l *subnetLoad) cleanNeed() (sizing.Count, string) {
	need := l.peak
	why := l.peak.Grouped() + " needed at the upgrade peak"
	if cost, by := l.cheapestGrowth(); by != nil {
		need = need.Add(cost)
		why += fmt.Sprintf(" + %s for one more node of pool %s", cost.Grouped(), by.name(l))
	}
	if need.Less(l.simultaneous) {
		need, why = l.simultaneous, l.simultaneous.Grouped()+" needed with every pool surging at once"
	}
	if l.dynamic && need.Less(l.allPods) {
		need, why = l.allPods, l.allPods.Grouped()+" needed with every node running maxPods pods"
	}
	return need, why
}
