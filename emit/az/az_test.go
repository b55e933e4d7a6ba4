package az_test

import (
	"bytes"
	"errors"
	"flag"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/emit/az"
	"github.com/cidrplan/cidrplan/emit/internal/emittest"
	"github.com/cidrplan/cidrplan/ipam"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestPlans emits every test plan and checks the script against its golden
// file, against bash -n, and against the plan: every value the plan
// deploys is read back from the flag it belongs to.
func TestPlans(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Fatal("bash not found: the scripts cannot be checked")
	}
	for _, tp := range emittest.Plans(t) {
		t.Run(tp.Name, func(t *testing.T) {
			got, err := az.Marshal(tp.Plan, emit.Options{Force: true})
			if err != nil {
				t.Fatal(err)
			}
			emittest.Golden(t, filepath.Join("testdata", tp.Name+".sh"), got, *update)
			cmd := exec.Command(bash, "-n")
			cmd.Stdin = bytes.NewReader(got)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("bash -n: %v\n%s", err, out)
			}
			if diff := cmp.Diff(emittest.Expected(tp.Plan), read(t, got)); diff != "" {
				t.Errorf("deploys something else than the plan (-plan +script):\n%s", diff)
			}
		})
	}
}

// TestRefusesWithoutEnvironment runs the header of a script: without
// RESOURCE_GROUP it stops before any az command.
func TestRefusesWithoutEnvironment(t *testing.T) {
	out, err := az.Marshal(emittest.BundledPlan(t, "classic-cni"), emit.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", "-s")
	cmd.Stdin = bytes.NewReader(out)
	cmd.Env = []string{"PATH=/nonexistent"} // no az: reaching one would fail differently
	msg, err := cmd.CombinedOutput()
	if err == nil || !bytes.Contains(msg, []byte("set RESOURCE_GROUP")) {
		t.Errorf("script without RESOURCE_GROUP: err %v, output %q; want a refusal naming RESOURCE_GROUP", err, msg)
	}
}

func TestRefuses(t *testing.T) {
	tests := []struct {
		name    string
		plan    string
		opts    emit.Options
		wantErr error
	}{
		{"errors", "broken", emit.Options{}, ipam.ErrInvalidPlan},
		{"unallocated", "incomplete", emit.Options{Force: true}, emit.ErrUnallocated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := az.Write(&out, emittest.BundledPlan(t, tt.plan), tt.opts)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Write = %v, want an error matching %v", err, tt.wantErr)
			}
			if out.Len() > 0 {
				t.Errorf("Write wrote %d bytes before failing", out.Len())
			}
		})
	}
}
