package main

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRun(t *testing.T) {
	var out strings.Builder
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	want := `as planned, every step fits: false
  system: surge 1, aks-nodes 470 of 507, largest surge that fits 2
  web: surge 4, aks-nodes 563 of 507, largest surge that fits 2
  batch: surge 1, aks-nodes 550 of 507, largest surge that fits 0
with the surges that fit, every step fits: true
aks-nodes 10.20.0.0/23: headroom 6, 0 months at 1/month
`
	if diff := cmp.Diff(want, out.String()); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
}
