package avnm

import (
	"slices"
	"strings"

	"go4.org/netipx"

	"github.com/cidrplan/cidrplan/ipam"
)

// Join returns a copy of p that stays clear of what the pool has in use
// for others, and the pool as [ipam.Plan.CheckAddressPool] takes it; name names
// the pool in messages (usually [Usage.Name]). p is not modified.
//
// The usage of a pool names no resource but its child pools: its
// allocated prefixes say what is taken, not by which VNet. So a range of
// the plan is matched to the pool by address (with the plan's defaults
// applied): a VNet address prefix that lies wholly in the pool's
// allocations (what is in use, less static CIDRs and child pools) is
// taken as the pool's allocation to that VNet, a pod or service CIDR that
// lies wholly in the static CIDRs as the static CIDR registered for it
// (as emit/avnm registers them); these are the pool's Own ranges. The
// rest of what is in use joins the plan as ranges to avoid of source
// [ipam.SourceAVNMPool], named by [ipam.PoolInUse.AvoidName]: "NAME:
// allocated", "NAME: static CIDRs" and one "NAME: child pool CHILD" per
// child pool (CHILD the last segment of its resource ID), so that check reports an overlap (AvnmPrefixInUse) and
// complete stays clear. Ranges of that source the plan already holds (from
// an earlier import or completion) are replaced: the usage is the newer
// word.
func (u *Usage) Join(p *ipam.Plan, name string) (*ipam.Plan, ipam.AddressPool) {
	var inUse, reserved, children netipx.IPSetBuilder
	for _, r := range u.InUse() {
		inUse.AddRange(r)
	}
	for _, q := range u.ReservedAddressPrefixes {
		reserved.AddPrefix(q)
	}
	for _, c := range u.ChildPools {
		for _, q := range c.AddressPrefixes {
			children.AddPrefix(q)
		}
	}
	reservedSet, _ := reserved.IPSet() // valid prefixes from ParseUsage: no error
	childSet, _ := children.IPSet()
	inUse.RemoveSet(reservedSet)
	inUse.RemoveSet(childSet)
	allocated, _ := inUse.IPSet()

	pool := ipam.AddressPool{Name: name, Space: u.AddressPrefixes}
	var ownAlloc, ownStatic netipx.IPSetBuilder
	d := p.WithDefaults()
	for _, vn := range d.VNets {
		for _, q := range vn.AddressSpace {
			if q.IsValid() && allocated.ContainsPrefix(q) {
				pool.Own = append(pool.Own, q)
				ownAlloc.AddPrefix(q)
			}
		}
	}
	for _, c := range d.Clusters {
		np := &c.NetworkProfile
		ranges := np.ServicePrefixes()
		if np.UsesPodCIDR() {
			ranges = append(ranges, np.PodPrefixes()...)
		}
		for _, q := range ranges {
			if q.IsValid() && reservedSet.ContainsPrefix(q) {
				pool.Own = append(pool.Own, q)
				ownStatic.AddPrefix(q)
			}
		}
	}

	q := p.Clone()
	q.Avoid = slices.DeleteFunc(q.Avoid, func(a ipam.AvoidRange) bool { return a.Source == ipam.SourceAVNMPool })
	avoid := func(use ipam.PoolInUse, in *netipx.IPSet, own *netipx.IPSetBuilder) {
		var b netipx.IPSetBuilder
		b.AddSet(in)
		if own != nil {
			o, _ := own.IPSet()
			b.RemoveSet(o)
		}
		s, _ := b.IPSet()
		if ps := s.Prefixes(); len(ps) > 0 {
			q.Avoid = append(q.Avoid, ipam.AvoidRange{Name: use.AvoidName(), Source: ipam.SourceAVNMPool, Prefixes: ps})
		}
	}
	avoid(ipam.PoolInUse{Pool: name, Use: ipam.PoolAllocated}, allocated, &ownAlloc)
	avoid(ipam.PoolInUse{Pool: name, Use: ipam.PoolStaticCIDRs}, reservedSet, &ownStatic)
	for _, c := range u.ChildPools {
		var b netipx.IPSetBuilder
		for _, cp := range c.AddressPrefixes {
			b.AddPrefix(cp)
		}
		s, _ := b.IPSet()
		avoid(ipam.PoolInUse{Pool: name, Use: ipam.PoolChild, Child: lastSegment(c.ID)}, s, nil)
	}
	return q, pool
}

// lastSegment returns the name at the end of a resource ID.
func lastSegment(id string) string {
	id = strings.TrimRight(id, "/")
	return id[strings.LastIndex(id, "/")+1:]
}
