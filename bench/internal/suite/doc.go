// Package suite turns an operation, an implementation and a workload into a
// [Runner]: the measured step and the untimed setup and reset around it. The
// go test benchmarks of the bench module and cmd/benchcmp both run these
// runners, so the two always time the same code.
//
// Probes are cycled from the workload's precomputed slice; operations that
// consume entries (insert, delete, allocate) reset the structure, untimed,
// once every entry has been used. Runners are not safe for concurrent use.
package suite
