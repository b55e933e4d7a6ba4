package workload

import (
	"fmt"
	"math/rand/v2"
	"net/netip"
)

// IPv4 subnet lengths /20–/29 and their weights: node subnets of /20–/24,
// many small /26–/28 service subnets (gateways, bastion, firewall).
var (
	subnetBits4   = []int{20, 21, 22, 23, 24, 25, 26, 27, 28, 29}
	subnetWeight4 = []int{2, 3, 5, 8, 20, 10, 20, 15, 10, 7}
	subnetBits6   = []int{56, 60, 64}
	subnetWeight6 = []int{20, 20, 60}
)

// plan4 lays out IPv4 VNets one after the other from 1.0.0.0 upwards.
type plan4 struct {
	rng    *rand.Rand
	cursor uint64
	out    []netip.Prefix
	free   []netip.Prefix // aligned blocks known to hold no entry
}

// vnet adds one VNet's subnets (and perhaps a cluster's pod and service
// ranges) to the plan.
func (g *plan4) vnet() error {
	bits := 12 + g.rng.IntN(5)
	size := uint64(1) << (32 - bits)
	start := alignUp(g.cursor, size)
	if g.rng.IntN(10) < 3 { // an unused VNet-sized hole between VNets
		g.free = append(g.free, v4(start, bits))
		start += size
	}
	end := start + size
	if end > 1<<32 {
		return fmt.Errorf("%w: IPv4 after %d entries", ErrFull, len(g.out))
	}
	fill := start + uint64(float64(size)*(0.5+0.45*g.rng.Float64()))
	for s := start; s < fill; {
		b := subnetBits4[pick(g.rng, subnetWeight4)]
		sz := uint64(1) << (32 - b)
		a := alignUp(s, sz)
		if a+sz > end {
			break
		}
		g.out = append(g.out, v4(a, b))
		s = a + sz
		if g.rng.IntN(10) == 0 { // leave a subnet-sized hole
			b := subnetBits4[pick(g.rng, subnetWeight4)]
			sz := uint64(1) << (32 - b)
			if a := alignUp(s, sz); a+sz <= end {
				g.free = append(g.free, v4(a, b))
				s = a + sz
			}
		}
		if s >= fill {
			if a := alignUp(s, 256); a+256 <= end {
				g.free = append(g.free, v4(a, 24)) // the unfilled tail
			}
		}
	}
	g.cursor = end
	if g.rng.IntN(2) == 0 { // a cluster's overlay pod and service ranges, outside the VNet
		for _, b := range []int{16 + g.rng.IntN(3), 20 + g.rng.IntN(5)} {
			sz := uint64(1) << (32 - b)
			a := alignUp(g.cursor, sz)
			if a+sz > 1<<32 {
				return fmt.Errorf("%w: IPv4 after %d entries", ErrFull, len(g.out))
			}
			g.out = append(g.out, v4(a, b))
			g.cursor = a + sz
		}
	}
	return nil
}

// plan6 lays out IPv6 /48 VNets one after the other in fd00::/8.
type plan6 struct {
	rng    *rand.Rand
	next48 uint64 // index of the next /48 inside fd00::/8
	out    []netip.Prefix
	free   []netip.Prefix
}

const fd00 = uint64(0xfd) << 56

func (g *plan6) vnet() error {
	if g.rng.IntN(10) < 3 {
		g.free = append(g.free, v6(fd00|g.next48<<16, 0, 48))
		g.next48++
	}
	if g.next48+2 >= 1<<40 {
		return fmt.Errorf("%w: IPv6 after %d entries", ErrFull, len(g.out))
	}
	base := fd00 | g.next48<<16
	g.next48++
	const size = 1 << 16 // in /64 units
	fill := uint64(float64(size) * (0.1 + 0.5*g.rng.Float64()))
	for s := uint64(0); s < fill; {
		b := subnetBits6[pick(g.rng, subnetWeight6)]
		sz := uint64(1) << (64 - b)
		a := alignUp(s, sz)
		if a+sz > size {
			break
		}
		g.out = append(g.out, v6(base|a, 0, b))
		s = a + sz
		if g.rng.IntN(10) == 0 {
			b := subnetBits6[pick(g.rng, subnetWeight6)]
			sz := uint64(1) << (64 - b)
			if a := alignUp(s, sz); a+sz <= size {
				g.free = append(g.free, v6(base|a, 0, b))
				s = a + sz
			}
		}
		if s >= fill {
			if a := alignUp(s, 256); a+256 <= size {
				g.free = append(g.free, v6(base|a, 0, 56))
			}
		}
	}
	if g.rng.IntN(2) == 0 { // a cluster /48 holding its pod /64 and service /108
		cl := fd00 | g.next48<<16
		g.next48++
		g.out = append(g.out, v6(cl, 0, 64), v6(cl|1, 0, 108))
	}
	return nil
}

