package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// TestMain lets the test binary serve as the end-to-end comparison's
// children, as benchcmp does (runE2E runs its own executable).
func TestMain(m *testing.M) {
	if ok, err := e2eChild(os.Args[1:]); ok {
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func TestE2ETableJudgesTheGoals(t *testing.T) {
	mb := int64(1e6)
	u := func(cpu time.Duration, rss int64) usage { return usage{cpu: cpu, wall: cpu, maxRSS: rss} }
	results := []*e2eResult{
		{e2eCase: e2eCase{subnets: 100, clusters: 1, format: "json"}, check: []usage{u(900*time.Millisecond, 150*mb)}, floor: []usage{u(time.Second, 120*mb)}},
		{e2eCase: e2eCase{subnets: 100, clusters: 1, format: "yaml"}, check: []usage{u(3*time.Second, 400*mb)}, floor: []usage{u(2*time.Second, 300*mb)}},
		{e2eCase: e2eCase{subnets: 1000, clusters: 1, format: "json"}, check: []usage{u(13*time.Second, 2000*mb)}, floor: []usage{u(10*time.Second, 1000*mb)}},
	}
	var out bytes.Buffer
	cfg := e2eConfig{sizes: []int{100, 1000}, clusters: 1, formats: []string{"json", "yaml"}, runs: 1, clock: "cpu"}
	if err := writeE2ETable(&out, cfg, results); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"| JSON plan (100 subnets): check time / decode time | 0.90 s / 1.00 s = 0.90 (runs 0.90–0.90) | ≤ 1.0 | met |",
		"| JSON plan: peak RSS / decode's | 150 MB / 120 MB = 1.25 | ≤ 1.5 | met |",
		"| YAML plan (100 subnets): check time / decode time | 3.00 s / 2.00 s = 1.50 (runs 1.50–1.50) | ≤ 1.0 | not met: 1.50× the goal (slower than the floor) |",
		"| YAML plan: peak RSS / decode's | 400 MB / 300 MB = 1.33 | – | (no goal) |",
		"| 10× the plan (1000 subnets, JSON): time growth | 14.4× (13.00 s, 2.00 GB) | ≤ 12×, ≤ 1.5 GB | not met: time 1.20× the goal, memory 1.33× the goal |",
		"| 100 subnets, 1 clusters, JSON | 0.0 MB | cidrplan check | 0.90 s | 0.90 s | 150 MB |",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, out.String())
		}
	}
}

func TestE2EMeasuresBothProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("builds cidrplan and runs it")
	}
	var out, progress bytes.Buffer
	cfg := e2eConfig{sizes: []int{1000, 2000}, clusters: 10, formats: []string{"json", "yaml"}, runs: 1, clock: "cpu"}
	if err := runE2E(cfg, &out, &progress); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"| JSON plan (1000 subnets): check time / decode time |", "| 2× the plan (2000 subnets, YAML): time growth |",
		"| 2000 subnets, 10 clusters, YAML |", "| decode floor |"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestE2EChildRejectsBadInput(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/bad.json"
	if err := os.WriteFile(path, []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{floorFlag, "json", path}, {floorFlag, "toml", path}, {floorFlag, "json", dir + "/missing"},
		{generateFlag, "x", "1", "json", path}, {generateFlag, "100", "0", "json", path}, {generateFlag, "100", "1", "toml", path}} {
		if ok, err := e2eChild(args); !ok || err == nil {
			t.Errorf("e2eChild(%q) = %v, %v; want true and an error", args, ok, err)
		}
	}
	if ok, _ := e2eChild([]string{"-n", "10"}); ok {
		t.Error("e2eChild took benchcmp's own flags")
	}
}
