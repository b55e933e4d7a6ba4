// Package buddy is a sparse buddy tree over a power-of-two address space: the
// engine behind ipam's allocator.
//
// A Tree of depth D covers the offsets 0 … 2^D−1 (D ≤ 128, so one tree spans
// an IPv4 or IPv6 parent prefix of any length: D = address bits − prefix
// length). Each node is an aligned block; a node with no children is wholly
// free or wholly used, and every node stores the depth of the largest free
// aligned block in its subtree. Therefore
//
//	operation                      cost
//	Alloc(d): lowest free block    O(d), independent of the number of used ranges
//	Set(lo, hi, used)              O(D) nodes visited (plus nodes it frees)
//	Build(n ranges)                O(n) radix sort + O(nodes) sweep
//	FreeRanges, CountFree          O(nodes)
//
// Nodes exist only where used and free space meet, so memory is proportional
// to the number of range boundaries times D, not to the size of the space.
//
// Offsets are Keys (unsigned 128-bit); callers translate addresses to offsets
// relative to their parent prefix. The package knows nothing of address
// families. A depth outside 0 … MaxDepth given to New or Build is a caller
// bug and panics; offsets beyond the space are clipped by Set and Build, and
// Alloc and CountFree answer false or 0 for a depth they cannot serve. ipam
// validates every input before it reaches this package.
//
// A Tree is not safe for concurrent use; its zero value is a free space of
// depth 0 (one offset).
package buddy
