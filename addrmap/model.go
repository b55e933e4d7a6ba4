package addrmap

import (
	"cmp"
	"encoding/binary"
	"net/netip"
	"slices"
	"strings"

	"github.com/cidrplan/cidrplan/cidr"
	"github.com/cidrplan/cidrplan/internal/u128"
	"github.com/cidrplan/cidrplan/ipam"
	"go4.org/netipx"
)

// item is one range of the plan as drawn.
type item struct {
	label  string // short: "aks-nodes"
	detail string // what it is: `subnet of VNet "hub"`
	role   Role
	prefix netip.Prefix
}

func (it item) rng() netipx.IPRange { return netipx.RangeOfPrefix(it.prefix) }

// band is one horizontal strip of the map: a VNet address space, or a group
// of overlapping ranges outside every VNet space.
type band struct {
	title    string
	rng      netipx.IPRange
	vnet     bool     // a VNet address space
	items    []placed // ascending by (start, end desc)
	lanes    int
	overlaps []shared
	gaps     []gap        // free space, ascending
	free     u128.Uint128 // addresses in gaps
}

// heading is the band's title with its size and, for a VNet address space,
// how much of it is free in all: the gaps are labelled only where they are
// wide enough, so the total is said once here.
func (b *band) heading() string {
	h := b.title + "  (" + countText(b.rng) + " addresses"
	if b.vnet {
		h += ", " + countOf(b.free) + " free"
	}
	return h + ")"
}

// placed is an item inside a band: its lane and its extent as fractions of
// the band's width.
type placed struct {
	item
	lane   int
	lo, hi float64 // [lo, hi) in 0..1
}

// shared is the part two ranges have in common, drawn hatched: one overlap
// that validation reports, with its code and message.
type shared struct {
	a, b   string // the labels of the range reported and of the range it overlaps
	code   ipam.Code
	msg    string
	rng    netipx.IPRange
	lo, hi float64
}

// layout turns a plan into bands. It reads the plan with defaults filled.
func layout(p *ipam.Plan) []band {
	if p == nil {
		return nil
	}
	q := p.WithDefaults()
	var bands []band
	var subnets, others, reserved []item
	for _, vn := range q.VNets {
		for _, space := range vn.AddressSpace {
			if usable(space) {
				bands = append(bands, band{
					title: rangeLabel(ipam.PlanRange{Kind: ipam.RangeVNetSpace, VNet: vn.Name}) + " " + space.String(),
					rng:   netipx.RangeOfPrefix(space), vnet: true,
				})
			}
		}
		for _, s := range vn.Subnets {
			for _, pfx := range s.AddressPrefixes {
				subnets = append(subnets, item{rangeLabel(ipam.PlanRange{Kind: ipam.RangeSubnet, Subnet: s.Name}),
					`subnet of VNet "` + vn.Name + `"`, subnetRole(s.Purpose), pfx})
			}
		}
	}
	for _, c := range q.Clusters {
		np := &c.NetworkProfile
		for _, pfx := range np.PodPrefixes() {
			others = append(others, item{rangeLabel(ipam.PlanRange{Kind: ipam.RangePodCIDR, Cluster: c.Name}),
				`pod CIDR of cluster "` + c.Name + `"`, RolePodCIDR, pfx})
		}
		for _, pfx := range np.ServicePrefixes() {
			others = append(others, item{rangeLabel(ipam.PlanRange{Kind: ipam.RangeServiceCIDR, Cluster: c.Name}),
				`service CIDR of cluster "` + c.Name + `"`, RoleServiceCIDR, pfx})
		}
		if np.DockerBridgeCIDR.IsValid() {
			others = append(others, item{rangeLabel(ipam.PlanRange{Kind: ipam.RangeDockerBridge, Cluster: c.Name}),
				`docker bridge of cluster "` + c.Name + `"`, RoleDockerBridge, np.DockerBridgeCIDR.Masked()})
		}
	}
	for _, a := range q.Avoid {
		for _, pfx := range a.Prefixes {
			others = append(others, item{rangeLabel(ipam.PlanRange{Kind: ipam.RangeAvoid, Name: a.Name}), avoidDetail(a.Source), avoidRole(a.Source), pfx})
		}
	}
	for _, r := range append(ipam.AKSReservedRanges(), ipam.VNetForbiddenRanges()...) {
		reserved = append(reserved, item{rangeLabel(ipam.PlanRange{Kind: ipam.RangeReserved, Name: r.Name}), r.Name, RoleReserved, r.Prefix})
	}
	subnets, others, reserved = merge(subnets), merge(others), merge(reserved)

	// Subnets outside their VNet's space get bands too: what they overlap
	// there is still reported.
	bands = append(bands, outsideBands(bands, slices.Concat(others, subnets))...)
	slices.SortStableFunc(bands, func(a, b band) int { return compareRanges(a.rng, b.rng) })
	all := slices.Concat(subnets, others, reserved)
	marked := markedOverlaps(p)
	for i := range bands {
		b := &bands[i]
		fill(b, all, marked)
		b.gaps = gaps(b)
		for _, g := range b.gaps {
			b.free = b.free.Add(addresses(g.rng))
		}
	}
	return bands
}

