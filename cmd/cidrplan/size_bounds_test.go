package main

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Ranges AKS refuses whatever the pool are input errors (exit 2, one line
// quoting the input), not ranges the pool "fits".
func TestSizeRefusesRangesAKSRefuses(t *testing.T) {
	overlay := []string{"--network-plugin-mode", "overlay"}
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"node subnet /0", []string{"--node-subnet", "0.0.0.0/0"}, exitUsage,
			`--node-subnet "0.0.0.0/0" is larger than /2, the largest Azure subnet (SubnetTooLarge)`},
		{"node subnet /1", []string{"--node-subnet", "128.0.0.0/1"}, exitUsage, `--node-subnet "128.0.0.0/1" is larger than /2`},
		{"node subnet /2 is the largest", []string{"--node-subnet", "0.0.0.0/2"}, exitOK, ""},
		{"pod subnet /0", []string{"--pod-subnet", "0.0.0.0/0"}, exitUsage, `--pod-subnet "0.0.0.0/0" is larger than /2`},
		{"IPv6 node subnet /0", []string{"--node-subnet", "::/0"}, exitUsage,
			`--node-subnet "::/0" is /0; Azure IPv6 subnets must be exactly /64 (IPv6SubnetNotSlash64)`},
		{"pod CIDR /0", append(overlay, "--pod-cidr", "0.0.0.0/0"), exitUsage,
			`--pod-cidr "0.0.0.0/0" overlaps multicast address space 224.0.0.0/4 (PodCidrMulticast)`},
		{"pod CIDR over 172.30.0.0/16", append(overlay, "--pod-cidr", "172.16.0.0/12"), exitUsage, `--pod-cidr "172.16.0.0/12" overlaps 172.30.0.0/16 and 172.31.0.0/16 (`},
		{"pod CIDR in multicast", append(overlay, "--pod-cidr", "224.0.0.0/16"), exitUsage, `--pod-cidr "224.0.0.0/16" is multicast address space (PodCidrMulticast)`},
		{"IPv6 pod CIDR ::/0", append(overlay, "--ip-families", "IPv4,IPv6", "--pod-cidrs", "10.244.0.0/16,::/0"), exitUsage,
			`--pod-cidrs "::/0" overlaps multicast address space ff00::/8`},
		{"default pod CIDRs are fine", append(overlay, "--ip-families", "IPv4,IPv6", "--pod-cidrs", "10.244.0.0/16,fd12:3456:789a::/64"), exitOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := cli(t, append([]string{"size"}, tt.args...)...)
			if diff := cmp.Diff(tt.wantCode, code); diff != "" {
				t.Errorf("exit (-want +got):\n%s\nstderr: %q", diff, stderr)
			}
			if !strings.Contains(stderr, tt.wantErr) || (tt.wantErr == "") != (stderr == "") {
				t.Errorf("stderr %q, want it to contain %q", stderr, tt.wantErr)
			}
			if strings.Count(stderr, "\n") > 1 {
				t.Errorf("stderr is more than one line: %q", stderr)
			}
		})
	}
}
