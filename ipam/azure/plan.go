package azure

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/cidrplan/cidrplan/ipam"
)

// Plan resolves the references of rs and returns the equivalent plan. It
// does not modify rs.
//
// How references are resolved:
//   - VNets with the same ID (compared case-insensitively) are one VNet; the
//     exports must agree on what both state, else ErrConflict.
//   - A pool's vnetSubnetId and podSubnetId name the subnet of an imported
//     VNet whose ID matches case-insensitively (or, for a subnet exported
//     without its own ID, VNet ID + "/subnets/" + name); the plan refers to it
//     as "vnet/subnet". A subnet of no imported VNet keeps the names in its
//     ID, "vnet/subnet", so Plan.Validate reports the VNet as not found
//     (VnetNotFound) and every other check still runs; import that VNet
//     with --vnet to check the subnet. An ID that is no subnet ID is an
//     ErrInvalidValue.
//   - A subnet whose VNet no file exports (a Terraform azurerm_subnet of a
//     VNet managed elsewhere) yields a VNet without address space, which
//     Plan.Validate reports; import that VNet too.
//   - A pool exported on its own (az aks nodepool list) goes to the cluster
//     its ID names (…/managedClusters/C/agentPools/P); without an ID, to the
//     only cluster, or else to the one cluster whose pools use the same VNet;
//     otherwise ErrNoCluster. A pool that the cluster export already lists
//     must be the same pool (ErrConflict otherwise) and is kept once.
//   - A peering whose remote VNet is imported adds nothing (the VNet is in the
//     plan); any other peering's remote address space becomes a range to
//     avoid of source peering, named "vnet/peering". Ranges to avoid with the
//     same source and prefixes are kept once (two spokes peered to one hub).
//   - A cluster whose pools all name no subnet (vnetSubnetId null, the az
//     aks create default) is on the VNet AKS manages in its node resource
//     group: an imported VNet of that group named aks-vnet-… (its subnet
//     aks-subnet, or its only subnet), else the VNet AKS is observed to
//     create, ipam.ManagedVNet, added to the plan as "aks-vnet-CLUSTER" and
//     marked Assumed (Plan.Validate reports the assumption).
//   - Names that repeat across resource groups get "@resourceGroup" appended.
//
// Order is the order of the input: VNets, clusters and pools as first
// exported, ranges to avoid from peerings before the others.
func (rs *Resources) Plan() (*ipam.Plan, error) {
	p, _, err := rs.PlanWithPositions()
	return p, err
}

