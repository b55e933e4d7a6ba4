package ipam

import (
	"errors"
	"fmt"
	"net/netip"
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
	sized := sizeClusters(v)
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
	for _, l := range subnetLoads(v, sized) {
		v.checkSubnetLoad(l)
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

// consumerCounts lists a subnet's consumer counts.
func consumerCounts(c Consumers) []consumerCount {
	return []consumerCount{
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
				"subnet %q of VNet %q has consumers.%s %d; a number of addresses can't be negative",
				sv.s.Name, sv.vnet.v.Name, c.key, c.n)
		case c.n > maxSubnetConsumers:
			v.errorf(CodeConsumersTooLarge, sv.field("consumers."+c.key), "count the subnet's other consumers again",
				"subnet %q of VNet %q has consumers.%s %d, more addresses than an IPv4 /8 holds",
				sv.s.Name, sv.vnet.v.Name, c.key, c.n)
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

// clusterSizing is one cluster as sizing sees it: its demand, or the errors
// that kept sizing from computing one.
type clusterSizing struct {
	cv     *clusterView
	byName map[string]*subnetView // sizing's subnet names back to the plan's subnets
	demand sizing.Demand
	err    error
}

// sizeClusters asks sizing for every cluster's demand.
func sizeClusters(v *validation) []clusterSizing {
	out := make([]clusterSizing, 0, len(v.clusters))
	for _, cv := range v.clusters {
		in, byName := cv.sizingCluster()
		d, err := in.Demand()
		out = append(out, clusterSizing{cv: cv, byName: byName, demand: d, err: err})
	}
	return out
}

// subnetLoad is the demand on one subnet at upgrade peak, summed over every
// cluster and pool that uses it.
type subnetLoad struct {
	sv *subnetView
	// static is set when the subnet is only a static-block pod subnet, whose
	// capacity is counted in /28 blocks.
	static bool
	peak   sizing.Count
	parts  []loadPart
	// consumers is the subnet's own other consumers (counted once);
	// apiEndpoints the private clusters' API endpoints placed in it.
	consumers, apiEndpoints int
}

// loadPart is one pool's share of a subnet.
type loadPart struct {
	pv   *poolView
	item sizing.Item
}

// subnetLoads sums the demand of every sized cluster per subnet, in plan
// order. Subnets without any IPv4 prefix (to be allocated, or IPv6) and
// subnets nothing uses are left out.
func subnetLoads(v *validation, sized []clusterSizing) []*subnetLoad {
	loads := make(map[*subnetView]*subnetLoad)
	uses := make(map[*subnetView]map[subnetUse]bool)
	get := func(sv *subnetView) *subnetLoad {
		l := loads[sv]
		if l == nil {
			l = &subnetLoad{sv: sv, consumers: consumersTotal(sv.s.Consumers)}
			l.peak = sizing.CountFromInt(l.consumers)
			loads[sv] = l
			uses[sv] = make(map[subnetUse]bool)
		}
		return l
	}
	for _, sv := range v.subnets {
		if consumersTotal(sv.s.Consumers) > 0 {
			get(sv)
		}
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
			uses[sv][subnetUse{r.Kind, r.Mode}] = true
			l.apiEndpoints += r.Consumers.APIServer
			l.peak = l.peak.Add(sizing.CountFromInt(r.Consumers.APIServer))
			for _, it := range r.Pools {
				l.parts = append(l.parts, loadPart{pv: poolByName(cs.cv, it.Pool), item: it})
				l.peak = l.peak.Add(it.Peak)
			}
		}
	}
	var out []*subnetLoad
	for _, sv := range v.subnets {
		l := loads[sv]
		if l == nil || len(ipv4Prefixes(sv)) == 0 {
			continue
		}
		us := uses[sv]
		l.static = len(us) == 1 && us[subnetUse{sizing.PodSubnet, sizing.StaticBlock}]
		out = append(out, l)
	}
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
// are reported by checkRanges.
func ipv4Prefixes(sv *subnetView) []netip.Prefix {
	var out []netip.Prefix
	for _, p := range sv.s.AddressPrefixes {
		if p.IsValid() && p.Addr().Is4() && p.Masked() == p {
			out = append(out, p)
		}
	}
	return out
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
// upgrade peak exceeds its usable addresses.
func (v *validation) checkSubnetLoad(l *subnetLoad) {
	have := l.capacity()
	if !have.Less(l.peak) || l.isApplicationGateway() {
		return
	}
	s := l.sv.s
	prefixes := ipv4Prefixes(l.sv)
	msg := fmt.Sprintf("Pre-allocated IPs %v exceeds IPs available %v in Subnet Cidr %s, Subnet Name %s: %s",
		l.peak, have, joinPrefixes(prefixes), s.Name, l.breakdown())
	v.errorf(CodeInsufficientSubnetSize, l.sv.field("addressPrefixes"), v.subnetLoadFix(l), "%s", msg)
}

// breakdown spells out the arithmetic: each pool's peak nodes × per-node
// cost, then the other consumers.
func (l *subnetLoad) breakdown() string {
	var terms []string
	clusters := make(map[*clusterView]bool)
	for _, lp := range l.parts {
		if lp.pv != nil {
			clusters[lp.pv.cluster] = true
		}
	}
	for _, lp := range l.parts {
		name := lp.item.Pool
		if lp.pv != nil && len(clusters) > 1 {
			name = lp.pv.cluster.c.Name + "/" + name
		}
		terms = append(terms, fmt.Sprintf("pool %s %s × %v = %v", name, nodeTerms(lp.item), lp.item.PerNode, lp.item.Peak))
	}
	for _, c := range consumerCounts(l.sv.s.Consumers) {
		if n := min(c.n, maxSubnetConsumers); n > 0 {
			terms = append(terms, fmt.Sprintf("%s %d", c.words, n))
		}
	}
	if l.apiEndpoints > 0 {
		terms = append(terms, fmt.Sprintf("private API endpoints %d", l.apiEndpoints))
	}
	return strings.Join(terms, " + ")
}

// nodeTerms writes a pool's peak node count as its parts: "(10 nodes + 1
// surge)" or "(10 nodes + 5 scale-out + 2 surge)".
func nodeTerms(it sizing.Item) string {
	s := "(" + plural(it.Nodes, "node")
	if it.ScaleOut > 0 {
		s += fmt.Sprintf(" + %d scale-out", it.ScaleOut)
	}
	return s + fmt.Sprintf(" + %d surge)", it.Surge)
}

// subnetLoadFix names the smallest prefix that holds the demand (sizing's
// MinPrefixLen), with a free one of that size in the VNet when there is one.
func (v *validation) subnetLoadFix(l *subnetLoad) string {
	bits := smallestSubnetBits(l.peak, l.static)
	if bits < 0 {
		return fmt.Sprintf("spread the pools over several subnets: %v addresses do not fit one subnet", l.peak)
	}
	fix := fmt.Sprintf("use a /%d or larger for subnet %s (%v usable for %v needed)%s",
		bits, l.sv.s.Name, subnetUsable(bits, l.static), l.peak,
		v.freeHint(l.sv.vnet, netip.PrefixFrom(netip.IPv4Unspecified(), bits)))
	if len(l.parts) > 0 {
		fix += ", or lower maxPods or node counts"
	}
	return fix
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
			v.checkOnePodCIDR(cs.cv, r, p, cs.cv.field(podField(np, i)))
			break
		}
	}
}

func (v *validation) checkOnePodCIDR(cv *clusterView, r sizing.Range, p netip.Prefix, field string) {
	have := sizing.Usable(sizing.PodCIDR, r.Family, "", p.Bits())
	if !have.Less(r.Peak) {
		return
	}
	blockBits := sizing.NodeBlockBitsV4
	if r.Family == sizing.IPv6 {
		blockBits = sizing.NodeBlockBitsV6
	}
	nodes := 0
	for _, it := range r.Pools {
		nodes += it.Nodes + it.ScaleOut + it.Surge
	}
	perNode := sizing.PrefixCount(netip.PrefixFrom(p.Addr(), blockBits))
	// A p longer than one node block is an error here, and holds no node:
	// the zero Count says so.
	holds, _ := sizing.PodCIDRNodes(p)
	holdsN, _ := holds.Uint64() // holds < nodes: the peak does not fit
	code := CapacityCode(cv.network().Model(sizing.Pool{}), sizing.PodCIDR)
	msg := fmt.Sprintf("Pre-allocated IPs %v exceeds IPs available %v in pod CIDR %s of cluster %q: "+
		"%s at upgrade peak × %v (one /%d per node); a /%d holds %s",
		r.Peak, have, p, cv.c.Name, plural(nodes, "node"), perNode, blockBits, p.Bits(),
		plural(int(holdsN), "node"))
	fix := "split the nodes over several clusters"
	if need := r.MinPrefixLen; need >= 0 {
		fix = fmt.Sprintf("use a /%d or larger pod CIDR", need)
		if p.Addr().Is4() {
			fix += ", such as " + v.freePodHint(cv, netip.PrefixFrom(p.Addr(), need))
			if cv.network().Model(sizing.Pool{}).Spec().PodCIDRExpandable {
				// AKS expands an overlay pod CIDR only to a superset
				// (docs/aks-rules.md#overlay-pod-cidr-grows-only-to-a-superset):
				// a running cluster can't move it.
				wider, _ := p.Addr().Prefix(need)
				fix += fmt.Sprintf("; a running overlay cluster can only widen it in place, to %s, if that is free", wider)
			}
		}
	}
	v.errorf(code, field, fix, "%s", msg)
}

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
			if strings.HasPrefix(rest, sv.path) {
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
	case "networkPlugin", "networkPluginMode", "networkDataplane", "ipFamilies":
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
		return CodePoolCountLimit, fmt.Sprintf("merge pools or split the cluster: at most %d pools", sizing.MaxPools)
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
		return CodePoolNodeLimit, fmt.Sprintf("split the pool: a pool plus its upgrade surge holds at most %d nodes",
			sizing.MaxPoolNodes)
	case errors.Is(se, sizing.ErrClusterTooLarge):
		switch {
		case strings.HasPrefix(se.Field, "consumers"):
			return "", "" // checkConsumers reports each count of the plan
		case np.NetworkPlugin == PluginKubenet:
			return CodeKubenetNodeLimit, fmt.Sprintf("use Azure CNI Overlay or split the cluster: kubenet holds at most %d nodes",
				sizing.MaxKubenetNodes)
		case np.IsOverlay():
			return CodeOverlayNodeLimit, "split the nodes over several clusters"
		}
		return CodeClusterNodeLimit, fmt.Sprintf("split the nodes over several clusters: at most %d per cluster",
			sizing.MaxClusterNodes)
	case errors.Is(se, sizing.ErrSurge), errors.Is(se, sizing.ErrNoSurge):
		return CodeInvalidMaxSurge, `set maxSurge above 0 (33% is the production advice) or maxUnavailable above 0`
	case errors.Is(se, sizing.ErrNegativeCount), errors.Is(se, sizing.ErrNodeCount):
		return CodeInvalidNodeCount, "use counts ≥ 0, and with autoscaling a maxCount ≥ 1 and ≥ count"
	case errors.Is(se, sizing.ErrWindows):
		switch {
		case pv != nil && pv.index == 0:
			return CodeFirstPoolNotLinux, "make the first (system) pool Linux and add Windows as a user pool"
		case !np.model().Spec().Windows:
			return CodeWindowsOnKubenet, "use Azure CNI (overlay or node subnet) for a cluster with Windows pools"
		}
		return CodeWindowsOnCilium, "use the azure dataplane for a cluster with Windows pools"
	case errors.Is(se, sizing.ErrNetwork) && se.Field == "ipFamilies":
		if fs := np.IPFamilies; len(fs) == 2 && fs[0] == IPv4 && fs[1] == IPv6 {
			return CodeDualStackNeedsOverlay, "set networkPlugin azure and networkPluginMode overlay"
		}
		return CodeInvalidIPFamilies, "use ipFamilies [IPv4] or [IPv4, IPv6] (no IPv6-only clusters)"
	case errors.Is(se, sizing.ErrNetwork):
		return CodeInvalidNetworkProfile, "use networkPluginMode overlay and networkDataplane cilium only with networkPlugin azure"
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

// plural writes "1 node", "2 nodes", "2 addresses".
func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	if strings.HasSuffix(unit, "s") {
		return fmt.Sprintf("%d %ses", n, unit)
	}
	return fmt.Sprintf("%d %ss", n, unit)
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
