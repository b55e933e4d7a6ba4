package sizing_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/cidrplan/cidrplan/sizing"
)

func TestBalanceOf(t *testing.T) {
	tests := []struct {
		name       string
		have, need sizing.Count
		want       string
		negative   bool
	}{
		{"fits 251 usable 203 needed leaves 48", sizing.CountFromInt(251), sizing.CountFromInt(203), "48", false},
		{"exact fit leaves 0", sizing.CountFromInt(251), sizing.CountFromInt(251), "0", false},
		{"507 usable 558 needed is 51 short", sizing.CountFromInt(507), sizing.CountFromInt(558), "-51", true},
		{"an IPv6 64 over nothing", sizing.MustParseCount("18446744073709551616"), sizing.Count{}, "18446744073709551616", false},
		{"nothing under an IPv6 64", sizing.Count{}, sizing.MustParseCount("18446744073709551616"), "-18446744073709551616", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := sizing.BalanceOf(tt.have, tt.need)
			if got := b.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
			if b.IsNegative() != tt.negative {
				t.Errorf("IsNegative() = %v, want %v", b.IsNegative(), tt.negative)
			}
			js, err := json.Marshal(b)
			if err != nil || string(js) != tt.want {
				t.Fatalf("json.Marshal = %s, %v; want %s", js, err, tt.want)
			}
			var back sizing.Balance
			if err := json.Unmarshal(js, &back); err != nil || back != b {
				t.Errorf("round trip of %s = %v, %v", js, back, err)
			}
		})
	}
}

func TestBalanceGrouped(t *testing.T) {
	if got := sizing.BalanceOf(sizing.CountFromInt(1), sizing.CountFromInt(1025)).Grouped(); got != "-1,024" {
		t.Errorf("Grouped() = %q, want -1,024", got)
	}
}

func TestBalanceUnmarshalRejects(t *testing.T) {
	for _, in := range []string{`"12"`, `1.5`, `-007`, `+3`} {
		var b sizing.Balance
		err := json.Unmarshal([]byte(in), &b)
		if err == nil {
			t.Errorf("Unmarshal(%s) = %v, want an error", in, b)
		}
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		if !errors.Is(err, sizing.ErrCount) && !errors.As(err, &se) && !errors.As(err, &te) {
			t.Errorf("Unmarshal(%s) = %v, want ErrCount or a syntax error", in, err)
		}
	}
}
