// Package emittest holds what the tests of the emitters share: the plans
// they run on, and Deployed, what a form deploys, read back from its output
// by each form's test and compared with what the plan says (Expected).
package emittest

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/planfile"
)

// Plan is a plan the emitters are tested on.
type Plan struct {
	Name string // the file name without extension
	Plan *ipam.Plan
}

// Plans returns every bundled plan (examples/plans) — those with error
// findings too, which the tests emit with Options.Force, and those that
// leave ranges to allocate completed first (ipam.Plan.Complete), named
// NAME.completed — the plans of testdata/*.yaml of the emit package
// (awkward names, delegations, pod subnets, the VNet AKS creates), and the
// pod-subnet plan of ipam's tests.
func Plans(t *testing.T) []Plan {
	t.Helper()
	root := repoRoot(t)
	var paths []string
	bundled, _ := filepath.Glob(filepath.Join(root, "examples", "plans", "*.yaml"))
	own, _ := filepath.Glob(filepath.Join(root, "emit", "testdata", "*.yaml"))
	paths = slices.Concat(bundled, own, []string{filepath.Join(root, "ipam", "testdata", "pod-subnet.yaml")})
	var out []Plan
	for _, path := range paths {
		p, err := planfile.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		if _, err := emit.Resolve(p, emit.Options{Force: true}); errors.Is(err, emit.ErrUnallocated) {
			done, _ := p.Complete() // errors left are emitted with Force
			if done == nil {
				t.Fatalf("%s: cannot complete", path)
			}
			p, name = done, name+".completed"
		}
		out = append(out, Plan{Name: name, Plan: p})
	}
	if len(out) < 8 {
		t.Fatalf("found %d plans to emit, want the bundled ones and the emit test plans", len(out))
	}
	return out
}

// BundledPlan loads examples/plans/NAME.yaml.
func BundledPlan(t *testing.T, name string) *ipam.Plan {
	t.Helper()
	p, err := planfile.Load(filepath.Join(repoRoot(t), "examples", "plans", name+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// repoRoot finds the repository root above the working directory.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
}

// Golden compares got with the golden file at path (relative to the test's
// directory), rewriting the file first when update is set (the test's
// -update flag).
func Golden(t *testing.T, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("differs from %s (-want +got); go test -update rewrites it:\n%s", path, diff)
	}
}

// ManagedVNet checks the output of a form for the plan of
// emit/testdata/managed-vnet.yaml, a cluster on the VNet AKS creates: the
// output carries the note of emit.Deployment.ManagedNote and none of
// absent (what would create the VNet or name a subnet in that form).
func ManagedVNet(t *testing.T, marshal func(*ipam.Plan) ([]byte, error), note func(*ipam.Plan) string, absent ...string) {
	t.Helper()
	p, err := planfile.Load(filepath.Join(repoRoot(t), "emit", "testdata", "managed-vnet.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	if n := note(p); n == "" || !strings.Contains(text, n) {
		t.Errorf("the output does not say the cluster is on the VNet AKS creates (%q)", n)
	}
	for _, a := range absent {
		if strings.Contains(text, a) {
			t.Errorf("the output holds %q, which a cluster on the VNet AKS creates must not have", a)
		}
	}
}
