package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"
)

// encodings are the ways users' tools write a file: UTF-8 with or without
// a byte order mark, UTF-16 (Windows PowerShell 5.1's redirection) and
// CRLF line ends.
var encodings = []struct {
	name   string
	encode func([]byte) []byte
}{
	{"utf-8", func(b []byte) []byte { return b }},
	{"utf-8 bom", func(b []byte) []byte { return append([]byte("\xef\xbb\xbf"), b...) }},
	{"utf-16le bom", func(b []byte) []byte { return toUTF16(b, false) }},
	{"utf-16be bom", func(b []byte) []byte { return toUTF16(b, true) }},
	{"crlf", func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")) }},
	{"utf-16le bom crlf", func(b []byte) []byte {
		return toUTF16(bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")), false)
	}},
}

func toUTF16(b []byte, bigEndian bool) []byte {
	out := []byte{0xff, 0xfe}
	if bigEndian {
		out = []byte{0xfe, 0xff}
	}
	for _, u := range utf16.Encode([]rune(string(b))) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

// Plans and exports in every encoding give the output of the UTF-8 file.
func TestInputEncodings(t *testing.T) {
	inputs := []struct {
		name, file string
		args       func(path string) []string
	}{
		{"plan", "../../examples/plans/classic-cni.yaml", func(p string) []string { return []string{"check", p, "-o", "json"} }},
		{"json plan", "../../examples/plans/hub-spoke.yaml", func(p string) []string { return []string{"check", p} }},
		{"az export", "../../examples/exports/hub-spoke/aks.json", func(p string) []string {
			return []string{"import", "--aks", p, "--vnet", "../../examples/exports/hub-spoke/vnet-spoke.json"}
		}},
		{"terraform", "../../examples/exports/terraform/terraform.json", func(p string) []string {
			return []string{"import", "--terraform", p}
		}},
	}
	dir := t.TempDir()
	for _, in := range inputs {
		data, err := os.ReadFile(in.file)
		if err != nil {
			t.Fatal(err)
		}
		wantOut, wantErr, wantCode := cli(t, in.args(in.file)...)
		if wantCode == exitUsage {
			t.Fatalf("%s: %s", in.name, wantErr)
		}
		for _, enc := range encodings {
			t.Run(in.name+" "+enc.name, func(t *testing.T) {
				path := filepath.Join(dir, strings.ReplaceAll(in.name+"-"+enc.name, " ", "-")+filepath.Ext(in.file))
				if err := os.WriteFile(path, enc.encode(data), 0o644); err != nil {
					t.Fatal(err)
				}
				out, errs, code := cli(t, in.args(path)...)
				if code != wantCode || errs != strings.ReplaceAll(wantErr, in.file, path) {
					t.Fatalf("exit %d, stderr %q; want exit %d, stderr %q", code, errs, wantCode, wantErr)
				}
				if diff := cmp.Diff(wantOut, strings.ReplaceAll(out, path, in.file)); diff != "" {
					t.Errorf("stdout (-utf-8 +%s):\n%s", enc.name, diff)
				}
			})
		}
	}
}

// An export flag of "-" reads standard input, in any encoding.
func TestExportFromStdin(t *testing.T) {
	const aks, vnet = "../../examples/exports/hub-spoke/aks.json", "../../examples/exports/hub-spoke/vnet-spoke.json"
	data, err := os.ReadFile(aks)
	if err != nil {
		t.Fatal(err)
	}
	wantOut, _, _ := cli(t, "import", "--aks", aks, "--vnet", vnet)
	for _, enc := range encodings {
		t.Run(enc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := runIO([]string{"import", "--aks", "-", "--vnet", vnet}, bytes.NewReader(enc.encode(data)), &out, &errb)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			if diff := cmp.Diff(wantOut, out.String()); diff != "" {
				t.Errorf("stdout (-file +stdin):\n%s", diff)
			}
		})
	}
}

func TestStdinTwice(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"check", "--aks", "-", "--vnet", "-"}, "cidrplan check: standard input can be read once, but --aks - and --vnet - both name it"},
		{[]string{"import", "--avnm", "-", "--aks", "-", "--vnet", "-"}, "cidrplan import: standard input can be read once, but --avnm -, --aks -, --vnet - all name it"},
	} {
		var out, errb bytes.Buffer
		code := runIO(tc.args, strings.NewReader("{}"), &out, &errb)
		wantOneLineError(t, out.String(), errb.String(), code, exitUsage, tc.want)
	}
}

