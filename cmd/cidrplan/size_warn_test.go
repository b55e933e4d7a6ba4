package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Kubenet takes one route per node, surge nodes included, in a route table
// of at most 400 routes (articles/aks/configure-kubenet.md: "Azure supports
// a maximum of 400 routes in a UDR"): a pool past it at the upgrade peak
// does not fit, and size says so with its result and exit status 1.
func TestSizeKubenetRoutesAtPeak(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
	}{
		{"391 nodes peak at 431", []string{"--network-plugin", "kubenet", "--node-count", "391"}, exitFailure},
		{"364 nodes peak at 401", []string{"--network-plugin", "kubenet", "--node-count", "364"}, exitFailure},
		{"363 nodes peak at 400", []string{"--network-plugin", "kubenet", "--node-count", "363"}, exitOK},
		{"391 nodes without surge", []string{"--network-plugin", "kubenet", "--node-count", "391", "--max-surge", "0", "--max-unavailable", "1"}, exitOK},
		{"overlay has no route limit", []string{"--network-plugin-mode", "overlay", "--node-count", "391"}, exitOK},
		{"json says it too", []string{"--network-plugin", "kubenet", "--node-count", "391", "-o", "json"}, exitFailure},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := cli(t, append([]string{"size"}, tt.args...)...)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d: %s", code, tt.wantCode, stderr)
			}
			if stdout == "" {
				t.Errorf("no result printed")
			}
			failed := strings.Contains(stderr, "KubenetRouteLimitAtUpgrade") && strings.Contains(stderr, "past the limit of kubenet's route table: 400 routes")
			if diff := cmp.Diff(tt.wantCode == exitFailure, failed); diff != "" {
				t.Errorf("route failure (-want +got):\n%s\nstderr: %q", diff, stderr)
			}
		})
	}
}

// The example: 370 nodes at 10% in a /23 with a /15 pod CIDR fit at
// most 363 nodes, limited by the routes, not by the node subnet.
func TestSizeKubenetMaxNodesLimitedByRoutes(t *testing.T) {
	stdout, stderr, code := cli(t, "size", "--network-plugin", "kubenet", "--node-count", "370",
		"--node-subnet", "10.0.0.0/23", "--pod-cidr", "10.200.0.0/15", "-o", "json")
	if code != exitFailure {
		t.Fatalf("exit %d, want %d: %s", code, exitFailure, stderr)
	}
	type rng struct {
		Fits      bool   `json:"fits"`
		MaxNodes  int    `json:"maxNodes"`
		LimitedBy string `json:"limitedBy"`
	}
	var got struct {
		PeakNodes  int `json:"peakNodes"`
		PeakRoutes int `json:"peakRoutes"`
		RouteLimit int `json:"routeLimit"`
		MaxNodes   int `json:"maxNodes"`
		NodeSubnet rng `json:"nodeSubnet"`
		PodCIDR    rng `json:"podCIDR"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	want := got
	want.PeakNodes, want.PeakRoutes, want.RouteLimit, want.MaxNodes = 407, 407, 400, 363
	want.NodeSubnet = rng{true, 363, "routes"}
	want.PodCIDR = rng{true, 363, "routes"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	table, _, _ := cli(t, "size", "--network-plugin", "kubenet", "--node-count", "370",
		"--node-subnet", "10.0.0.0/23", "--pod-cidr", "10.200.0.0/15")
	if !strings.Contains(table, "at most 363 nodes, 39,930 pods, in the given ranges (limited by kubenet's route table") {
		t.Errorf("table does not name the route limit:\n%s", table)
	}
}

// A dynamic pod subnet addresses pods in whole batches of 16: size never
// claims more pods than that, and warns when full nodes do not fit
// (articles/aks/configure-azure-cni-dynamic-ip-allocation.md: "IPs are
// allocated to nodes in batches of 16").
func TestSizeDynamicPodSubnetPods(t *testing.T) {
	tests := []struct {
		name     string
		prefix   string
		wantCode int
		wantPods int
		wantWarn bool
	}{
		{"26 does not fit and addresses 48 pods", "10.90.16.0/26", exitFailure, 48, false},
		{"25 fits and warns at 112 pods", "10.90.16.0/25", exitOK, 112, true},
		// 28 nodes fit one batch each, and 31 batches address 496 pods.
		{"23 holds every node full", "10.90.16.0/23", exitOK, 496, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := cli(t, "size", "--pod-subnet", tt.prefix, "--node-count", "3", "--max-pods", "110", "-o", "json")
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d: %s", code, tt.wantCode, stderr)
			}
			var got struct {
				Pods int `json:"pods"`
			}
			if err := json.Unmarshal([]byte(stdout), &got); err != nil {
				t.Fatal(err)
			}
			if got.Pods != tt.wantPods {
				t.Errorf("pods = %d, want %d", got.Pods, tt.wantPods)
			}
			if warned := strings.Contains(stderr, "PodSubnetCannotHoldMaxPods"); warned != tt.wantWarn {
				t.Errorf("warned %v, want %v: %q", warned, tt.wantWarn, stderr)
			}
		})
	}
}

// Surge is capped at the pool (articles/aks/upgrade-aks-node-pools-rolling.md:
// "the number of nodes to be upgraded is used for the max surge value"): a
// pool of 2 with maxSurge 10 surges 2, and the table says why.
func TestSizeSurgeCappedAtPool(t *testing.T) {
	stdout, stderr, code := cli(t, "size", "--node-count", "2", "--max-surge", "10", "--max-pods", "30", "-o", "json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got struct {
		Surge     int `json:"surge"`
		PeakNodes int `json:"peakNodes"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	if got.Surge != 2 || got.PeakNodes != 4 {
		t.Errorf("surge %d, peak %d; want 2, 4", got.Surge, got.PeakNodes)
	}
	table, _, _ := cli(t, "size", "--node-count", "2", "--max-surge", "10", "--max-pods", "30")
	if !strings.Contains(table, "2 nodes + 2 surge (maxSurge 10, capped at the pool)") {
		t.Errorf("table does not say the surge is capped:\n%s", table)
	}
}