// PlanWithPositions is [Resources.Plan] that also returns where the plan's
// fields were read, for a front end that points at them. Resources built
// by hand rather than by the Parse functions have no lines to point at.
func (rs *Resources) PlanWithPositions() (*ipam.Plan, *Positions, error) {
	vnets, err := mergeVNets(rs.VNets)
	if err != nil {
		return nil, nil, err
	}
	pos := &Positions{files: rs.files}
	names := vnetNames(vnets)
	taken := make(map[string]bool, len(names))
	for _, n := range names {
		taken[n] = true
	}
	subnets := make(map[string]string) // subnet key → "vnet/subnet"
	vnetByKey := make(map[string]bool)
	plan := &ipam.Plan{}
	for i := range vnets {
		v := &vnets[i]
		vnetByKey[vnetKey(v)] = true
		pv := v.VNet
		pv.Name = names[i]
		pv.Subnets = slices.Clone(v.Subnets)
		for j, s := range v.Subnets {
			ref := pv.Name + "/" + s.Name
			if id := v.SubnetIDs[j]; id != "" {
				subnets[idKey(id)] = ref
			}
			if v.ID != "" {
				subnets[idKey(v.ID)+"/subnets/"+strings.ToLower(s.Name)] = ref
			}
		}
		pos.resource(elemPath("vnets", pv.Name, len(plan.VNets)), v.At, v.fields)
		plan.VNets = append(plan.VNets, pv)
	}
	clusters, err := attachPools(rs.Clusters, rs.Pools)
	if err != nil {
		return nil, nil, err
	}
	cnames := clusterNames(clusters)
	resolve := func(id string, at Origin, field string) (string, error) {
		if id == "" {
			return "", nil
		}
		if ref, ok := subnets[idKey(id)]; ok {
			return ref, nil
		}
		rid, ok := parseResourceID(id)
		vnet, subnet := rid.name("virtualNetworks"), rid.name("subnets")
		if !ok || vnet == "" || subnet == "" {
			return "", &Error{File: at.File, Path: at.Path, Kind: ErrInvalidValue, Value: id,
				Detail: field + ": want a subnet resource ID (/subscriptions/…/virtualNetworks/V/subnets/S)"}
		}
		if taken[vnet] {
			vnet += "@" + rid.resourceGroup
		}
		return vnet + "/" + subnet, nil
	}
	for i, c := range clusters {
		pc := c.Cluster
		pc.Name = cnames[i]
		if pc.APIServerAccessProfile.Subnet, err = resolve(c.APIServerSubnetID, c.At, "apiServerAccessProfile.subnetId"); err != nil {
			return nil, nil, err
		}
		path := elemPath("clusters", pc.Name, len(plan.Clusters))
		pos.resource(path, c.At, c.fields)
		managed := ""
		if onManagedVNet(&c) {
			var assumed *ipam.VNet
			managed, assumed = managedVNet(&c, pc.Name, vnets, names, taken)
			if assumed != nil {
				// No export shows it: the cluster whose pools name no
				// subnet is where it comes from.
				pos.add(elemPath("vnets", assumed.Name, len(plan.VNets)), c.At)
				plan.VNets = append(plan.VNets, *assumed)
			}
		}
		for _, p := range c.Pools {
			ap := p.AgentPool
			if ap.VNetSubnet, err = resolve(p.SubnetID, p.At, "vnetSubnetId"); err != nil {
				return nil, nil, err
			}
			if managed != "" {
				ap.VNetSubnet = managed
			}
			if ap.PodSubnet, err = resolve(p.PodSubnetID, p.At, "podSubnetId"); err != nil {
				return nil, nil, err
			}
			pos.resource(path+"."+elemPath("agentPoolProfiles", ap.Name, len(pc.AgentPoolProfiles)), p.At, p.fields)
			pc.AgentPoolProfiles = append(pc.AgentPoolProfiles, ap)
		}
		plan.Clusters = append(plan.Clusters, pc)
	}
	var avoid []ipam.AvoidRange
	var at []placed
	for i, v := range vnets {
		for _, p := range v.Peerings {
			if p.RemoteVNetID != "" && vnetByKey[idKey(p.RemoteVNetID)] {
				continue
			}
			avoid = append(avoid, ipam.AvoidRange{Name: names[i] + "/" + p.Name, Source: ipam.SourcePeering,
				Prefixes: uniquePrefixes(p.Prefixes)})
			at = append(at, p.at)
		}
	}
	for i := range rs.Avoid {
		at = append(at, rs.avoidPlace(i))
	}
	plan.Avoid, at = uniqueAvoid(append(avoid, rs.Avoid...), at)
	for i, a := range plan.Avoid {
		pos.resource(elemPath("avoid", a.Name, i), at[i].at, at[i].fields)
	}
	return plan, pos, nil
}

// vnetNames returns the plan name of each VNet: its name, with
// "@resourceGroup" appended where names repeat (case-insensitively, as
// Azure compares them), and a number after that if they still do.
func vnetNames(vnets []VNet) []string {
	names := make([]string, len(vnets))
	groups := make([]string, len(vnets))
	for i, v := range vnets {
		names[i], groups[i] = v.Name, v.ResourceGroup
	}
	return disambiguate(names, groups)
}

func clusterNames(cs []Cluster) []string {
	names := make([]string, len(cs))
	groups := make([]string, len(cs))
	for i, c := range cs {
		names[i] = c.Name
		if id, ok := parseResourceID(c.ID); ok {
			groups[i] = id.resourceGroup
		}
	}
	return disambiguate(names, groups)
}

func disambiguate(names, groups []string) []string {
	count := make(map[string]int, len(names))
	for _, n := range names {
		count[strings.ToLower(n)]++
	}
	out := slices.Clone(names)
	for i, n := range names {
		if count[strings.ToLower(n)] > 1 && groups[i] != "" {
			out[i] = n + "@" + groups[i]
		}
	}
	seen := make(map[string]int, len(out))
	for i, n := range out {
		k := strings.ToLower(n)
		seen[k]++
		if seen[k] > 1 {
			out[i] = fmt.Sprintf("%s-%d", n, seen[k])
		}
	}
	return out
}

// uniqueAvoid drops ranges to avoid that repeat an earlier one's source and
// prefixes, and makes names unique; at[i] is where in[i] was read, and
// the places of those kept are returned.
func uniqueAvoid(in []ipam.AvoidRange, at []placed) ([]ipam.AvoidRange, []placed) {
	var out []ipam.AvoidRange
	var outAt []placed
	for i, a := range in {
		if len(a.Prefixes) == 0 || slices.ContainsFunc(out, func(b ipam.AvoidRange) bool {
			return a.Source == b.Source && sameSet(a.Prefixes, b.Prefixes)
		}) {
			continue
		}
		out = append(out, a)
		outAt = append(outAt, at[i])
	}
	names := make([]string, len(out))
	for i, a := range out {
		names[i] = a.Name
	}
	for i, n := range disambiguate(names, make([]string, len(names))) {
		out[i].Name = n
	}
	return out, outAt
}

