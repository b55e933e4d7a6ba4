package shell

import "testing"

func TestQuote(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"bare", "10.0.0.0/16", "10.0.0.0/16"},
		{"percent", "33%", "33%"},
		{"empty", "", "''"},
		{"space and dollar", "a $b", "'a $b'"},
		{"single quote", "it's", `'it'\''s'`},
		{"backquote", "`x`", "'`x`'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Quote(tt.in); got != tt.want {
				t.Errorf("Quote(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
	if got := Arg("--name", "-x y"); got != "'--name=-x y'" {
		t.Errorf("Arg with a leading hyphen = %s", got)
	}
	if got := Arg("--name", "x"); got != "--name x" {
		t.Errorf("Arg = %s", got)
	}
}
