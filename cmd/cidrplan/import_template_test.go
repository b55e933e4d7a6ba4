package main

import "testing"

// TestARM runs import and check end to end on an ARM template with a
// deployment parameters file (the VNet, its subnet declared as a child
// resource, the cluster and a pool declared as a child resource, joined by
// resourceId), and on a template whose expressions fall outside what is
// evaluated: one line each, where written, exit status 2.
func TestARM(t *testing.T) {
	const (
		template   = "../../examples/exports/arm/main.json"
		parameters = "../../examples/exports/arm/main.parameters.json"
	)
	tests := []struct {
		name     string
		args     []string
		wantCode int
	}{
		{"import-arm", []string{"import", "--arm", template, "--parameters", parameters}, exitOK},
		{"check-arm", []string{"check", "--arm", template, "--parameters", parameters}, exitOK},
		{"check-arm-defaults", []string{"check", "--arm", template}, exitOK},
		{"check-arm-unsupported", []string{"check", "--arm", "testdata/arm-unsupported.json"}, exitUsage},
		{"check-arm-parameters-alone", []string{"check", "--parameters", parameters}, exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := cli(t, tt.args...)
			if code != tt.wantCode {
				t.Fatalf("exit status %d, want %d; stderr:\n%s", code, tt.wantCode, stderr)
			}
			golden(t, tt.name, stdout+stderr)
		})
	}
}
