package main

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/planfile"
	"github.com/cidrplan/cidrplan/sizing"
)

// TestReportNamesPeakModel: the report table says under STEADY and PEAK
// which upgrade model produced the peaks, in sizing's words.
func TestReportNamesPeakModel(t *testing.T) {
	stdout, stderr, code := cli(t, "report", "../../examples/plans/kubenet-limits.yaml")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := "STEADY: demand without surge; PEAK: " + sizing.UpgradeSequential.PeakWords() + "\n"
	if !strings.Contains(stdout, want) {
		t.Errorf("report lacks %q:\n%s", want, stdout)
	}
}

// TestReportNamesPeakModelPerRange: where ranges peak under different
// upgrade models, the table gains a column UPGRADE with each range's, in
// ipam.ReportRange.UpgradeWords, and the line under it points there.
func TestReportNamesPeakModelPerRange(t *testing.T) {
	const plan = "../../ipam/testdata/upgrade-models.yaml"
	stdout, stderr, code := cli(t, "report", plan)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	p, err := planfile.Load(plan)
	if err != nil {
		t.Fatal(err)
	}
	r, err := p.Report(ipam.ReportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(stdout, "\n")
	if len(lines) < len(r.Ranges)+2 {
		t.Fatalf("report too short:\n%s", stdout)
	}
	var want, got []string
	want = append(want, "UPGRADE")
	got = append(got, strings.Fields(lines[0])[7])
	for i, rr := range r.Ranges {
		want = append(want, rr.UpgradeWords())
		// The cell starts under its heading (no growth: it is the last).
		row := lines[1+i]
		got = append(got, strings.TrimSpace(row[strings.Index(lines[0], "UPGRADE"):]))
	}
	want = append(want, "STEADY: demand without surge; PEAK: the worst upgrade step, under the upgrade model of each range's clusters (UPGRADE)")
	got = append(got, lines[1+len(r.Ranges)])
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("report (-want +got):\n%s\n%s", diff, stdout)
	}
}
