package ipam

import (
	"errors"
	"fmt"
	"testing"

	"github.com/cidrplan/cidrplan/cidr"
	"github.com/google/go-cmp/cmp"
)

// TestParseErrorMessage checks that a plan file error names the package
// once, with Message the same text without it, for every kind of cause.
func TestParseErrorMessage(t *testing.T) {
	_, hostBits := cidr.ParsePrefix("10.2.0.1/24")
	_, badAddr := cidr.ParseAddr("10.0.0.300")
	tests := []struct {
		name    string
		err     *ParseError
		want    string
		wantErr error
	}{
		{"host bits", &ParseError{File: "plan.yaml", Line: 4, Path: "clusters[0].networkProfile.serviceCidr", Err: hostBits},
			`plan.yaml:4: clusters[0].networkProfile.serviceCidr: prefix "10.2.0.1/24": host bits set (want 10.2.0.0/24) (CidrStringParseError)`, ErrHostBits},
		{"address", &ParseError{File: "plan.yaml", Line: 5, Path: "clusters[0].networkProfile.dnsServiceIP", Err: badAddr},
			`plan.yaml:5: clusters[0].networkProfile.dnsServiceIP: address "10.0.0.300": not an IP address (CidrStringParseError)`, ErrInvalidAddr},
		{"syntax without line", &ParseError{File: "plan.yaml", Err: fmt.Errorf("%w: empty plan", ErrSyntax)},
			`plan.yaml: syntax error: empty plan`, ErrSyntax},
		{"enum", &ParseError{File: "p.json", Line: 2, Path: "clusters[0].networkProfile.networkPlugin",
			Err: &EnumError{Key: "networkPlugin", Value: "x", Allowed: []string{"azure", "kubenet"}}},
			`p.json:2: clusters[0].networkProfile.networkPlugin: networkPlugin "x": want one of azure, kubenet`, ErrInvalidValue},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.err.Message()); diff != "" {
				t.Errorf("Message (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff("ipam: "+tt.want, tt.err.Error()); diff != "" {
				t.Errorf("Error (-want +got):\n%s", diff)
			}
			if !errors.Is(tt.err, tt.wantErr) {
				t.Errorf("error does not match %v", tt.wantErr)
			}
		})
	}
}