// markedOverlaps returns the overlaps validation reports, which the map
// hatches: the map decides no conflict itself.
func markedOverlaps(p *ipam.Plan) []ipam.Overlap {
	var out []ipam.Overlap
	for _, o := range p.Overlaps() {
		for _, other := range o.Others {
			o.Other = other // one hatch per range the finding lists, labelled with its code
			if !o.Allowed && usable(o.Subject.Prefix) && usable(o.Other.Prefix) {
				out = append(out, o)
			}
		}
	}
	return out
}

// rangeLabel is the short name the map gives a range: its subnet's name,
// "prod pods", "VNet hub" (a band's title adds the address space).
func rangeLabel(r ipam.PlanRange) string {
	switch r.Kind {
	case ipam.RangeVNetSpace:
		return "VNet " + r.VNet
	case ipam.RangeSubnet:
		return r.Subnet
	case ipam.RangePodCIDR:
		return r.Cluster + " pods"
	case ipam.RangeServiceCIDR:
		return r.Cluster + " services"
	case ipam.RangeDockerBridge:
		return r.Cluster + " docker"
	}
	return r.Name
}

// usable reports whether a prefix can be drawn: valid, canonical, not 4in6.
func usable(p netip.Prefix) bool {
	return cidr.PrefixSentinel(p) == nil
}

func subnetRole(p ipam.Purpose) Role {
	switch p {
	case ipam.PurposeNode:
		return RoleNodeSubnet
	case ipam.PurposePod:
		return RolePodSubnet
	}
	return RoleOtherSubnet
}

func avoidRole(s ipam.Source) Role {
	switch s {
	case ipam.SourcePeering:
		return RolePeering
	case ipam.SourceOnPremises:
		return RoleOnPremises
	}
	return RoleAvoid
}

func avoidDetail(s ipam.Source) string {
	switch s {
	case ipam.SourcePeering:
		return "peered VNet"
	case ipam.SourceOnPremises:
		return "on-premises network"
	case ipam.SourceCluster:
		return "another cluster"
	}
	return "range to avoid"
}

// merge drops unusable prefixes and folds items of one role and prefix into
// one (clusters reusing the default service CIDR, reserved ranges listed
// twice), joining their labels.
func merge(items []item) []item {
	type roleAt struct {
		role   Role
		prefix netip.Prefix
	}
	var out []item
	at := make(map[roleAt]int, len(items))
	for _, it := range items {
		if !usable(it.prefix) {
			continue
		}
		i, ok := at[roleAt{it.role, it.prefix}]
		if !ok {
			at[roleAt{it.role, it.prefix}] = len(out)
			out = append(out, it)
			continue
		}
		if !slices.Contains(strings.Split(out[i].label, ", "), it.label) {
			out[i].label += ", " + it.label
		}
		if !strings.Contains(out[i].detail, it.detail) {
			out[i].detail += "; " + it.detail
		}
	}
	return out
}

// outsideBands groups the ranges that no VNet band contains into bands of
// their own: ranges that overlap share one band spanning all of them.
func outsideBands(vnetBands []band, others []item) []band {
	var loose []item
	for _, it := range others {
		r := it.rng()
		if !slices.ContainsFunc(vnetBands, func(b band) bool { return contains(b.rng, r) }) {
			loose = append(loose, it)
		}
	}
	slices.SortStableFunc(loose, func(a, b item) int { return compareRanges(a.rng(), b.rng()) })
	var out []band
	for _, it := range loose {
		r := it.rng()
		if n := len(out); n > 0 && out[n-1].rng.From().Is4() == r.From().Is4() && !out[n-1].rng.To().Less(r.From()) {
			last := &out[n-1]
			if last.rng.To().Less(r.To()) {
				last.rng = netipx.IPRangeFrom(last.rng.From(), r.To())
			}
			last.title += ", " + it.label
			continue
		}
		out = append(out, band{title: it.label, rng: r})
	}
	for i := range out {
		out[i].title += " " + rangeText(out[i].rng)
	}
	return out
}

