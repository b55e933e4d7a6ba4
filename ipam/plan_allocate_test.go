package ipam

import (
	"errors"
	"math/rand/v2"
	"net/netip"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go4.org/netipx"
)

// randomPlan returns a plan with one VNet 10.0.0.0/16 holding random
// (possibly overlapping) subnets, a cluster with a random service CIDR and
// random ranges to avoid.
func randomPlan(rng *rand.Rand) *Plan {
	rnd := func(lo, hi int) netip.Prefix {
		a := netip.AddrFrom4([4]byte{10, 0, byte(rng.IntN(256)), byte(rng.IntN(256))})
		return netip.PrefixFrom(a, lo+rng.IntN(hi-lo+1)).Masked()
	}
	p := &Plan{VNets: []VNet{{Name: "v", AddressSpace: []netip.Prefix{pfx("10.0.0.0/16")}}}}
	for i := range rng.IntN(12) {
		p.VNets[0].Subnets = append(p.VNets[0].Subnets, Subnet{Name: string(rune('a' + i)), AddressPrefixes: []netip.Prefix{rnd(20, 29)}})
	}
	svc := rnd(22, 26)
	if rng.IntN(2) == 0 {
		svc = pfx("172.20.0.0/16")
	}
	dns, _ := dnsCandidate(svc)
	p.Clusters = []Cluster{{Name: "c", NetworkProfile: NetworkProfile{ServiceCIDR: svc, DNSServiceIP: dns}}}
	for range rng.IntN(4) {
		p.Avoid = append(p.Avoid, AvoidRange{Name: "x", Source: SourcePeering, Prefixes: []netip.Prefix{rnd(18, 28)}})
	}
	return p
}

// naiveAllocate scans every aligned /bits of parent in order and keeps the
// ones that overlap nothing the plan uses.
func naiveAllocate(p *Plan, parent netip.Prefix, bits, count int) []netip.Prefix {
	var b netipx.IPSetBuilder
	for _, u := range naiveUsed(p) {
		b.AddPrefix(u)
	}
	used, _ := b.IPSet()
	var out []netip.Prefix
	for c := netip.PrefixFrom(parent.Addr(), bits); parent.Contains(c.Addr()); {
		if !used.OverlapsPrefix(c) {
			out = append(out, c)
			if len(out) == count {
				return out
			}
		}
		next := netipxLast(c).Next()
		if !next.IsValid() {
			break
		}
		c = netip.PrefixFrom(next, bits)
	}
	return nil
}

// naiveUsed lists every prefix an allocation in p's VNet must avoid: all
// the plan's ranges with defaults except VNet spaces, plus the reserved and
// forbidden ranges.
func naiveUsed(p *Plan) []netip.Prefix {
	var out []netip.Prefix
	for _, u := range planUses(p.WithDefaults()) {
		if !u.vnetSpace {
			out = append(out, u.prefix)
		}
	}
	return out
}

func TestPlanAllocateMatchesNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 300 {
		p := randomPlan(rng)
		bits, count := 20+rng.IntN(9), 1+rng.IntN(8)
		got, err := p.Allocate("v", bits, count)
		want := naiveAllocate(p, pfx("10.0.0.0/16"), bits, count)
		if want == nil {
			if !errors.Is(err, ErrNoSpace) {
				t.Fatalf("round %d: Allocate(/%d ×%d) = %v, %v; want ErrNoSpace", round, bits, count, got, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("round %d: Allocate(/%d ×%d) error %v, want %v", round, bits, count, err, want)
		}
		if diff := cmp.Diff(want, got, cmpNet); diff != "" {
			t.Fatalf("round %d: Allocate(/%d ×%d) (-naive +got):\n%s", round, bits, count, diff)
		}
		// Properties: inside the VNet, disjoint from each other and from
		// everything the plan uses, reserved or avoided.
		for i, a := range got {
			if !pfx("10.0.0.0/16").Contains(a.Addr()) || a.Bits() != bits {
				t.Fatalf("round %d: %v outside the VNet or of the wrong size", round, a)
			}
			for _, b := range got[i+1:] {
				if a.Overlaps(b) {
					t.Fatalf("round %d: %v overlaps %v", round, a, b)
				}
			}
			for _, u := range naiveUsed(p) {
				if u.Overlaps(a) {
					t.Fatalf("round %d: %v overlaps used %v", round, a, u)
				}
			}
		}
	}
}

func TestPlanAllocateErrors(t *testing.T) {
	p := basePlan()
	tests := []struct {
		name    string
		vnet    string
		bits    int
		count   int
		wantErr error
	}{
		{"unknown vnet", "nope", 24, 1, ErrUnknownVNet},
		{"count zero", "hub", 24, 0, ErrBadAllocRequest},
		{"bits too long", "hub", 33, 1, ErrBadAllocRequest},
		{"larger than the vnet", "hub", 8, 1, ErrNoSpace},
		{"too many", "hub", 17, 3, ErrNoSpace},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := p.Allocate(tt.vnet, tt.bits, tt.count)
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("Allocate() error = %v, want %v", err, tt.wantErr)
			}
		})
	}
	var ae *AllocError
	if _, err := p.Allocate("hub", 17, 3); !errors.As(err, &ae) || ae.Found != 1 {
		t.Errorf("Allocate(/17 ×3) = %v, want an *AllocError with Found 1", err)
	}
}

func TestPlanAllocateIn(t *testing.T) {
	p := basePlan() // VNet 10.1.0.0/16, default service 10.0.0.0/16
	got, err := p.AllocateIn(pfx("10.0.0.0/8"), 16, 2)
	want := []netip.Prefix{pfx("10.2.0.0/16"), pfx("10.3.0.0/16")}
	if err != nil || !cmp.Equal(want, got, cmpNet) {
		t.Errorf("AllocateIn(10/8, /16 ×2) = %v, %v; want %v", got, err, want)
	}
}
