package ipam_test

import (
	"errors"
	"math/rand/v2"
	"net/netip"
	"slices"
	"testing"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"go4.org/netipx"
)

var allocCmpOpts = cmp.Options{
	cmpopts.EquateComparable(netip.Addr{}, netip.Prefix{}),
	cmp.Comparer(func(a, b netipx.IPRange) bool { return a == b }),
	cmpopts.EquateEmpty(),
}

func allocRange(s string) netipx.IPRange {
	if p, err := netip.ParsePrefix(s); err == nil {
		return netipx.RangeOfPrefix(p)
	}
	return netipx.MustParseIPRange(s)
}

func allocRanges(ss ...string) []netipx.IPRange {
	var out []netipx.IPRange
	for _, s := range ss {
		out = append(out, allocRange(s))
	}
	return out
}

func allocPrefixes(ss ...string) []netip.Prefix {
	var out []netip.Prefix
	for _, s := range ss {
		out = append(out, netip.MustParsePrefix(s))
	}
	return out
}

func TestAllocate(t *testing.T) {
	tests := []struct {
		name   string
		within string
		bits   int
		count  int
		used   []string
		want   []string
	}{
		{"empty parent first blocks", "10.0.0.0/16", 24, 3, nil, []string{"10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24"}},
		{"skips used blocks", "10.0.0.0/16", 24, 2, []string{"10.0.0.0/24", "10.0.2.0/23"}, []string{"10.0.1.0/24", "10.0.4.0/24"}},
		{"unaligned used range blocks both neighbours", "10.0.0.0/24", 29, 1, []string{"10.0.0.5-10.0.0.9"}, []string{"10.0.0.16/29"}},
		{"smaller hole does not fit", "10.0.0.0/22", 24, 1, []string{"10.0.0.0/25", "10.0.1.0/24"}, []string{"10.0.2.0/24"}},
		{"fills a hole left before larger space", "10.0.0.0/22", 25, 2, []string{"10.0.0.0/25", "10.0.1.0/24"}, []string{"10.0.0.128/25", "10.0.2.0/25"}},
		{"nested and overlapping used", "192.168.0.0/16", 20, 2, []string{"192.168.0.0/18", "192.168.16.0/20", "192.168.60.0-192.168.80.3"}, []string{"192.168.96.0/20", "192.168.112.0/20"}},
		{"used reaching outside the parent", "10.1.0.0/16", 24, 1, []string{"10.0.0.0-10.1.3.255", "10.2.0.0/16", "192.0.2.0/24"}, []string{"10.1.4.0/24"}},
		{"used covering the parent from outside", "10.1.0.0/16", 17, 1, []string{"10.0.0.0/15"}, nil},
		{"whole ipv4 space", "0.0.0.0/0", 1, 2, nil, []string{"0.0.0.0/1", "128.0.0.0/1"}},
		{"ipv4 host parent", "10.0.0.1/32", 32, 1, nil, []string{"10.0.0.1/32"}},
		{"ipv4 host parent used", "10.0.0.1/32", 32, 1, []string{"10.0.0.0/31"}, nil},
		{"parent itself", "10.0.0.0/8", 8, 1, nil, []string{"10.0.0.0/8"}},
		{"whole ipv6 space", "::/0", 2, 2, []string{"::/2"}, []string{"4000::/2", "8000::/2"}},
		{"ipv6 subnets around used", "2001:db8::/32", 64, 2, []string{"2001:db8::/64", "2001:db8:0:1::-2001:db8:0:1::1"}, []string{"2001:db8:0:2::/64", "2001:db8:0:3::/64"}},
		{"ipv6 host parent", "2001:db8::1/128", 128, 1, nil, []string{"2001:db8::1/128"}},
		{"ipv6 last addresses", "ffff::/16", 128, 1, []string{"ffff::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe"}, []string{"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ipam.Allocate(netip.MustParsePrefix(tt.within), tt.bits, tt.count, allocRanges(tt.used...)...)
			if tt.want == nil {
				if !errors.Is(err, ipam.ErrNoSpace) {
					t.Fatalf("Allocate = %v, %v; want ErrNoSpace", got, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Allocate: %v", err)
			}
			if diff := cmp.Diff(allocPrefixes(tt.want...), got, allocCmpOpts); diff != "" {
				t.Errorf("Allocate (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAllocateBadRequest(t *testing.T) {
	tests := []struct {
		name   string
		within netip.Prefix
		bits   int
		count  int
		used   []netipx.IPRange
	}{
		{"zero parent", netip.Prefix{}, 24, 1, nil},
		{"host bits", netip.MustParsePrefix("10.0.0.1/8"), 24, 1, nil},
		{"ipv4 mapped parent", netip.MustParsePrefix("::ffff:10.0.0.0/104"), 112, 1, nil},
		{"bits shorter than parent", netip.MustParsePrefix("10.0.0.0/8"), 7, 1, nil},
		{"bits longer than ipv4", netip.MustParsePrefix("10.0.0.0/8"), 33, 1, nil},
		{"bits longer than ipv6", netip.MustParsePrefix("2001:db8::/32"), 129, 1, nil},
		{"negative bits", netip.MustParsePrefix("0.0.0.0/0"), -1, 1, nil},
		{"zero count", netip.MustParsePrefix("10.0.0.0/8"), 24, 0, nil},
		{"negative count", netip.MustParsePrefix("10.0.0.0/8"), 24, -3, nil},
		{"count beyond any plan", netip.MustParsePrefix("::/0"), 64, 1<<24 + 1, nil},
		{"zero used range", netip.MustParsePrefix("10.0.0.0/8"), 24, 1, []netipx.IPRange{{}}},
		{"reversed used range", netip.MustParsePrefix("10.0.0.0/8"), 24, 1, []netipx.IPRange{netipx.IPRangeFrom(netip.MustParseAddr("10.0.0.9"), netip.MustParseAddr("10.0.0.1"))}},
		{"used range of mixed families", netip.MustParsePrefix("10.0.0.0/8"), 24, 1, []netipx.IPRange{netipx.IPRangeFrom(netip.MustParseAddr("10.0.0.1"), netip.MustParseAddr("::1"))}},
		{"ipv6 used in ipv4 parent", netip.MustParsePrefix("10.0.0.0/8"), 24, 1, allocRanges("2001:db8::/32")},
		{"ipv4 used in ipv6 parent", netip.MustParsePrefix("2001:db8::/32"), 64, 1, allocRanges("10.0.0.0/8")},
		{"ipv4 mapped used", netip.MustParsePrefix("::/0"), 64, 1, allocRanges("::ffff:10.0.0.0/104")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ipam.Allocate(tt.within, tt.bits, tt.count, tt.used...)
			if !errors.Is(err, ipam.ErrBadAllocRequest) {
				t.Errorf("Allocate = %v, %v; want ErrBadAllocRequest", got, err)
			}
		})
	}
}

func TestAllocateBadRequestNamesInput(t *testing.T) {
	tests := []struct {
		name   string
		within string
		bits   int
		want   string
	}{
		{"host bits", "10.0.0.1/8", 24, `ipam: bad allocation request: parent prefix "10.0.0.1/8": host bits set (want 10.0.0.0/8)`},
		{"too short", "10.0.0.0/8", 7, `ipam: bad allocation request: /7 is shorter than parent 10.0.0.0/8`},
		{"too long", "10.0.0.0/8", 33, `ipam: bad allocation request: /33 is longer than an IPv4 address (/32) in parent 10.0.0.0/8`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ipam.Allocate(netip.MustParsePrefix(tt.within), tt.bits, 1)
			if err == nil || err.Error() != tt.want {
				t.Errorf("Allocate error = %v; want %s", err, tt.want)
			}
		})
	}
}

func TestZeroAllocator(t *testing.T) {
	var a ipam.Allocator
	if _, err := a.Allocate(24); !errors.Is(err, ipam.ErrBadAllocRequest) {
		t.Errorf("zero Allocator Allocate error = %v; want ErrBadAllocRequest", err)
	}
	if _, err := a.AllocateN(24, 2); !errors.Is(err, ipam.ErrBadAllocRequest) {
		t.Errorf("zero Allocator AllocateN error = %v; want ErrBadAllocRequest", err)
	}
	if err := a.Avoid(allocRange("10.0.0.0/8")); !errors.Is(err, ipam.ErrBadAllocRequest) {
		t.Errorf("zero Allocator Avoid error = %v; want ErrBadAllocRequest", err)
	}
	if got := slices.Collect(a.Free()); len(got) != 0 {
		t.Errorf("zero Allocator Free = %v; want nothing", got)
	}
}

func TestAllocErrorReportsFound(t *testing.T) {
	within := netip.MustParsePrefix("10.0.0.0/16")
	a, err := ipam.NewAllocator(within, allocRange("10.0.0.0-10.0.254.255"))
	if err != nil {
		t.Fatal(err)
	}
	before := slices.Collect(a.Free())
	_, err = a.AllocateN(24, 3)
	var ae *ipam.AllocError
	if !errors.As(err, &ae) || !errors.Is(err, ipam.ErrNoSpace) {
		t.Fatalf("AllocateN error = %v; want *AllocError wrapping ErrNoSpace", err)
	}
	want := &ipam.AllocError{Within: within, Bits: 24, Count: 3, Found: 1}
	if diff := cmp.Diff(want, ae, allocCmpOpts); diff != "" {
		t.Errorf("AllocError (-want +got):\n%s", diff)
	}
	if got, want := err.Error(), "ipam: no room for 3 /24 in 10.0.0.0/16 (found 1)"; got != want {
		t.Errorf("Error() = %q; want %q", got, want)
	}
	if diff := cmp.Diff(before, slices.Collect(a.Free()), allocCmpOpts); diff != "" {
		t.Errorf("failed AllocateN took space (-before +after):\n%s", diff)
	}
	if got, err := a.Allocate(24); err != nil || got != netip.MustParsePrefix("10.0.255.0/24") {
		t.Errorf("Allocate after the failure = %v, %v; want 10.0.255.0/24", got, err)
	}
}

func TestAvoid(t *testing.T) {
	a, err := ipam.NewAllocator(netip.MustParsePrefix("10.0.0.0/24"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range allocRanges("10.0.0.0/26", "9.0.0.0-10.0.0.70", "10.0.0.200-11.0.0.0") {
		if err := a.Avoid(r); err != nil {
			t.Fatalf("Avoid(%s): %v", r, err)
		}
	}
	if err := a.Avoid(allocRange("2001:db8::/64")); !errors.Is(err, ipam.ErrBadAllocRequest) {
		t.Errorf("Avoid of an IPv6 range in an IPv4 parent: error %v; want ErrBadAllocRequest", err)
	}
	if diff := cmp.Diff(allocRanges("10.0.0.71-10.0.0.199"), slices.Collect(a.Free()), allocCmpOpts); diff != "" {
		t.Errorf("Free (-want +got):\n%s", diff)
	}
}

func TestFreeStopsEarly(t *testing.T) {
	a, err := ipam.NewAllocator(netip.MustParsePrefix("10.0.0.0/24"), allocRanges("10.0.0.16/28", "10.0.0.64/26")...)
	if err != nil {
		t.Fatal(err)
	}
	var got []netipx.IPRange
	for r := range a.Free() {
		got = append(got, r)
		if len(got) == 2 {
			break
		}
	}
	if diff := cmp.Diff(allocRanges("10.0.0.0/28", "10.0.0.32-10.0.0.63"), got, allocCmpOpts); diff != "" {
		t.Errorf("first two free ranges (-want +got):\n%s", diff)
	}
}

func TestAllocateDoesNotAllocate(t *testing.T) {
	var used []netipx.IPRange
	for i := range 1000 {
		used = append(used, netipx.RangeOfPrefix(netip.PrefixFrom(netip.AddrFrom4([4]byte{10, byte(i >> 4), byte(i << 4), 0}), 26)))
	}
	a, err := ipam.NewAllocator(netip.MustParsePrefix("10.0.0.0/8"), used...)
	if err != nil {
		t.Fatal(err)
	}
	a.AllocateN(28, 100) // grow the tree's storage once
	if n := testing.AllocsPerRun(100, func() { a.Allocate(28) }); n > 0 {
		t.Errorf("Allocate allocated %.1f times per call; want 0", n)
	}
}

// allocState is the reference allocator: the taken space as a netipx.IPSet,
// rebuilt on every change, shared with nothing in ipam.
type allocState struct {
	within netip.Prefix
	taken  netipx.IPSetBuilder
}

func newAllocState(within netip.Prefix, used []netipx.IPRange) *allocState {
	s := &allocState{within: within}
	for _, r := range used {
		s.taken.AddRange(r)
	}
	return s
}

func (s *allocState) free() *netipx.IPSet {
	var b netipx.IPSetBuilder
	b.AddPrefix(s.within)
	taken, _ := s.taken.IPSet()
	b.RemoveSet(taken)
	set, _ := b.IPSet()
	return set
}

// lowestByScan tries every aligned prefix of length bits in address order and
// returns the first that overlaps nothing taken: correct by construction,
// usable when bits − parent length is small.
func (s *allocState) lowestByScan(bits int) (netip.Prefix, bool) {
	taken, _ := s.taken.IPSet()
	for p := netip.PrefixFrom(s.within.Addr(), bits); p.IsValid() && s.within.Contains(p.Addr()); {
		if !taken.OverlapsPrefix(p) {
			return p, true
		}
		p = netip.PrefixFrom(netipx.PrefixLastIP(p).Next(), bits)
	}
	return netip.Prefix{}, false
}

// lowestByGaps finds the first aligned prefix of length bits inside one of
// the free ranges, taken in ascending order: usable at any depth.
func (s *allocState) lowestByGaps(bits int) (netip.Prefix, bool) {
	for _, r := range s.free().Ranges() {
		p := netip.PrefixFrom(r.From(), bits).Masked()
		if p.Addr() != r.From() { // round up to the next aligned start
			next := netipx.PrefixLastIP(p).Next()
			if !next.IsValid() {
				continue
			}
			p = netip.PrefixFrom(next, bits)
		}
		if !r.To().Less(netipx.PrefixLastIP(p)) {
			return p, true
		}
	}
	return netip.Prefix{}, false
}

// allocGen draws addresses and ranges in and around a parent. Addresses
// cluster at every scale around a few anchors so that ranges nest, touch and
// overlap however large the parent is.
type allocGen struct {
	rng     *rand.Rand
	within  netip.Prefix
	anchors []netip.Addr
}

func newAllocGen(rng *rand.Rand, within netip.Prefix) *allocGen {
	g := &allocGen{rng: rng, within: within}
	for range 3 {
		g.anchors = append(g.anchors, g.randomBits(within.Addr(), within.Bits()))
	}
	return g
}

// randomBits returns a with every bit from position keep on randomised.
func (g *allocGen) randomBits(a netip.Addr, keep int) netip.Addr {
	b := a.AsSlice()
	for i := keep; i < len(b)*8; i++ {
		b[i/8] &^= 0x80 >> (i % 8)
		b[i/8] |= byte(g.rng.IntN(2)<<7) >> (i % 8)
	}
	out, _ := netip.AddrFromSlice(b)
	return out
}

func (g *allocGen) addr() netip.Addr {
	w := g.within.Addr().BitLen()
	switch g.rng.IntN(6) {
	case 0: // anywhere in the family, usually outside the parent
		return g.randomBits(g.within.Addr(), 0)
	case 1: // just outside the parent
		if g.within.Bits() > 0 {
			if g.rng.IntN(2) == 0 {
				if p := g.within.Addr().Prev(); p.IsValid() {
					return p
				}
			}
			if n := netipx.PrefixLastIP(g.within).Next(); n.IsValid() {
				return n
			}
		}
		return g.within.Addr()
	default:
		a := g.anchors[g.rng.IntN(len(g.anchors))]
		return g.randomBits(a, g.within.Bits()+g.rng.IntN(w-g.within.Bits()+1))
	}
}

// usedRange returns a prefix or an arbitrary range of any size, small ones
// far more often than large, so that plans keep some free space.
func (g *allocGen) usedRange() netipx.IPRange {
	w := g.within.Addr().BitLen()
	room := w - g.within.Bits()
	host := g.rng.IntN(g.rng.IntN(room+1) + 1)
	a := g.addr()
	if g.rng.IntN(8) == 0 { // across the first or the last address of the parent
		first, last := g.within.Addr(), netipx.PrefixLastIP(g.within)
		if g.rng.IntN(2) == 0 {
			below := g.randomBits(first, 0)
			if first.Less(below) {
				below = first
			}
			return netipx.IPRangeFrom(below, g.randomBits(first, w-host))
		}
		above := g.randomBits(last, 0)
		if above.Less(last) {
			above = last
		}
		return netipx.IPRangeFrom(g.randomBits(last, w-host), above)
	}
	if g.rng.IntN(2) == 0 { // a prefix, as subnets are
		return netipx.RangeOfPrefix(netip.PrefixFrom(a, w-host).Masked())
	}
	b := g.randomBits(a, w-host)
	if b.Less(a) {
		a, b = b, a
	}
	return netipx.IPRangeFrom(a, b)
}

// bits returns a prefix length to allocate, at most span bits below the parent.
func (g *allocGen) bits(span int) int {
	room := g.within.Addr().BitLen() - g.within.Bits()
	return g.within.Bits() + g.rng.IntN(min(span, room)+1)
}

func allocParents() []netip.Prefix {
	return allocPrefixes("10.0.0.0/8", "10.20.0.0/16", "192.168.4.0/22", "0.0.0.0/0", "10.0.0.7/32",
		"2001:db8::/32", "fd00::/8", "::/0", "2001:db8::1/128", "ffff:ffff::/32", "2001:db8:0:100::/56")
}

// Every allocation is the one the slow references pick: the scan over
// candidates when there are few of them, the gap arithmetic always. So each
// allocation is aligned, inside the parent, free and the lowest free one.
func TestAllocatorMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var allocated, full int
	defer func() {
		// Guard against a generator that leaves nothing to allocate.
		t.Logf("%d allocations, %d answered ErrNoSpace", allocated, full)
		if allocated < full {
			t.Errorf("only %d of %d allocations succeeded: the random plans are too full to test much", allocated, allocated+full)
		}
	}()
	for _, within := range allocParents() {
		t.Run(within.String(), func(t *testing.T) {
			for round := range 8 {
				g := newAllocGen(rng, within)
				var used []netipx.IPRange
				for range rng.IntN(40) {
					used = append(used, g.usedRange())
				}
				a, err := ipam.NewAllocator(within, used...)
				if err != nil {
					t.Fatal(err)
				}
				ref := newAllocState(within, used)
				for op := range 40 {
					if rng.IntN(5) == 0 {
						r := g.usedRange()
						if err := a.Avoid(r); err != nil {
							t.Fatal(err)
						}
						ref.taken.AddRange(r)
						continue
					}
					bits := g.bits(12)
					want, wantOK := ref.lowestByGaps(bits)
					if bits-within.Bits() <= 10 {
						scan, scanOK := ref.lowestByScan(bits)
						if scan != want || scanOK != wantOK {
							t.Fatalf("references disagree on /%d: scan %v, gaps %v", bits, scan, want)
						}
					}
					got, err := a.Allocate(bits)
					if !wantOK {
						if !errors.Is(err, ipam.ErrNoSpace) {
							t.Fatalf("round %d op %d: Allocate(%d) = %v, %v; want ErrNoSpace", round, op, bits, got, err)
						}
						full++
						continue
					}
					if err != nil || got != want {
						t.Fatalf("round %d op %d: Allocate(%d) = %v, %v; want %v", round, op, bits, got, err, want)
					}
					allocated++
					ref.taken.AddPrefix(got)
					if diff := cmp.Diff(ref.free().Ranges(), slices.Collect(a.Free()), allocCmpOpts); diff != "" {
						t.Fatalf("round %d op %d: Free (-want +got):\n%s", round, op, diff)
					}
				}
			}
		})
	}
}

// The invariants, checked directly on the output of AllocateN: prefixes are
// aligned, inside the parent, overlap no used range and no other prefix,
// come in ascending order, and none could have gone lower (every aligned
// prefix below the last one allocated is taken).
func TestAllocateNProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var short, full int
	defer func() {
		t.Logf("%d requests met, %d short of space", full, short)
		if full < short {
			t.Errorf("only %d of %d requests were met: the random plans are too full to test much", full, full+short)
		}
	}()
	for _, within := range allocParents() {
		t.Run(within.String(), func(t *testing.T) {
			for range 20 {
				g := newAllocGen(rng, within)
				var used []netipx.IPRange
				for range rng.IntN(30) {
					used = append(used, g.usedRange())
				}
				bits := g.bits(9)
				count := 1 + rng.IntN(min(40, 1<<(bits-within.Bits()))) // at most what the parent holds
				got, err := ipam.Allocate(within, bits, count, used...)
				var ae *ipam.AllocError
				if errors.As(err, &ae) {
					short++
					ref := newAllocState(within, used)
					for range ae.Found {
						p, _ := ref.lowestByScan(bits)
						ref.taken.AddPrefix(p)
					}
					if p, ok := ref.lowestByScan(bits); ok || ae.Found >= count {
						t.Fatalf("Allocate(%s, /%d, %d) failed with Found %d, but /%d number %d is free: %v", within, bits, count, ae.Found, bits, ae.Found+1, p)
					}
					continue
				}
				if err != nil {
					t.Fatal(err)
				}
				if len(got) != count {
					t.Fatalf("Allocate returned %d prefixes; want %d", len(got), count)
				}
				full++
				var usedB, gotB netipx.IPSetBuilder
				for _, r := range used {
					usedB.AddRange(r)
				}
				usedSet, _ := usedB.IPSet()
				for i, p := range got {
					switch {
					case p != p.Masked() || p.Bits() != bits:
						t.Errorf("%v is not an aligned /%d", p, bits)
					case !within.Contains(p.Addr()) || !within.Contains(netipx.PrefixLastIP(p)):
						t.Errorf("%v is outside %v", p, within)
					case usedSet.OverlapsPrefix(p):
						t.Errorf("%v overlaps a used range", p)
					case i > 0 && !got[i-1].Addr().Less(p.Addr()):
						t.Errorf("%v follows %v: not ascending", p, got[i-1])
					}
					gotB.AddPrefix(p)
				}
				gotSet, _ := gotB.IPSet()
				if n := len(gotSet.Prefixes()); n > count {
					t.Errorf("allocations overlap: %d prefixes cover %d addresses sets", count, n)
				}
				gotB.AddSet(usedSet)
				takenSet, _ := gotB.IPSet()
				last := got[len(got)-1]
				for p := netip.PrefixFrom(within.Addr(), bits); p.Addr().Less(last.Addr()); p = netip.PrefixFrom(netipx.PrefixLastIP(p).Next(), bits) {
					if !takenSet.OverlapsPrefix(p) {
						t.Fatalf("%v was free but %v was allocated", p, last)
					}
				}
			}
		})
	}
}

// Differential against netipx: with IPSet.RemoveFreePrefix called until it
// fails, every free aligned /N slot is taken exactly once. RemoveFreePrefix
// picks best fit, not lowest first, so the order differs; but aligned /N
// slots are disjoint or equal, so draining the space must yield the same
// set of prefixes and leave the same free space. That is what is compared,
// plus Free against the IPSet of the parent minus the used ranges.
func TestAllocatorMatchesRemoveFreePrefix(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	drained := 0
	defer func() { t.Logf("%d prefixes drained", drained) }()
	for _, within := range allocParents() {
		t.Run(within.String(), func(t *testing.T) {
			for range 6 {
				g := newAllocGen(rng, within)
				var used []netipx.IPRange
				for range rng.IntN(30) {
					used = append(used, g.usedRange())
				}
				a, err := ipam.NewAllocator(within, used...)
				if err != nil {
					t.Fatal(err)
				}
				set := newAllocState(within, used).free()
				if diff := cmp.Diff(set.Ranges(), slices.Collect(a.Free()), allocCmpOpts); diff != "" {
					t.Fatalf("Free before allocating (-IPSet +Allocator):\n%s", diff)
				}
				bits := g.bits(8)
				var want, got []netip.Prefix
				for {
					p, next, ok := set.RemoveFreePrefix(uint8(bits))
					if !ok {
						break
					}
					want, set = append(want, p), next
				}
				for range len(want) + 1 {
					p, err := a.Allocate(bits)
					if err != nil {
						break
					}
					got = append(got, p)
				}
				slices.SortFunc(want, netipx.ComparePrefix)
				drained += len(want)
				if diff := cmp.Diff(want, got, allocCmpOpts); diff != "" {
					t.Fatalf("/%d drained (-RemoveFreePrefix +Allocate):\n%s", bits, diff)
				}
				if diff := cmp.Diff(set.Ranges(), slices.Collect(a.Free()), allocCmpOpts); diff != "" {
					t.Fatalf("Free after draining /%d (-IPSet +Allocator):\n%s", bits, diff)
				}
			}
		})
	}
}

// allocFuzzOps decodes bytes into Allocator operations.
type allocFuzzOps struct {
	data   []byte
	within netip.Prefix
}

func (f *allocFuzzOps) byte() byte {
	if len(f.data) == 0 {
		return 0
	}
	b := f.data[0]
	f.data = f.data[1:]
	return b
}

// addr reads three bytes: a 16-bit pattern and the bit position it lands at,
// counted from the right, inside the parent; flags fill the bits below it
// with ones or flip the parent's last network bit to land outside.
func (f *allocFuzzOps) addr() netip.Addr {
	v := uint16(f.byte())<<8 | uint16(f.byte())
	s := f.byte()
	b := f.within.Addr().AsSlice()
	w := len(b) * 8
	at := int(s&0x7F) % w
	set := func(i int, on bool) { // bit i counted from the right
		m := byte(1) << (i % 8)
		if on {
			b[len(b)-1-i/8] |= m
		} else {
			b[len(b)-1-i/8] &^= m
		}
	}
	for i := range 16 {
		if at+i < w-f.within.Bits() {
			set(at+i, v&(1<<i) != 0)
		}
	}
	if s&0x80 != 0 {
		for i := range min(at, w-f.within.Bits()) {
			set(i, true)
		}
	}
	if v&1 != 0 && s&0x40 != 0 && f.within.Bits() > 0 {
		i := w - f.within.Bits()
		set(i, b[len(b)-1-i/8]&(1<<(i%8)) == 0)
	}
	a, _ := netip.AddrFromSlice(b)
	return a
}

func FuzzAllocator(f *testing.F) {
	f.Add([]byte{0, 8, 0, 0, 0, 0, 0, 255, 255, 16, 1, 24, 2, 24, 3, 3, 0})
	f.Add([]byte{1, 32, 0, 0, 0, 0, 1, 0, 80, 1, 64, 2, 48, 7})
	f.Add([]byte{1, 0, 0, 0, 0, 127, 255, 255, 127, 1, 1, 1, 1, 1, 1})
	f.Add([]byte{0, 32, 1, 32, 1, 32})
	f.Add([]byte{1, 128, 0, 1, 2, 3, 4, 5, 6, 1, 128})
	f.Fuzz(func(t *testing.T, data []byte) {
		ops := &allocFuzzOps{data: data}
		base := netip.MustParseAddr("10.123.45.67")
		if ops.byte()&1 == 1 {
			base = netip.MustParseAddr("2001:db8:abcd:1234:5678:9abc:def0:1234")
		}
		ops.within = netip.PrefixFrom(base, int(ops.byte())%(base.BitLen()+1)).Masked()
		a, err := ipam.NewAllocator(ops.within)
		if err != nil {
			t.Fatal(err)
		}
		ref := newAllocState(ops.within, nil)
		for n := 0; len(ops.data) > 0 && n < 32; n++ {
			switch op := ops.byte(); op % 3 {
			case 0:
				from, to := ops.addr(), ops.addr()
				if to.Less(from) {
					from, to = to, from
				}
				r := netipx.IPRangeFrom(from, to)
				if err := a.Avoid(r); err != nil {
					t.Fatalf("Avoid(%s): %v", r, err)
				}
				ref.taken.AddRange(r)
			case 1, 2:
				bits := ops.within.Bits() + int(ops.byte())%(base.BitLen()-ops.within.Bits()+1)
				count := 1
				if op%3 == 2 {
					count = 1 + int(ops.byte()%8)
				}
				probe := &allocState{within: ops.within, taken: *ref.taken.Clone()}
				var want []netip.Prefix
				for range count {
					p, ok := probe.lowestByGaps(bits)
					if !ok {
						break
					}
					want = append(want, p)
					probe.taken.AddPrefix(p)
				}
				got, err := a.AllocateN(bits, count)
				if len(want) < count {
					var ae *ipam.AllocError
					if !errors.As(err, &ae) || ae.Found != len(want) {
						t.Fatalf("op %d: AllocateN(%d, %d) = %v, %v; want AllocError with Found %d", n, bits, count, got, err, len(want))
					}
					continue
				}
				if err != nil {
					t.Fatalf("op %d: AllocateN(%d, %d): %v", n, bits, count, err)
				}
				if diff := cmp.Diff(want, got, allocCmpOpts); diff != "" {
					t.Fatalf("op %d: AllocateN(%d, %d) (-want +got):\n%s", n, bits, count, diff)
				}
				ref = probe
			}
			if diff := cmp.Diff(ref.free().Ranges(), slices.Collect(a.Free()), allocCmpOpts); diff != "" {
				t.Fatalf("op %d: Free (-want +got):\n%s", n, diff)
			}
		}
	})
}
