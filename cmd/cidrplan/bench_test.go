package main

import (
	"io"
	"testing"
)

// The calculator should answer instantly: these measure whole invocations,
// flag parsing, file reading and output included.
func BenchmarkRun(b *testing.B) {
	cases := []struct {
		name string
		args []string
	}{
		{"size", []string{"size", "--network-plugin-mode", "overlay", "--max-count", "200", "--node-subnet", "10.0.0.0/24", "--pod-cidr", "10.244.0.0/16"}},
		{"check", []string{"check", "../../examples/plans/broken.yaml"}},
		{"alloc", []string{"alloc", "--within", "10.0.0.0/8", "--avoid", "10.0.0.0/16", "--prefix-length", "24", "--count", "1000"}},
		{"complete", []string{"complete", "../../examples/plans/incomplete.yaml"}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if code := run(c.args, io.Discard, io.Discard); code > exitFailure {
					b.Fatalf("exit status %d", code)
				}
			}
		})
	}
}
