package cidr_test

import (
	"errors"
	"testing"

	"github.com/cidrplan/cidrplan/cidr"
	"github.com/google/go-cmp/cmp"
)

func TestInputTooLargeError(t *testing.T) {
	tests := []struct {
		name string
		err  *cidr.InputTooLargeError
		want string
	}{
		{"file", &cidr.InputTooLargeError{Name: "plan.json", Limit: cidr.DefaultMaxInputSize}, "plan.json: input too large (more than 268435456 bytes)"},
		{"stdin", &cidr.InputTooLargeError{Name: "stdin", Limit: 1}, "stdin: input too large (more than 1 bytes)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := []string{tt.err.Error(), tt.err.Message()}
			if diff := cmp.Diff([]string{tt.want, tt.want}, got); diff != "" {
				t.Errorf("Error, Message (-want +got)\n%s", diff)
			}
			if !errors.Is(tt.err, cidr.ErrInputTooLarge) {
				t.Errorf("%v does not match ErrInputTooLarge", tt.err)
			}
		})
	}
}
