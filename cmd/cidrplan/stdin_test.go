package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A PLAN of "-" reads standard input, with the same output as the file.
func TestPlanFromStdin(t *testing.T) {
	const plan = "../../examples/plans/classic-cni.yaml"
	data, err := os.ReadFile(plan)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		fromFile []string
		fromIn   []string
	}{
		{"check", []string{"check", plan, "-o", "json"}, []string{"check", "-", "-o", "json"}},
		{"complete", []string{"complete", plan}, []string{"complete", "-"}},
		{"alloc --plan", []string{"alloc", "--plan", plan, "--within", "10.250.0.0/16", "--prefix-length", "24"},
			[]string{"alloc", "--plan", "-", "--within", "10.250.0.0/16", "--prefix-length", "24"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantOut, wantErr, wantCode := cli(t, tt.fromFile...)
			var out, errb bytes.Buffer
			code := runIO(tt.fromIn, bytes.NewReader(data), &out, &errb)
			if diff := cmp.Diff(wantCode, code); diff != "" {
				t.Errorf("exit (-file +stdin):\n%s\nstderr: %q", diff, errb.String())
			}
			if diff := cmp.Diff(wantOut, out.String()); diff != "" {
				t.Errorf("stdout (-file +stdin):\n%s", diff)
			}
			if diff := cmp.Diff(wantErr, strings.ReplaceAll(errb.String(), "stdin", plan)); diff != "" {
				t.Errorf("stderr (-file +stdin):\n%s", diff)
			}
		})
	}
}

func TestPlanFromStdinErrors(t *testing.T) {
	tests := []struct {
		name, in string
		wantErr  string
	}{
		{"empty input", "", "cidrplan check: stdin: "},
		{"malformed YAML names the line", "vnets:\n  - name: [\n", "cidrplan check: stdin:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := runIO([]string{"check", "-"}, strings.NewReader(tt.in), &out, &errb)
			if code != exitUsage || !strings.HasPrefix(errb.String(), tt.wantErr) || strings.Count(errb.String(), "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want exit 2 and one line starting %q", code, errb.String(), tt.wantErr)
			}
			if strings.Contains(errb.String(), "no such file") {
				t.Errorf("stderr %q treats - as a file name", errb.String())
			}
		})
	}
}
