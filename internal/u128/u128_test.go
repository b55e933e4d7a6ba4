package u128

import (
	"math/big"
	"math/rand/v2"
	"testing"
)

func toBig(u Uint128) *big.Int {
	b := new(big.Int).SetUint64(u.Hi)
	b.Lsh(b, 64)
	return b.Or(b, new(big.Int).SetUint64(u.Lo))
}

var maxBig = toBig(Max)

func clamp(b *big.Int) *big.Int {
	if b.Sign() < 0 {
		return big.NewInt(0)
	}
	if b.Cmp(maxBig) > 0 {
		return new(big.Int).Set(maxBig)
	}
	return b
}

func randU(r *rand.Rand) Uint128 {
	switch r.IntN(4) {
	case 0:
		return From64(r.Uint64N(1000))
	case 1:
		return From64(r.Uint64())
	case 2:
		return Pow2(r.IntN(129))
	}
	return Uint128{Hi: r.Uint64(), Lo: r.Uint64()}
}

// TestAgainstBig checks every operation against math/big with saturation.
func TestAgainstBig(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		a, b := randU(r), randU(r)
		v := r.Uint64N(1 << 40)
		if r.IntN(2) == 0 {
			v = r.Uint64()
		}
		ab, bb, vb := toBig(a), toBig(b), new(big.Int).SetUint64(v)
		check := func(op string, got Uint128, want *big.Int) {
			t.Helper()
			if toBig(got).Cmp(clamp(want)) != 0 {
				t.Fatalf("%s(%v, %v, %d) = %v, want %v", op, a, b, v, got, clamp(want))
			}
		}
		check("Add", a.Add(b), new(big.Int).Add(ab, bb))
		check("Sub", a.Sub(b), new(big.Int).Sub(ab, bb))
		check("Mul64", a.Mul64(v), new(big.Int).Mul(ab, vb))
		if v != 0 {
			q, rem := a.DivMod64(v)
			wq, wr := new(big.Int).QuoRem(ab, vb, new(big.Int))
			check("DivMod64", q, wq)
			if rem != wr.Uint64() {
				t.Fatalf("DivMod64(%v, %d) rem = %d, want %d", a, v, rem, wr)
			}
		}
		if got, want := a.Cmp(b), ab.Cmp(bb); got != want {
			t.Fatalf("Cmp(%v, %v) = %d, want %d", a, b, got, want)
		}
		if got, want := a.String(), ab.String(); got != want {
			t.Fatalf("String = %s, want %s", got, want)
		}
		if got, want := a.BitLen(), ab.BitLen(); got != want {
			t.Fatalf("BitLen(%v) = %d, want %d", a, got, want)
		}
	}
}

func TestEdges(t *testing.T) {
	tests := []struct {
		name string
		got  Uint128
		want string
	}{
		{"ipv6 slash 64", PrefixSize(128, 64), "18446744073709551616"},
		{"ipv4 slash 0", PrefixSize(32, 0), "4294967296"},
		{"ipv6 slash 0 saturates", PrefixSize(128, 0), "340282366920938463463374607431768211455"},
		{"negative pow", Pow2(-1), "0"},
		{"negative int", FromInt(-3), "0"},
		{"div by zero", func() Uint128 { q, _ := From64(7).DivMod64(0); return q }(), Max.String()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.got.String(); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

func TestGrouped(t *testing.T) {
	tests := []struct {
		name string
		in   Uint128
		want string
	}{
		{"zero", Uint128{}, "0"},
		{"three digits", From64(999), "999"},
		{"four digits", From64(1581), "1,581"},
		{"six digits", From64(262144), "262,144"},
		{"seven digits", From64(1048576), "1,048,576"},
		{"ipv6 slash 64", Pow2(64), "18,446,744,073,709,551,616"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.in.Grouped(); got != tc.want {
				t.Errorf("Grouped(%s) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}
