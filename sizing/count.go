package sizing

import (
	"net/netip"

	"github.com/cidrplan/cidrplan/internal/u128"
)

// maxCountText is 2^128−1, the largest Count, in decimal: ParseCount
// compares digit strings of this length against it to reject overflow.
const maxCountText = "340282366920938463463374607431768211455"

// Count is a number of addresses, exact from 0 to 2^128−1. An IPv6 /64
// holds 2^64 addresses, one more than a uint64 can count; a Count holds it,
// and any demand of thousands of /80s, without rounding.
//
// The zero Count is 0. Counts are immutable values, comparable with == and
// safe to share between goroutines. Arithmetic never wraps: a sum or product
// above 2^128−1 saturates there, and a difference below 0 is 0. The one count
// that does not fit is the whole IPv6 space (::/0, 2^128 addresses), which
// PrefixCount reports as 2^128−1; no real demand comes within 2^64 of it, so
// comparisons against it stay exact.
//
// Counts encode as exact decimal integers: a JSON number or a YAML integer
// (18446744073709551616 for an IPv6 /64, never a float), and decimal text.
type Count struct {
	u u128.Uint128
}

// CountFrom64 returns v as a Count.
func CountFrom64(v uint64) Count { return Count{u128.From64(v)} }

// CountFromInt returns n as a Count; a negative n gives 0, as Sub does below
// zero.
func CountFromInt(n int) Count { return Count{u128.FromInt(n)} }

// PrefixCount returns the number of addresses in p: 256 for a /24, 2^64 for
// an IPv6 /64. The whole IPv6 space ::/0 gives 2^128−1 (see Count); an
// invalid prefix gives 0. Host bits do not matter.
func PrefixCount(p netip.Prefix) Count {
	if !p.IsValid() {
		return Count{}
	}
	return Count{u128.PrefixSize(p.Addr().BitLen(), p.Bits())}
}

// countPow2 returns 2^n (0 for n < 0, saturating from n = 128).
func countPow2(n int) Count { return Count{u128.Pow2(n)} }

// ParseCount parses a count in decimal digits, as String writes it. It
// rejects, with an *Error wrapping ErrCount, an empty string, signs, spaces,
// separators, fractions, exponents, leading zeros ("007") and values above
// 2^128−1.
func ParseCount(s string) (Count, error) {
	bad := func(detail string) (Count, error) {
		return Count{}, &Error{Field: "count", Value: s, Err: ErrCount, Detail: detail}
	}
	if s == "" {
		return bad("want decimal digits")
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return bad("want decimal digits")
		}
	}
	switch {
	case len(s) > 1 && s[0] == '0':
		return bad("leading zero")
	case len(s) > len(maxCountText) || len(s) == len(maxCountText) && s > maxCountText:
		return bad("above 2^128−1")
	}
	var u u128.Uint128
	for _, c := range []byte(s) {
		u = u.Mul64(10).Add64(uint64(c - '0')) // bounded above: cannot saturate
	}
	return Count{u}, nil
}

// MustParseCount is ParseCount that panics on error, for tests and constants.
func MustParseCount(s string) Count {
	c, err := ParseCount(s)
	if err != nil {
		panic(err)
	}
	return c
}

// IsZero reports whether c is 0.
func (c Count) IsZero() bool { return c.u.IsZero() }

// Compare returns -1, 0 or +1 as c is less than, equal to or greater than d.
func (c Count) Compare(d Count) int { return c.u.Cmp(d.u) }

// Less reports whether c < d.
func (c Count) Less(d Count) bool { return c.u.Less(d.u) }

// Add returns c+d, saturating at 2^128−1.
func (c Count) Add(d Count) Count { return Count{c.u.Add(d.u)} }

// Sub returns c−d, or 0 when d > c: a count is never negative, so "what is
// left" of a range smaller than its demand is nothing.
func (c Count) Sub(d Count) Count { return Count{c.u.Sub(d.u)} }

// Mul64 returns c×v, saturating at 2^128−1.
func (c Count) Mul64(v uint64) Count { return Count{c.u.Mul64(v)} }

// Uint64 returns c as a uint64 and reports whether it fits; when it does not
// (an IPv6 /64 or larger), it returns the largest uint64 and false.
func (c Count) Uint64() (uint64, bool) { return c.u.Uint64(), c.u.IsUint64() }

// String returns c in decimal digits, exact at any size: "18446744073709551616"
// for an IPv6 /64.
func (c Count) String() string { return c.u.String() }

// Grouped returns c in decimal with a comma between groups of three digits
// ("1,581"), for output people read.
func (c Count) Grouped() string { return c.u.Grouped() }

// grouped writes n grouped in thousands, as Count.Grouped does: 1,000.
func grouped(n int) string {
	if n < 0 {
		return "-" + CountFromInt(-n).Grouped()
	}
	return CountFromInt(n).Grouped()
}
