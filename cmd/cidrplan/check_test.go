package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cidrplan/cidrplan/ipam/planfile"
	"github.com/google/go-cmp/cmp"
)

// findingJSON is the documented -o json shape of one finding.
type findingJSON struct {
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Field    string `json:"field"`
	Message  string `json:"message"`
	Fix      string `json:"fix"`
	// FixValues are the values the fix proposes, where it proposes any.
	FixValues []fixValueJSON `json:"fixValues"`
}

// fixValueJSON is one value of a finding's fixValues.
type fixValueJSON struct {
	Field string `json:"field"`
	Value string `json:"value"`
}

func checkJSON(t *testing.T, args ...string) ([]findingJSON, int) {
	t.Helper()
	stdout, stderr, code := cli(t, append([]string{"check", "-o", "json"}, args...)...)
	if code == exitUsage {
		t.Fatalf("check %v: exit 2: %s", args, stderr)
	}
	var got struct {
		Findings *[]findingJSON `json:"findings"`
	}
	dec := json.NewDecoder(strings.NewReader(stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("check %v: %v\n%s", args, err, stdout)
	}
	if got.Findings == nil {
		t.Fatalf("check %v: no \"findings\" list in %s", args, stdout)
	}
	return *got.Findings, code
}

func TestCheckBrokenPlan(t *testing.T) {
	fs, code := checkJSON(t, "../../examples/plans/broken.yaml")
	if code != exitFailure {
		t.Errorf("exit status %d, want 1", code)
	}
	var errs []string
	for _, f := range fs {
		switch f.Severity {
		case "error":
			errs = append(errs, f.Code)
			if f.Fix == "" || f.Message == "" || f.Field == "" {
				t.Errorf("error finding without message, field or fix: %+v", f)
			}
		case "warning", "info":
		default:
			t.Errorf("finding with severity %q", f.Severity)
		}
	}
	slices.Sort(errs)
	want := []string{
		"BastionSubnetTooSmall",
		"DnsServiceIpOutOfServiceCidr",
		"InsufficientSubnetSize",
		"InvalidMaxPods",
		"PodCidrOverlapExistingSubnetsCidr",
		"ReservedRangeOverlap", // one finding for 172.30.0.0/16 and 172.31.0.0/16
		"ServiceCidrOverlapExistingSubnetsCidr",
		"WindowsNotSupportedOnKubenet",
	}
	if diff := cmp.Diff(want, errs); diff != "" {
		t.Errorf("error codes of broken.yaml (-want +got):\n%s", diff)
	}
	i := slices.IndexFunc(fs, func(f findingJSON) bool { return f.Code == "InsufficientSubnetSize" })
	if i < 0 || !strings.Contains(fs[i].Message, "341") || !strings.Contains(fs[i].Message, "251") {
		t.Errorf("InsufficientSubnetSize does not show the arithmetic (341 needed, 251 usable): %+v", fs)
	}
}

// Every good example plan validates without errors, in every format.
func TestCheckGoodPlans(t *testing.T) {
	paths, err := filepath.Glob("../../examples/plans/*.yaml")
	if err != nil || len(paths) < 8 {
		t.Fatalf("example plans: %v, %v", paths, err)
	}
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		if name == "broken" || name == "incomplete" || name == "tight-upgrade" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			fs, code := checkJSON(t, path)
			for _, f := range fs {
				if f.Severity == "error" {
					t.Errorf("error finding: %+v", f)
				}
			}
			if code != exitOK {
				t.Errorf("exit status %d, want 0", code)
			}
			for _, o := range []string{"table", "yaml"} {
				if _, stderr, code := cli(t, "check", path, "-o", o); code != exitOK {
					t.Errorf("-o %s: exit status %d: %s", o, code, stderr)
				}
			}
		})
	}
}

func TestCheckTable(t *testing.T) {
	stdout, stderr, code := cli(t, "check", "../../examples/plans/broken.yaml")
	if code != exitFailure || stderr != "" {
		t.Errorf("exit status %d, stderr %q; want 1 and nothing on stderr", code, stderr)
	}
	// The table says what the JSON says: each finding's code and field on
	// one line, its message and fix below (the wording is ipam's, tested
	// there).
	fs, _ := checkJSON(t, "../../examples/plans/broken.yaml")
	data, err := os.ReadFile("../../examples/plans/broken.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, pos, err := planfile.ParseWithPositions(data, "broken.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		line, _ := pos.Of(f.Field)
		block := fmt.Sprintf("  %s  %s  ../../examples/plans/broken.yaml:%d\n    %s\n", f.Code, f.Field, line, f.Message)
		if f.Fix != "" {
			block += "    fix: " + f.Fix + "\n"
		}
		if !strings.Contains(stdout, block) {
			t.Errorf("table lacks the block\n%s", block)
		}
	}
	count := map[string]int{}
	for _, f := range fs {
		count[f.Severity]++
	}
	summary := fmt.Sprintf("../../examples/plans/broken.yaml: %d errors, %s, %s\n", count["error"],
		plural(count["warning"], "warning", "warnings"), plural(count["info"], "piece of advice", "pieces of advice"))
	if !strings.HasSuffix(stdout, summary) {
		t.Errorf("table does not end with the summary:\n%s", stdout)
	}
	// Errors come before warnings, warnings before advice.
	e, w, a := strings.Index(stdout, "ERRORS ("), strings.Index(stdout, "WARNINGS ("), strings.Index(stdout, "ADVICE (")
	if !(0 <= e && e < w && w < a) {
		t.Errorf("sections out of order: errors at %d, warnings at %d, advice at %d", e, w, a)
	}
}

