package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"github.com/cidrplan/cidrplan/bench/internal/cli"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cidrplan/cidrplan/bench/internal/workload"
	"github.com/cidrplan/cidrplan/ipam/planfile"
	"go.yaml.in/yaml/v3"
)

// The end-to-end comparison runs `cidrplan check` on a generated plan file
// and, as the floor it is held against, a process that only decodes the
// same file into generic Go values (encoding/json or go.yaml.in/yaml/v3
// into any). Each is a child process of its own: its time and peak RSS are
// the kernel's account of it (rusage), start-up and reading the file
// included.

// e2eConfig says what the end-to-end comparison measures.
type e2eConfig struct {
	sizes    []int    // plan sizes in subnets; the first is the base the growth is judged from
	clusters int      // clusters of every plan
	formats  []string // "json", "yaml"
	runs     int
	clock    string // "cpu" (user+system time) or "wall"
	dir      string // where the plan files go; empty: a temporary directory
}

// The end-to-end comparison's child processes are benchcmp itself:
//
//	benchcmp -decode-floor FORMAT FILE
//	benchcmp -generate-plan SUBNETS CLUSTERS FORMAT FILE
const (
	floorFlag    = "-decode-floor"
	generateFlag = "-generate-plan"
)

// e2eChild does what args ask of a child process of the end-to-end
// comparison, and reports whether they asked for one.
func e2eChild(args []string) (bool, error) {
	switch {
	case len(args) == 3 && args[0] == floorFlag:
		return true, decodeFloor(args[1], args[2])
	case len(args) == 5 && args[0] == generateFlag:
		subnets, err1 := strconv.Atoi(args[1])
		clusters, err2 := strconv.Atoi(args[2])
		if err := errors.Join(err1, err2); err != nil {
			return true, err
		}
		return true, generatePlan(subnets, clusters, args[3], args[4])
	}
	return false, nil
}

// generatePlan writes the generated plan to path in format.
func generatePlan(subnets, clusters int, format, path string) error {
	p, err := workload.Plan(subnets, clusters)
	if err != nil {
		return err
	}
	data, err := planfile.Marshal(p, planfile.Format(format))
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// decodeFloor decodes the file at path, in format, into any.
func decodeFloor(format, path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var v any
	switch format {
	case "json":
		return json.Unmarshal(data, &v)
	case "yaml":
		return yaml.Unmarshal(data, &v)
	}
	return fmt.Errorf("format %q: want json or yaml", format)
}

// usage is one child process's cost.
type usage struct {
	cpu, wall time.Duration
	maxRSS    int64 // bytes
}

// measureChild runs the command and returns its cost; an exit status in
// okExit is a normal outcome.
func measureChild(name string, args []string, okExit ...int) (usage, error) {
	cmd := exec.Command(name, args...)
	cmd.Stdout = io.Discard
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if ee := (*exec.ExitError)(nil); errors.As(err, &ee) && slices.Contains(okExit, ee.ExitCode()) {
		err = nil
	}
	if err != nil {
		return usage{}, fmt.Errorf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, stderr.String())
	}
	cpu, rss, ok := childUsage(cmd.ProcessState)
	if !ok {
		return usage{}, errors.New("no rusage on this system")
	}
	return usage{cpu: cpu, wall: wall, maxRSS: rss}, nil
}

// e2eCase is one plan file.
type e2eCase struct {
	subnets, clusters int
	format            string
	path              string
	size              int64
}

// e2eResult holds the runs of both processes on one plan file.
type e2eResult struct {
	e2eCase
	check, floor []usage
}

func runE2E(cfg e2eConfig, out, progress io.Writer) error {
	if cfg.runs < 1 {
		return fmt.Errorf("-runs %d: want at least 1", cfg.runs)
	}
	if len(cfg.sizes) == 0 || len(cfg.formats) == 0 {
		return errors.New("no plan sizes or formats")
	}
	dir := cfg.dir
	if dir == "" {
		d, err := os.MkdirTemp("", "benchcmp-e2e")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	fmt.Fprintf(progress, "building cidrplan ...")
	bin, err := cli.Build(dir)
	if err != nil {
		return err
	}
	// The plans are made by child processes too: Linux charges a child,
	// at exec, with the peak memory of the process it was forked from, so
	// a benchcmp that had held a large plan would inflate every peak RSS
	// measured after.
	var results []*e2eResult
	for _, n := range cfg.sizes {
		for _, f := range cfg.formats {
			fmt.Fprintf(progress, "\r\033[Kgenerating %d subnets in %d clusters, %s ...", n, cfg.clusters, f)
			path := filepath.Join(dir, fmt.Sprintf("plan-%d-%d.%s", n, cfg.clusters, f))
			if _, err := os.Stat(path); err != nil { // a plan already made (-e2e-dir) is the same plan
				gen := exec.Command(self, generateFlag, strconv.Itoa(n), strconv.Itoa(cfg.clusters), f, path)
				if out, err := gen.CombinedOutput(); err != nil {
					return fmt.Errorf("generate %d subnets, %s: %v\n%s", n, f, err, out)
				}
			}
			st, err := os.Stat(path)
			if err != nil {
				return err
			}
			results = append(results, &e2eResult{e2eCase: e2eCase{subnets: n, clusters: cfg.clusters, format: f, path: path, size: st.Size()}})
		}
	}
	start := time.Now()
	for r := range cfg.runs {
		for _, res := range results {
			fmt.Fprintf(progress, "\r\033[Krun %d/%d  %d subnets %s (%s elapsed)", r+1, cfg.runs, res.subnets, res.format,
				time.Since(start).Round(time.Second))
			// Alternate which goes first, so that drift favours neither.
			steps := []func() error{
				func() error {
					u, err := measureChild(bin, []string{"check", res.path}, 1)
					res.check = append(res.check, u)
					return err
				},
				func() error {
					u, err := measureChild(self, []string{floorFlag, res.format, res.path})
					res.floor = append(res.floor, u)
					return err
				},
			}
			if r%2 == 1 {
				slices.Reverse(steps)
			}
			for _, step := range steps {
				if err := step(); err != nil {
					return err
				}
			}
		}
	}
	fmt.Fprintf(progress, "\r\033[Kdone in %s\n", time.Since(start).Round(time.Second))
	return writeE2ETable(out, cfg, results)
}
