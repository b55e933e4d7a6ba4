package peers

import (
	"net"
	"net/netip"
	"slices"

	"github.com/yl2chen/cidranger"
	"go4.org/netipx"
)

// Cidranger adapts yl2chen/cidranger's path-compressed trie on net.IP,
// keyed by network: inserting a prefix again overwrites the earlier entry, so
// exact duplicates are neither stored nor reported; Remove ignores the ID;
// every query allocates its result slice.
type Cidranger struct{}

func (Cidranger) Name() string { return "cidranger" }

type rangerEntry struct {
	net net.IPNet
	id  uint32
}

func (e *rangerEntry) Network() net.IPNet { return e.net }

func ipNet(p netip.Prefix) net.IPNet {
	return net.IPNet{IP: p.Addr().AsSlice(), Mask: net.CIDRMask(p.Bits(), p.Addr().BitLen())}
}

func fromIPNet(n net.IPNet) netip.Prefix {
	a, _ := netip.AddrFromSlice(n.IP)
	ones, _ := n.Mask.Size()
	return netip.PrefixFrom(a.Unmap(), ones)
}

func (Cidranger) Prepare(ps []netip.Prefix) Input {
	es := make([]*rangerEntry, len(ps))
	for i, p := range ps {
		es[i] = &rangerEntry{ipNet(p), uint32(i)}
	}
	return es
}

func (Cidranger) Build(in Input) (Index, error) {
	r := cidranger.NewPCTrieRanger()
	for _, e := range in.([]*rangerEntry) {
		if err := r.Insert(e); err != nil {
			return nil, err
		}
	}
	return &rangerIndex{r}, nil
}

type rangerIndex struct{ r cidranger.Ranger }

func (x *rangerIndex) Insert(p netip.Prefix, id uint32) error {
	return x.r.Insert(&rangerEntry{ipNet(p), id})
}

func (x *rangerIndex) Delete(p netip.Prefix, _ uint32) (bool, error) {
	e, err := x.r.Remove(ipNet(p))
	return e != nil, err
}

func entryOf(re cidranger.RangerEntry) Entry {
	e := re.(*rangerEntry)
	return Entry{fromIPNet(e.net), e.id}
}

func (x *rangerIndex) Overlaps(p netip.Prefix) bool {
	sup, err := x.r.ContainingNetworks(p.Addr().AsSlice())
	if err != nil {
		return false
	}
	for _, e := range sup {
		if ones, _ := e.Network().Mask.Size(); ones <= p.Bits() {
			return true
		}
	}
	sub, err := x.r.CoveredNetworks(ipNet(p))
	return err == nil && len(sub) > 0
}

func (x *rangerIndex) Overlapping(p netip.Prefix, yield func(Entry) bool) error {
	sup, err := x.r.ContainingNetworks(p.Addr().AsSlice())
	if err != nil {
		return err
	}
	for _, e := range sup {
		if ones, _ := e.Network().Mask.Size(); ones < p.Bits() && !yield(entryOf(e)) {
			return nil
		}
	}
	sub, err := x.r.CoveredNetworks(ipNet(p)) // includes p itself
	if err != nil {
		return err
	}
	for _, e := range sub {
		if !yield(entryOf(e)) {
			return nil
		}
	}
	return nil
}

// all lists every stored entry: cidranger has no iterator, only the
// networks covered by the two zero-length prefixes.
func (x *rangerIndex) all() ([]cidranger.RangerEntry, error) {
	v4, err := x.r.CoveredNetworks(ipNet(netip.MustParsePrefix("0.0.0.0/0")))
	if err != nil {
		return nil, err
	}
	v6, err := x.r.CoveredNetworks(ipNet(netip.MustParsePrefix("::/0")))
	return append(v4, v6...), err
}

// Conflicts walks the ContainingNetworks of every stored prefix.
func (x *rangerIndex) Conflicts(yield func(a, b Entry) bool) error {
	all, err := x.all()
	if err != nil {
		return err
	}
	for _, e := range all {
		n := e.Network()
		ones, _ := n.Mask.Size()
		sup, err := x.r.ContainingNetworks(n.IP)
		if err != nil {
			return err
		}
		for _, s := range sup {
			if o, _ := s.Network().Mask.Size(); o < ones && !yield(entryOf(s), entryOf(e)) {
				return nil
			}
		}
	}
	return nil
}

func (x *rangerIndex) Gaps(within netip.Prefix, yield func(netipx.IPRange) bool) error {
	sup, err := x.r.ContainingNetworks(within.Addr().AsSlice())
	if err != nil {
		return err
	}
	for _, e := range sup {
		if ones, _ := e.Network().Mask.Size(); ones <= within.Bits() {
			return nil // covered whole
		}
	}
	sub, err := x.r.CoveredNetworks(ipNet(within))
	if err != nil {
		return err
	}
	in := make([]netip.Prefix, len(sub))
	for i, e := range sub {
		in[i] = fromIPNet(e.Network())
	}
	slices.SortFunc(in, func(a, b netip.Prefix) int { return a.Addr().Compare(b.Addr()) })
	sweepGaps(within, in, yield)
	return nil
}

func (Cidranger) KeepsDuplicates() bool { return false }
