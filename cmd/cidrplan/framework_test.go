package main

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // substring of the one-line error
	}{
		{"no such command", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"unknown flag", []string{"version", "--bogus"}, `unknown flag "--bogus"`},
		{"unknown single dash flag", []string{"version", "-x"}, `unknown flag "--x"`},
		{"unknown flag with a value", []string{"check", "--bogus=1", "plan.yaml"}, `unknown flag "--bogus"`},
		{"unknown flag after a valued one", []string{"check", "-o", "json", "--bogus"}, `unknown flag "--bogus"`},
		{"flag value that looks like a flag", []string{"check", "--fail-on", "--bogus"}, `--fail-on "--bogus": want one of`},
		{"flag without value", []string{"check", "plan.yaml", "--fail-on"}, `flag --fail-on needs a value`},
		{"bad syntax", []string{"check", "---x"}, `bad flag syntax: ---x`},
		{"bad syntax equals", []string{"check", "-=x"}, `bad flag syntax: -=x`},
		{"extra argument", []string{"version", "now"}, `unexpected argument "now"`},
		{"help for unknown command", []string{"help", "nope"}, `unknown command "nope"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := cli(t, tt.args...)
			wantOneLineError(t, stdout, stderr, code, exitUsage, tt.want)
		})
	}
}

func TestNoArgumentsPrintsOverviewAndFails(t *testing.T) {
	stdout, stderr, code := cli(t)
	if code != exitUsage || stdout != "" || !strings.Contains(stderr, "Commands:") {
		t.Errorf("run() = %d, stdout %q, stderr %q; want 2 and the overview on stderr", code, stdout, stderr)
	}
}

func TestHelp(t *testing.T) {
	overview, _, code := cli(t, "help")
	if code != exitOK {
		t.Fatalf("help: exit %d", code)
	}
	golden(t, "help", overview)
	for _, c := range commands() {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(overview, "  "+c.name+" ") {
				t.Errorf("overview does not list %q", c.name)
			}
			viaHelp, _, code := cli(t, "help", c.name)
			if code != exitOK {
				t.Fatalf("help %s: exit %d", c.name, code)
			}
			for _, flag := range []string{"-h", "--help"} {
				viaFlag, stderr, code := cli(t, c.name, flag)
				if code != exitOK || stderr != "" {
					t.Errorf("%s %s: exit %d, stderr %q", c.name, flag, code, stderr)
				}
				if viaFlag != viaHelp {
					t.Errorf("%s %s differs from help %s", c.name, flag, c.name)
				}
			}
			if !strings.Contains(viaHelp, "Examples:\n  ") || !strings.Contains(viaHelp, "cidrplan "+c.name) {
				t.Errorf("help %s has no examples:\n%s", c.name, viaHelp)
			}
			golden(t, "help-"+c.name, viaHelp)
		})
	}
}

func TestVersion(t *testing.T) {
	stdout, stderr, code := cli(t, "version")
	if code != exitOK || stderr != "" || !strings.HasPrefix(stdout, "cidrplan ") {
		t.Errorf("version: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	alias, _, _ := cli(t, "--version")
	if alias != stdout {
		t.Errorf("--version = %q, want %q", alias, stdout)
	}

	tests := []struct {
		name string
		info *debug.BuildInfo
		want string
	}{
		{"no build info", nil, "devel"},
		{"go install at a version", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v1.2.3"}}, "v1.2.3 go1.26.0"},
		{"working tree build", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "(devel)"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}}}, "devel 0123456789ab go1.26.0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := version(func() (*debug.BuildInfo, bool) { return tt.info, tt.info != nil })
			if got != tt.want {
				t.Errorf("version() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestColor(t *testing.T) {
	e := newEnv(&strings.Builder{}, &strings.Builder{})
	if e.color {
		t.Error("colour on for a non-terminal writer")
	}
	if got := e.paint(red, "error"); got != "error" {
		t.Errorf("paint without colour = %q", got)
	}
	t.Setenv("NO_COLOR", "1")
	if wantColor(nil) {
		t.Error("colour on with NO_COLOR set")
	}
}

// The examples in each command's help run as shown: from the repository
// root, with a result (0 or 1), never a usage error.
func TestHelpExamplesRun(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	for _, c := range commands() {
		n := 0
		for line := range strings.SplitSeq(c.examples, "\n") {
			if strings.HasPrefix(line, "#") {
				continue
			}
			words, err := splitWords(line)
			if err != nil || len(words) == 0 || words[0] != "cidrplan" {
				t.Errorf("help %s: example %q is not a cidrplan command", c.name, line)
				continue
			}
			n++
			_, stderr, code := cli(t, words[1:]...)
			if code == exitUsage {
				t.Errorf("help %s: example %q: exit status 2: %s", c.name, line, stderr)
			}
		}
		if n == 0 {
			t.Errorf("help %s has no example command", c.name)
		}
	}
}

func TestColorOnCharDevice(t *testing.T) {
	f, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		t.Skipf("%s is not a character device here", os.DevNull)
	}
	t.Setenv("TERM", "xterm")
	t.Setenv("NO_COLOR", "")
	if !wantColor(f) {
		t.Error("no colour on a character device")
	}
	e := &env{color: true}
	if got, want := e.paint(red, "error"), "\x1b[31merror\x1b[0m"; got != want {
		t.Errorf("paint = %q, want %q", got, want)
	}
	t.Setenv("NO_COLOR", "1")
	if wantColor(f) {
		t.Error("colour with NO_COLOR set")
	}
	t.Setenv("NO_COLOR", "")
	t.Setenv("TERM", "dumb")
	if wantColor(f) {
		t.Error("colour with TERM=dumb")
	}
}
