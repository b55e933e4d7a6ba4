// Package bench holds cidrplan's side-by-side benchmarks against the best Go
// prefix libraries: gaissmai/bart, yl2chen/cidranger, go4.org/netipx's IPSet
// and the naive pairwise/slice-scan approach. It is a module of its own so
// that those peers never enter cidrplan's go.mod.
//
// The benchmarks are named for benchstat, e.g.
// BenchmarkOverlaps/impl=bart/workload=realistic-mixed/n=1000000; compare
// implementations with `benchstat -col /impl`. Every implementation passes
// the correctness tests in internal/peers before anything is timed. With
// -short only n=1000 runs. cmd/benchcmp runs one comparison and prints a
// markdown table of ratios; BENCHMARKS.md at the repository root holds the
// results and the commands that produced them.
package bench
