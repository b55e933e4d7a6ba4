package azure_test

import (
	"flag"
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/cidrplan/cidrplan/ipam/azure"
	"github.com/cidrplan/cidrplan/ipam/planfile"
	"github.com/cidrplan/cidrplan/sizing"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/")

var cmpOpts = cmp.Options{
	cmpopts.EquateComparable(netip.Addr{}, netip.Prefix{}, sizing.Surge{}),
	cmpopts.EquateEmpty(),
}

// sourcesIn returns the exports of a fixture directory by their name's
// prefix: aks*, vnet*, onprem*, terraform*, arm*, parameters*.
func sourcesIn(t *testing.T, dir string) azure.Sources {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	var s azure.Sources
	for _, f := range files {
		switch base := filepath.Base(f); {
		case strings.HasPrefix(base, "aks"):
			s.AKS = append(s.AKS, f)
		case strings.HasPrefix(base, "vnet"):
			s.VNet = append(s.VNet, f)
		case strings.HasPrefix(base, "onprem"):
			s.OnPrem = append(s.OnPrem, f)
		case strings.HasPrefix(base, "terraform"):
			s.Terraform = append(s.Terraform, f)
		case strings.HasPrefix(base, "arm"):
			s.ARM = append(s.ARM, f)
		case strings.HasPrefix(base, "parameters"):
			s.Parameters = append(s.Parameters, f)
		}
	}
	return s
}

func fixtureDirs(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() && e.Name() != "errors" && e.Name() != "fuzz" {
			dirs = append(dirs, e.Name())
		}
	}
	if len(dirs) < 8 {
		t.Fatalf("found %d fixture directories, want at least 8", len(dirs))
	}
	return dirs
}

// TestGolden imports each fixture directory and compares the plan (as YAML)
// and its findings with the golden files; -update rewrites them.
func TestGolden(t *testing.T) {
	for _, name := range fixtureDirs(t) {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join("testdata", name)
			plan, pos, err := azure.ImportWithPositions(sourcesIn(t, dir))
			if err != nil {
				t.Fatalf("Import: %v", err)
			}
			y, err := planfile.Marshal(plan, planfile.YAML)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join(dir, "plan.golden.yaml"), string(y))
			var b strings.Builder
			// Severity, code, field and where the export has it: codes are
			// stable, message wording belongs to ipam and may change under
			// it.
			for _, f := range plan.Validate() {
				b.WriteString(f.Severity.String() + " " + string(f.Code) + " " + f.Field)
				if file, line, col := pos.Of(f.Field); file != "" {
					fmt.Fprintf(&b, " %s:%d:%d", filepath.Base(file), line, col)
				}
				b.WriteString("\n")
			}
			golden(t, filepath.Join(dir, "findings.golden.txt"), b.String())

			back, err := planfile.Parse(y, "plan.golden.yaml")
			if err != nil {
				t.Fatalf("the imported plan does not load back: %v", err)
			}
			if diff := cmp.Diff(plan, back, cmpOpts); diff != "" {
				t.Errorf("planfile.Parse(planfile.Marshal(plan)) differs (-import +reloaded):\n%s", diff)
			}
		})
	}
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s (-want +got):\n%s", path, diff)
	}
}
