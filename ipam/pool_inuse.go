package ipam

import (
	"strconv"
	"strings"
)

// PoolUse says what an address pool has a range in use for.
type PoolUse int

// The uses of a range an address pool has in use for others.
const (
	PoolAllocated   PoolUse = iota + 1 // allocated to a resource (a VNet)
	PoolStaticCIDRs                    // held back by static CIDRs
	PoolChild                          // given to a child pool
)

// PoolInUse is what an address pool has in use for others, as a range to
// avoid of source [SourceAVNMPool] names it ([PoolInUse.AvoidName]): Pool
// is the pool's name, Use what the range is in use for, Child the child
// pool's name (for [PoolChild]). Checks word overlaps with such a range
// from these fields.
type PoolInUse struct {
	Pool  string
	Use   PoolUse
	Child string
}

const (
	allocatedSuffix = ": allocated"
	staticSuffix    = ": static CIDRs"
	childInfix      = ": child pool "
)

// AvoidName returns the name of the range to avoid: "POOL: allocated",
// "POOL: static CIDRs" or "POOL: child pool CHILD".
func (u PoolInUse) AvoidName() string {
	switch u.Use {
	case PoolStaticCIDRs:
		return u.Pool + staticSuffix
	case PoolChild:
		return u.Pool + childInfix + u.Child
	}
	return u.Pool + allocatedSuffix
}

// parsePoolInUse reads the name of a range to avoid of source
// SourceAVNMPool; ok is false for a name AvoidName does not write (one
// edited by hand).
func parsePoolInUse(name string) (u PoolInUse, ok bool) {
	switch {
	case strings.HasSuffix(name, allocatedSuffix):
		return PoolInUse{Pool: strings.TrimSuffix(name, allocatedSuffix), Use: PoolAllocated}, true
	case strings.HasSuffix(name, staticSuffix):
		return PoolInUse{Pool: strings.TrimSuffix(name, staticSuffix), Use: PoolStaticCIDRs}, true
	}
	if i := strings.LastIndex(name, childInfix); i >= 0 {
		return PoolInUse{Pool: name[:i], Use: PoolChild, Child: name[i+len(childInfix):]}, true
	}
	return PoolInUse{}, false
}

// describe words the range p the pool has in use, ending in the
// parenthesised prefix so that overlaps with several of its prefixes read
// as one list.
func (u PoolInUse) describe(p string) string {
	pool := "AVNM pool " + strconv.Quote(u.Pool)
	switch u.Use {
	case PoolStaticCIDRs:
		return "the static CIDRs of " + pool + " (" + p + ")"
	case PoolChild:
		return "child pool " + strconv.Quote(u.Child) + " of " + pool + " (" + p + ")"
	}
	return "prefixes " + pool + " has allocated (" + p + ")"
}
