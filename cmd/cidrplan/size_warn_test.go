package main

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSizeWarnsKubenetRouteLimitAtUpgrade(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantWarn bool
	}{
		{"391 nodes peak at 431", []string{"--network-plugin", "kubenet", "--node-count", "391"}, true},
		{"364 nodes peak at 401", []string{"--network-plugin", "kubenet", "--node-count", "364"}, true},
		{"363 nodes peak at 400", []string{"--network-plugin", "kubenet", "--node-count", "363"}, false},
		{"391 nodes without surge", []string{"--network-plugin", "kubenet", "--node-count", "391", "--max-surge", "0", "--max-unavailable", "1"}, false},
		{"overlay has no route limit", []string{"--network-plugin-mode", "overlay", "--node-count", "391"}, false},
		{"json says it too", []string{"--network-plugin", "kubenet", "--node-count", "391", "-o", "json"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := cli(t, append([]string{"size"}, tt.args...)...)
			if code != exitOK {
				t.Fatalf("exit %d, want 0: %s", code, stderr)
			}
			got := strings.Contains(stderr, "KubenetRouteLimitAtUpgrade") && strings.Contains(stderr, "400-node limit")
			if diff := cmp.Diff(tt.wantWarn, got); diff != "" {
				t.Errorf("warned (-want +got):\n%s\nstderr: %q", diff, stderr)
			}
			if got && strings.Count(stderr, "\n") != 1 {
				t.Errorf("stderr is not one line: %q", stderr)
			}
		})
	}
}