func TestCheckAvoid(t *testing.T) {
	// overlay-cilium's pod CIDR is 10.244.0.0/15; avoiding part of it must
	// be reported, and the exit status must say so.
	fs, code := checkJSON(t, "../../examples/plans/overlay-cilium.yaml", "--avoid", "10.244.128.0/17")
	if code != exitFailure {
		t.Errorf("exit status %d, want 1", code)
	}
	found := false
	for _, f := range fs {
		if f.Severity == "error" && strings.Contains(f.Message, "10.244.128.0/17") {
			found = true
		}
	}
	if !found {
		t.Errorf("no error naming the avoided range: %+v", fs)
	}
}

func TestCheckBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := write("empty.yaml", "")
	comments := write("comments.yaml", "# nothing yet\n")
	nameOnly := write("name-only.yaml", "name: x\n")
	malformed := write("malformed.yaml", "vnets:\n  - name: a\n    addressSpace: [10.0.0.0/16\n")
	hostBits := write("hostbits.yaml", "vnets:\n  - name: a\n    addressSpace: [10.0.0.1/16]\n")
	unknown := write("unknown.yaml", "vnets:\n  - name: a\n    adressSpace: [10.0.0.0/16]\n")

	tests := []struct {
		name string
		args []string
		want string
	}{
		{"missing file", []string{"nope.yaml"}, `plan "nope.yaml": no such file`},
		{"no plan argument", nil, "missing PLAN argument"},
		{"two plans", []string{empty, empty}, "unexpected argument"},
		{"empty file", []string{empty}, "empty plan"},
		{"only comments", []string{comments}, "empty plan"},
		{"no vnets and no clusters", []string{nameOnly}, "empty plan"},
		{"malformed YAML names its line", []string{malformed}, "malformed.yaml:2: syntax error"},
		{"host bits", []string{hostBits}, "10.0.0.1/16"},
		{"unknown key names its line", []string{unknown}, `unknown.yaml:3`},
		{"bad avoid", []string{"../../examples/plans/classic-cni.yaml", "--avoid", "10.0.0.1/8"}, `--avoid "10.0.0.1/8": host bits set (want 10.0.0.0/8)`},
		{"bad output format", []string{"../../examples/plans/classic-cni.yaml", "-o", "xml"}, `--output "xml": want one of table, json, yaml`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := cli(t, append([]string{"check"}, tt.args...)...)
			wantOneLineError(t, stdout, stderr, code, exitUsage, tt.want)
		})
	}
}

// A plan in JSON checks the same as the YAML it came from.
func TestCheckJSONPlan(t *testing.T) {
	p, err := planfile.Load("../../examples/plans/broken.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b, err := planfile.Marshal(p, planfile.JSON)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "broken.json")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	fromYAML, _ := checkJSON(t, "../../examples/plans/broken.yaml")
	fromJSON, code := checkJSON(t, path)
	if code != exitFailure {
		t.Errorf("exit status %d, want 1", code)
	}
	if diff := cmp.Diff(fromYAML, fromJSON); diff != "" {
		t.Errorf("findings of the JSON plan (-yaml +json):\n%s", diff)
	}
}

func TestCheckFailOn(t *testing.T) {
	const plan = "../../examples/plans/kubenet-limits.yaml" // no errors, no warnings, advice
	tests := []struct {
		failOn string
		want   int
	}{
		{"error", exitOK},
		{"warning", exitOK},
		{"info", exitFailure},
	}
	fs, _ := checkJSON(t, plan)
	for _, f := range fs {
		if f.Severity != "info" {
			t.Fatalf("%s has a finding other than advice; pick another plan: %+v", plan, f)
		}
	}
	if len(fs) == 0 {
		t.Fatalf("%s has no advice; pick another plan", plan)
	}
	for _, tt := range tests {
		t.Run(tt.failOn, func(t *testing.T) {
			if _, stderr, code := cli(t, "check", plan, "--fail-on", tt.failOn); code != tt.want {
				t.Errorf("exit status %d, want %d; stderr %q", code, tt.want, stderr)
			}
		})
	}
	stdout, stderr, code := cli(t, "check", plan, "--fail-on", "fatal")
	wantOneLineError(t, stdout, stderr, code, exitUsage, `--fail-on "fatal": want one of error, warning, info`)
}

// TestCheckJSONFixValues: -o json gives a fix's proposed values as
// fixValues, each named in the fix's words, for a script to set instead of
// parsing the words.
func TestCheckJSONFixValues(t *testing.T) {
	fs, _ := checkJSON(t, "../../examples/plans/broken.yaml")
	var with int
	for _, f := range fs {
		for _, v := range f.FixValues {
			if !strings.Contains(f.Fix, v.Value) {
				t.Errorf("fixValues %+v not named in the fix of %+v", v, f)
			}
		}
		if len(f.FixValues) > 0 {
			with++
		}
	}
	if with == 0 {
		t.Fatal("no finding of broken.yaml has fixValues")
	}
	i := slices.IndexFunc(fs, func(f findingJSON) bool { return f.Code == "ServiceCidrOverlapExistingSubnetsCidr" })
	if i < 0 {
		t.Fatal("no ServiceCidrOverlapExistingSubnetsCidr in broken.yaml")
	}
	want := []fixValueJSON{
		{"clusters[classic].networkProfile.serviceCidr", "10.3.0.0/20"},
		{"clusters[classic].networkProfile.dnsServiceIP", "10.3.0.10"},
	}
	if diff := cmp.Diff(want, fs[i].FixValues); diff != "" {
		t.Errorf("fixValues of %s (-want +got):\n%s", fs[i].Fix, diff)
	}
}
