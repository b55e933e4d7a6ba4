package terraform_test

import (
	"bytes"
	"errors"
	"flag"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/emit/internal/emittest"
	"github.com/cidrplan/cidrplan/emit/terraform"
	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestPlans emits every test plan and checks the output against its golden
// file, against terraform fmt's formatting, and against the plan: every
// value the plan deploys is read back from where it belongs.
func TestPlans(t *testing.T) {
	for _, tp := range emittest.Plans(t) {
		t.Run(tp.Name, func(t *testing.T) {
			got, err := terraform.Marshal(tp.Plan, emit.Options{Force: true})
			if tp.Name == "pod-subnet" { // a StaticBlock pod subnet
				if !errors.Is(err, emit.ErrUnsupported) {
					t.Fatalf("Marshal = %v, want an error matching ErrUnsupported", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			emittest.Golden(t, filepath.Join("testdata", tp.Name+".tf"), got, *update)
			if formatted := hclwrite.Format(got); !bytes.Equal(formatted, got) {
				t.Errorf("not formatted as terraform fmt formats it (-want +got):\n%s", cmp.Diff(string(formatted), string(got)))
			}
			want := emittest.Expected(tp.Plan)
			for i := range want.Clusters {
				if want.Clusters[i].Policy == string(ipam.PolicyNone) {
					want.Clusters[i].Policy = "" // azurerm 4.x: no network_policy is none
				}
			}
			if diff := cmp.Diff(want, read(t, got)); diff != "" {
				t.Errorf("deploys something else than the plan (-plan +terraform):\n%s", diff)
			}
		})
	}
}

func TestUnsupported(t *testing.T) {
	p := emittest.BundledPlan(t, "classic-cni")
	p.Clusters[0].AgentPoolProfiles[1].MaxUnavailable = sizing.MustParseSurge("1")
	_, err := terraform.Marshal(p, emit.Options{})
	var ee *emit.Error
	if !errors.Is(err, emit.ErrUnsupported) || !errors.As(err, &ee) {
		t.Fatalf("Marshal = %v, want an *emit.Error matching ErrUnsupported", err)
	}
	if want := "clusters[prod].agentPoolProfiles[apps].maxUnavailable"; ee.Field != want {
		t.Errorf("Field = %q, want %q", ee.Field, want)
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
		{"unallocated", "incomplete", emit.Options{}, emit.ErrUnallocated},
		{"unallocated even forced", "incomplete", emit.Options{Force: true}, emit.ErrUnallocated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := terraform.Write(&out, emittest.BundledPlan(t, tt.plan), tt.opts)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Write = %v, want an error matching %v", err, tt.wantErr)
			}
			if out.Len() > 0 {
				t.Errorf("Write wrote %d bytes before failing", out.Len())
			}
		})
	}
}
