package bicep_test

import (
	"bytes"
	"errors"
	"flag"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/emit/bicep"
	"github.com/cidrplan/cidrplan/emit/internal/emittest"
	"github.com/cidrplan/cidrplan/ipam"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestPlans emits every test plan and checks the Bicep against its golden
// file and against the plan: every value the plan deploys is read back
// from where it belongs, symbolic references followed.
func TestPlans(t *testing.T) {
	for _, tp := range emittest.Plans(t) {
		t.Run(tp.Name, func(t *testing.T) {
			got, err := bicep.Marshal(tp.Plan, emit.Options{Force: true})
			if err != nil {
				t.Fatal(err)
			}
			emittest.Golden(t, filepath.Join("testdata", tp.Name+".bicep"), got, *update)
			if diff := cmp.Diff(emittest.Expected(tp.Plan), read(t, got)); diff != "" {
				t.Errorf("deploys something else than the plan (-plan +bicep):\n%s", diff)
			}
		})
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
			err := bicep.Write(&out, emittest.BundledPlan(t, tt.plan), tt.opts)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Write = %v, want an error matching %v", err, tt.wantErr)
			}
			if out.Len() > 0 {
				t.Errorf("Write wrote %d bytes before failing", out.Len())
			}
		})
	}
}
