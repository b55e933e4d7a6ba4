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
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/cidrplan/cidrplan/bench/internal/suite"
	"github.com/cidrplan/cidrplan/bench/internal/workload"
)

func main() {
	var cfg config
	var ops, peerNames, kind string
	flag.IntVar(&cfg.n, "n", 1_000_000, "number of base entries")
	flag.StringVar(&kind, "workload", string(workload.RealisticMixed), "workload kind: "+kindNames())
	flag.StringVar(&ops, "ops", strings.Join(opNames(defaultOps), ","), "comma-separated operations: "+strings.Join(opNames(allOps), ","))
	flag.StringVar(&peerNames, "peers", "bart", "comma-separated peers: bart,cidranger,netipx,naive")
	flag.IntVar(&cfg.runs, "runs", 5, "number of interleaved runs; the table shows medians")
	flag.DurationVar(&cfg.minTime, "min", 500*time.Millisecond, "minimum measured time per operation, implementation and run")
	flag.StringVar(&cfg.clock, "clock", "cpu", "what to time: cpu (the process's CPU time, GC included; robust on a shared machine) or wall")
	flag.Parse()
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
