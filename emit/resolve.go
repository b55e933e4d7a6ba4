package emit

import (
	"cmp"
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"strings"

	"github.com/cidrplan/cidrplan/ipam"
)

// Deployment is a plan ready to be written: every value explicit and every
// reference resolved. Build one with [Resolve].
type Deployment struct {
	// Plan is the plan with its defaults filled in
	// ([ipam.Plan.WithDefaults]); the emitters write its values.
	Plan *ipam.Plan
	// Clusters holds, per cluster of Plan in order, where its references
	// point and which pool is its default pool.
	Clusters []Cluster
}

// Cluster is where a cluster's references point ([ipam.Plan.Refs]), all of
// them resolved, and which of its pools is the default node pool.
type Cluster struct {
	ipam.ClusterRefs
	// System is the position of the default node pool in
	// AgentPoolProfiles: the first pool in mode System.
	System int
	// ManagedVNet is the position in Plan.VNets of the VNet AKS creates
	// for the cluster in its node resource group (a VNet the plan assumes,
	// [ipam.ManagedVNet]), or -1. The cluster's references into it are
	// left unset ([ipam.NoSubnet]): AKS places the pools itself, so no form names
	// a subnet for them, and no form creates the VNet ([Deployment.Managed]).
	ManagedVNet int
}

// Managed reports whether VNet i of d.Plan is one AKS creates itself (the
// plan assumes it, [ipam.VNet].Assumed): no form writes it.
func (d *Deployment) Managed(i int) bool { return d.Plan.VNets[i].Assumed }

// ManagedNote says, for a comment next to cluster i in any form, why the
// cluster names no VNet or subnet; "" when it is not on a VNet AKS creates.
func (d *Deployment) ManagedNote(i int) string {
	v := d.Clusters[i].ManagedVNet
	if v < 0 {
		return ""
	}
	vn := &d.Plan.VNets[v]
	return fmt.Sprintf("cluster %q is on the VNet AKS creates in its node resource group (the plan assumes %q, %s): "+
		"it is not created here, and the pools name no subnet", d.Plan.Clusters[i].Name, vn.Name, prefixList(vn.AddressSpace))
}

// prefixList joins prefixes with ", ".
func prefixList(ps []netip.Prefix) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = p.String()
	}
	return strings.Join(s, ", ")
}

// unmanaged leaves unset the references of c into VNets AKS creates, and
// records the VNet.
func (d *Deployment) unmanaged(c *Cluster) {
	c.ManagedVNet = -1
	drop := func(r *ipam.SubnetRef) {
		if r.IsValid() && d.Managed(r.VNet) {
			c.ManagedVNet = r.VNet
			*r = ipam.NoSubnet
		}
	}
	for j := range c.NodeSubnets {
		drop(&c.NodeSubnets[j])
	}
	for j := range c.PodSubnets {
		drop(&c.PodSubnets[j])
	}
	drop(&c.APIServerSubnet)
}

// Subnet returns the VNet and the subnet r points at in d.Plan.
func (d *Deployment) Subnet(r ipam.SubnetRef) (*ipam.VNet, *ipam.Subnet) {
	vn := &d.Plan.VNets[r.VNet]
	return vn, &vn.Subnets[r.Subnet]
}

// Resolve checks that p can be emitted and resolves it. It returns an
// *[UnallocatedError] when p leaves ranges to be allocated, an
// *[InvalidPlanError] when p has error findings (unless opts.Force), and an
// *[Error] for a reference that does not resolve or a cluster without a
// System pool. A nil p is an error matching [ipam.ErrInvalidPlan].
func Resolve(p *ipam.Plan, opts Options) (*Deployment, error) {
	if p == nil {
		return nil, fmt.Errorf("emit: nil plan: %w", ipam.ErrInvalidPlan)
	}
	fs := p.Validate()
	if missing := unallocated(p, fs); len(missing) > 0 {
		return nil, &UnallocatedError{Fields: missing}
	}
	if errs := fs.Filter(ipam.SeverityError); len(errs) > 0 && !opts.Force {
		return nil, &InvalidPlanError{Findings: errs}
	}
	q := p.WithDefaults()
	dropUnusedPodCIDRs(q)
	d := &Deployment{Plan: q}
	for i, refs := range q.Refs() {
		c, err := resolveCluster(&q.Clusters[i], i, refs)
		if err != nil {
			return nil, err
		}
		d.unmanaged(&c)
		d.Clusters = append(d.Clusters, c)
	}
	return d, nil
}

