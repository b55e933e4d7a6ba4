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
	// Checked by hand: pools upgrade one at a time, so the peak is the
	// 73 planned nodes plus the largest surge, apps's 20: 93 nodes; node
	// subnet 93 + 4 ILB = 97 → /25 (123 usable); pod CIDR 93 × 256 =
	// 23,808 → /17. apps grows while 13 + 4 + n + ceil(33% × n) ≤ 251:
	// 175; system and win22 grow under apps's surge: 74 + n + 20 ≤ 251 and
	// 67 + n + 20 ≤ 251.
	want := `73 nodes, 93 at the upgrade peak (sequential; 96 if every pool surged at once)
nodeSubnet aks-subnet (IPv4): 97 addresses at peak, smallest prefix /25
  system 3 nodes × 1 = 3
  apps   60 nodes × 1 = 60
  win22  10 nodes × 1 = 10
  + 4 other addresses
  + 20 while apps upgrades (20 surge nodes)
podCIDR podCIDR (IPv4): 23808 addresses at peak, smallest prefix /17
  system 3 nodes × 256 = 768
  apps   60 nodes × 256 = 15360
  win22  10 nodes × 256 = 2560
  + 5120 while apps upgrades (20 surge nodes)
nodeSubnet in 10.30.0.0/24: capacity 251, headroom 154
  system can grow to 157 nodes (limited by addresses)
  apps   can grow to 175 nodes (limited by addresses)
  win22  can grow to 164 nodes (limited by addresses)
podCIDR in 10.244.0.0/17: capacity 32768, headroom 8960
  system can grow to 38 nodes (limited by addresses)
  apps   can grow to 86 nodes (limited by addresses)
  win22  can grow to 45 nodes (limited by addresses)
assumed system maxPods = 250: default for the overlay model (30 before 2023-09) [D]
assumed apps maxPods = 250: default for the overlay model (30 before 2023-09) [D]
assumed upgrade = sequential: default [D]: AKS upgrades pools one at a time; a network migration or a parallel upgrade surges them all at once (simultaneous)
`
	if diff := cmp.Diff(want, out.String()); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
}
