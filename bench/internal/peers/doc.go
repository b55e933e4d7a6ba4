// Package peers puts every implementation under test behind one small
// interface: cidrplan's overlap.Tree and ipam.Allocator, gaissmai/bart,
// yl2chen/cidranger, go4.org/netipx's IPSet, and a naive slice (pairwise
// comparison and linear scans) that doubles as the reference the others are
// checked against.
//
// An [Impl] converts a workload into its native build input ([Impl.Prepare],
// never timed) and builds an [Index] from it. Operations an implementation
// cannot perform return [ErrUnsupported]; what each one cannot report is in
// its type's doc. Entry IDs are the indices of the prefixes in the slice
// handed to Prepare. IPv4 and IPv6 prefixes never overlap each other.
//
// Indexes are not safe for concurrent mutation; the benchmarks use each one
// from a single goroutine.
package peers
