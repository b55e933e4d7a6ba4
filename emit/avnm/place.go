package avnm

import (
	"cmp"
	"net/netip"
	"slices"
	"strconv"
	"strings"

	"go4.org/netipx"

	ipamavnm "github.com/cidrplan/cidrplan/ipam/avnm"
)

// Place is where a range the pool must hold back lies in the pool.
type Place int

// The places of a range in a pool, as its usage tells them.
const (
	Unchecked    Place = iota // no usage to check against
	InPool                    // wholly inside the pool's prefixes, not yet a static CIDR: created
	StaticCIDR                // wholly inside the pool's static CIDRs: not created again
	OutsidePool               // wholly outside the pool's prefixes: the pool never hands it out, nothing to hold back
	PartlyInPool              // partly inside the pool's prefixes: Azure refuses it as a static CIDR, and the pool may hand out the part inside
	InUse                     // inside the pool's prefixes, over what the pool has in use (allocated, static CIDRs it is not wholly in, child pools): Azure refuses it as a static CIDR
	Nested                    // inside another range the script holds back (Range.Within): held back by that one's static CIDR, over which Azure refuses another
)

// created reports whether the script creates a static CIDR for a range
// at place pl (Unchecked: created unchecked).
func (pl Place) created() bool { return pl == InPool || pl == Unchecked }

// Range is a range the pool must hold back: a pod or service CIDR, or an
// on-premises range the plan avoids, with who uses it and where it lies
// in the pool.
type Range struct {
	Prefix netip.Prefix
	Kind   string   // pods, services or onprem
	Users  []string // e.g. `service CIDR of cluster "platform"`
	Place  Place
	// Taken is, at place InUse, the part of Prefix the pool has in use.
	Taken []netip.Prefix
	// Within is, at place Nested, the range of the plan Prefix lies in,
	// whose static CIDR holds it back.
	Within netip.Prefix
}

// Describe words r for a comment or a message: the prefix and its users.
func (r Range) Describe() string {
	return r.Prefix.String() + " (" + strings.Join(r.Users, "; ") + ")"
}

// placer places ranges in a pool: its prefixes, its static CIDRs and
// everything it has in use.
type placer struct {
	space, static, inUse *netipx.IPSet // nil: no usage
}

func newPlacer(u *ipamavnm.Usage) placer {
	if u == nil {
		return placer{}
	}
	var space, static netipx.IPSetBuilder
	for _, p := range u.AddressPrefixes {
		space.AddPrefix(p)
	}
	for _, p := range u.ReservedAddressPrefixes {
		static.AddPrefix(p)
	}
	var inUse netipx.IPSetBuilder
	for _, r := range u.InUse() {
		inUse.AddRange(r)
	}
	sp, _ := space.IPSet() // valid prefixes from ParseUsage: no error
	st, _ := static.IPSet()
	iu, _ := inUse.IPSet()
	return placer{space: sp, static: st, inUse: iu}
}

// place returns where pf lies in the pool and, at InUse, the part of it
// the pool has in use.
func (pl placer) place(pf netip.Prefix) (Place, []netip.Prefix) {
	switch {
	case pl.space == nil:
		return Unchecked, nil
	case pl.static.ContainsPrefix(pf):
		return StaticCIDR, nil
	case !pl.space.OverlapsPrefix(pf):
		return OutsidePool, nil
	case !pl.space.ContainsPrefix(pf):
		return PartlyInPool, nil
	case pl.inUse.OverlapsPrefix(pf):
		var b netipx.IPSetBuilder
		b.AddPrefix(pf)
		b.Intersect(pl.inUse)
		taken, _ := b.IPSet()
		return InUse, taken.Prefixes()
	}
	return InPool, nil
}

// nest marks Nested each range the script would create inside another it
// creates: prefixes nest or are apart, so after sorting by address, then
// length, a range lies in the last outermost one before it or in none.
func nest(rs []Range) {
	var created []int
	for i, r := range rs {
		if r.Place.created() {
			created = append(created, i)
		}
	}
	slices.SortFunc(created, func(a, b int) int {
		pa, pb := rs[a].Prefix, rs[b].Prefix
		return cmp.Or(pa.Addr().Compare(pb.Addr()), cmp.Compare(pa.Bits(), pb.Bits()))
	})
	outer := netip.Prefix{}
	for _, i := range created {
		pf := rs[i].Prefix
		if outer.IsValid() && outer.Bits() < pf.Bits() && outer.Contains(pf.Addr()) {
			rs[i].Place, rs[i].Within = Nested, outer
			continue
		}
		outer = pf
	}
}

// Note says why the script creates no static CIDR for r in the pool
// named pool: "" when it creates one (InPool, or Unchecked: not checked
// against the pool).
func (r Range) Note(pool string) string {
	pool = "pool " + strconv.Quote(pool)
	switch r.Place {
	case StaticCIDR:
		return r.Describe() + " is already a static CIDR of " + pool + ": not created again"
	case OutsidePool:
		return r.Describe() + " is outside the prefixes of " + pool + ", which never hands it out: no static CIDR"
	case PartlyInPool:
		return r.Describe() + " is partly outside the prefixes of " + pool + ": Azure refuses it as a static CIDR, and the pool may hand out the part inside"
	case InUse:
		return r.Describe() + " is over what " + pool + " has in use (" + prefixList(r.Taken) + "): Azure refuses it as a static CIDR, so none is created and the pool may hand out its free part"
	case Nested:
		return r.Describe() + " lies in " + r.Within.String() + ", held back by its static CIDR: no static CIDR of its own, which Azure would refuse over that one"
	}
	return ""
}
