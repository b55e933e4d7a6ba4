package main

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Choice flags take exactly the spellings plan files take: the plan loader
// refuses osType "windows", so the flags do too.
func TestChoiceFlagsAreCaseExact(t *testing.T) {
	tests := []struct {
		args     []string
		wantCode int
		wantErr  string // part of the one-line error
	}{
		{[]string{"--os-type", "Windows", "--network-plugin-mode", "overlay"}, exitOK, ""},
		{[]string{"--os-type", "windows"}, exitUsage, `--os-type "windows": want one of Linux, Windows, spelled exactly (did you mean "Windows"?)`},
		{[]string{"--os-type", "linux"}, exitUsage, `did you mean "Linux"?`},
		{[]string{"--network-plugin-mode", "Overlay"}, exitUsage, `--network-plugin-mode "Overlay"`},
		{[]string{"--network-plugin", "Kubenet"}, exitUsage, `did you mean "kubenet"?`},
		{[]string{"--network-dataplane", "Cilium"}, exitUsage, `did you mean "cilium"?`},
		{[]string{"--pod-ip-allocation-mode", "staticblock"}, exitUsage, `did you mean "StaticBlock"?`},
		{[]string{"--pod-ip-allocation-mode", "StaticBlock"}, exitOK, ""},
		{[]string{"--ip-families", "ipv4,ipv6", "--network-plugin-mode", "overlay"}, exitUsage, `did you mean "IPv4,IPv6"?`},
		{[]string{"-o", "JSON"}, exitUsage, `did you mean "json"?`},
		{[]string{"--os-type", "Solaris"}, exitUsage, `--os-type "Solaris": want one of Linux, Windows`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, stderr, code := cli(t, append([]string{"size"}, tt.args...)...)
			if diff := cmp.Diff(tt.wantCode, code); diff != "" {
				t.Errorf("exit (-want +got):\n%s\nstderr: %q", diff, stderr)
			}
			if !strings.Contains(stderr, tt.wantErr) || (tt.wantErr == "") != (stderr == "") {
				t.Errorf("stderr %q, want it to contain %q", stderr, tt.wantErr)
			}
			if strings.Count(stderr, "\n") > 1 {
				t.Errorf("stderr is more than one line: %q", stderr)
			}
		})
	}
}