// fill places every item that touches the band, assigns lanes so that
// nested ranges stack, and hatches the marked overlaps that meet the band.
// Outside the VNet spaces a reserved range is drawn only where a marked
// overlap involves it.
func fill(b *band, all []item, marked []ipam.Overlap) {
	for _, it := range all {
		r := it.rng()
		if !overlaps(b.rng, r) {
			continue
		}
		if it.role == RoleReserved && !b.vnet && !slices.ContainsFunc(marked, func(o ipam.Overlap) bool {
			return o.Other.Kind == ipam.RangeReserved && o.Other.Prefix == it.prefix
		}) {
			continue
		}
		lo, hi := b.frac(maxAddr(r.From(), b.rng.From())), b.fracEnd(minAddr(r.To(), b.rng.To()))
		b.items = append(b.items, placed{item: it, lo: lo, hi: hi})
	}
	slices.SortStableFunc(b.items, func(x, y placed) int {
		return compareRanges(x.rng(), y.rng())
	})
	var laneEnd []netip.Addr
	for i := range b.items {
		r := b.items[i].rng()
		lane := slices.IndexFunc(laneEnd, func(end netip.Addr) bool { return end.Less(r.From()) })
		if lane < 0 {
			lane = len(laneEnd)
			laneEnd = append(laneEnd, r.To())
		}
		laneEnd[lane] = r.To()
		b.items[i].lane = lane
	}
	b.lanes = max(len(laneEnd), 1)
	for _, o := range marked {
		x, y := netipx.RangeOfPrefix(o.Other.Prefix), netipx.RangeOfPrefix(o.Subject.Prefix)
		if !overlaps(x, y) {
			continue
		}
		if r := intersect(x, y); overlaps(r, b.rng) {
			b.addShared(o, r)
		}
	}
	slices.SortStableFunc(b.overlaps, func(x, y shared) int {
		return cmp.Or(compareRanges(x.rng, y.rng), cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b))
	})
}

func (b *band) addShared(o ipam.Overlap, r netipx.IPRange) {
	r = intersect(r, b.rng)
	b.overlaps = append(b.overlaps, shared{a: rangeLabel(o.Subject), b: rangeLabel(o.Other), code: o.Code, msg: o.Message,
		rng: r, lo: b.frac(r.From()), hi: b.fracEnd(r.To())})
}

// frac returns where address a starts, as a fraction of the band's width.
func (b *band) frac(a netip.Addr) float64 {
	return toFloat(offset(b.rng.From(), a)) / b.size()
}

// fracEnd returns where address a ends (the fraction just past it).
func (b *band) fracEnd(a netip.Addr) float64 {
	return (toFloat(offset(b.rng.From(), a)) + 1) / b.size()
}

func (b *band) size() float64 { return toFloat(offset(b.rng.From(), b.rng.To())) + 1 }

// addresses returns how many addresses r holds (saturating for ::/0).
func addresses(r netipx.IPRange) u128.Uint128 {
	return offset(r.From(), r.To()).Add64(1)
}

// offset returns to − from as a 128-bit count; both are of one family.
func offset(from, to netip.Addr) u128.Uint128 { return key(to).Sub(key(from)) }

func key(a netip.Addr) u128.Uint128 {
	b := a.As16()
	return u128.Uint128{Hi: binary.BigEndian.Uint64(b[:8]), Lo: binary.BigEndian.Uint64(b[8:])}
}

func toFloat(u u128.Uint128) float64 { return float64(u.Hi)*(1<<64) + float64(u.Lo) }

func overlaps(a, b netipx.IPRange) bool {
	return a.From().Is4() == b.From().Is4() && !a.To().Less(b.From()) && !b.To().Less(a.From())
}

func contains(outer, inner netipx.IPRange) bool {
	return outer.From().Is4() == inner.From().Is4() && !inner.From().Less(outer.From()) && !outer.To().Less(inner.To())
}

func intersect(a, b netipx.IPRange) netipx.IPRange {
	return netipx.IPRangeFrom(maxAddr(a.From(), b.From()), minAddr(a.To(), b.To()))
}

func maxAddr(a, b netip.Addr) netip.Addr {
	if a.Less(b) {
		return b
	}
	return a
}

func minAddr(a, b netip.Addr) netip.Addr {
	if a.Less(b) {
		return a
	}
	return b
}

// compareRanges orders IPv4 before IPv6, then by start, then longer first
// (so a range comes before the ranges nested in it).
func compareRanges(a, b netipx.IPRange) int {
	if a.From().Is4() != b.From().Is4() {
		if a.From().Is4() {
			return -1
		}
		return 1
	}
	return cmp.Or(a.From().Compare(b.From()), b.To().Compare(a.To()))
}
