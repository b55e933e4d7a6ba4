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
	// Worked out by hand: the /12 holds 64 /18s; the hub /22 blocks the
	// first, the legacy spokes block the second and (a /17) the ninth and
	// tenth. Free /18s in order: 2–7, then 10–63, so cluster n ≥ 7 gets
	// /18 number n + 3: cluster-50 gets number 53 = 10.141.64.0/18.
	// /16s: 16 in the /12, 10.128/16 and 10.130/16 are partly used: 14 free.
	want := `cluster-01  10.128.128.0/18
cluster-02  10.128.192.0/18
cluster-03  10.129.0.0/18
cluster-04  10.129.64.0/18
cluster-05  10.129.128.0/18
...
cluster-49  10.141.0.0/18
cluster-50  10.141.64.0/18
50 spokes allocated; the next free /18 is 10.141.128.0/18
20 more /16s: ipam: no room for 20 /16 in 10.128.0.0/12 (found 14)
`
	if diff := cmp.Diff(want, out.String()); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
}
