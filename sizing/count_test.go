package sizing

import (
	"errors"
	"math/big"
	"math/rand/v2"
	"net/netip"
	"testing"

	"github.com/cidrplan/cidrplan/internal/u128"
)

const (
	two64    = "18446744073709551616"                    // an IPv6 /64
	max64    = "18446744073709551615"                    // the largest uint64
	maxCount = "340282366920938463463374607431768211455" // 2^128−1
)

// bigOf returns c as a big.Int, from its two words: independent of the
// code under test.
func bigOf(c Count) *big.Int {
	b := new(big.Int).SetUint64(c.u.Hi)
	b.Lsh(b, 64)
	return b.Or(b, new(big.Int).SetUint64(c.u.Lo))
}

// clampBig is the saturating result Count promises: 0 below zero, 2^128−1
// above it.
func clampBig(b *big.Int) *big.Int {
	maxBig, _ := new(big.Int).SetString(maxCount, 10)
	switch {
	case b.Sign() < 0:
		return new(big.Int)
	case b.Cmp(maxBig) > 0:
		return maxBig
	}
	return b
}

func randCount(r *rand.Rand) Count {
	switch r.IntN(5) {
	case 0:
		return CountFrom64(r.Uint64N(1000))
	case 1:
		return CountFrom64(r.Uint64())
	case 2:
		return countPow2(r.IntN(129))
	case 3:
		return countPow2(64 + r.IntN(65)).Sub(CountFrom64(r.Uint64N(3)))
	}
	return Count{u128.Uint128{Hi: r.Uint64(), Lo: r.Uint64()}}
}

// TestCountAgainstBig checks every operation on seeded random values against
// math/big, saturated as Count documents.
func TestCountAgainstBig(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		a, b := randCount(r), randCount(r)
		v := r.Uint64N(1 << 40)
		if r.IntN(2) == 0 {
			v = r.Uint64()
		}
		ab, bb, vb := bigOf(a), bigOf(b), new(big.Int).SetUint64(v)
		check := func(op string, got Count, want *big.Int) {
			t.Helper()
			if w := clampBig(want); bigOf(got).Cmp(w) != 0 {
				t.Fatalf("%v %s %v (v=%d) = %v, want %v", a, op, b, v, got, w)
			}
		}
		check("Add", a.Add(b), new(big.Int).Add(ab, bb))
		check("Sub", a.Sub(b), new(big.Int).Sub(ab, bb))
		check("Mul64", a.Mul64(v), new(big.Int).Mul(ab, vb))
		if got, want := a.Compare(b), ab.Cmp(bb); got != want {
			t.Fatalf("%v.Compare(%v) = %d, want %d", a, b, got, want)
		}
		if got, want := a.Less(b), ab.Cmp(bb) < 0; got != want {
			t.Fatalf("%v.Less(%v) = %t, want %t", a, b, got, want)
		}
		if got, want := a == b, ab.Cmp(bb) == 0; got != want {
			t.Fatalf("%v == %v is %t, want %t", a, b, got, want)
		}
		if got, ok := a.Uint64(); ok != ab.IsUint64() || ok && got != ab.Uint64() || !ok && got != ^uint64(0) {
			t.Fatalf("%v.Uint64() = %d, %t", a, got, ok)
		}
		if got, want := a.String(), ab.String(); got != want {
			t.Fatalf("String() = %s, want %s", got, want)
		}
		if got, err := ParseCount(a.String()); err != nil || got != a {
			t.Fatalf("ParseCount(%q) = %v, %v", a.String(), got, err)
		}
	}
}

