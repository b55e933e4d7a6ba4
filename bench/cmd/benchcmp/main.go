// Command benchcmp runs one side-by-side comparison of cidrplan with its
// peers and prints a markdown table of ratios (cidrplan's time over each
// peer's; below 1 means cidrplan is faster).
//
// Every run measures each operation for cidrplan and every peer back to back,
// in an order that rotates from run to run, so machine drift cancels out of
// the ratios; the table shows the median over the runs. A progress line is
// written to stderr while it runs.
//
// Usage:
//
//	go run ./cmd/benchcmp -n 1000000 -workload realistic-mixed -peers bart -runs 5
//
// The allocate and gaps operations use the allocation workload (1e5 entries
// in a /8) whatever -n and -workload say.
//
// With -e2e it compares instead `cidrplan check` on generated plan files
// with merely decoding them into generic Go values, each a child process,
// by time and peak RSS:
//
//	go run ./cmd/benchcmp -e2e 100000,1000000 -runs 3
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/cidrplan/cidrplan/bench/internal/suite"
	"github.com/cidrplan/cidrplan/bench/internal/workload"
)

func main() {
	if ok, err := e2eChild(os.Args[1:]); ok {
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchcmp:", err)
			os.Exit(1)
		}
		return
	}
	var cfg config
	var ops, peerNames, kind string
	flag.IntVar(&cfg.n, "n", 1_000_000, "number of base entries")
	flag.StringVar(&kind, "workload", string(workload.RealisticMixed), "workload kind: "+kindNames())
	flag.StringVar(&ops, "ops", strings.Join(opNames(defaultOps), ","), "comma-separated operations: "+strings.Join(opNames(allOps), ","))
	flag.StringVar(&peerNames, "peers", "bart", "comma-separated peers: bart,cidranger,netipx,naive")
	flag.IntVar(&cfg.runs, "runs", 5, "number of interleaved runs; the table shows medians")
	flag.DurationVar(&cfg.minTime, "min", 500*time.Millisecond, "minimum measured time per operation, implementation and run")
	flag.StringVar(&cfg.clock, "clock", "cpu", "what to time: cpu (the process's CPU time, GC included; robust on a shared machine) or wall")
	var e2e e2eConfig
	var e2eSizes, e2eFormats string
	flag.StringVar(&e2eSizes, "e2e", "", "instead of the tree operations, compare `cidrplan check` with decoding the plan file, on generated plans of these comma-separated subnet counts (the first is the base), e.g. 100000,1000000")
	flag.IntVar(&e2e.clusters, "e2e-clusters", workload.PlanClusters, "clusters of each end-to-end plan")
	flag.StringVar(&e2eFormats, "e2e-formats", "json,yaml", "comma-separated plan file formats of the end-to-end comparison")
	flag.StringVar(&e2e.dir, "e2e-dir", "", "directory for the end-to-end plan files, kept and reused (default: a temporary one, removed after)")
	flag.Parse()
	if e2eSizes != "" {
		e2e.runs, e2e.clock = cfg.runs, cfg.clock
		e2e.formats = strings.Split(e2eFormats, ",")
		for _, f := range strings.Split(e2eSizes, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || n < 1 {
				fmt.Fprintf(os.Stderr, "benchcmp: -e2e %q: want subnet counts\n", e2eSizes)
				os.Exit(2)
			}
			e2e.sizes = append(e2e.sizes, n)
		}
		if err := runE2E(e2e, os.Stdout, os.Stderr); err != nil {
			fmt.Fprintln(os.Stderr, "benchcmp:", err)
			os.Exit(1)
		}
		return
	}
	cfg.kind = workload.Kind(kind)
	cfg.ops = parseOps(ops)
	cfg.peers = strings.Split(peerNames, ",")
	if cfg.clock != "cpu" && cfg.clock != "wall" {
		fmt.Fprintf(os.Stderr, "benchcmp: -clock %q: want cpu or wall\n", cfg.clock)
		os.Exit(2)
	}
	if err := run(cfg, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "benchcmp:", err)
		os.Exit(1)
	}
}

func kindNames() string {
	var s []string
	for _, k := range workload.Kinds() {
		s = append(s, string(k))
	}
	return strings.Join(s, ", ")
}

func opNames(ops []suite.Op) []string {
	s := make([]string, len(ops))
	for i, op := range ops {
		s[i] = string(op)
	}
	return s
}

func parseOps(s string) []suite.Op {
	var ops []suite.Op
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			ops = append(ops, suite.Op(f))
		}
	}
	return ops
}
