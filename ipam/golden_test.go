package ipam_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/planfile"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden validates every sample plan in testdata and compares the
// findings with testdata/NAME.findings.json. After an intended change of
// rules or messages, regenerate with: go test ./ipam -run TestGolden -update
func TestGolden(t *testing.T) {
	plans, err := filepath.Glob("testdata/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(plans) == 0 {
		t.Fatal("no sample plans in testdata")
	}
	for _, path := range plans {
		if strings.HasSuffix(path, ".completed.yaml") {
			continue
		}
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		t.Run(name, func(t *testing.T) {
			p, err := planfile.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			fs := p.Validate()
			for _, f := range fs {
				if f.Severity == ipam.SeverityError && f.Fix == "" {
					t.Errorf("error without a fix: %s", f)
				}
			}
			got, err := json.MarshalIndent(struct {
				Findings ipam.Findings `json:"findings"`
			}{fs}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			checkGolden(t, filepath.Join("testdata", name+".findings.json"), got)
		})
	}
}

// TestGoldenComplete completes the sample plans that leave ranges out and
// compares the printed plan with testdata/NAME.completed.yaml.
func TestGoldenComplete(t *testing.T) {
	for _, name := range []string{"incomplete"} {
		t.Run(name, func(t *testing.T) {
			p, err := planfile.Load(filepath.Join("testdata", name+".yaml"))
			if err != nil {
				t.Fatal(err)
			}
			q, err := p.Complete()
			if err != nil {
				t.Fatalf("Complete() = %v", err)
			}
			if fs := q.Validate(); fs.HasErrors() {
				t.Fatalf("completed plan has errors:\n%s", fs.Filter(ipam.SeverityError))
			}
			got, err := planfile.Marshal(q, planfile.YAML)
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, filepath.Join("testdata", name+".completed.yaml"), got)
		})
	}
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ipam -run TestGolden -update)", err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("%s differs; got:\n%s\n(if intended: go test ./ipam -run TestGolden -update)", path, got)
	}
}
