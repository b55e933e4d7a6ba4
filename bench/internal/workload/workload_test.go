package workload

import (
	"errors"
	"net/netip"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// overlapPairs counts overlapping pairs among prefixes with a sort and a stack
// of enclosing prefixes (prefixes are nested or disjoint).
func overlapPairs(ps []netip.Prefix) int {
	s := slices.Clone(ps)
	slices.SortFunc(s, ComparePrefix)
	var stack []netip.Prefix
	pairs := 0
	for _, p := range s {
		for len(stack) > 0 && !stack[len(stack)-1].Overlaps(p) {
			stack = stack[:len(stack)-1]
		}
		pairs += len(stack)
		stack = append(stack, p)
	}
	return pairs
}

func TestGenerateShape(t *testing.T) {
	tests := []struct {
		name      string
		kind      Kind
		n, extra  int
		want6     bool
		wantClean bool // base ∪ extra free of overlaps except the injected ones
	}{
		{name: "realistic v4", kind: RealisticV4, n: 20_000, extra: 2_000, wantClean: true},
		{name: "realistic mixed", kind: RealisticMixed, n: 20_000, extra: 2_000, want6: true, wantClean: true},
		{name: "random v4", kind: RandomV4, n: 20_000, extra: 2_000},
		{name: "random mixed", kind: RandomMixed, n: 20_000, extra: 2_000, want6: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := Generate(tt.kind, tt.n, tt.extra)
			if err != nil {
				t.Fatal(err)
			}
			if len(w.Base) != tt.n || len(w.Extra) != tt.extra || len(w.Probes) != Probes {
				t.Fatalf("sizes base=%d extra=%d probes=%d, want %d %d %d", len(w.Base), len(w.Extra), len(w.Probes), tt.n, tt.extra, Probes)
			}
			six := 0
			for _, p := range slices.Concat(w.Base, w.Extra, w.Probes) {
				if !p.IsValid() || p != p.Masked() || p.Addr().Is4In6() {
					t.Fatalf("bad prefix %v", p)
				}
				if p.Addr().Is6() {
					six++
				}
			}
			if got := six > 0; got != tt.want6 {
				t.Errorf("has IPv6 = %v, want %v", got, tt.want6)
			}
			if !tt.wantClean {
				return
			}
			if got, max := overlapPairs(w.Base), 4*(tt.n/1000); got == 0 || got > max {
				t.Errorf("overlapping pairs in base = %d, want 1..%d (injected only)", got, max)
			}
			// Extras are disjoint from the clean plan; only an injected
			// supernet can cover one.
			if got, max := overlapPairs(slices.Concat(w.Base, w.Extra))-overlapPairs(w.Base), 4*(tt.n/1000); got > max {
				t.Errorf("extra entries add %d overlapping pairs, want at most %d", got, max)
			}
		})
	}
}

func TestGenerateDeterministic(t *testing.T) {
	for _, k := range Kinds() {
		a, err := Generate(k, 3000, 100)
		if err != nil {
			t.Fatal(err)
		}
		b, err := Generate(k, 3000, 100)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(a, b, cmpopts.EquateComparable(netip.Prefix{})); diff != "" {
			t.Errorf("%s: two generations differ (-first +second):\n%s", k, diff)
		}
	}
}

func TestGenerateUnknownKind(t *testing.T) {
	if _, err := Generate("nope", 10, 0); !errors.Is(err, ErrUnknownKind) {
		t.Errorf("err = %v, want ErrUnknownKind", err)
	}
}

func TestRealisticProbesHitAndMiss(t *testing.T) {
	w, err := Generate(RealisticMixed, 10_000, 1000)
	if err != nil {
		t.Fatal(err)
	}
	hits := 0
	for _, q := range w.Probes[:2000] {
		for _, p := range w.Base {
			if p.Overlaps(q) {
				hits++
				break
			}
		}
	}
	if hits < 800 || hits > 1400 {
		t.Errorf("%d of 2000 probes hit, want about half", hits)
	}
}

func TestGenerateAlloc(t *testing.T) {
	a, err := GenerateAlloc(AllocUsed, AllocCount)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Used) != AllocUsed {
		t.Fatalf("len(Used) = %d, want %d", len(a.Used), AllocUsed)
	}
	if got := overlapPairs(a.Used); got != 0 {
		t.Errorf("%d overlapping used pairs, want 0", got)
	}
	occupied := make(map[netip.Prefix]bool)
	for _, p := range a.Used {
		if !a.Within.Contains(p.Addr()) || p.Bits() < a.Bits {
			t.Fatalf("used %v not inside %v as a /%d or longer", p, a.Within, a.Bits)
		}
		b, _ := p.Addr().Prefix(a.Bits)
		occupied[b] = true
	}
	free := 1<<(a.Bits-a.Within.Bits()) - len(occupied)
	if free < 2*a.Count {
		t.Errorf("%d free /%d blocks, want at least %d", free, a.Bits, 2*a.Count)
	}
	t.Logf("%d free /%d blocks among %d used entries", free, a.Bits, len(a.Used))
}