// unallocated lists the fields of p still to be allocated: those Validate
// reports as missing (subnets without a prefix, pools without a node
// subnet, VNets without an address space), and the pod CIDRs, service
// CIDRs and DNS service IPs p leaves to defaults, which complete picks
// clear of everything else.
func unallocated(p *ipam.Plan, fs ipam.Findings) []string {
	var out []string
	for _, f := range fs {
		if f.Code == ipam.CodeMissingRange {
			out = append(out, f.Field)
		}
	}
	for i := range p.Clusters {
		c := &p.Clusters[i]
		np := &c.NetworkProfile
		at := func(f string) string { return path("clusters", c.Name, i) + ".networkProfile." + f }
		if np.UsesPodCIDR() && len(np.PodPrefixes()) == 0 {
			out = append(out, at("podCidr"))
		}
		if len(np.ServicePrefixes()) == 0 {
			out = append(out, at("serviceCidr"))
		}
		if !np.DNSServiceIP.IsValid() {
			out = append(out, at("dnsServiceIP"))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func resolveCluster(c *ipam.Cluster, i int, refs ipam.ClusterRefs) (Cluster, error) {
	at := path("clusters", c.Name, i)
	bad := func(field string, err error, detail string) (Cluster, error) {
		return Cluster{}, &Error{Field: at + "." + field, Err: err, Detail: detail}
	}
	if refs.VNet < 0 {
		return bad("vnet", ErrUnresolved, "the cluster's VNet is not in the plan")
	}
	for j := range c.AgentPoolProfiles {
		ap := &c.AgentPoolProfiles[j]
		pool := path("agentPoolProfiles", ap.Name, j)
		if !refs.NodeSubnets[j].IsValid() {
			return bad(pool+".vnetSubnet", ErrUnresolved, strconv.Quote(ap.VNetSubnet))
		}
		if ap.PodSubnet != "" && !refs.PodSubnets[j].IsValid() {
			return bad(pool+".podSubnet", ErrUnresolved, strconv.Quote(ap.PodSubnet))
		}
	}
	if ref := c.APIServerAccessProfile.Subnet; ref != "" && !refs.APIServerSubnet.IsValid() {
		return bad("apiServerAccessProfile.subnet", ErrUnresolved, strconv.Quote(ref))
	}
	system := slices.IndexFunc(c.AgentPoolProfiles, func(ap ipam.AgentPool) bool { return ap.Mode == "System" })
	if system < 0 {
		return bad("agentPoolProfiles", ErrNoSystemPool, "AKS needs one System pool as the default node pool")
	}
	return Cluster{ClusterRefs: refs, System: system}, nil
}

// path writes the position of an element of a plan list as ipam's findings
// do: by name when it has one, else by index.
func path(list, name string, i int) string {
	return list + "[" + cmp.Or(name, strconv.Itoa(i)) + "]"
}

// PoolField returns the path of a field of a pool, as ipam's findings write
// it: clusters[prod].agentPoolProfiles[apps].maxSurge.
func (d *Deployment) PoolField(cluster, pool int, field string) string {
	c := &d.Plan.Clusters[cluster]
	return path("clusters", c.Name, cluster) + "." +
		path("agentPoolProfiles", c.AgentPoolProfiles[pool].Name, pool) + "." + field
}

// InitialCount returns the node count a pool is created with: its count,
// or for an autoscaled pool that gives none, its minCount (where the
// autoscaler starts; AKS wants the count inside minCount..maxCount).
func InitialCount(ap *ipam.AgentPool) int {
	if ap.EnableAutoScaling && ap.Count == 0 {
		return ap.MinCount
	}
	return ap.Count
}

// dropUnusedPodCIDRs clears the pod CIDRs of clusters whose network model
// takes pod IPs from VNet subnets: check reports such a range as ignored
// (PodCidrNotUsed), so writing it into a deployment would hand AKS a value
// it does not use and the reader a range that is not there.
func dropUnusedPodCIDRs(p *ipam.Plan) {
	for i := range p.Clusters {
		np := &p.Clusters[i].NetworkProfile
		if !np.UsesPodCIDR() {
			np.PodCIDR, np.PodCIDRs = netip.Prefix{}, nil
		}
	}
}

// Generated is the first line of every emitted file, without its comment
// marker: it names the plan when the plan has a name.
func (d *Deployment) Generated() string {
	if d.Plan.Name == "" {
		return "Generated by cidrplan from a plan"
	}
	return "Generated by cidrplan from plan " + strconv.Quote(d.Plan.Name)
}
