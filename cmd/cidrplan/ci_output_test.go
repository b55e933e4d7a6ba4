package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/google/go-cmp/cmp"
)

// ciPlan has findings on known lines: want maps each field to its line.
const ciPlan = `vnets:
  - name: vnet
    addressSpace: [10.1.0.0/16]
    subnets:
      - name: nodes
        addressPrefixes: [10.9.0.0/24]
clusters:
  - name: app
    networkProfile:
      networkPlugin: azure
      networkPluginMode: overlay
      networkPolicy: cilium
      networkDataplane: cilium
      serviceCidr: 10.9.0.0/20
      dnsServiceIP: 10.8.0.10
    agentPoolProfiles:
      - name: system
        count: 3
        maxPods: 30
        maxSurge: 33%
        vnetSubnet: nodes
`

// writeCIPlan writes ciPlan into a temporary directory and returns its
// path.
func writeCIPlan(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "plan.yaml")
	if err := os.WriteFile(path, []byte(ciPlan), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// planLine returns the 1-based line of ciPlan holding key (the first).
func planLine(t *testing.T, key string) int {
	t.Helper()
	for i, l := range strings.Split(ciPlan, "\n") {
		if strings.HasPrefix(strings.TrimLeft(l, " -"), key) {
			return i + 1
		}
	}
	t.Fatalf("no line with %q", key)
	return 0
}

// check -o sarif writes a SARIF 2.1.0 log: the required properties are
// there, one rule per registered code, every result names a rule, a level,
// the plan file as given and the line of the finding's field.
func TestCheckSARIF(t *testing.T) {
	path := writeCIPlan(t)
	out, errs, code := cli(t, "check", path, "-o", "sarif")
	if code != exitFailure || errs != "" {
		t.Fatalf("exit %d, stderr %q; want 1 and nothing", code, errs)
	}
	var log struct {
		Schema  string `json:"$schema"`
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name    string `json:"name"`
					Version string `json:"version"`
					Rules   []struct {
						ID               string `json:"id"`
						ShortDescription struct{ Text string }
						Help             struct{ Text string }
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results *[]struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Message   struct {
					Text *string `json:"text"`
				} `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine   int `json:"startLine"`
							StartColumn int `json:"startColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				Properties struct {
					Field     string         `json:"field"`
					Fix       string         `json:"fix"`
					FixValues []fixValueJSON `json:"fixValues"`
				} `json:"properties"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	// Required by the 2.1.0 schema: version, runs; run.tool.driver.name;
	// result.message.text (and, for code scanning, ruleId and a location).
	if log.Version != "2.1.0" || !strings.Contains(log.Schema, "sarif-2.1.0") || len(log.Runs) != 1 {
		t.Fatalf("version %q, $schema %q, %d runs; want 2.1.0 and one run", log.Version, log.Schema, len(log.Runs))
	}
	run := log.Runs[0]
	d := run.Tool.Driver
	if d.Name != "cidrplan" || d.Version == "" {
		t.Errorf("driver %q version %q, want cidrplan and a version", d.Name, d.Version)
	}
	codes := ipam.Codes()
	if len(d.Rules) != len(codes) {
		t.Fatalf("%d rules, want one per registered code (%d)", len(d.Rules), len(codes))
	}
	for i, ci := range codes {
		r := d.Rules[i]
		if r.ID != string(ci.Code) || r.ShortDescription.Text == "" || !strings.Contains(r.Help.Text, ci.Meaning) {
			t.Errorf("rule %d = %+v, want %s with its meaning", i, r, ci.Code)
		}
	}
	if run.Results == nil || len(*run.Results) == 0 {
		t.Fatal("no results")
	}
	levels := map[ipam.Severity]string{ipam.SeverityError: "error", ipam.SeverityWarning: "warning", ipam.SeverityInfo: "note"}
	fs, _ := checkJSON(t, path)
	if len(fs) != len(*run.Results) {
		t.Fatalf("%d results, want one per finding (%d)", len(*run.Results), len(fs))
	}
	wantLine := map[string]int{
		"clusters[app].networkProfile.serviceCidr":      planLine(t, "serviceCidr:"),
		"clusters[app].networkProfile.dnsServiceIP":     planLine(t, "dnsServiceIP:"),
		"clusters[app].networkProfile.podCidr":          planLine(t, "networkProfile:"), // a default: its parent
		"vnets[vnet].subnets[nodes].addressPrefixes[0]": planLine(t, "addressPrefixes:"),
	}
	for i, r := range *run.Results {
		f := fs[i]
		if r.RuleID != f.Code || d.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %d: ruleId %q, ruleIndex %d; want %s", i, r.RuleID, r.RuleIndex, f.Code)
		}
		var sev ipam.Severity
		if err := sev.UnmarshalText([]byte(f.Severity)); err != nil || r.Level != levels[sev] {
			t.Errorf("result %d: level %q for a %s", i, r.Level, f.Severity)
		}
		if r.Message.Text == nil || *r.Message.Text != f.Message || r.Properties.Field != f.Field || r.Properties.Fix != f.Fix ||
			!slices.Equal(r.Properties.FixValues, f.FixValues) {
			t.Errorf("result %d: message, field, fix or fixValues differ from the finding %+v", i, f)
		}
		if len(r.Locations) != 1 {
			t.Fatalf("result %d: %d locations, want 1", i, len(r.Locations))
		}
		loc := r.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI != path || loc.Region.StartLine < 1 || loc.Region.StartColumn < 1 {
			t.Errorf("result %d: location %+v, want %s and a line and column", i, loc, path)
		}
		if want, ok := wantLine[f.Field]; ok && loc.Region.StartLine != want {
			t.Errorf("result %d (%s): line %d, want %d", i, f.Field, loc.Region.StartLine, want)
		}
		delete(wantLine, f.Field)
	}
	if len(wantLine) > 0 {
		t.Errorf("no result for %v", wantLine)
	}
}

// check -o github prints one workflow command per finding, on the line of
// its field, escaped as GitHub's runner reads them.
func TestCheckGitHub(t *testing.T) {
	path := writeCIPlan(t)
	out, errs, code := cli(t, "check", path, "-o", "github")
	if code != exitFailure || errs != "" {
		t.Fatalf("exit %d, stderr %q; want 1 and nothing", code, errs)
	}
	want := "::error file=" + githubProperty(path) + ",line=14,col=7,title=ServiceCidrOverlapExistingSubnetsCidr clusters[app].networkProfile.serviceCidr::" +
		`service CIDR 10.9.0.0/20 of cluster "app" overlaps subnet "nodes" (10.9.0.0/24) of VNet "vnet"%0Afix: `
	if !strings.Contains(out, want) {
		t.Errorf("output lacks\n%s\n in\n%s", want, out)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	fs, _ := checkJSON(t, path)
	if len(lines) != len(fs) {
		t.Fatalf("%d lines, want one per finding (%d):\n%s", len(lines), len(fs), out)
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "::error file=") && !strings.HasPrefix(l, "::warning file=") && !strings.HasPrefix(l, "::notice file=") {
			t.Errorf("line %q is no workflow command with a file", l)
		}
	}
}

func TestGitHubEscaping(t *testing.T) {
	tests := []struct{ in, data, property string }{
		{"plain", "plain", "plain"},
		{"50% of a:b, c\r\nd", "50%25 of a:b, c%0D%0Ad", "50%25 of a%3Ab%2C c%0D%0Ad"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.data, githubData(tt.in)); diff != "" {
			t.Errorf("githubData(%q) (-want +got):\n%s", tt.in, diff)
		}
		if diff := cmp.Diff(tt.property, githubProperty(tt.in)); diff != "" {
			t.Errorf("githubProperty(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}
