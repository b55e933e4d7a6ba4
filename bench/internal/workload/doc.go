// Package workload generates the seeded address plans that every implementation
// in the benchmarks is measured on.
//
// Four kinds of plan are generated (see [Kind]): realistic VNet-like plans,
// IPv4-only or mixed 50/50 with IPv6, and uniformly random prefixes with dense
// nesting, IPv4-only or mixed. Each [Workload] holds the n base entries (in
// shuffled order, so no implementation is handed sorted input), 1e5 extra
// entries for insert and delete, and a precomputed slice of probes (hits and
// misses) that benchmarks cycle through. [Alloc] is the allocation workload:
// existing entries scattered through a /8 with free aligned blocks between them.
//
// Generation is deterministic: the same kind and size always yield the same
// prefixes. All prefixes are valid and masked; IPv4 prefixes are never 4in6.
// Generated values are immutable once returned and safe for concurrent readers;
// a [Cache] may be shared between goroutines.
package workload
