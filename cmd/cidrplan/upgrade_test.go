package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The JSON keys of upgrade the issue fixes: more may be added, none renamed.
func TestUpgradeJSONKeys(t *testing.T) {
	stdout, _, code := cli(t, "upgrade", "../../examples/plans/tight-upgrade.yaml", "-o", "json")
	if code != exitFailure {
		t.Fatalf("exit status %d, want 1: a step does not fit", code)
	}
	var got struct {
		Clusters []struct {
			Name  string `json:"name"`
			Steps []struct {
				Pool             string `json:"pool"`
				Surge            int    `json:"surge"`
				Fits             bool   `json:"fits"`
				MaxSurgeThatFits int    `json:"maxSurgeThatFits"`
				Ranges           []struct {
					Kind   string      `json:"kind"`
					Name   string      `json:"name"`
					Prefix string      `json:"prefix"`
					Peak   json.Number `json:"peak"`
					Usable json.Number `json:"usable"`
				} `json:"ranges"`
			} `json:"steps"`
		} `json:"clusters"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	var steps []string
	for _, s := range got.Clusters[0].Steps {
		r := s.Ranges[0]
		steps = append(steps, strings.Join([]string{s.Pool, strconv.Itoa(s.Surge), boolWord(s.Fits), strconv.Itoa(s.MaxSurgeThatFits),
			r.Kind, r.Name, r.Prefix, r.Peak.String(), r.Usable.String()}, " "))
	}
	want := []string{
		"system 1 fits 2 nodeSubnet aks-nodes 10.20.0.0/23 470 507",
		"web 4 short 2 nodeSubnet aks-nodes 10.20.0.0/23 563 507",
		"batch 1 short 0 nodeSubnet aks-nodes 10.20.0.0/23 550 507",
	}
	if diff := cmp.Diff(want, steps); diff != "" {
		t.Errorf("steps (-want +got):\n%s", diff)
	}
}

func boolWord(fits bool) string {
	if fits {
		return "fits"
	}
	return "short"
}

// upgrade exits 1 exactly where check reports a range too small for the
// upgrade peak, or a cluster it can't size.
func TestUpgradeExitAgreesWithCheck(t *testing.T) {
	paths, _ := filepath.Glob("../../examples/plans/*.yaml")
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			fs, _ := checkJSON(t, path)
			short := false
			for _, f := range fs {
				if f.Severity == "error" && slices.Contains([]string{"InsufficientSubnetSize", "InsufficientPodCidr",
					"AgentPoolNodeLimitExceeded", "KubenetRouteLimitAtUpgrade", "InvalidMaxPods", "InvalidAgentPool", "WindowsNotSupportedOnKubenet"}, f.Code) {
					short = true
				}
			}
			_, stderr, code := cli(t, "upgrade", path)
			if want := map[bool]int{true: exitFailure, false: exitOK}[short]; code != want {
				t.Errorf("exit status %d, want %d (check's capacity errors: %v): %s", code, want, short, stderr)
			}
		})
	}
}

func TestReportJSON(t *testing.T) {
	stdout, _, code := cli(t, "report", "../../examples/plans/broken.yaml", "--growth", "10%/month", "-o", "json")
	if code != exitOK {
		t.Fatalf("exit status %d, want 0", code)
	}
	var got struct {
		Ranges []map[string]any `json:"ranges"`
		Pools  []map[string]any `json:"pools"`
	}
	d := json.NewDecoder(strings.NewReader(stdout))
	d.UseNumber()
	if err := d.Decode(&got); err != nil {
		t.Fatal(err)
	}
	first := got.Ranges[0]
	for _, k := range []string{"kind", "name", "prefix", "usable", "steady", "peak", "headroom", "monthsLeft"} {
		if _, ok := first[k]; !ok {
			t.Errorf("range has no %q: %v", k, first)
		}
	}
	// aks-nodes: 251 usable, 341 at the peak: 90 short, now.
	if first["headroom"] != json.Number("-90") || first["monthsLeft"] != json.Number("-1") {
		t.Errorf("headroom %v monthsLeft %v, want -90 and -1", first["headroom"], first["monthsLeft"])
	}
	for _, k := range []string{"cluster", "pool", "nodes", "maxNodes"} {
		if _, ok := got.Pools[0][k]; !ok {
			t.Errorf("pool has no %q: %v", k, got.Pools[0])
		}
	}
}

func TestUpgradeReportUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown cluster", []string{"upgrade", "../../examples/plans/classic-cni.yaml", "--cluster", "nope"}, `no cluster "nope" (the plan has prod)`},
		{"growth without a rate", []string{"report", "../../examples/plans/classic-cni.yaml", "--growth", "5"}, `want "N/month" or "P%/month"`},
		{"report as yaml", []string{"report", "../../examples/plans/classic-cni.yaml", "-o", "yaml"}, "want one of table, json, html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := cli(t, tt.args...)
			wantOneLineError(t, stdout, stderr, code, exitUsage, tt.want)
		})
	}
}

func TestResourceGroupWord(t *testing.T) {
	for _, tt := range []struct{ flag, plan, want string }{
		{"", "", `"$RESOURCE_GROUP"`},
		{"", "rg-apps", "rg-apps"},
		{"rg2", "rg-apps", "rg2"},
		{"", "rg apps (prod)", `'rg apps (prod)'`},
		{"", "it's", `'it'\''s'`},
	} {
		if got := resourceGroupWord(tt.flag, tt.plan); got != tt.want {
			t.Errorf("resourceGroupWord(%q, %q) = %s, want %s", tt.flag, tt.plan, got, tt.want)
		}
	}
}
