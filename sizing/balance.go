package sizing

import (
	"encoding/json"
	"reflect"
)

// Balance is a signed count of addresses: what a range has left over its
// demand, negative when the demand does not fit. It is exact from
// −(2^128−1) to 2^128−1, like Count, which it extends with a sign.
//
// The zero Balance is 0. Balances are immutable values, comparable with ==
// (there is no negative zero) and safe to share between goroutines. They
// encode as exact decimal integers with a leading minus sign when negative:
// a JSON number (-48), never a float or a string.
type Balance struct {
	abs Count
	neg bool
}

// BalanceOf returns have − need, negative when need is larger.
func BalanceOf(have, need Count) Balance {
	if have.Less(need) {
		return Balance{abs: need.Sub(have), neg: true}
	}
	return Balance{abs: have.Sub(need)}
}

// IsNegative reports whether b is below 0: the demand does not fit.
func (b Balance) IsNegative() bool { return b.neg }

// Abs returns the magnitude of b.
func (b Balance) Abs() Count { return b.abs }

// String returns b in decimal digits, with a leading "-" when negative.
func (b Balance) String() string { return b.sign() + b.abs.String() }

// Grouped returns b as Count.Grouped does, with a leading "-" when
// negative ("-1,024"), for output people read.
func (b Balance) Grouped() string { return b.sign() + b.abs.Grouped() }

func (b Balance) sign() string {
	if b.neg {
		return "-"
	}
	return ""
}

// MarshalText implements encoding.TextMarshaler: b as String writes it.
func (b Balance) MarshalText() ([]byte, error) { return []byte(b.String()), nil }

// MarshalJSON writes b as a JSON number with all its digits and its sign.
func (b Balance) MarshalJSON() ([]byte, error) { return []byte(b.String()), nil }

// UnmarshalJSON reads a JSON number of decimal digits with an optional
// leading minus sign, with ParseCount's rules for the digits.
func (b *Balance) UnmarshalJSON(data []byte) error {
	if len(data) > 0 && data[0] == '"' {
		return &json.UnmarshalTypeError{Value: "string", Type: reflect.TypeFor[Balance]()}
	}
	var n json.Number
	if err := json.Unmarshal(data, &n); err != nil {
		return err
	}
	s, neg := string(n), false
	if len(s) > 0 && s[0] == '-' {
		s, neg = s[1:], true
	}
	c, err := ParseCount(s)
	if err != nil {
		return err
	}
	*b = Balance{abs: c, neg: neg && !c.IsZero()}
	return nil
}
