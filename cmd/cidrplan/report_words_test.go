package main

import (
	"strings"
	"testing"

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
