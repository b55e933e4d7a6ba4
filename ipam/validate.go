package ipam

import (
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"strings"

	"github.com/cidrplan/cidrplan/internal/printable"
	"github.com/cidrplan/cidrplan/overlap"
	"github.com/cidrplan/cidrplan/sizing"
)

// Validate checks the plan against every rule cidrplan knows (see the package
// doc) and returns the findings sorted by [Findings.Sort]. Defaults are
// applied first ([Plan.WithDefaults]), so a value left out is checked as AKS
// would see it. Validate never modifies p and never panics; a nil plan has no
// findings.
func (p *Plan) Validate() Findings {
	if p == nil {
		return nil
	}
	v := newValidation(p.withClusterDefaults())
	v.given = p
	checkValues(v)
	checkRanges(v)
	checkCapacity(v)
	checkModel(v)
	checkAdvice(v)
	return v.result()
}

// validation is the state shared by the check functions (checkRanges,
// checkCapacity, checkModel, checkAdvice). How to use it in a check:
//
//   - Add a finding: v.errorf(code, field, fix, format, args...),
//     v.warnf(code, field, format, args...), v.infof(...). Every error needs a
//     fix. Field is a full path; build it with cv.field("networkProfile.podCidr"),
//     pv.field("maxPods"), sv.field("addressPrefixes[0]") so it carries the
//     owner prefix (clusters[prod]..., vnets[hub].subnets[aks]...). Field
//     names follow AKS's error spelling (serviceCIDR, podCIDR, dnsServiceIP,
//     dockerBridgeCIDR; pools name their subnets in vnetSubnet and podSubnet).
//     Duplicate findings are removed and the list is sorted at the end.
//   - The plan: v.plan is the plan with every default filled in
//     (WithDefaults): maxPods, osType, maxSurge, networkPlugin, ipFamilies,
//     pod/service CIDRs and DNS IP are set explicitly. Read only.
//   - Resolved references, built before any check runs:
//     v.vnets (each *vnetView: the VNet, its path, its subnets),
//     v.subnets (every *subnetView in plan order: VNet, effective purpose,
//     node pools and pod pools using it), v.clusters (each *clusterView: the
//     cluster, its VNet view or nil, its pools). Each *poolView has its
//     cluster, resolved nodeSubnet/podSubnet (nil when absent or unresolved;
//     unresolved references are already reported) and mode(), the pool's
//     sizing.Model. cv.sizingCluster() gives the cluster as sizing input
//     (subnets keyed by their paths, mapped back by the returned map);
//     cv.network() the sizing.Network. Subnet prefixes are sv.s.AddressPrefixes (parse errors never
//     reach here: a loaded plan is well-formed).
//   - Overlaps: checkRanges (which runs first) sets v.ranges, every valid
//     prefix of the plan with its owner (planRange: kind, prefix, field,
//     vnet/subnet/cluster/avoid), and v.index, one overlap.Tree over them
//     valued by position in v.ranges. Query it (v.index.Overlapping(p)) rather
//     than looping over pairs; checkOverlaps already reports every overlap.
type validation struct {
	plan     *Plan
	given    *Plan // the plan as given, before defaults (nil when unknown)
	findings Findings
	vnets    []*vnetView
	subnets  []*subnetView
	clusters []*clusterView
	byVNet   map[string]*vnetView
	ranges   []planRange
	index    *overlap.Tree[int]
	hints    map[hintKey]netip.Prefix // cached fix hints, see lowestFree
	sizings  []clusterSizing          // see sized
	loads    []*subnetLoad            // see subnetLoads
}

type vnetView struct {
	index      int
	hasCluster bool // some cluster uses the VNet
	v          *VNet
	path       string // vnets[hub]
	subnets    []*subnetView
	byName     []*subnetView // its named subnets by name, in plan order where names repeat (see subnet)
}

type subnetView struct {
	vnet    *vnetView
	index   int32 // in its VNet; int32 keeps the view at 48 bytes
	seq     int32 // position in validation.subnets
	s       *Subnet
	purpose Purpose // explicit, else inferred (see effectivePurpose)
	// u is what uses the subnet, nil for nothing (see users): most subnets
	// of a large plan hold no cluster, and their views stay small.
	u *subnetUsers
}

// subnetUsers is what uses a subnet.
type subnetUsers struct {
	nodePools []*poolView
	podPools  []*poolView
	// apiServerOf lists clusters using the subnet for API server VNet
	// integration.
	apiServerOf []*clusterView
}

// users returns what uses the subnet (read only).
func (sv *subnetView) users() subnetUsers {
	if sv.u == nil {
		return subnetUsers{}
	}
	return *sv.u
}

// usersToAdd returns the subnet's users for resolveClusters to add to.
func (sv *subnetView) usersToAdd() *subnetUsers {
	if sv.u == nil {
		sv.u = new(subnetUsers)
	}
	return sv.u
}

