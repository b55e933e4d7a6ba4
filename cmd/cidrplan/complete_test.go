package main

import (
	"encoding/json"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/planfile"
	"github.com/google/go-cmp/cmp"
)

func TestComplete(t *testing.T) {
	for _, format := range []string{"yaml", "json"} {
		t.Run(format, func(t *testing.T) {
			stdout, stderr, code := cli(t, "complete", "../../examples/plans/incomplete.yaml", "-o", format)
			if code != exitOK || stderr != "" {
				t.Fatalf("exit status %d, stderr %q", code, stderr)
			}
			if format == "yaml" {
				golden(t, "complete-incomplete", stdout)
			}
			p, err := planfile.Parse([]byte(stdout), "completed")
			if err != nil {
				t.Fatalf("completed plan does not load: %v", err)
			}
			if fs := p.Validate(); fs.HasErrors() {
				t.Errorf("completed plan has errors: %v", fs.Filter(ipam.SeverityError))
			}
			for _, s := range p.VNets[0].Subnets {
				if len(s.AddressPrefixes) == 0 {
					t.Errorf("subnet %q left without a prefix", s.Name)
				}
			}
			np := p.Clusters[0].NetworkProfile
			if len(np.PodPrefixes()) == 0 || len(np.ServicePrefixes()) == 0 || !np.DNSServiceIP.IsValid() {
				t.Errorf("network profile not completed: %+v", np)
			}
			// The on-premises 10.0.0.0/12 to avoid rules out the default
			// service CIDR 10.0.0.0/16.
			for _, sp := range np.ServicePrefixes() {
				if sp.Overlaps(p.Avoid[0].Prefixes[0]) {
					t.Errorf("service CIDR %s overlaps the avoided %s", sp, p.Avoid[0].Prefixes[0])
				}
			}
		})
	}
}

func TestCompleteNoRoom(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tight.yaml")
	plan := `vnets:
  - name: v
    addressSpace: [10.9.0.0/26]
    subnets:
      - name: nodes
clusters:
  - name: c
    vnet: v
    networkProfile:
      networkPlugin: azure
    agentPoolProfiles:
      - name: system
        count: 20
        maxPods: 30
        maxSurge: "1"
        vnetSubnet: nodes
`
	if err := os.WriteFile(path, []byte(plan), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := cli(t, "complete", path)
	if code != exitFailure {
		t.Errorf("exit status %d, want 1", code)
	}
	if !strings.Contains(stdout, "name: nodes") {
		t.Errorf("the plan is not printed:\n%s", stdout)
	}
	if strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, `cidrplan complete: no room: subnet "nodes" needs a /22`) {
		t.Errorf("stderr = %q, want one line saying what does not fit", stderr)
	}
}

func TestCompleteBadInput(t *testing.T) {
	stdout, stderr, code := cli(t, "complete", "missing.yaml")
	wantOneLineError(t, stdout, stderr, code, exitUsage, `plan "missing.yaml": no such file`)
	stdout, stderr, code = cli(t, "complete", "../../examples/plans/incomplete.yaml", "-o", "table")
	wantOneLineError(t, stdout, stderr, code, exitUsage, `--output "table": want one of yaml, json`)
}

func TestCompleteErrorWording(t *testing.T) {
	tests := []struct {
		err  *ipam.CompleteError
		want string
	}{
		{&ipam.CompleteError{Step: `subnet "nodes" needs a /22 in VNet "v"`,
			Err: &ipam.AllocError{Within: netip.MustParsePrefix("10.0.0.0/22"), Bits: 22, Count: 1}},
			`no room: subnet "nodes" needs a /22 in VNet "v": no room for 1 /22 in 10.0.0.0/22 (found 0)`},
		{&ipam.CompleteError{Step: `cluster "c": no VNet to put a node subnet in (set vnet)`},
			`cannot complete the plan: cluster "c": no VNet to put a node subnet in (set vnet)`},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, completeError(tt.err)); diff != "" {
			t.Errorf("completeError(%v) (-want +got):\n%s", tt.err, diff)
		}
	}
}

