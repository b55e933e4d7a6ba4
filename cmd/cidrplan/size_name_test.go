package main

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSizePoolName(t *testing.T) {
	win := []string{"--os-type", "Windows", "--network-plugin-mode", "overlay"}
	tests := []struct {
		name     string
		args     []string
		wantCode int
		want     string // the table's first line, or part of the error
	}{
		{"default Linux name", nil, exitOK, "Pool nodepool1 (User): Linux"},
		{"default Windows name fits 6", win, exitOK, "Pool npwin (User): Windows"},
		{"12 characters", []string{"--name", "abcdefghijk1"}, exitOK, "Pool abcdefghijk1 (User): Linux"},
		{"13 characters", []string{"--name", "abcdefghijk12"}, exitUsage,
			`--name "abcdefghijk12": has 13 characters; AKS takes lowercase letters and digits, starting with a letter, at most 12 characters for a Linux pool`},
		{"Windows 7 characters", append(win, "--name", "winpool"), exitUsage, `--name "winpool": has 7 characters;`},
		{"Windows named system", append(win, "--name", "system"), exitOK, "Pool system (User): Windows"},
		{"uppercase", []string{"--name", "Pool1"}, exitUsage, `--name "Pool1": does not start with a lowercase letter`},
		{"digit first", []string{"--name", "1pool"}, exitUsage, `--name "1pool": does not start with a lowercase letter`},
		{"dash", []string{"--name", "pool-a"}, exitUsage, `--name "pool-a": holds characters other than lowercase letters and digits`},
		{"empty", []string{"--name="}, exitUsage, `--name "": is empty`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := cli(t, append([]string{"size"}, tt.args...)...)
			if diff := cmp.Diff(tt.wantCode, code); diff != "" {
				t.Fatalf("exit (-want +got):\n%s\nstderr: %q", diff, stderr)
			}
			got := stderr
			if code == exitOK {
				got, _, _ = strings.Cut(stdout, ",")
			} else if strings.Count(stderr, "\n") != 1 {
				t.Errorf("stderr is not one line: %q", stderr)
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("got %q, want it to contain %q", got, tt.want)
			}
		})
	}
}