type clusterView struct {
	index int
	c     *Cluster
	path  string    // clusters[prod]
	vnet  *vnetView // nil when it can't be resolved
	pools []*poolView
	// apiServerSubnet is the resolved apiServerAccessProfile.subnet or nil.
	apiServerSubnet *subnetView
}

type poolView struct {
	cluster    *clusterView
	index      int
	p          *AgentPool
	path       string // clusters[prod].agentPoolProfiles[apps]
	nodeSubnet *subnetView
	podSubnet  *subnetView
}

// mode returns the address arithmetic the pool follows (sizing's model,
// from the cluster's network profile and the pool's pod subnet).
func (pv *poolView) mode() sizing.Model {
	return pv.cluster.network().Model(pv.p.Pool)
}

// network returns the cluster's network profile in sizing's terms.
func (cv *clusterView) network() sizing.Network { return cv.c.NetworkProfile.network() }

// sizingCluster returns the cluster as sizing's input: its pools with their
// subnet references replaced by the resolved subnets' paths (unique in the
// plan; an unresolved reference keeps its text), and the consumers of those
// subnets. byName maps each such path back to its subnet view. Consumers of
// a subnet shared by several clusters are counted in every cluster's
// demand; pools of other clusters on the subnet are not.
func (cv *clusterView) sizingCluster() (c sizing.Cluster, byName map[string]*subnetView) {
	byName = make(map[string]*subnetView)
	c = sizing.Cluster{
		Network:        cv.network(),
		PrivateCluster: cv.c.APIServerAccessProfile.EnablePrivateCluster,
		Defaults:       cv.c.Defaults,
		Consumers:      make(map[string]sizing.Consumers),
	}
	use := func(sv *subnetView) string {
		path := sv.path()
		byName[path] = sv
		// Counts are clipped to maxSubnetConsumers as in consumersTotal
		// (checkConsumers reports larger ones; sizing rejects them), so the
		// sum cannot wrap and sizing still sizes the pools.
		if total := consumersTotal(sv.s.Consumers); total > 0 {
			ilb := min(max(sv.s.Consumers.InternalLoadBalancers, 0), maxSubnetConsumers)
			c.Consumers[path] = sizing.Consumers{ILBFrontEnds: ilb, PrivateEndpoints: min(total-ilb, maxSubnetConsumers)}
		}
		return path
	}
	for _, pv := range cv.pools {
		p := pv.p.Pool
		if pv.nodeSubnet != nil {
			p.VNetSubnet = use(pv.nodeSubnet)
		}
		if pv.podSubnet != nil {
			p.PodSubnet = use(pv.podSubnet)
		}
		c.Pools = append(c.Pools, p)
	}
	return c, byName
}

// path returns the subnet's field path, vnets[hub].subnets[aks], built
// when asked: a plan may have a million subnets, few of which a finding or
// a cluster names.
func (sv *subnetView) path() string {
	return sv.vnet.path + "." + elemPath("subnets", sv.s.Name, int(sv.index))
}

func (cv *clusterView) field(f string) string { return cv.path + "." + f }
func (pv *poolView) field(f string) string    { return pv.path + "." + f }
func (sv *subnetView) field(f string) string  { return sv.path() + "." + f }
func (vv *vnetView) field(f string) string    { return vv.path + "." + f }

func (v *validation) add(sev Severity, code Code, field, fix, msg string) {
	v.findings = append(v.findings, Finding{Severity: sev, Code: code, Field: field, Message: msg, Fix: fix})
}

func (v *validation) errorf(code Code, field, fix, format string, args ...any) {
	v.add(SeverityError, code, field, fix, fmt.Sprintf(format, args...))
}

// addFix is add with a fix that may propose values (Finding.FixValues).
func (v *validation) addFix(sev Severity, code Code, field string, f fix, msg string) {
	g := Finding{Severity: sev, Code: code, Field: field, Message: msg}
	f.apply(&g)
	v.findings = append(v.findings, g)
}

// errorFix is errorf with a fix that may propose values.
func (v *validation) errorFix(code Code, field string, f fix, format string, args ...any) {
	v.addFix(SeverityError, code, field, f, fmt.Sprintf(format, args...))
}

func (v *validation) warnf(code Code, field, format string, args ...any) {
	v.add(SeverityWarning, code, field, "", fmt.Sprintf(format, args...))
}

func (v *validation) infof(code Code, field, format string, args ...any) {
	v.add(SeverityInfo, code, field, "", fmt.Sprintf(format, args...))
}

