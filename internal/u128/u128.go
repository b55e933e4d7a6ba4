// Package u128 is a 128-bit unsigned integer for address counts.
//
// An IPv6 /64 holds 2^64 addresses, one more than a uint64 can count, so every
// count of addresses in cidrplan is a Uint128. Arithmetic saturates instead of
// wrapping: a result above 2^128−1 is Max. Only the whole IPv6 space (::/0,
// 2^128 addresses) is reported as Max, one short of its true size; no real
// demand comes within 2^64 of that, so comparisons against it stay exact.
//
// Values are immutable; every operation returns a new Uint128.
package u128

import (
	"math/bits"
	"strconv"
)

// Uint128 is an unsigned 128-bit integer. The zero value is 0.
type Uint128 struct {
	Hi, Lo uint64
}

// Max is 2^128−1, the largest Uint128 and the saturation point of all arithmetic.
var Max = Uint128{Hi: ^uint64(0), Lo: ^uint64(0)}

// From64 returns v as a Uint128.
func From64(v uint64) Uint128 { return Uint128{Lo: v} }

// FromInt returns v as a Uint128; negative values are 0.
func FromInt(v int) Uint128 {
	if v < 0 {
		return Uint128{}
	}
	return Uint128{Lo: uint64(v)}
}

// Pow2 returns 2^n. n < 0 gives 0; n ≥ 128 saturates at Max.
func Pow2(n int) Uint128 {
	switch {
	case n < 0:
		return Uint128{}
	case n >= 128:
		return Max
	case n >= 64:
		return Uint128{Hi: 1 << (n - 64)}
	default:
		return Uint128{Lo: 1 << n}
	}
}

// PrefixSize returns the number of addresses in a prefix of length bits
// in a family of addrBits (32 or 128). ::/0 saturates at Max.
func PrefixSize(addrBits, bits int) Uint128 { return Pow2(addrBits - bits) }

// IsZero reports whether u is 0.
func (u Uint128) IsZero() bool { return u.Hi == 0 && u.Lo == 0 }

// IsUint64 reports whether u fits in a uint64.
func (u Uint128) IsUint64() bool { return u.Hi == 0 }

// Uint64 returns u as a uint64, saturating at the largest uint64.
func (u Uint128) Uint64() uint64 {
	if u.Hi != 0 {
		return ^uint64(0)
	}
	return u.Lo
}

// Cmp returns -1, 0 or +1 as u is less than, equal to or greater than v.
func (u Uint128) Cmp(v Uint128) int {
	switch {
	case u.Hi < v.Hi:
		return -1
	case u.Hi > v.Hi:
		return 1
	case u.Lo < v.Lo:
		return -1
	case u.Lo > v.Lo:
		return 1
	}
	return 0
}

// Less reports whether u < v.
func (u Uint128) Less(v Uint128) bool { return u.Cmp(v) < 0 }

// Add returns u+v, saturating at Max.
func (u Uint128) Add(v Uint128) Uint128 {
	lo, c := bits.Add64(u.Lo, v.Lo, 0)
	hi, c := bits.Add64(u.Hi, v.Hi, c)
	if c != 0 {
		return Max
	}
	return Uint128{Hi: hi, Lo: lo}
}

// Add64 returns u+v, saturating at Max.
func (u Uint128) Add64(v uint64) Uint128 { return u.Add(From64(v)) }

// Sub returns u−v, or 0 when v > u.
func (u Uint128) Sub(v Uint128) Uint128 {
	lo, b := bits.Sub64(u.Lo, v.Lo, 0)
	hi, b := bits.Sub64(u.Hi, v.Hi, b)
	if b != 0 {
		return Uint128{}
	}
	return Uint128{Hi: hi, Lo: lo}
}

// Mul64 returns u×v, saturating at Max.
func (u Uint128) Mul64(v uint64) Uint128 {
	hiHi, hiLo := bits.Mul64(u.Hi, v)
	loHi, lo := bits.Mul64(u.Lo, v)
	hi, c := bits.Add64(hiLo, loHi, 0)
	if hiHi != 0 || c != 0 {
		return Max
	}
	return Uint128{Hi: hi, Lo: lo}
}

// DivMod64 returns u/v and u%v. v == 0 returns (Max, 0): dividing a capacity
// by a zero cost means "unbounded", never a panic.
func (u Uint128) DivMod64(v uint64) (q Uint128, r uint64) {
	if v == 0 {
		return Max, 0
	}
	qHi, rHi := u.Hi/v, u.Hi%v
	qLo, r := bits.Div64(rHi, u.Lo, v)
	return Uint128{Hi: qHi, Lo: qLo}, r
}

// BitLen returns the number of bits needed to represent u; 0 for 0.
func (u Uint128) BitLen() int {
	if u.Hi != 0 {
		return 64 + bits.Len64(u.Hi)
	}
	return bits.Len64(u.Lo)
}

// String returns u in decimal.
func (u Uint128) String() string {
	if u.Hi == 0 {
		return strconv.FormatUint(u.Lo, 10)
	}
	var buf [40]byte
	i := len(buf)
	for !u.IsZero() {
		var r uint64
		u, r = u.DivMod64(10)
		i--
		buf[i] = byte('0' + r)
	}
	return string(buf[i:])
}

// Grouped returns u in decimal with a comma between groups of three digits
// (1,581), for output people read.
func (u Uint128) Grouped() string {
	s := u.String()
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}
