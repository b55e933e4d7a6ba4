package main

import (
	"bytes"
	"testing"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/planfile"
	"github.com/cidrplan/cidrplan/reportpage"
)

// TestReportHTML holds report -o html to the library: the page is
// reportpage's for the plan's report, byte for byte.
func TestReportHTML(t *testing.T) {
	const plan = "../../examples/plans/kubenet-limits.yaml"
	stdout, stderr, code := cli(t, "report", plan, "--growth", "5%/month", "-o", "html")
	if code != exitOK || stderr != "" {
		t.Fatalf("exit status %d, stderr %q", code, stderr)
	}
	p, err := planfile.Load(plan)
	if err != nil {
		t.Fatal(err)
	}
	r, err := p.Report(ipam.ReportOptions{Growth: ipam.Growth{Percent: 5}})
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := reportpage.HTML(&want, p, r); err != nil {
		t.Fatal(err)
	}
	if stdout != want.String() {
		t.Errorf("report -o html is not reportpage.HTML of the plan's report:\n%.300s", stdout)
	}
}
