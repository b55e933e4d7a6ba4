package main

import (
	"strings"
	"testing"

	"github.com/cidrplan/cidrplan/sizing"
	"github.com/google/go-cmp/cmp"
)

// The size table names each network model by its spec's label: the
// command keeps no words of its own for a model.
func TestSizeModelLabelIsSpecs(t *testing.T) {
	for _, s := range sizing.Models() {
		t.Run(string(s.Model), func(t *testing.T) {
			args := []string{"size", "--network-plugin", string(s.Plugin)}
			if s.PluginMode != "" {
				args = append(args, "--network-plugin-mode", string(s.PluginMode))
			}
			if s.PodSubnet != "" {
				args = append(args, "--pod-ip-allocation-mode", string(s.PodSubnet))
			}
			stdout, stderr, code := cli(t, args...)
			if code != exitOK {
				t.Fatalf("%v: exit %d: %s", args, code, stderr)
			}
			first, _, _ := strings.Cut(stdout, "\n")
			if diff := cmp.Diff("Pool nodepool1 (User): Linux, "+s.Label, first); diff != "" {
				t.Errorf("%v: first line (-want +got):\n%s", args, diff)
			}
		})
	}
}

// The size flags offer exactly the values sizing lists.
func TestSizeFlagChoicesAreSizings(t *testing.T) {
	stdout, stderr, code := cli(t, "size", "--help")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	join := func(vs []string) string { return strings.Join(vs, "|") }
	for _, want := range []string{
		"--network-plugin " + join(names(sizing.NetworkPlugins())) + " ",
		"--network-plugin-mode " + join(names(sizing.NetworkPluginModes())) + " ",
		"--network-dataplane " + join(names(sizing.NetworkDataplanes())) + " ",
		"--pod-ip-allocation-mode " + join(names(sizing.PodIPAllocationModes())) + " ",
		"--os-type " + join(names(sizing.OSTypes())) + " ",
		"--ip-families IPv4|" + strings.Join(names(sizing.IPFamilies()), ",") + " ",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("size --help lacks %q:\n%s", want, stdout)
		}
	}
}