func (v *validation) result() Findings {
	fs := v.findings
	agreeDNSFixes(fs)
	fs.Sort()
	out := fs[:0]
	for i, f := range fs {
		if i == 0 || f != fs[i-1] {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// elemPath names element i of a list by its name when it has one
// ("clusters[prod]"), else by index ("clusters[0]"). A name no plan file may
// hold (control or formatting characters, invalid UTF-8; possible in a
// Go-built plan) is not written raw into a field path: the index is used.
func elemPath(list string, name string, i int) string {
	if name == "" || printable.Problem(name) != "" {
		return list + "[" + strconv.Itoa(i) + "]"
	}
	return list + "[" + name + "]"
}

func newValidation(p *Plan) *validation {
	v := &validation{plan: p, byVNet: make(map[string]*vnetView)}
	v.resolveVNets()
	v.resolveClusters()
	return v
}

func (v *validation) resolveVNets() {
	// The views are allocated together: a plan may have 100,000 subnets.
	n := 0
	for i := range v.plan.VNets {
		n += len(v.plan.VNets[i].Subnets)
	}
	vnetViews := make([]vnetView, len(v.plan.VNets))
	subnetViews := make([]subnetView, 0, n)
	v.vnets = make([]*vnetView, 0, len(v.plan.VNets))
	v.subnets = make([]*subnetView, 0, n)
	named := make([]*subnetView, 0, n) // every VNet's byName, one after the other
	for i := range v.plan.VNets {
		vn := &v.plan.VNets[i]
		vv := &vnetViews[i]
		*vv = vnetView{index: i, v: vn, path: elemPath("vnets", vn.Name, i)}
		v.vnets = append(v.vnets, vv)
		switch {
		case vn.Name == "":
			v.errorf(CodeMissingName, vv.field("name"), "name the VNet", "VNet %d has no name", i)
		case v.byVNet[vn.Name] != nil:
			v.errorf(CodeDuplicateName, vv.field("name"), "give each VNet its own name",
				"VNet name %q is used twice", vn.Name)
		default:
			v.byVNet[vn.Name] = vv
		}
		first, firstNamed := len(v.subnets), len(named)
		for j := range vn.Subnets {
			s := &vn.Subnets[j]
			subnetViews = append(subnetViews, subnetView{vnet: vv, index: int32(j), seq: int32(len(v.subnets)), s: s, purpose: s.Purpose})
			sv := &subnetViews[len(subnetViews)-1]
			v.subnets = append(v.subnets, sv)
			if s.Name == "" {
				v.errorf(CodeMissingName, sv.field("name"), "name the subnet", "subnet %d of VNet %q has no name", j, vn.Name)
			} else {
				named = append(named, sv)
			}
		}
		vv.subnets = v.subnets[first:len(v.subnets):len(v.subnets)]
		vv.byName = named[firstNamed:len(named):len(named)]
		slices.SortStableFunc(vv.byName, func(a, b *subnetView) int { return strings.Compare(a.s.Name, b.s.Name) })
		for k := 1; k < len(vv.byName); k++ {
			if sv := vv.byName[k]; sv.s.Name == vv.byName[k-1].s.Name {
				v.errorf(CodeDuplicateName, sv.field("name"), "give each subnet of a VNet its own name",
					"subnet name %q is used twice in VNet %q", sv.s.Name, vn.Name)
			}
		}
	}
}

// subnet returns the VNet's subnet named name (the first, if several
// are), or nil.
func (vv *vnetView) subnet(name string) *subnetView {
	i, ok := slices.BinarySearchFunc(vv.byName, name, func(sv *subnetView, name string) int { return strings.Compare(sv.s.Name, name) })
	if !ok {
		return nil
	}
	return vv.byName[i]
}

func (v *validation) resolveClusters() {
	seen := make(map[string]bool)
	for i := range v.plan.Clusters {
		c := &v.plan.Clusters[i]
		cv := &clusterView{index: i, c: c, path: elemPath("clusters", c.Name, i)}
		v.clusters = append(v.clusters, cv)
		switch {
		case c.Name == "":
			v.errorf(CodeMissingName, cv.field("name"), "name the cluster", "cluster %d has no name", i)
		case seen[c.Name]:
			v.errorf(CodeDuplicateName, cv.field("name"), "give each cluster its own name",
				"cluster name %q is used twice", c.Name)
		}
		seen[c.Name] = true
		if c.VNet != "" {
			cv.vnet = v.byVNet[c.VNet]
			if cv.vnet == nil {
				v.errorf(CodeUnknownVNet, cv.field("vnet"), "add the VNet to vnets or fix the name",
					"cluster %q names VNet %q, which the plan does not hold", c.Name, c.VNet)
			}
		}
		poolSeen := make(map[string]bool)
		for j := range c.AgentPoolProfiles {
			ap := &c.AgentPoolProfiles[j]
			pv := &poolView{cluster: cv, index: j, p: ap, path: cv.path + "." + elemPath("agentPoolProfiles", ap.Name, j)}
			cv.pools = append(cv.pools, pv)
			switch {
			case ap.Name == "":
				v.errorf(CodeMissingName, pv.field("name"), "name the pool", "pool %d of cluster %q has no name", j, c.Name)
			case poolSeen[ap.Name]:
				v.errorf(CodeDuplicateName, pv.field("name"), "give each pool of a cluster its own name",
					"pool name %q is used twice in cluster %q", ap.Name, c.Name)
			}
			poolSeen[ap.Name] = true
			if ap.VNetSubnet != "" {
				pv.nodeSubnet = v.resolveSubnet(cv, ap.VNetSubnet, pv.field("vnetSubnet"))
				if pv.nodeSubnet != nil {
					u := pv.nodeSubnet.usersToAdd()
					u.nodePools = append(u.nodePools, pv)
				}
			}
			if ap.PodSubnet != "" {
				pv.podSubnet = v.resolveSubnet(cv, ap.PodSubnet, pv.field("podSubnet"))
				if pv.podSubnet != nil {
					u := pv.podSubnet.usersToAdd()
					u.podPools = append(u.podPools, pv)
				}
			}
		}
		if ref := c.APIServerAccessProfile.Subnet; ref != "" {
			cv.apiServerSubnet = v.resolveSubnet(cv, ref, cv.field("apiServerAccessProfile.subnet"))
			if cv.apiServerSubnet != nil {
				u := cv.apiServerSubnet.usersToAdd()
				u.apiServerOf = append(u.apiServerOf, cv)
			}
		}
		if cv.vnet == nil && c.VNet == "" {
			for _, pv := range cv.pools {
				if pv.nodeSubnet != nil {
					cv.vnet = pv.nodeSubnet.vnet
					break
				}
			}
		}
	}
	for _, cv := range v.clusters {
		if cv.vnet != nil {
			cv.vnet.hasCluster = true
		}
	}
	for _, sv := range v.subnets {
		sv.purpose = effectivePurpose(sv)
	}
}

// resolveSubnet finds the subnet a reference names: "vnet/subnet", or
// "subnet" in the cluster's VNet, or (when the cluster names no VNet)
// "subnet" in the one VNet that has it. It reports what it can't resolve at
// field and returns nil.
func (v *validation) resolveSubnet(cv *clusterView, ref, field string) *subnetView {
	if vnet, name, ok := strings.Cut(ref, "/"); ok {
		vv := v.byVNet[vnet]
		if vv == nil {
			v.errorf(CodeUnknownVNet, field, "add the VNet to vnets or fix the reference",
				"subnet reference %q names VNet %q, which the plan does not hold", ref, vnet)
			return nil
		}
		if sv := vv.subnet(name); sv != nil {
			return sv
		}
		v.errorf(CodeUnknownSubnet, field, "add the subnet to the VNet or fix the reference",
			"VNet %q has no subnet %q", vnet, name)
		return nil
	}
	if cv.c.VNet != "" {
		if cv.vnet == nil {
			return nil // the unknown VNet is already reported
		}
		if sv := cv.vnet.subnet(ref); sv != nil {
			return sv
		}
		v.errorf(CodeUnknownSubnet, field, "add the subnet to the VNet or fix the reference",
			"VNet %q of cluster %q has no subnet %q", cv.c.VNet, cv.c.Name, ref)
		return nil
	}
	var found *subnetView
	var vnets []string
	for _, vv := range v.vnets {
		if sv := vv.subnet(ref); sv != nil {
			found = sv
			vnets = append(vnets, vv.v.Name)
		}
	}
	switch len(vnets) {
	case 0:
		v.errorf(CodeUnknownSubnet, field, "add the subnet to a VNet or fix the reference",
			"no VNet of the plan has a subnet %q", ref)
		return nil
	case 1:
		return found
	}
	v.errorf(CodeAmbiguousSubnet, field, fmt.Sprintf("write the reference as %q or set the cluster's vnet", vnets[0]+"/"+ref),
		"subnet %q exists in VNets %s", ref, strings.Join(vnets, ", "))
	return nil
}

// BastionSubnetName is the name Azure requires of a Bastion subnet.
const BastionSubnetName = "AzureBastionSubnet"

// effectivePurpose is the subnet's declared purpose, else what its name or
// its users say: AzureBastionSubnet → bastion, a pool's pod subnet → pod, a
// pool's node subnet → node, an API server subnet → apiServer, else other.
func effectivePurpose(sv *subnetView) Purpose {
	switch {
	case sv.s.Purpose != "":
		return sv.s.Purpose
	case sv.s.Name == BastionSubnetName:
		return PurposeBastion
	case len(sv.users().podPools) > 0:
		return PurposePod
	case len(sv.users().nodePools) > 0:
		return PurposeNode
	case len(sv.users().apiServerOf) > 0:
		return PurposeAPIServer
	}
	return PurposeOther
}
