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
	// Checked by hand: peak nodes 4 + 80 + 12 = 96; node subnet 96 + 4 ILB
	// = 100 → /25 (123 usable); pod CIDR 96 × 256 = 24,576 → /17.
	want := `73 nodes, 96 at the upgrade peak
nodeSubnet aks-subnet (IPv4): 100 addresses at peak, smallest prefix /25
  system (3 nodes + 1 surge) × 1 = 4
  apps   (60 nodes + 20 surge) × 1 = 80
  win22  (10 nodes + 2 surge) × 1 = 12
  + 4 other addresses
podCIDR podCIDR (IPv4): 24576 addresses at peak, smallest prefix /17
  system (3 nodes + 1 surge) × 256 = 1024
  apps   (60 nodes + 20 surge) × 256 = 20480
  win22  (10 nodes + 2 surge) × 256 = 3072
nodeSubnet in 10.30.0.0/24: capacity 251, headroom 151
  system can grow to 154 nodes (limited by addresses)
  apps   can grow to 173 nodes (limited by addresses)
  win22  can grow to 161 nodes (limited by addresses)
podCIDR in 10.244.0.0/17: capacity 32768, headroom 8192
  system can grow to 35 nodes (limited by addresses)
  apps   can grow to 84 nodes (limited by addresses)
  win22  can grow to 42 nodes (limited by addresses)
assumed system maxPods = 250: default for the overlay model (30 before 2023-09) [D]
assumed apps maxPods = 250: default for the overlay model (30 before 2023-09) [D]
`
	if diff := cmp.Diff(want, out.String()); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
}
