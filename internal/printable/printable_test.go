package printable

import "testing"

func TestProblem(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"plain", "aks-nodes", ""},
		{"empty", "", ""},
		{"non-ASCII letters", "café", ""},
		{"escape", "c\x1b[31m", "control character U+001B"},
		{"newline", "hub\nx", "control character U+000A"},
		{"bidi override", "s\u202eevil", "formatting character U+202E"},
		{"invalid UTF-8", "a\xff", "invalid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Problem(tt.in); got != tt.want {
				t.Errorf("Problem(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
