package tree

import (
	"strings"
	"testing"
)

func TestBicepString(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "aks-nodes", `'aks-nodes'`},
		{"quote and backslash", `it's a\b`, `'it\'s a\\b'`},
		{"interpolation", "${x} $y", `'\${x} \$y'`},
		{"control", "a\nb\tc\x01", `'a\nb\tc\u{1}'`},
		{"non-ASCII", "é", `'é'`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := BicepString(tt.in); got != tt.want {
				t.Errorf("BicepString(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestARMLiteral(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "aks", "aks"},
		{"expression-like", "[x]", "[[x]"},
		{"bracket only at start", "[x", "[x"},
		{"bracket only at end", "x]", "x]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ARMLiteral(tt.in); got != tt.want {
				t.Errorf("ARMLiteral(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	if got := ARMQuote("it's"); got != "'it''s'" {
		t.Errorf("ARMQuote = %s", got)
	}
}

func TestPrinters(t *testing.T) {
	v := Object{
		{"name", String("[a<b>]")},
		{"n", Int(3)},
		{"on", Bool(true)},
		{"ref", Expr("x.id")},
		{"list", Strings([]string{"p"})},
		{"empty", Array{}},
	}
	var b strings.Builder
	Bicep(&b, v, 0)
	wantBicep := "{\n  name: '[a<b>]'\n  n: 3\n  on: true\n  ref: x.id\n  list: [\n    'p'\n  ]\n  empty: []\n}"
	if b.String() != wantBicep {
		t.Errorf("Bicep =\n%s\nwant\n%s", b.String(), wantBicep)
	}
	wantJSON := "{\n  \"name\": \"[[a<b>]\",\n  \"n\": 3,\n  \"on\": true,\n  \"ref\": \"x.id\",\n  \"list\": [\n    \"p\"\n  ],\n  \"empty\": []\n}\n"
	if got := string(JSON(v)); got != wantJSON {
		t.Errorf("JSON =\n%s\nwant\n%s", got, wantJSON)
	}
}
