package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/cidrplan/cidrplan/bench/internal/suite"
	"github.com/cidrplan/cidrplan/bench/internal/workload"
	"github.com/google/go-cmp/cmp"
)

func TestRunPrintsRatioTable(t *testing.T) {
	cfg := config{
		n:       1000,
		kind:    workload.RealisticV4,
		ops:     []suite.Op{suite.Build, suite.Overlaps, suite.Conflicts, bytesOp, suite.SortKeys},
		peers:   []string{"bart", "netipx"},
		runs:    2,
		minTime: time.Millisecond,
	}
	var out, progress bytes.Buffer
	if err := run(cfg, &out, &progress); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"| operation | cidrplan | bart | cidrplan/bart | netipx | cidrplan/netipx | goal |",
		"| build |", "| overlaps |", "| bytes |",
		"| conflicts |", "n/a (unsupported)", // netipx cannot list conflicts
		"sorting the 1000 keys once",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("table lacks %q:\n%s", want, got)
		}
	}
	if !strings.Contains(progress.String(), "run 2/2") {
		t.Errorf("progress lacks the run counter: %q", progress.String())
	}
}

func TestRunRejectsUnknownNames(t *testing.T) {
	for _, cfg := range []config{
		{n: 10, kind: workload.RealisticV4, ops: []suite.Op{"nope"}, peers: []string{"bart"}, runs: 1},
		{n: 10, kind: workload.RealisticV4, ops: []suite.Op{suite.Build}, peers: []string{"nope"}, runs: 1},
		{n: 10, kind: "nope", ops: []suite.Op{suite.Build}, peers: []string{"bart"}, runs: 1},
		{n: 10, kind: workload.RealisticV4, ops: []suite.Op{suite.Build}, peers: []string{"bart"}, runs: 0},
	} {
		if err := run(cfg, &bytes.Buffer{}, &bytes.Buffer{}); err == nil {
			t.Errorf("run(%+v) succeeded, want an error", cfg)
		}
	}
}

func TestMedian(t *testing.T) {
	tests := []struct {
		name string
		in   []float64
		want float64
	}{
		{name: "odd", in: []float64{3, 1, 2}, want: 2},
		{name: "even", in: []float64{4, 1, 3, 2}, want: 2.5},
		{name: "one", in: []float64{7}, want: 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := median(tt.in); got != tt.want {
				t.Errorf("median(%v) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestJudge(t *testing.T) {
	tests := []struct {
		name string
		g    goal
		r    []float64
		want string
	}{
		{name: "median under", g: goal{peer: "bart", max: 1.0}, r: []float64{0.8, 1.1, 0.9},
			want: "≤ 1.00: met (runs 0.80–1.10)"},
		{name: "median over", g: goal{peer: "bart", max: 1.0}, r: []float64{1.2, 1.1, 0.9},
			want: "≤ 1.00: **not met** (1.10× the goal) (runs 0.90–1.20)"},
		{name: "every run, one over", g: goal{peer: "bart", max: 0.9, everyRun: true}, r: []float64{0.8, 0.99, 0.85},
			want: "≤ 0.90 in every run: **not met** (1.10× the goal) (runs 0.80–0.99)"},
		{name: "every run, all under", g: goal{peer: "bart", max: 0.9, everyRun: true}, r: []float64{0.8, 0.89, 0.85},
			want: "≤ 0.90 in every run: met (runs 0.80–0.89)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, judge(tt.g, tt.r)); diff != "" {
				t.Errorf("judge(%v, %v) (-want +got):\n%s", tt.g, tt.r, diff)
			}
		})
	}
}
