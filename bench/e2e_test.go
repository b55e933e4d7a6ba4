package bench

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/cidrplan/cidrplan/bench/internal/cli"
	"github.com/cidrplan/cidrplan/bench/internal/workload"
	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/planfile"
)

// planSize returns the end-to-end plan size: the 100,000 subnets and
// 1,000 clusters, or a small plan with -short.
func planSize() (subnets, clusters int) {
	if testing.Short() {
		return 1_000, 10
	}
	return workload.PlanSubnets, workload.PlanClusters
}

// formats are the plan file formats the end-to-end benchmarks read.
var formats = []string{"yaml", "json"}

// planFile writes the generated plan into dir in the given format ("yaml"
// or "json") and returns its path.
func planFile(tb testing.TB, dir, format string, subnets, clusters int) (string, *ipam.Plan) {
	tb.Helper()
	p, err := workload.Plan(subnets, clusters)
	if err != nil {
		tb.Fatal(err)
	}
	data, err := planfile.Marshal(p, planfile.Format(format))
	if err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(dir, "plan."+format)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	return path, p
}

var buildCLI = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "cidrplan-bench")
	if err != nil {
		return "", err
	}
	return cli.Build(dir)
})

// check runs `cidrplan check path` and returns its output; exit status 1
// (the plan has error findings) is a normal outcome.
func check(bin, path string) ([]byte, error) {
	out, err := exec.Command(bin, "check", path).Output()
	if ee := (*exec.ExitError)(nil); errors.As(err, &ee) && ee.ExitCode() == 1 {
		return out, nil
	}
	return out, err
}

// TestEndToEndPlan checks the workload the end-to-end benchmarks time: the
// plan survives a YAML round trip, validation finds its injected overlaps,
// and the CLI reads and checks the file.
func TestEndToEndPlan(t *testing.T) {
	for _, format := range formats {
		t.Run(format, func(t *testing.T) { testEndToEndPlan(t, format) })
	}
}

func testEndToEndPlan(t *testing.T, format string) {
	path, p := planFile(t, t.TempDir(), format, 2_000, 20)
	loaded, err := planfile.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(loaded.VNets), len(p.VNets); got != want {
		t.Fatalf("loaded %d VNets, want %d", got, want)
	}
	subnets := 0
	for _, v := range loaded.VNets {
		subnets += len(v.Subnets)
	}
	if subnets != 2_000 || len(loaded.Clusters) != 20 {
		t.Fatalf("loaded %d subnets and %d clusters, want 2000 and 20", subnets, len(loaded.Clusters))
	}
	if fs := loaded.Validate(); !fs.HasErrors() {
		t.Errorf("no error findings, want the %d injected overlaps reported", 2)
	}
	if testing.Short() {
		return
	}
	bin, err := buildCLI()
	if err != nil {
		t.Fatal(err)
	}
	out, err := check(bin, path)
	if err != nil || len(out) == 0 {
		t.Fatalf("cidrplan check: %v\n%s", err, out)
	}
}

// BenchmarkValidate validates the generated plan in memory.
func BenchmarkValidate(b *testing.B) {
	subnets, clusters := planSize()
	p, err := workload.Plan(subnets, clusters)
	if err != nil {
		b.Fatal(err)
	}
	b.Run(fmt.Sprintf("subnets=%d/clusters=%d", subnets, clusters), func(b *testing.B) {
		b.ReportAllocs()
		findings := 0
		for b.Loop() {
			findings = len(p.Validate())
		}
		b.ReportMetric(float64(findings), "findings")
	})
}

// BenchmarkLoadValidate parses the generated plan file and validates it, in
// process.
func BenchmarkLoadValidate(b *testing.B) {
	subnets, clusters := planSize()
	for _, format := range formats {
		path, _ := planFile(b, b.TempDir(), format, subnets, clusters)
		b.Run(fmt.Sprintf("format=%s/subnets=%d/clusters=%d", format, subnets, clusters), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				p, err := planfile.Load(path)
				if err != nil {
					b.Fatal(err)
				}
				p.Validate()
			}
		})
	}
}

// BenchmarkCheckCommand runs `cidrplan check PLAN` as a process on the
// generated plan file: start-up, parse, validation and output.
func BenchmarkCheckCommand(b *testing.B) {
	subnets, clusters := planSize()
	bin, err := buildCLI()
	if err != nil {
		b.Fatal(err)
	}
	for _, format := range formats {
		path, _ := planFile(b, b.TempDir(), format, subnets, clusters)
		b.Run(fmt.Sprintf("format=%s/subnets=%d/clusters=%d", format, subnets, clusters), func(b *testing.B) {
			for b.Loop() {
				if _, err := check(bin, path); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
