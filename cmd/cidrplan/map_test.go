package main

import (
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMapText(t *testing.T) {
	stdout, stderr, code := cli(t, "map", "../../examples/plans/broken.yaml", "--width", "60")
	if code != exitOK || stderr != "" {
		t.Fatalf("exit status %d, stderr %q", code, stderr)
	}
	// The drawing is addrmap's (tested there); here: every subnet is named,
	// bars are as wide as asked, and the overlaps of the plan are marked.
	for _, name := range []string{"aks-nodes", "AzureBastionSubnet", "legacy-nodes", "overlay-nodes", "legend:"} {
		if !strings.Contains(stdout, name) {
			t.Errorf("map lacks %q:\n%s", name, stdout)
		}
	}
	if !strings.Contains(stdout, "X") {
		t.Errorf("map of broken.yaml marks no overlap:\n%s", stdout)
	}
	for _, line := range strings.Split(stdout, "\n") {
		if bar, ok := strings.CutPrefix(line, "  |"); ok && len([]rune(bar)) != 61 {
			t.Errorf("bar %q is not 60 cells wide", line)
		}
	}
}

// wellFormed parses s as XML to the end.
func wellFormed(t *testing.T, s string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	d.Strict = true
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
	}
}

func TestMapSVG(t *testing.T) {
	stdout, _, code := cli(t, "map", "../../examples/plans/hub-spoke.yaml", "-o", "svg")
	if code != exitOK || !strings.Contains(stdout, "<svg") {
		t.Fatalf("exit status %d, output %.80q", code, stdout)
	}
	wellFormed(t, stdout)
	// README shows this map; keep the committed image current.
	const image = "../../examples/plans/hub-spoke.svg"
	if *update {
		if err := os.WriteFile(image, []byte(stdout), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(image)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), stdout); diff != "" {
		t.Errorf("%s is stale; run go test ./cmd/cidrplan -update (-want +got):\n%s", image, diff)
	}
}

func TestMapHTML(t *testing.T) {
	stdout, _, code := cli(t, "map", "../../examples/plans/dual-stack.yaml", "-o", "html")
	if code != exitOK || !strings.Contains(stdout, "<svg") || !strings.Contains(strings.ToLower(stdout), "<html") {
		t.Errorf("exit status %d, output %.80q", code, stdout)
	}
}

func TestMapBadInput(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no plan", nil, "missing PLAN argument"},
		{"narrow", []string{"../../examples/plans/broken.yaml", "--width", "3"}, `--width "3": must be at least 16`},
		{"format", []string{"../../examples/plans/broken.yaml", "-o", "png"}, `--output "png": want one of text, svg, html`},
		{"missing file", []string{"nope.yaml"}, `plan "nope.yaml": no such file`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := cli(t, append([]string{"map"}, tt.args...)...)
			wantOneLineError(t, stdout, stderr, code, exitUsage, tt.want)
		})
	}
}

// map and check agree: two overlay clusters reusing a pod CIDR is no
// overlap for either; a kubenet cluster whose pod CIDR overlaps a subnet is
// marked by map with the code check reports.
func TestMapAgreesWithCheck(t *testing.T) {
	const plan = `
vnets:
  - name: hub
    addressSpace: [10.1.0.0/16]
    subnets:
      - name: aks
        addressPrefixes: [10.1.0.0/22]
clusters:
  - name: a
    networkProfile: {networkPlugin: azure, networkPluginMode: overlay, networkPolicy: cilium, podCidr: 10.244.0.0/16, serviceCidr: 10.0.0.0/16, dnsServiceIP: 10.0.0.10}
    agentPoolProfiles: [{name: sys, count: 3, maxSurge: "1", maxPods: 30, vnetSubnet: aks}]
  - name: b
    networkProfile: {networkPlugin: azure, networkPluginMode: overlay, networkPolicy: cilium, podCidr: 10.244.0.0/16, serviceCidr: 10.0.0.0/16, dnsServiceIP: 10.0.0.10}
    agentPoolProfiles: [{name: sys, count: 3, maxSurge: "1", maxPods: 30, vnetSubnet: aks}]
`
	tests := []struct {
		name     string
		plan     string
		wantMark string // "" for no overlap line
	}{
		{"overlay pod CIDR reuse", plan, ""},
		{"kubenet pod CIDR over a subnet", strings.Replace(plan,
			"{networkPlugin: azure, networkPluginMode: overlay, networkPolicy: cilium, podCidr: 10.244.0.0/16",
			"{networkPlugin: kubenet, networkPolicy: calico, podCidr: 10.1.0.0/24", 1),
			"a pods ∩ aks  PodCidrOverlapExistingSubnetsCidr"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "plan.yaml")
			if err := os.WriteFile(path, []byte(tt.plan), 0o644); err != nil {
				t.Fatal(err)
			}
			out, stderr, code := cli(t, "map", path)
			if code != exitOK {
				t.Fatalf("map: exit %d: %s", code, stderr)
			}
			var marks []string
			for _, line := range strings.Split(out, "\n") {
				if strings.HasPrefix(line, "  X  ") {
					marks = append(marks, line)
				}
			}
			switch {
			case tt.wantMark == "" && len(marks) > 0:
				t.Errorf("map marks %q, want no overlap:\n%s", marks, out)
			case tt.wantMark != "" && (len(marks) != 1 || !strings.Contains(marks[0], tt.wantMark)):
				t.Errorf("map marks %q, want one line with %q:\n%s", marks, tt.wantMark, out)
			}
			check, _, _ := cli(t, "check", path)
			if got := strings.Contains(check, "PodCidrOverlap"); got != (tt.wantMark != "") {
				t.Errorf("check reports a pod CIDR overlap = %v, want %v:\n%s", got, tt.wantMark != "", check)
			}
		})
	}
}
