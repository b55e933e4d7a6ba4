package main

import (
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
