package avnm

import (
	"net/netip"
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
)

// Range is a range the pool must hold back: a pod or service CIDR, or an
// on-premises range the plan avoids, with who uses it and where it lies
// in the pool.
type Range struct {
	Prefix netip.Prefix
	Kind   string   // pods, services or onprem
	Users  []string // e.g. `service CIDR of cluster "platform"`
	Place  Place
}

// Describe words r for a comment or a message: the prefix and its users.
func (r Range) Describe() string {
	return r.Prefix.String() + " (" + strings.Join(r.Users, "; ") + ")"
}

// placer places ranges in a pool: its prefixes and its static CIDRs.
type placer struct {
	space, static *netipx.IPSet // nil: no usage
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
	sp, _ := space.IPSet() // valid prefixes from ParseUsage: no error
	st, _ := static.IPSet()
	return placer{space: sp, static: st}
}

// place returns where pf lies in the pool.
func (pl placer) place(pf netip.Prefix) Place {
	switch {
	case pl.space == nil:
		return Unchecked
	case pl.static.ContainsPrefix(pf):
		return StaticCIDR
	case pl.space.ContainsPrefix(pf):
		return InPool
	case pl.space.OverlapsPrefix(pf):
		return PartlyInPool
	}
	return OutsidePool
}

// Note says why the script creates no static CIDR for r in the pool
// named pool: "" when it creates one (InPool) or did not check
// (Unchecked).
func (r Range) Note(pool string) string {
	pool = "pool " + strconv.Quote(pool)
	switch r.Place {
	case StaticCIDR:
		return r.Describe() + " is already a static CIDR of " + pool + ": not created again"
	case OutsidePool:
		return r.Describe() + " is outside the prefixes of " + pool + ", which never hands it out: no static CIDR"
	case PartlyInPool:
		return r.Describe() + " is partly outside the prefixes of " + pool + ": Azure refuses it as a static CIDR, and the pool may hand out the part inside"
	}
	return ""
}
