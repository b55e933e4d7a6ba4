package planfile

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

type wantErr struct {
	Line int
	Path string
	Is   error
}

// parseErrors returns the errors joined in err as (line, path, sentinel).
func parseErrors(t *testing.T, err error, sentinels ...error) []wantErr {
	t.Helper()
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	var out []wantErr
	for _, e := range errs {
		pe, ok := e.(*ipam.ParseError)
		if !ok {
			t.Fatalf("%T is not a *ipam.ParseError: %v", e, e)
		}
		got := wantErr{Line: pe.Line, Path: pe.Path}
		for _, s := range sentinels {
			if errors.Is(e, s) {
				got.Is = s
			}
		}
		out = append(out, got)
	}
	return out
}

// Parse reports every independent mistake of a plan at once, in file
// order, each with its line and path.
func TestParseEveryError(t *testing.T) {
	sentinels := []error{ipam.ErrSyntax, ipam.ErrUnknownField, ipam.ErrInvalidValue, ipam.ErrInvalidPrefix, ipam.ErrHostBits}
	tests := []struct {
		name, doc string
		want      []wantErr
	}{
		{"three mistakes", `vnets:
  - name: hub
    addressSpace: [10.0.0.1/16]
clusters:
  - name: a
    networkProfile:
      serviceCidr: 10.2.0.0/33
    agentPoolProfiles:
      - name: sys
        count: three
        vnetSubent: hub/aks
`, []wantErr{
			{3, "vnets[hub].addressSpace[0]", ipam.ErrHostBits},
			{7, "clusters[a].networkProfile.serviceCidr", ipam.ErrInvalidPrefix},
			{10, "clusters[a].agentPoolProfiles[sys].count", ipam.ErrInvalidValue},
			{11, "clusters[a].agentPoolProfiles[sys].vnetSubent", ipam.ErrUnknownField},
		}},
		{"json", `{"vnets": [{"name": "hub", "addressSpace": ["10.0.0.0/8", "x"]}],
 "clusters": [{"name": "a", "production": "yes"}], "extra": 1}`, []wantErr{
			{1, "vnets[hub].addressSpace[1]", ipam.ErrInvalidPrefix},
			{2, "clusters[a].production", ipam.ErrInvalidValue},
			{2, "extra", ipam.ErrUnknownField},
		}},
		{"a repeated key and what follows", "name: a\nname: b\nvnets: 3\n", []wantErr{
			{2, "name", ipam.ErrSyntax},
			{3, "vnets", ipam.ErrInvalidValue},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.doc), "p.yaml")
			if diff := cmp.Diff(tt.want, parseErrors(t, err, sentinels...), cmpopts.EquateErrors()); diff != "" {
				t.Errorf("errors (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}

// More mistakes than ipam.MaxInputErrors: the first ipam.MaxInputErrors are reported.
func TestParseErrorCap(t *testing.T) {
	var b strings.Builder
	b.WriteString("vnets:\n")
	for i := range ipam.MaxInputErrors + 10 {
		fmt.Fprintf(&b, "  - name: v%d\n    addressSpace: [10.0.0.1/16]\n", i)
	}
	_, err := Parse([]byte(b.String()), "p.yaml")
	got := parseErrors(t, err, ipam.ErrHostBits)
	if len(got) != ipam.MaxInputErrors {
		t.Fatalf("%d errors, want %d", len(got), ipam.MaxInputErrors)
	}
	if got[0].Line != 3 || got[ipam.MaxInputErrors-1].Line != 2*ipam.MaxInputErrors+1 {
		t.Errorf("first error on line %d, last on %d; want 3 and %d", got[0].Line, got[ipam.MaxInputErrors-1].Line, 2*ipam.MaxInputErrors+1)
	}
}
