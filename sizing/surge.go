package sizing

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
)

// maxSurgeCount bounds a surge given as a node count: no pool may exceed
// MaxPoolNodes including its surge, so a larger count can never be valid.
const maxSurgeCount = MaxPoolNodes

// Surge is an AKS maxSurge or maxUnavailable value: a node count ("1") or a
// percent of the pool's nodes ("10%"), rounded up when applied.
//
// The zero Surge is unset: the field was not given, and a default applies
// (Defaults.MaxSurge for maxSurge, 0 for maxUnavailable). A set Surge is
// always valid, because ParseSurge is the only way to make one. Surge is
// comparable with ==.
type Surge struct {
	n       int
	percent bool
	set     bool
}

// ParseSurge parses "N" (a node count, 0 ≤ N ≤ 1000) or "P%" (0 ≤ P ≤ 100).
// Signs, spaces, fractions and anything else are rejected with ErrSurge.
func ParseSurge(s string) (Surge, error) {
	digits, percent := strings.CutSuffix(s, "%")
	bad := func(detail string) (Surge, error) {
		return Surge{}, &Error{Field: "surge", Value: s, Err: ErrSurge, Detail: detail}
	}
	if digits == "" || len(digits) > 4 {
		return bad(`want a node count like "1" or a percent like "10%"`)
	}
	for _, c := range []byte(digits) {
		if c < '0' || c > '9' {
			return bad(`want a node count like "1" or a percent like "10%"`)
		}
	}
	n, _ := strconv.Atoi(digits) // at most 4 digits: cannot fail
	switch {
	case percent && n > 100:
		return bad("percent above 100%")
	case !percent && n > maxSurgeCount:
		return bad("more than 1000 nodes")
	}
	return Surge{n: n, percent: percent, set: true}, nil
}

// MustParseSurge is ParseSurge that panics on error, for tests and constants.
func MustParseSurge(s string) Surge {
	v, err := ParseSurge(s)
	if err != nil {
		panic(err)
	}
	return v
}

// IsZero reports whether s is unset.
func (s Surge) IsZero() bool { return !s.set }

// IsPercent reports whether s is a percent of the pool.
func (s Surge) IsPercent() bool { return s.percent }

// Value returns the count or the percent, without the sign; 0 when unset.
func (s Surge) Value() int { return s.n }

// Nodes returns the nodes s amounts to for a pool of the given size: the
// count itself, or ceil(percent × nodes / 100), and never more than the
// pool's nodes: "If the max surge value is higher than the required number
// of nodes to be upgraded, the number of nodes to be upgraded is used"
// (articles/aks/upgrade-aks-node-pools-rolling.md), so a pool of 2 with
// maxSurge 10 surges 2. Unset surges and pools of 0 or fewer nodes give 0.
func (s Surge) Nodes(poolNodes int) int {
	if poolNodes <= 0 {
		return 0
	}
	if !s.percent {
		return min(s.n, poolNodes)
	}
	// Split poolNodes so that no product can overflow an int.
	q, r := poolNodes/100, poolNodes%100
	return q*s.n + (r*s.n+99)/100
}

// String returns s as AKS writes it ("1", "10%"); "" when unset.
func (s Surge) String() string {
	if !s.set {
		return ""
	}
	v := strconv.Itoa(s.n)
	if s.percent {
		v += "%"
	}
	return v
}

// MarshalText implements encoding.TextMarshaler.
func (s Surge) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseSurge.
func (s *Surge) UnmarshalText(b []byte) error {
	v, err := ParseSurge(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// UnmarshalJSON accepts a JSON string ("10%", "1", as the AKS API writes it)
// or a bare JSON integer (1).
func (s *Surge) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		var str string
		if err := json.Unmarshal(b, &str); err != nil {
			return err
		}
		return s.UnmarshalText([]byte(str))
	}
	return s.UnmarshalText(bytes.TrimSpace(b))
}
