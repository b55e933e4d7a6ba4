package jsonyaml

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// record has keys in an order YAML must keep, strings YAML would misread
// unquoted, and a count beyond float64's exact range.
type record struct {
	Name    string   `json:"name"`
	Answer  string   `json:"answer"`
	Surge   string   `json:"surge"`
	Zero    string   `json:"zero"`
	Count   uint64   `json:"count"`
	Ranges  []string `json:"ranges"`
	Empty   []string `json:"empty"`
	Omitted string   `json:"omitted,omitzero"`
}

func TestWrite(t *testing.T) {
	v := record{Name: "a <b>", Answer: "true", Surge: "33%", Zero: "0", Count: 1<<64 - 1, Ranges: []string{"10.0.0.0/8"}}
	tests := []struct {
		name  string
		write func(*bytes.Buffer, any) error
		want  string
	}{
		{"json", func(b *bytes.Buffer, v any) error { return WriteJSON(b, v) }, `{
  "name": "a <b>",
  "answer": "true",
  "surge": "33%",
  "zero": "0",
  "count": 18446744073709551615,
  "ranges": [
    "10.0.0.0/8"
  ],
  "empty": null
}
`},
		{"yaml", func(b *bytes.Buffer, v any) error { return WriteYAML(b, v) }, `name: a <b>
answer: "true"
surge: 33%
zero: "0"
count: 18446744073709551615
ranges:
  - 10.0.0.0/8
empty: null
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.write(&b, v); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, b.String()); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
		})
	}
}