// attachPools returns the clusters, merged by ID, with the standalone pools
// added to their owners.
func attachPools(in []Cluster, pools []Pool) ([]Cluster, error) {
	var cs []Cluster
	byID := make(map[string]int)
	for _, c := range in {
		c.Pools = slices.Clone(c.Pools)
		i, seen := byID[idKey(c.ID)]
		if !seen || c.ID == "" {
			byID[idKey(c.ID)] = len(cs)
			cs = append(cs, c)
			continue
		}
		if !sameCluster(&cs[i], &c) {
			return nil, &Error{File: c.At.File, Path: c.At.Path, Kind: ErrConflict, Value: c.Name,
				Detail: "its network profile, version or API server access differs from the export in " + cs[i].At.String()}
		}
		for _, p := range c.Pools {
			if err := addPool(&cs[i], p); err != nil {
				return nil, err
			}
		}
	}
	for _, p := range pools {
		i, err := ownerOf(cs, p)
		if err != nil {
			return nil, err
		}
		if err := addPool(&cs[i], p); err != nil {
			return nil, err
		}
	}
	return cs, nil
}

func sameCluster(a, b *Cluster) bool {
	x, y := *a, *b
	x.At, y.At, x.Pools, y.Pools, x.fields, y.fields = Origin{}, Origin{}, nil, nil, nil, nil
	x.APIServerSubnetID, y.APIServerSubnetID = idKey(x.APIServerSubnetID), idKey(y.APIServerSubnetID)
	x.ID, y.ID = idKey(x.ID), idKey(y.ID)
	return reflect.DeepEqual(x, y)
}

// addPool adds p to c unless c has it already; a different pool of the same
// name is a conflict.
func addPool(c *Cluster, p Pool) error {
	i := slices.IndexFunc(c.Pools, func(q Pool) bool { return strings.EqualFold(q.Name, p.Name) })
	if i < 0 {
		c.Pools = append(c.Pools, p)
		return nil
	}
	q := c.Pools[i]
	a, b := q, p
	a.At, b.At, a.ClusterID, b.ClusterID, a.fields, b.fields = Origin{}, Origin{}, "", "", nil, nil
	a.SubnetID, b.SubnetID = idKey(a.SubnetID), idKey(b.SubnetID)
	a.PodSubnetID, b.PodSubnetID = idKey(a.PodSubnetID), idKey(b.PodSubnetID)
	if !reflect.DeepEqual(a, b) {
		return &Error{File: p.At.File, Path: p.At.Path, Kind: ErrConflict, Value: p.Name,
			Detail: fmt.Sprintf("pool of cluster %q differs from the export in %s", c.Name, q.At)}
	}
	return nil
}

// ownerOf finds the cluster a standalone pool belongs to.
func ownerOf(cs []Cluster, p Pool) (int, error) {
	if p.ClusterID != "" {
		k := idKey(p.ClusterID)
		for i, c := range cs {
			if (c.ID != "" && idKey(c.ID) == k) || nameKey(c.Name) == k {
				return i, nil
			}
		}
		if id, ok := parseResourceID(p.ClusterID); ok {
			for i, c := range cs {
				if c.ID == "" && strings.EqualFold(c.Name, id.name("managedClusters")) {
					return i, nil
				}
			}
		}
		return 0, &Error{File: p.At.File, Path: p.At.Path, Kind: ErrNoCluster, Value: p.ClusterID,
			Detail: fmt.Sprintf("pool %q belongs to a cluster no --aks file holds", p.Name)}
	}
	switch len(cs) {
	case 0:
		return 0, &Error{File: p.At.File, Path: p.At.Path, Kind: ErrNoCluster, Value: p.Name,
			Detail: "no cluster imported (add az aks show output)"}
	case 1:
		return 0, nil
	}
	vnet := idKey(parentID(p.SubnetID)) // the VNet of the pool's subnet
	var match []int
	for i, c := range cs {
		if vnet != "" && slices.ContainsFunc(c.Pools, func(q Pool) bool {
			return idKey(parentID(q.SubnetID)) == vnet
		}) {
			match = append(match, i)
		}
	}
	if len(match) == 1 {
		return match[0], nil
	}
	return 0, &Error{File: p.At.File, Path: p.At.Path, Kind: ErrNoCluster, Value: p.Name,
		Detail: fmt.Sprintf("%d clusters imported and the pool names none of them (give its cluster's export alone)", len(cs))}
}