// complete keeps the user's file: comments, key order, flow style and a
// JSON plan's format and indentation stay; only the keys it fills are
// added, and no default that does not apply (no overlayMaxNodes off
// overlay, no maxUnavailable on a System pool); an entry without a name
// is filled, not added again. The output checks clean.
func TestCompleteKeepsFile(t *testing.T) {
	tests := []struct {
		name, in string
		keep     []string // lines of the input the output holds as they are (or starts)
		absent   []string // what the output must not hold
	}{
		{"complete-commented", "testdata/complete-commented.in.yaml",
			[]string{"# A team's plan with its ranges left out: cidrplan complete fills them in", "  - name: team-vnet # the spoke",
				"    addressSpace: [10.70.0.0/16]", "      # nodes of the system pool", `    kubernetesVersion: "1.33" # pinned`,
				"      # classic Azure CNI: pods take node subnet addresses", "      # scales with the apps"},
			[]string{"overlayMaxNodes", "podCidr"}},
		{"complete-flow", "testdata/complete-flow.in.yaml",
			[]string{"vnets: [{name: v, addressSpace: [10.80.0.0/16], subnets: [{name: nodes, "}, []string{"maxUnavailable"}},
		{"complete-json", "testdata/complete-json.in.json",
			[]string{`    "vnets": [`, `            "addressSpace": ["10.90.0.0/16"],`}, []string{"overlayMaxNodes", "podCidr"}},
		{"complete-unnamed", "testdata/complete-unnamed.in.json",
			[]string{`  "avoid": [`, `    {"source": "other", "prefixes": ["10.0.0.0/12"]},`, `    {"source": "peering", "prefixes": ["10.244.0.0/16"]}`, "  ]"},
			[]string{`"name": ""`}},
		{"complete-flow-root", "testdata/complete-flow-root.in.yaml",
			[]string{"{name: flow-root, vnets: [{name: v, ", "# the range to avoid is on-premises"}, []string{"name: \"\"", `"name"`}},
		{"complete-flush", "testdata/complete-flush.in.yaml",
			[]string{"vnets:", "- name: spoke", "  - 10.60.0.0/16", "  - name: nodes # overlay: nodes only", "  - name: system"}, []string{"podCidrs", "serviceCidrs"}},
		{"complete-crlf-bom", "testdata/complete-crlf-bom.in.yaml",
			[]string{"\ufeff# Written on Windows", "vnets:\r", "- name: spoke\r", "    addressPrefixes:\r"}, []string{"podCidrs"}},
		{"complete-utf16", "testdata/complete-utf16.in.yaml",
			[]string{"# Written on Windows", "vnets:\r", "- name: spoke\r", "    addressPrefixes:\r"}, []string{"podCidrs", "\x00"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := cli(t, "complete", tt.in)
			if code != exitOK || stderr != "" {
				t.Fatalf("exit status %d, stderr %q", code, stderr)
			}
			golden(t, tt.name, stdout)
			for _, line := range tt.keep {
				if !slices.ContainsFunc(strings.Split(stdout, "\n"), func(l string) bool { return strings.HasPrefix(l, line) }) {
					t.Errorf("output lacks the line %q", line)
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(stdout, s) {
					t.Errorf("output holds %q", s)
				}
			}
			if strings.HasSuffix(tt.in, ".json") && !json.Valid([]byte(stdout)) {
				t.Errorf("a JSON plan is not completed as JSON:\n%s", stdout)
			}
			path := filepath.Join(t.TempDir(), filepath.Base(tt.in))
			if err := os.WriteFile(path, []byte(stdout), 0o644); err != nil {
				t.Fatal(err)
			}
			if fs, code := checkJSON(t, path); code != exitOK {
				t.Errorf("the completed plan does not check clean (exit %d): %+v", code, fs)
			}
			again, _, _ := cli(t, "complete", path)
			if diff := cmp.Diff(stdout, again); diff != "" {
				t.Errorf("completing the completed plan changes it (-once +twice):\n%s", diff)
			}
		})
	}
}
