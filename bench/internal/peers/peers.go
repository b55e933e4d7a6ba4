package peers

import (
	"errors"
	"net/netip"

	"go4.org/netipx"
)

// ErrUnsupported is returned by operations an implementation cannot perform.
var ErrUnsupported = errors.New("peers: operation not supported")

// An Entry is a stored prefix and its ID.
type Entry struct {
	Prefix netip.Prefix
	ID     uint32
}

// Input is an implementation's native build input, made by [Impl.Prepare].
type Input any

// An Impl is one implementation under test.
type Impl interface {
	// Name is the implementation's short name, used in benchmark names
	// (impl=NAME).
	Name() string
	// KeepsDuplicates reports whether two entries with the same prefix are
	// both stored (and reported as a conflict).
	KeepsDuplicates() bool
	// Prepare converts prefixes to the native build input; entry i gets ID i.
	Prepare(prefixes []netip.Prefix) Input
	// Build builds an index from input made by Prepare of the same Impl.
	Build(in Input) (Index, error)
}

// An Index is a built set of entries.
type Index interface {
	// Insert adds one entry.
	Insert(p netip.Prefix, id uint32) error
	// Delete removes one entry with prefix p and reports whether there was one.
	Delete(p netip.Prefix, id uint32) (bool, error)
	// Overlaps reports whether any entry shares an address with p.
	Overlaps(p netip.Prefix) bool
	// Overlapping yields every entry that shares an address with p.
	Overlapping(p netip.Prefix, yield func(Entry) bool) error
	// Conflicts yields every unordered pair of overlapping entries once.
	Conflicts(yield func(a, b Entry) bool) error
	// Gaps yields the maximal ranges inside within that no entry touches.
	Gaps(within netip.Prefix, yield func(netipx.IPRange) bool) error
}

// An AmongFinder is an Impl that can list the overlapping pairs of its
// prepared input without building an index first.
type AmongFinder interface {
	ConflictsAmong(in Input, yield func(a, b Entry) bool) error
}

// An AllocImpl is one allocator implementation under test.
type AllocImpl interface {
	Name() string
	// NewAllocator returns an allocator of free prefixes inside within, around
	// the used ranges.
	NewAllocator(within netip.Prefix, used []netipx.IPRange) (Allocator, error)
}

// An Allocator hands out free aligned prefixes.
type Allocator interface {
	// Allocate returns a free prefix of the given length and marks it used.
	Allocate(bits int) (netip.Prefix, error)
}

// ErrNoSpace is returned by the peer allocators when no free prefix of the
// requested length is left.
var ErrNoSpace = errors.New("peers: no free prefix of that length")

// Impls returns every index implementation, ours first and the naive
// reference last.
func Impls() []Impl {
	return []Impl{Tree{}, Bart{}, Cidranger{}, IPSet{}, Naive{}}
}

// AllocImpls returns every allocator implementation, ours first.
func AllocImpls() []AllocImpl {
	return []AllocImpl{IPAMAllocator{}, IPSetAllocator{}, NaiveAllocator{}}
}

// ByName returns the implementation called name, or nil.
func ByName(name string) Impl {
	for _, im := range Impls() {
		if im.Name() == name {
			return im
		}
	}
	return nil
}
