package main

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"time"

	"github.com/cidrplan/cidrplan/bench/internal/peers"
	"github.com/cidrplan/cidrplan/bench/internal/suite"
	"github.com/cidrplan/cidrplan/bench/internal/workload"
)

// bytesOp is the pseudo-operation that measures bytes per stored prefix.
const bytesOp suite.Op = "bytes"

var (
	defaultOps = []suite.Op{suite.Build, suite.Overlaps, suite.Overlapping, suite.Conflicts,
		suite.ConflictsBuilt, suite.Insert, suite.Delete, bytesOp, suite.Gaps, suite.Allocate}
	allOps = append(slices.Clone(defaultOps), suite.SortKeys)
)

type config struct {
	n       int
	kind    workload.Kind
	ops     []suite.Op
	peers   []string
	runs    int
	minTime time.Duration
	clock   string // "cpu" or "wall"
}

// sample is one measurement: nanoseconds per step, or bytes per prefix.
type sample struct {
	value float64
	na    string // why there is no value
}

// results holds samples[op][impl][run].
type results map[suite.Op]map[string][]sample

const ours = "cidrplan"

func run(cfg config, out, progress io.Writer) error {
	if cfg.runs < 1 {
		return fmt.Errorf("-runs %d: want at least 1", cfg.runs)
	}
	for _, p := range cfg.peers {
		if peers.ByName(p) == nil {
			return fmt.Errorf("unknown peer %q", p)
		}
	}
	for _, op := range cfg.ops {
		if !slices.Contains(allOps, op) {
			return fmt.Errorf("unknown operation %q", op)
		}
	}
	fmt.Fprintf(progress, "generating %s n=%d ...", cfg.kind, cfg.n)
	var cache workload.Cache
	w, err := cache.Workload(cfg.kind, cfg.n)
	if err != nil {
		return err
	}
	a, err := cache.Alloc()
	if err != nil {
		return err
	}
	impls := append([]string{ours}, cfg.peers...)
	res := results{}
	start := time.Now()
	for r := range cfg.runs {
		for _, op := range cfg.ops {
			if res[op] == nil {
				res[op] = map[string][]sample{}
			}
			order := rotate(impls, r)
			if op == suite.SortKeys {
				order = []string{"sort"}
			}
			for _, name := range order {
				fmt.Fprintf(progress, "\r\033[Krun %d/%d  %-15s %-10s (%s elapsed)", r+1, cfg.runs, op, name,
					time.Since(start).Round(time.Second))
				res[op][name] = append(res[op][name], measure(cfg, op, name, w, a))
			}
		}
	}
	fmt.Fprintf(progress, "\r\033[Kdone in %s\n", time.Since(start).Round(time.Second))
	return writeTable(out, cfg, res)
}

// rotate returns s rotated left by k.
func rotate(s []string, k int) []string {
	k %= len(s)
	return slices.Concat(s[k:], s[:k])
}

// measure takes one sample of op for the implementation called name.
func measure(cfg config, op suite.Op, name string, w *workload.Workload, a *workload.Alloc) sample {
	if why := suite.Skip(op, name, cfg.kind, cfg.n); why != "" {
		return sample{na: why}
	}
	var r *suite.Runner
	var err error
	switch op {
	case suite.Allocate:
		im := allocImpl(name)
		if im == nil {
			return sample{na: "no allocator"}
		}
		r, err = suite.NewAlloc(im, a)
	case bytesOp:
		v, err := suite.BytesPerPrefix(index(name), w.Base)
		if err != nil {
			return sample{na: err.Error()}
		}
		return sample{value: v}
	case suite.SortKeys:
		r, err = suite.New(op, nil, w, a)
	default:
		r, err = suite.New(op, index(name), w, a)
	}
	if errors.Is(err, suite.ErrNotApplicable) {
		return sample{na: "unsupported"}
	}
	if err == nil {
		var d time.Duration
		runtime.GC() // collect the previous measurement's garbage before timing
		clock := suite.CPUClock
		if cfg.clock == "wall" {
			clock = suite.WallClock
		}
		d, err = suite.Measure(r, cfg.minTime, clock)
		if err == nil {
			return sample{value: float64(d.Nanoseconds())}
		}
	}
	return sample{na: err.Error()}
}

func index(name string) peers.Impl {
	if name == ours {
		return peers.Tree{}
	}
	return peers.ByName(name)
}

func allocImpl(name string) peers.AllocImpl {
	for _, im := range peers.AllocImpls() {
		if im.Name() == name {
			return im
		}
	}
	return nil
}
