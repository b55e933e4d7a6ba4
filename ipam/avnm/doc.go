// Package avnm reads the usage of an Azure Virtual Network Manager (AVNM)
// IP address management pool — the JSON of az network manager ipam-pool
// get-pool-usage — and allocates in it as the pool would be used: the
// pool's address prefixes are the space, its allocated and reserved
// prefixes are in use, and new ranges come only from its available
// prefixes, first fit, lowest address first (as ipam's allocator does).
// [Usage.Join] relates a usage to a plan: what the pool has in use for
// others joins the plan as ranges to avoid, and the pool's space and the
// plan's own allocations go to [ipam.Plan.CheckAddressPool];
// [ipam.Plan.CompleteWithin] completes a plan in [Usage.Free].
//
// # Errors
//
// [ParseUsage] returns an *[Error] naming the file and the key, matching
// [ErrSyntax] (not a JSON object of the expected shape) or
// [ipam.ErrInvalidPrefix], [ipam.ErrHostBits] or [ipam.Err4in6] for a
// malformed prefix (through the wrapped *cidr error), or a count error of
// sizing. Prefixes are read strictly: host bits set are an error naming
// the masked form, never masked silently. Counts, which az writes as
// strings, are read exactly at any size. [Usage.Allocate] returns an
// *[ipam.AllocError]-like *[NoSpaceError] matching [ipam.ErrNoSpace] when
// the available prefixes hold fewer free prefixes than asked for.
//
// # Concurrency
//
// A Usage is a plain value; its methods only read it.
package avnm