func TestCountArithmeticEdges(t *testing.T) {
	one := CountFrom64(1)
	tests := []struct {
		name string
		got  Count
		want string
	}{
		{"zero value", Count{}, "0"},
		{"largest uint64 plus one", CountFrom64(^uint64(0)).Add(one), two64},
		{"ipv6 slash 64 minus one", MustParseCount(two64).Sub(one), max64},
		{"carry into the high word", CountFrom64(1 << 63).Mul64(2), two64},
		{"largest uint64 squared", CountFrom64(^uint64(0)).Mul64(^uint64(0)), "340282366920938463426481119284349108225"},
		{"largest count", MustParseCount(maxCount), maxCount},
		{"add saturates at 2^128 minus one", MustParseCount(maxCount).Add(one), maxCount},
		{"mul saturates at 2^128 minus one", MustParseCount(two64).Mul64(1 << 63).Mul64(2), maxCount},
		{"mul by zero", MustParseCount(maxCount).Mul64(0), "0"},
		{"sub below zero is zero", CountFrom64(3).Sub(CountFrom64(5)), "0"},
		{"sub across the words", MustParseCount(two64).Sub(MustParseCount(max64)), "1"},
		{"negative int is zero", CountFromInt(-3), "0"},
		{"int", CountFromInt(1581), "1581"},
		{"ipv4 slash 24", PrefixCount(netip.MustParsePrefix("10.0.0.0/24")), "256"},
		{"ipv4 slash 0", PrefixCount(netip.MustParsePrefix("0.0.0.0/0")), "4294967296"},
		{"ipv6 slash 64", PrefixCount(netip.MustParsePrefix("fd00::/64")), two64},
		{"ipv6 slash 128", PrefixCount(netip.MustParsePrefix("fd00::1/128")), "1"},
		{"ipv6 slash 1", PrefixCount(netip.MustParsePrefix("::/1")), "170141183460469231731687303715884105728"},
		{"ipv6 slash 0 saturates", PrefixCount(netip.MustParsePrefix("::/0")), maxCount},
		{"host bits do not matter", PrefixCount(netip.MustParsePrefix("10.0.0.7/24")), "256"},
		{"invalid prefix is zero", PrefixCount(netip.Prefix{}), "0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.got.String(); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

func TestCountUint64(t *testing.T) {
	tests := []struct {
		name   string
		in     Count
		want   uint64
		wantOK bool
	}{
		{"zero", Count{}, 0, true},
		{"largest uint64", MustParseCount(max64), ^uint64(0), true},
		{"ipv6 slash 64 does not fit", MustParseCount(two64), ^uint64(0), false},
		{"largest count does not fit", MustParseCount(maxCount), ^uint64(0), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := tc.in.Uint64()
			if got != tc.want || ok != tc.wantOK {
				t.Errorf("Uint64() = %d, %t; want %d, %t", got, ok, tc.want, tc.wantOK)
			}
		})
	}
}

func TestParseCount(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Count
		wantErr error
	}{
		{"zero", "0", Count{}, nil},
		{"small", "1581", CountFrom64(1581), nil},
		{"largest uint64", max64, CountFrom64(^uint64(0)), nil},
		{"ipv6 slash 64", two64, countPow2(64), nil},
		{"largest count", maxCount, countPow2(128), nil},
		{"one above the largest", "340282366920938463463374607431768211456", Count{}, ErrCount},
		{"a digit too many", "1" + maxCount, Count{}, ErrCount},
		{"same length and larger", "999999999999999999999999999999999999999", Count{}, ErrCount},
		{"empty", "", Count{}, ErrCount},
		{"leading zero", "007", Count{}, ErrCount},
		{"double zero", "00", Count{}, ErrCount},
		{"plus sign", "+5", Count{}, ErrCount},
		{"minus sign", "-5", Count{}, ErrCount},
		{"space", " 5", Count{}, ErrCount},
		{"grouped", "1,581", Count{}, ErrCount},
		{"underscore", "1_581", Count{}, ErrCount},
		{"fraction", "1.0", Count{}, ErrCount},
		{"exponent", "1e3", Count{}, ErrCount},
		{"hex", "0x10", Count{}, ErrCount},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseCount(tc.in)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("ParseCount(%q) error = %v, want %v", tc.in, err, tc.wantErr)
			}
			if got != tc.want {
				t.Errorf("ParseCount(%q) = %v, want %v", tc.in, got, tc.want)
			}
			var e *Error
			if tc.wantErr != nil && (!errors.As(err, &e) || e.Value != tc.in) {
				t.Errorf("ParseCount(%q) error %v does not name its input", tc.in, err)
			}
		})
	}
}

func TestCountGrouped(t *testing.T) {
	tests := []struct {
		name string
		in   Count
		want string
	}{
		{"zero", Count{}, "0"},
		{"three digits", CountFrom64(999), "999"},
		{"four digits", CountFrom64(1581), "1,581"},
		{"seven digits", CountFrom64(1048576), "1,048,576"},
		{"ipv6 slash 64", countPow2(64), "18,446,744,073,709,551,616"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.in.Grouped(); got != tc.want {
				t.Errorf("Grouped() = %s, want %s", got, tc.want)
			}
		})
	}
}

// TestCountAllocs pins that comparing and adding counts, as Fit does per
// probe, never allocates.
func TestCountAllocs(t *testing.T) {
	a, b := MustParseCount(two64), CountFrom64(1581)
	var sink Count
	if n := testing.AllocsPerRun(100, func() {
		if a.Less(b.Mul64(3)) {
			sink = a
		}
		sink = a.Sub(b).Add(sink)
	}); n != 0 {
		t.Errorf("count arithmetic allocates %v times per run", n)
	}
}

func FuzzParseCount(f *testing.F) {
	for _, s := range []string{"0", "1581", two64, maxCount, "007", "-1", "1e3", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCount(s)
		if err != nil {
			if !errors.Is(err, ErrCount) {
				t.Fatalf("ParseCount(%q) error %v does not wrap ErrCount", s, err)
			}
			return
		}
		if c.String() != s {
			t.Fatalf("ParseCount(%q).String() = %q", s, c.String())
		}
	})
}