// realistic generates a VNet-like plan; see RealisticV4 and RealisticMixed.
func realistic(rng *rand.Rand, kind Kind, n, extra int, mixed bool) (*Workload, error) {
	injected := n / 1000
	if n > 0 && injected == 0 {
		injected = 1
	}
	clean := n - injected + extra
	want6 := 0
	if mixed {
		want6 = clean / 2
	}
	g4 := &plan4{rng: rng, cursor: 1 << 24}
	for len(g4.out) < clean-want6 {
		if err := g4.vnet(); err != nil {
			return nil, err
		}
	}
	g6 := &plan6{rng: rng}
	for len(g6.out) < want6 {
		if err := g6.vnet(); err != nil {
			return nil, err
		}
	}
	all := append(g4.out[:clean-want6:clean-want6], g6.out[:want6]...)
	shuffle(rng, all)
	w := &Workload{Kind: kind, Extra: all[:extra:extra]}
	base := append(make([]netip.Prefix, 0, n), all[extra:]...)
	for range injected {
		base = append(base, overlapping(rng, base[rng.IntN(len(base))]))
	}
	shuffle(rng, base)
	w.Base = base
	free := append(g4.free, g6.free...)
	w.Probes = realisticProbes(rng, base, w.Extra, free)
	return w, nil
}

// overlapping returns a prefix that overlaps p: p itself, a supernet of p or a
// subnet of p, one third each.
func overlapping(rng *rand.Rand, p netip.Prefix) netip.Prefix {
	switch rng.IntN(3) {
	case 0:
		return p
	case 1:
		return netip.PrefixFrom(p.Addr(), max(p.Bits()-1-rng.IntN(4), 0)).Masked()
	}
	return subPrefix(rng, p, 1+rng.IntN(4))
}

// subPrefix returns a random prefix inside p that is up to more bits longer.
func subPrefix(rng *rand.Rand, p netip.Prefix, more int) netip.Prefix {
	bits := min(p.Bits()+more, p.Addr().BitLen())
	a := p.Addr().As16()
	for i := p.Bits(); i < bits; i++ {
		if rng.IntN(2) == 1 {
			off := i
			if p.Addr().Is4() {
				off += 96
			}
			a[off/8] |= 0x80 >> (off % 8)
		}
	}
	addr := netip.AddrFrom16(a)
	if p.Addr().Is4() {
		addr = addr.Unmap()
	}
	return netip.PrefixFrom(addr, bits)
}

// realisticProbes mixes hits (an entry, a subnet of one, or a supernet of
// one) with misses (an extra entry, which is free in the base plan, or a
// block inside a known hole).
func realisticProbes(rng *rand.Rand, base, extra, free []netip.Prefix) []netip.Prefix {
	if len(base) == 0 {
		return nil
	}
	probes := make([]netip.Prefix, Probes)
	for i := range probes {
		e := base[rng.IntN(len(base))]
		switch {
		case i%2 == 0 && i%4 == 0:
			probes[i] = subPrefix(rng, e, rng.IntN(4))
		case i%2 == 0:
			probes[i] = netip.PrefixFrom(e.Addr(), max(e.Bits()-1-rng.IntN(8), 0)).Masked()
		case i%4 == 1 && len(extra) > 0:
			probes[i] = extra[rng.IntN(len(extra))]
		case len(free) > 0:
			probes[i] = subPrefix(rng, free[rng.IntN(len(free))], rng.IntN(4))
		default:
			probes[i] = e
		}
	}
	shuffle(rng, probes)
	return probes
}
