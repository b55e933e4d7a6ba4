package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cidrplan/cidrplan/ipam/azure"
	"github.com/cidrplan/cidrplan/ipam/planfile"
	"github.com/google/go-cmp/cmp"
)

const exports = "../../examples/exports/"

// hubSpokeExports are the az exports of a cluster in a spoke VNet peered to
// a hub, with the on-premises ranges behind the hub's gateway.
func hubSpokeExports() []string {
	d := exports + "hub-spoke/"
	return []string{"--aks", d + "aks.json", "--vnet", d + "vnet-spoke.json", "--vnet", d + "vnet-hub.json",
		"--onprem", d + "onprem-lgw.json", "--onprem", d + "onprem-routes.json"}
}

func TestImport(t *testing.T) {
	d := exports + "hub-spoke/"
	want, err := azure.Import(azure.Sources{
		AKS:    []string{d + "aks.json"},
		VNet:   []string{d + "vnet-spoke.json", d + "vnet-hub.json"},
		OnPrem: []string{d + "onprem-lgw.json", d + "onprem-routes.json"},
	})
	if err != nil {
		t.Fatal(err)
	}
	wantYAML, err := planfile.Marshal(want, planfile.YAML)
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"yaml", "json"} {
		t.Run(format, func(t *testing.T) {
			stdout, stderr, code := cli(t, append([]string{"import", "-o", format}, hubSpokeExports()...)...)
			if code != exitOK || stderr != "" {
				t.Fatalf("exit status %d, stderr %q", code, stderr)
			}
			got, err := planfile.Parse([]byte(stdout), "imported")
			if err != nil {
				t.Fatalf("printed plan does not load: %v", err)
			}
			gotYAML, _ := planfile.Marshal(got, planfile.YAML)
			if diff := cmp.Diff(string(wantYAML), string(gotYAML)); diff != "" {
				t.Errorf("import -o %s (-azure.Import +printed):\n%s", format, diff)
			}
		})
	}
}

func TestCheckExports(t *testing.T) {
	fs, code := checkJSON(t, hubSpokeExports()...)
	if code != exitFailure {
		t.Errorf("exit status %d, want 1", code)
	}
	var errs []string
	for _, f := range fs {
		if f.Severity == "error" {
			errs = append(errs, f.Code)
		}
	}
	// The default service CIDR 10.0.0.0/16 collides with the on-premises
	// 10.0.0.0/14, known from the gateway and from the routes: one finding
	// listing both.
	want := []string{"OnPremisesCidrOverlapping"}
	slices.Sort(errs)
	if diff := cmp.Diff(want, errs); diff != "" {
		t.Errorf("error codes (-want +got):\n%s", diff)
	}
	// Same answer from the imported plan written to a file.
	yamlPlan, _, _ := cli(t, append([]string{"import"}, hubSpokeExports()...)...)
	path := filepath.Join(t.TempDir(), "imported.yaml")
	if err := os.WriteFile(path, []byte(yamlPlan), 0o644); err != nil {
		t.Fatal(err)
	}
	fromFile, _ := checkJSON(t, path)
	if diff := cmp.Diff(fs, fromFile); diff != "" {
		t.Errorf("check of the imported file differs from check of the exports (-exports +file):\n%s", diff)
	}
	if _, _, code := cli(t, append([]string{"map"}, hubSpokeExports()...)...); code != exitOK {
		t.Errorf("map of exports: exit status %d", code)
	}
}

func TestImportBadInput(t *testing.T) {
	dir := t.TempDir()
	truncated := filepath.Join(dir, "aks.json")
	if err := os.WriteFile(truncated, []byte(`{"name": "aks", "properties": {"networkProfile": `), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no exports", []string{"import"}, "missing PLAN argument (or --aks"},
		{"missing export", []string{"import", "--aks", "nope.json"}, `export "nope.json": no such file`},
		{"truncated export", []string{"import", "--aks", truncated}, truncated},
		{"plan and exports", []string{"check", "../../examples/plans/broken.yaml", "--aks", truncated}, "not both"},
		{"flag without file", []string{"check", "--vnet"}, "flag --vnet needs a value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := cli(t, tt.args...)
			wantOneLineError(t, stdout, stderr, code, exitUsage, tt.want)
		})
	}
}

// A default cluster (az aks show of az aks create with its defaults, on
// the AKS-managed VNet) checks clean; its imported plan completes and
// checks clean too.
func TestManagedVNetCluster(t *testing.T) {
	const aks = "../../examples/exports/managed-vnet/aks.json"
	out, errs, code := cli(t, "check", "--aks", aks)
	if code != exitOK || strings.Contains(out, "ERRORS") || strings.Contains(out, "WARNINGS") {
		t.Fatalf("check: exit %d, stdout:\n%s\nstderr: %s", code, out, errs)
	}
	plan, errs, code := cli(t, "import", "--aks", aks)
	if code != exitOK {
		t.Fatalf("import: exit %d: %s", code, errs)
	}
	path := filepath.Join(t.TempDir(), "plan.yaml")
	if err := os.WriteFile(path, []byte(plan), 0o644); err != nil {
		t.Fatal(err)
	}
	done, errs, code := cli(t, "complete", path)
	if code != exitOK {
		t.Fatalf("complete: exit %d: %s", code, errs)
	}
	if err := os.WriteFile(path, []byte(done), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, errs, code := cli(t, "check", path); code != exitOK || strings.Contains(out, "ERRORS") {
		t.Errorf("check of the completed plan: exit %d, stdout:\n%s\nstderr: %s", code, out, errs)
	}
}
