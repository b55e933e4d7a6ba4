package ipam

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Severity ranks a finding. The zero value is SeverityInfo. Severities order
// by importance: SeverityError > SeverityWarning > SeverityInfo.
type Severity int8

// Severities.
const (
	SeverityInfo Severity = iota
	SeverityWarning
	SeverityError
)

// String returns "info", "warning" or "error".
func (s Severity) String() string {
	switch s {
	case SeverityInfo:
		return "info"
	case SeverityWarning:
		return "warning"
	case SeverityError:
		return "error"
	}
	return fmt.Sprintf("Severity(%d)", int8(s))
}

// MarshalText returns the String form; unknown severities are an error.
func (s Severity) MarshalText() ([]byte, error) {
	if s < SeverityInfo || s > SeverityError {
		return nil, fmt.Errorf("ipam: severity %d: %w", int8(s), ErrInvalidValue)
	}
	return []byte(s.String()), nil
}

// UnmarshalText accepts "info", "warning" and "error".
func (s *Severity) UnmarshalText(b []byte) error {
	for v := SeverityInfo; v <= SeverityError; v++ {
		if string(b) == v.String() {
			*s = v
			return nil
		}
	}
	return &EnumError{Key: "severity", Value: string(b), Allowed: []string{"info", "warning", "error"}}
}

// Finding is one problem or advisory found in a plan.
type Finding struct {
	Severity Severity `json:"severity"`
	// Code is stable: AKS's own error code where AKS has one; every code is
	// in the registry of [Codes].
	Code Code `json:"code"`
	// Field is the AKS-style path of the value concerned, prefixed with its
	// owner, e.g. clusters[prod].networkProfile.serviceCidr or
	// vnets[hub].subnets[aks].addressPrefixes[0].
	Field string `json:"field,omitzero"`
	// Message states the problem with the values involved.
	Message string `json:"message"`
	// Fix suggests a remedy; set for every error.
	Fix string `json:"fix,omitzero"`
	// FixValues are the values Fix proposes, where it proposes values a
	// script can set (a free service or pod CIDR, a DNS service IP, a
	// subnet prefix): the same values its words name. Zero when the fix
	// names none.
	FixValues FixValues `json:"fixValues,omitzero"`
}

// String formats f on one line: "error Code field: message (fix: ...)".
func (f Finding) String() string {
	s := f.Severity.String() + " " + string(f.Code)
	if f.Field != "" {
		s += " " + f.Field
	}
	s += ": " + f.Message
	if f.Fix != "" {
		s += " (fix: " + f.Fix + ")"
	}
	return s
}

// Findings is a list of findings in the deterministic order of [Findings.Sort].
type Findings []Finding

// String formats fs one finding per line.
func (fs Findings) String() string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// MarshalJSON writes fs as a JSON array; no findings is [] rather than null.
func (fs Findings) MarshalJSON() ([]byte, error) {
	if fs == nil {
		return []byte("[]"), nil
	}
	return json.Marshal([]Finding(fs))
}

// HasErrors reports whether any finding is an error.
func (fs Findings) HasErrors() bool {
	return slices.ContainsFunc(fs, func(f Finding) bool { return f.Severity == SeverityError })
}

// Filter returns the findings of severity sev, in order.
func (fs Findings) Filter(sev Severity) Findings {
	var out Findings
	for _, f := range fs {
		if f.Severity == sev {
			out = append(out, f)
		}
	}
	return out
}

// Codes returns the codes of fs, in order; handy in tests.
func (fs Findings) Codes() []Code {
	out := make([]Code, len(fs))
	for i, f := range fs {
		out[i] = f.Code
	}
	return out
}

// Sort orders fs by severity (errors first), then field, code, message and
// fix, so that output is the same for the same plan.
func (fs Findings) Sort() {
	slices.SortStableFunc(fs, compareFindings)
}

func compareFindings(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(b.Severity, a.Severity),
		cmp.Compare(a.Field, b.Field),
		cmp.Compare(a.Code, b.Code),
		cmp.Compare(a.Message, b.Message),
		cmp.Compare(a.Fix, b.Fix),
		cmp.Compare(a.FixValues.enc, b.FixValues.enc),
	)
}
