package sizing

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"
)

// counts is a record of counts as callers embed them.
type counts struct {
	Zero  Count `json:"zero" yaml:"zero"`
	Small Count `json:"small" yaml:"small"`
	Max64 Count `json:"max64" yaml:"max64"`
	Slash Count `json:"slash64" yaml:"slash64"`
	Max   Count `json:"max" yaml:"max"`
}

var someCounts = counts{
	Small: CountFrom64(1581),
	Max64: MustParseCount(max64),
	Slash: MustParseCount(two64),
	Max:   MustParseCount(maxCount),
}

func TestCountJSON(t *testing.T) {
	b, err := json.Marshal(someCounts)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"zero":0,"small":1581,"max64":` + max64 + `,"slash64":` + two64 + `,"max":` + maxCount + `}`
	if diff := cmp.Diff(want, string(b)); diff != "" {
		t.Errorf("json.Marshal (-want +got)\n%s", diff)
	}
	var back counts
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(someCounts, back, cmpOpts); diff != "" {
		t.Errorf("json round trip (-want +got)\n%s", diff)
	}
	// A reader that keeps numbers exact sees every digit.
	var generic map[string]json.Number
	if err := json.Unmarshal(b, &generic); err != nil {
		t.Fatal(err)
	}
	if got := generic["slash64"].String(); got != two64 {
		t.Errorf("slash64 as a json.Number = %s, want %s", got, two64)
	}
}

func TestCountUnmarshalJSON(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Count
		wantErr error
	}{
		{"number", `1581`, CountFrom64(1581), nil},
		{"large number", two64, countPow2(64), nil},
		{"string of digits", `"` + two64 + `"`, countPow2(64), nil},
		{"null leaves the value", `null`, CountFrom64(7), nil},
		{"negative", `-1`, CountFrom64(7), ErrCount},
		{"fraction", `1.5`, CountFrom64(7), ErrCount},
		{"exponent", `1e3`, CountFrom64(7), ErrCount},
		{"grouped string", `"1,581"`, CountFrom64(7), ErrCount},
		{"empty string", `""`, CountFrom64(7), ErrCount},
		{"too large", `"1` + maxCount + `"`, CountFrom64(7), ErrCount},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := CountFrom64(7)
			err := json.Unmarshal([]byte(tc.in), &got)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("json.Unmarshal(%s) error = %v, want %v", tc.in, err, tc.wantErr)
			}
			if got != tc.want {
				t.Errorf("json.Unmarshal(%s) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

func TestCountYAML(t *testing.T) {
	b, err := yaml.Marshal(someCounts)
	if err != nil {
		t.Fatal(err)
	}
	// Plain integers, untagged and unquoted, at every size.
	want := "zero: 0\nsmall: 1581\nmax64: " + max64 + "\nslash64: " + two64 + "\nmax: " + maxCount + "\n"
	if diff := cmp.Diff(want, string(b)); diff != "" {
		t.Errorf("yaml.Marshal (-want +got)\n%s", diff)
	}
	var back counts
	if err := yaml.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(someCounts, back, cmpOpts); diff != "" {
		t.Errorf("yaml round trip (-want +got)\n%s", diff)
	}
}

func TestCountUnmarshalYAML(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Count
		wantErr error
	}{
		{"integer", "n: 1581\n", CountFrom64(1581), nil},
		{"beyond 2^64", "n: " + two64 + "\n", countPow2(64), nil},
		{"tagged integer", "n: !!int " + two64 + "\n", countPow2(64), nil},
		{"quoted digits", "n: \"" + two64 + "\"\n", countPow2(64), nil},
		{"null leaves the value", "n: null\n", CountFrom64(7), nil},
		{"negative", "n: -1\n", CountFrom64(7), ErrCount},
		{"hex", "n: 0x10\n", CountFrom64(7), ErrCount},
		{"underscore", "n: 1_000\n", CountFrom64(7), ErrCount},
		{"float", "n: 1e3\n", CountFrom64(7), ErrCount},
		{"sequence", "n: [1]\n", CountFrom64(7), ErrCount},
		{"mapping", "n: {a: 1}\n", CountFrom64(7), ErrCount},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := struct{ N Count }{CountFrom64(7)}
			err := yaml.Unmarshal([]byte(tc.in), &got)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("yaml.Unmarshal(%q) error = %v, want %v", tc.in, err, tc.wantErr)
			}
			if got.N != tc.want {
				t.Errorf("yaml.Unmarshal(%q) = %v, want %v", tc.in, got.N, tc.want)
			}
		})
	}
}

func TestCountText(t *testing.T) {
	m := map[Count]string{MustParseCount(two64): "slash 64"}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"` + two64 + `":"slash 64"}`; string(b) != want {
		t.Errorf("json.Marshal of a map keyed by Count = %s, want %s", b, want)
	}
	var back map[Count]string
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(m, back, cmpOpts); diff != "" {
		t.Errorf("text round trip (-want +got)\n%s", diff)
	}
}
