package ipam

import (
	"encoding/json"
	"fmt"
	"strings"
)

// FixValue is one value a finding's fix proposes: Field is the plan field
// it goes to, spelled as Finding.Field spells paths
// (clusters[prod].networkProfile.serviceCidr,
// vnets[hub].subnets[aks].addressPrefixes, which a prefix replaces whole),
// and Value the value as a plan file writes it (10.0.0.0/16, 10.0.0.10).
type FixValue struct {
	Field string `json:"field"`
	Value string `json:"value"`
}

// FixValues are the values a fix proposes, in the order its words name
// them: what a script sets instead of reading Finding.Fix. The zero
// FixValues proposes none. A FixValues is an immutable, comparable value,
// so that Finding stays comparable with ==; build one with [FixValuesOf],
// read it with [FixValues.All]. In JSON it is an array of {"field",
// "value"} objects.
type FixValues struct {
	enc string // the JSON array; "" for none
}

// FixValuesOf returns the FixValues holding vs in order; none for no vs.
func FixValuesOf(vs ...FixValue) FixValues {
	if len(vs) == 0 {
		return FixValues{}
	}
	b, _ := json.Marshal(vs) // strings only: no error
	return FixValues{enc: string(b)}
}

// All returns the values, in order, in a new slice; nil for none.
func (fv FixValues) All() []FixValue {
	if fv.enc == "" {
		return nil
	}
	var vs []FixValue
	_ = json.Unmarshal([]byte(fv.enc), &vs) // written by FixValuesOf or checked by UnmarshalJSON
	return vs
}

// Equal reports whether fv and o propose the same values in the same
// order (go-cmp compares FixValues with it).
func (fv FixValues) Equal(o FixValues) bool { return fv == o }

// String writes the values as "field=value", comma-separated: "" for
// none.
func (fv FixValues) String() string {
	var b strings.Builder
	for i, v := range fv.All() {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(v.Field + "=" + v.Value)
	}
	return b.String()
}

// IsZero reports whether fv proposes no value.
func (fv FixValues) IsZero() bool { return fv.enc == "" }

// MarshalJSON writes fv as a JSON array of {"field", "value"}; [] for
// none (Finding omits the key then).
func (fv FixValues) MarshalJSON() ([]byte, error) {
	if fv.enc == "" {
		return []byte("[]"), nil
	}
	return []byte(fv.enc), nil
}

// UnmarshalJSON reads what MarshalJSON writes; null or [] is none. Any
// other shape is an error wrapping ErrInvalidValue.
func (fv *FixValues) UnmarshalJSON(b []byte) error {
	var vs []FixValue
	if err := json.Unmarshal(b, &vs); err != nil {
		return fmt.Errorf("ipam: fixValues: %w: %v", ErrInvalidValue, err)
	}
	*fv = FixValuesOf(vs...)
	return nil
}

// fix is a fix's words and the values they propose, built together so
// that a finding's Fix and FixValues cannot disagree: whoever words a
// proposed value also records it.
type fix struct {
	words  string
	values []FixValue
}

// fixText is a fix that proposes no value.
func fixText(words string) fix { return fix{words: words} }

// proposed is the fix whose words are value, proposed for field.
func proposed(field, value string) fix {
	return fix{words: value, values: []FixValue{{Field: field, Value: value}}}
}

// and returns f followed by sep and g: both words, both values.
func (f fix) and(sep string, g fix) fix {
	return fix{words: f.words + sep + g.words, values: append(append([]FixValue(nil), f.values...), g.values...)}
}

// around returns f with words before and after its own, proposing the
// same values.
func (f fix) around(before, after string) fix {
	f.words = before + f.words + after
	return f
}

// apply sets f's words and values on finding g.
func (f fix) apply(g *Finding) {
	g.Fix, g.FixValues = f.words, FixValuesOf(f.values...)
}
