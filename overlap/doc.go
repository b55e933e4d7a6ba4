// Package overlap is an interval tree over IP address ranges: the fast core
// that cidrplan's validation and allocation are built on.
//
// A [Tree] is a multiset of entries (range, value). It answers "does
// anything overlap this?", "what overlaps this?", "which entries conflict
// with each other?" and "what is still free inside this prefix?" on address
// plans of millions of entries. The same range may be stored many times,
// with the same or different values: two subnets with the same CIDR are
// two entries, and exactly the conflict a planner must report. When the
// conflicting pairs of a list of entries are all that is wanted,
// [ConflictsAmong] finds them without building a tree, in a fraction of
// [Build]'s time.
//
// # Families
//
// IPv4 and IPv6 entries are kept in separate trees and never overlap each
// other. IPv4-mapped IPv6 addresses (::ffff:10.0.0.0) are rejected rather
// than guessed at: a prefix whose address, or a range whose first address,
// is IPv4-mapped is an error ([ErrMappedIPv6]).
//
// # Order
//
// [Tree.All], [Tree.Overlapping] and [Tree.Conflicts] walk entries in
// ascending (start, end) order, IPv4 before IPv6; entries with equal ranges
// come in insertion order ([Build]: input order). [Tree.Delete] removes the
// earliest inserted of equal entries.
//
// # Complexity
//
// For n entries, k results yielded, B the node capacity (64; IPv6 inner nodes 32):
//
//	Insert, InsertRange       O(B·log n)       descent, shifts within one node per level
//	Delete, DeleteRange       O(B·log n + d)   d = entries with the same range
//	Overlaps, OverlapsRange   O(log n)         one descent, no allocation
//	Overlapping(Range)        O(log n + k·log n) worst case, O(log n + k) typical
//	All                       O(n)
//	Conflicts                 O(n + k)         a forward sweep over the sorted leaves
//	Gaps                      O((g+1)·log n) typical for g gaps: subtrees whose entries
//	                                           form one interval are passed whole; at worst
//	                                           O(log n + g + m), m entries starting inside
//	Clone                     O(n)
//	Build                     O(n) radix sort + O(r log r) per run of r equal starts
//	ConflictsAmong            O(n) radix sort + O(r log r) per run, then O(k): the pairs of
//	                                           Build followed by Conflicts, without the tree
//	Len                       O(1)
//
// Each node is searched in two steps of at most eight keys, so a descent
// waits on a few cache misses per level rather than one per binary-search
// step. From 32768 IPv4 entries on, a tree also keeps a 256 KiB table of
// the largest end reaching each /16 block, which answers most IPv4 hits of
// Overlaps with one load (and costs Insert and Delete a short walk).
//
// Memory: one leaf slot per entry: the start (4 bytes for IPv4, 16 for
// IPv6), 1 byte of prefix length for an entry that is a prefix (a range
// that is not one also keeps its end, in an array its leaf allocates for
// the first), the value, and a running maximum of ends per eight entries.
// Build fills leaves to 7/8 and random inserts leave them about 70% full;
// inner nodes add a few percent. Measured after Build with an int value,
// cover table included: 17 bytes per entry for 1e6 random IPv4 prefixes,
// 25 for a realistic plan of 1e6, half IPv6. Build allocates each tree
// level as one array, so a node that later merges away stays
// allocated until the tree is dropped.
//
// # Errors
//
// Insert reports a [*PrefixError] wrapping [ErrInvalidPrefix],
// [ErrHostBits] (the message names the masked prefix) or [ErrMappedIPv6];
// InsertRange, Build and ConflictsAmong report a [*RangeError] wrapping
// [ErrInvalidRange] or ErrMappedIPv6 (from Build and ConflictsAmong with
// the entry's index). The sentinels are package cidr's, shared with sizing
// and ipam, so errors.Is(err, cidr.ErrHostBits) holds too. Nothing is ever
// masked or fixed silently. Queries given input that Insert would reject
// report no overlap and yield nothing; [CheckPrefix] and [CheckRange] tell
// why. Nothing in the package panics on any input.
//
// # Concurrency
//
// Reads (Len, Overlaps*, Overlapping*, All, Conflicts, Gaps) never modify
// the tree, so any number may run concurrently. Insert, Delete and their
// Range forms need exclusive access: guard the tree with a sync.RWMutex if
// writers and readers share it. Do not modify a tree while iterating over it.
//
// # Zero value
//
// The zero Tree is empty and ready to use. A Tree must not be copied after
// first use (go vet reports copies); [Tree.Clone] makes an independent one.
package overlap
