package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/ipam/planfile"
)

// emitPlans are the bundled plans check accepts.
var emitPlans = []string{"classic-cni", "dual-stack", "hub-spoke", "kubenet-limits", "overlay-cilium", "overlay-windows"}

// TestEmit holds the command and the library together: on every bundled
// plan check accepts, each form prints exactly what the library writes.
func TestEmit(t *testing.T) {
	for _, form := range emitForms(testPool, nil) {
		for _, name := range emitPlans {
			t.Run(form.name+"-"+name, func(t *testing.T) {
				path := "../../examples/plans/" + name + ".yaml"
				args := []string{"emit", form.name, path}
				if form.name == "avnm" {
					args = append(args, "--pool", testPool)
				}
				stdout, stderr, code := cli(t, args...)
				if code != exitOK || stderr != "" {
					t.Fatalf("exit %d, stderr %q", code, stderr)
				}
				p, err := planfile.Load(path)
				if err != nil {
					t.Fatal(err)
				}
				want, err := form.marshal(p, emit.Options{})
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(string(want), stdout); diff != "" {
					t.Errorf("stdout differs from the library's output (-library +cli):\n%s", diff)
				}
			})
		}
	}
}

const testPool = "/subscriptions/sub1/resourceGroups/net-rg/providers/Microsoft.Network/networkManagers/nm/ipamPools/corp"

func TestEmitOut(t *testing.T) {
	for _, form := range emitForms(testPool, nil) {
		t.Run(form.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "deploy")
			args := []string{"emit", form.name, "../../examples/plans/classic-cni.yaml"}
			if form.name == "avnm" {
				args = append(args, "--pool", testPool)
			}
			stdout, stderr, code := cli(t, append(args, "--out", dir)...)
			if code != exitOK || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			path := filepath.Join(dir, form.file)
			if want := "wrote " + path + "\n"; stdout != want {
				t.Errorf("stdout = %q, want %q", stdout, want)
			}
			info, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if info.Mode().Perm() != form.mode {
				t.Errorf("%s has mode %v, want %v", path, info.Mode().Perm(), form.mode)
			}
			onStdout, _, _ := cli(t, args...)
			if got, _ := os.ReadFile(path); string(got) != onStdout {
				t.Errorf("%s differs from what emit prints on stdout", path)
			}
		})
	}
}

func TestEmitRefuses(t *testing.T) {
	stdout, stderr, code := cli(t, "emit", "terraform", "../../examples/plans/broken.yaml")
	if code != exitFailure || stdout != "" {
		t.Errorf("broken plan: exit %d, stdout %q; want 1 and nothing", code, stdout)
	}
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	if len(lines) != 9 || !strings.Contains(lines[0], "has 8 errors") || !strings.HasPrefix(lines[1], "  error ") {
		t.Errorf("broken plan: stderr %q, want a line saying 8 errors, then one line per error", stderr)
	}
	stdout, stderr, code = cli(t, "emit", "arm", "../../examples/plans/broken.yaml", "--force")
	if code != exitOK || stderr != "" || !strings.Contains(stdout, `"name": "legacy"`) {
		t.Errorf("broken plan with --force: exit %d, stderr %q", code, stderr)
	}
	stdout, stderr, code = cli(t, "emit", "bicep", "../../examples/plans/incomplete.yaml", "--force")
	wantOneLineError(t, stdout, stderr, code, exitFailure, "run 'cidrplan complete ../../examples/plans/incomplete.yaml' first")
	stdout, stderr, code = cli(t, "emit", "terraform", "../../ipam/testdata/pod-subnet.yaml")
	wantOneLineError(t, stdout, stderr, code, exitFailure,
		"clusters[cni].agentPoolProfiles[batch].podIpAllocationMode: not supported by the terraform form")
}

func TestEmitUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown form", []string{"emit", "pulumi", "../../examples/plans/classic-cni.yaml"}, `unknown form "pulumi" (want terraform, bicep, arm, az, avnm)`},
		{"avnm without pool", []string{"emit", "avnm", "../../examples/plans/classic-cni.yaml"}, "emit avnm needs --pool ID"},
		{"pool without avnm", []string{"emit", "az", "../../examples/plans/classic-cni.yaml", "--pool", testPool}, "--pool is for emit avnm, not az"},
		{"bad pool", []string{"emit", "avnm", "../../examples/plans/classic-cni.yaml", "--pool", "corp"}, `--pool "corp": not the resource ID of an IPAM pool`},
		{"missing plan", []string{"emit", "az"}, "missing PLAN argument"},
		{"no such file", []string{"emit", "az", "nope.yaml"}, `plan "nope.yaml": no such file`},
		{"out is a file", []string{"emit", "az", "../../examples/plans/classic-cni.yaml", "--out", "../../go.mod"}, `--out "../../go.mod"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := cli(t, tt.args...)
			wantOneLineError(t, stdout, stderr, code, exitUsage, tt.want)
		})
	}
}

// TestREADMETerraformExcerpt checks that every ```hcl block of the README
// is a verbatim excerpt of what the emit terraform command before it
// prints.
func TestREADMETerraformExcerpt(t *testing.T) {
	raw, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(raw), "\n")
	var last []string // the last emit terraform command's arguments
	found := 0
	for i := 0; i < len(lines); i++ {
		if rest, ok := strings.CutPrefix(lines[i], "cidrplan emit terraform "); ok {
			last = []string{"emit", "terraform", filepath.Join("../..", strings.Fields(rest)[0])}
		}
		if lines[i] != "```hcl" {
			continue
		}
		found++
		j := i + 1
		for j < len(lines) && lines[j] != "```" {
			j++
		}
		excerpt := strings.Join(lines[i+1:j], "\n") + "\n"
		if last == nil {
			t.Fatalf("README line %d: hcl block without an emit terraform command before it", i+1)
		}
		out, _, code := cli(t, last...)
		if code != exitOK || !strings.Contains(out, excerpt) {
			t.Errorf("README line %d: the hcl block is not an excerpt of %q's output:\n%s", i+1, strings.Join(last, " "), out)
		}
		i = j
	}
	if found == 0 {
		t.Error("README shows no Terraform excerpt")
	}
}