// endless is an input that never ends, as /dev/zero or `yes`.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}

// Inputs over the size limit, and endless ones, fail with one line and
// exit 2, promptly.
func TestInputLimit(t *testing.T) {
	const plan = "../../examples/plans/classic-cni.yaml"
	const aks = "../../examples/exports/hub-spoke/aks.json"
	tests := []struct {
		name  string
		args  []string
		env   string // CIDRPLAN_MAX_INPUT
		stdin bool   // endless standard input
		want  string
	}{
		{"plan over the flag", []string{"check", plan, "--max-input-size", "100B"}, "", false,
			`plan "` + plan + `": larger than the input limit of 100 bytes (raise it with --max-input-size or $CIDRPLAN_MAX_INPUT)`},
		{"plan over the variable", []string{"complete", plan}, "1KiB", false, `plan "` + plan + `": larger than the input limit of 1 KiB`},
		{"the flag wins", []string{"map", plan, "--max-input-size", "100"}, "1GiB", false, "limit of 100 bytes"},
		{"export", []string{"import", "--aks", aks, "--max-input-size", "100B"}, "", false, `export "` + aks + `": larger than the input limit of 100 bytes`},
		{"endless plan", []string{"check", "-", "--max-input-size", "1MiB"}, "", true, `plan "stdin": larger than the input limit of 1 MiB`},
		{"endless export", []string{"check", "--aks", "-"}, "2MiB", true, `export "stdin": larger than the input limit of 2 MiB`},
		{"alloc --plan", []string{"alloc", "--plan", "-", "--in-vnet", "v", "--prefix-length", "24"}, "1MiB", true, `plan "stdin": larger`},
		{"emit", []string{"emit", "arm", "-"}, "1MiB", true, `plan "stdin": larger`},
		{"bad variable", []string{"check", plan}, "lots", false, `$CIDRPLAN_MAX_INPUT "lots": want a positive number of bytes`},
		{"bad flag", []string{"check", plan, "--max-input-size", "0"}, "", false, `--max-input-size "0": want a positive number of bytes`},
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		tests = append(tests, struct {
			name  string
			args  []string
			env   string
			stdin bool
			want  string
		}{"dev zero", []string{"check", "/dev/zero"}, "8MiB", false, `plan "/dev/zero": larger than the input limit of 8 MiB`})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(maxInputEnv, tt.env)
			var stdin io.Reader = strings.NewReader("")
			if tt.stdin {
				stdin = endless{}
			}
			var out, errb bytes.Buffer
			start := time.Now()
			code := runIO(tt.args, stdin, &out, &errb)
			wantOneLineError(t, out.String(), errb.String(), code, exitUsage, tt.want)
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// A plan with several independent mistakes reports them all, one line
// each with file:line, in file order, and exits 2.
func TestEveryPlanError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plan.yaml")
	plan := `vnets:
  - name: hub
    addressSpace: [10.0.0.1/16]
clusters:
  - name: a
    networkProfile:
      serviceCidr: 10.2.0.0/33
    agentPoolProfiles:
      - name: sys
        vnetSubent: hub/aks
`
	if err := os.WriteFile(path, []byte(plan), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := cli(t, "check", path)
	if code != exitUsage || out != "" {
		t.Fatalf("exit %d, stdout %q; want 2 and nothing", code, out)
	}
	lines := strings.Split(strings.TrimSuffix(errs, "\n"), "\n")
	want := []string{
		"cidrplan check: " + path + ":3: vnets[hub].addressSpace[0]: ",
		"cidrplan check: " + path + ":7: clusters[a].networkProfile.serviceCidr: ",
		"cidrplan check: " + path + ":10: clusters[a].agentPoolProfiles[sys].vnetSubent: unknown field",
	}
	if len(lines) != len(want) {
		t.Fatalf("stderr has %d lines, want %d:\n%s", len(lines), len(want), errs)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q, want it to start %q", i+1, lines[i], w)
		}
	}
}
