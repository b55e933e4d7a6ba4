package ipam

import (
	"encoding/binary"
	"errors"
	"fmt"
	"iter"
	"net/netip"

	"github.com/cidrplan/cidrplan/cidr"
	"github.com/cidrplan/cidrplan/internal/buddy"
	"go4.org/netipx"
)

// ErrNoSpace is wrapped by the *AllocError returned when a parent prefix has
// too few free aligned blocks for a request.
var ErrNoSpace = errors.New("no free space")

// ErrBadAllocRequest is wrapped by the *RequestError for allocation requests that
// can never succeed as written: a parent prefix that is invalid, IPv4-mapped
// IPv6 or has host bits set; a prefix length shorter than the parent or longer
// than the address family; a count below 1 or above 2^24; a used range that
// is invalid, IPv4-mapped IPv6 or of the other address family than the
// parent.
var ErrBadAllocRequest = errors.New("bad allocation request")

// AllocError reports that Within holds fewer than Count free aligned prefixes
// of length Bits: only Found. It wraps ErrNoSpace.
type AllocError struct {
	Within netip.Prefix
	Bits   int
	Count  int
	Found  int
}

// Error returns "ipam: " and Message.
func (e *AllocError) Error() string { return "ipam: " + e.Message() }

// Message is the error without the package name:
// `no room for 3 /24 in 10.0.0.0/22 (found 1)`.
func (e *AllocError) Message() string {
	return fmt.Sprintf("no room for %d /%d in %s (found %d)", e.Count, e.Bits, e.Within, e.Found)
}

// Unwrap returns ErrNoSpace.
func (e *AllocError) Unwrap() error { return ErrNoSpace }

// Allocator hands out free aligned prefixes inside a parent prefix, lowest
// address first (deterministic first fit).
//
// It keeps the free space as a buddy tree over the parent's host bits that
// knows, for every aligned block, the largest free aligned block inside it.
// Finding and taking the lowest free /N therefore visits N − parent-length
// nodes however many ranges are used. Memory grows with the number of used
// ranges, not with the size of the parent (an IPv6 /32 costs no more than an
// IPv4 /24): about 40 bytes per range for 1e5 /25–/29 subnets in a /8.
//
// The zero Allocator has no parent: Allocate, AllocateN and Avoid return
// ErrBadAllocRequest and Free yields nothing; use NewAllocator. An Allocator
// is not safe for concurrent use, and copies of one share its state.
type Allocator struct {
	within      netip.Prefix
	first, last buddy.Key // the parent's first and last addresses
	tree        *buddy.Tree
}

// NewAllocator returns an Allocator for the free space of within: everything
// inside it except the used ranges. Used ranges may overlap each other, nest,
// and reach beyond within (only the part inside counts), but must be of
// within's address family: filter a dual-stack plan's ranges by family first.
//
// It returns an error wrapping ErrBadAllocRequest when within is invalid,
// IPv4-mapped IPv6 or has host bits set, or a used range is invalid,
// IPv4-mapped IPv6 or of the other family. Building sorts the used ranges
// once (a radix sort, linear in their number) and creates each tree node once.
func NewAllocator(within netip.Prefix, used ...netipx.IPRange) (*Allocator, error) {
	if err := allocCheckParent(within); err != nil {
		return nil, err
	}
	first := allocKey(within.Addr())
	a := &Allocator{within: within, first: first, last: first.Or(buddy.LowMask(allocHostBits(within)))}
	ranges := make([]buddy.Range, 0, len(used))
	for _, r := range used {
		br, ok, err := a.offsets("used", r)
		if err != nil {
			return nil, err
		}
		if ok {
			ranges = append(ranges, br)
		}
	}
	a.tree = buddy.Build(allocHostBits(within), ranges)
	return a, nil
}

// Avoid marks the range r taken; the part of r outside the parent is
// ignored. It returns an error wrapping ErrBadAllocRequest when r is invalid,
// IPv4-mapped IPv6 or of the other family than the parent.
func (a *Allocator) Avoid(r netipx.IPRange) error {
	if err := a.checkReady(); err != nil {
		return err
	}
	br, ok, err := a.offsets("avoided", r)
	if ok {
		a.tree.Set(br.Lo, br.Hi, true)
	}
	return err
}

// Allocate returns the lowest free prefix of length bits inside the parent
// and marks it taken. It returns an *AllocError wrapping ErrNoSpace when no
// such prefix is free, and an error wrapping ErrBadAllocRequest when bits is
// shorter than the parent or longer than the address family.
// It costs O(bits − parent length) and does not allocate memory once the
// tree has grown.
func (a *Allocator) Allocate(bits int) (netip.Prefix, error) {
	if err := a.checkBits(bits, 1); err != nil {
		return netip.Prefix{}, err
	}
	off, ok := a.tree.Alloc(bits - a.within.Bits())
	if !ok {
		return netip.Prefix{}, &AllocError{Within: a.within, Bits: bits, Count: 1}
	}
	return netip.PrefixFrom(a.addr(off), bits), nil
}

// AllocateN returns the count lowest free prefixes of length bits inside the
// parent, in ascending order, and marks them taken: the same prefixes as
// count calls to Allocate. It is all or nothing: when fewer than count are
// free it returns an *AllocError wrapping ErrNoSpace whose Found says how
// many are, and takes nothing. Bad bits, a count below 1 or above 2^24
// (16,777,216) give an error wrapping ErrBadAllocRequest.
func (a *Allocator) AllocateN(bits, count int) ([]netip.Prefix, error) {
	if err := a.checkBits(bits, count); err != nil {
		return nil, err
	}
	d := bits - a.within.Bits()
	if found := a.tree.CountFree(d, count); found < count {
		return nil, &AllocError{Within: a.within, Bits: bits, Count: count, Found: found}
	}
	out := make([]netip.Prefix, count)
	for i := range out {
		off, _ := a.tree.Alloc(d) // CountFree guaranteed count blocks
		out[i] = netip.PrefixFrom(a.addr(off), bits)
	}
	return out, nil
}

// Free returns the maximal free ranges inside the parent in ascending order.
// The Allocator must not change while the sequence is iterated.
func (a *Allocator) Free() iter.Seq[netipx.IPRange] {
	return func(yield func(netipx.IPRange) bool) {
		if a.tree == nil {
			return
		}
		for r := range a.tree.FreeRanges() {
			if !yield(netipx.IPRangeFrom(a.addr(r.Lo), a.addr(r.Hi))) {
				return
			}
		}
	}
}

// Allocate returns the count lowest free prefixes of length bits inside
// within that overlap none of the used ranges, in ascending order. It is
// NewAllocator followed by AllocateN and returns their errors.
func Allocate(within netip.Prefix, bits, count int, used ...netipx.IPRange) ([]netip.Prefix, error) {
	a, err := NewAllocator(within, used...)
	if err != nil {
		return nil, err
	}
	return a.AllocateN(bits, count)
}

// allocMaxCount bounds one AllocateN request: 2^24 prefixes already take
// 512 MiB to return, and a larger count is a bug, not a plan.
const allocMaxCount = 1 << 24

// RequestError reports an allocation request that can never succeed as
// written. It wraps ErrBadAllocRequest and, when set, Err: the error of
// package cidr for a malformed parent or used range, so errors.Is matches
// cidr.ErrHostBits and the like too.
type RequestError struct {
	Detail string // what is wrong with the request, naming the prefixes involved
	Err    error  // the cause; may be nil
}

// Error returns "ipam: " and Message.
func (e *RequestError) Error() string { return "ipam: " + e.Message() }

// Message is the error without the package name:
// `bad allocation request: /7 is shorter than parent 10.0.0.0/8`.
func (e *RequestError) Message() string {
	return ErrBadAllocRequest.Error() + ": " + e.Detail
}

// Unwrap returns ErrBadAllocRequest and, when set, Err.
func (e *RequestError) Unwrap() []error {
	if e.Err == nil {
		return []error{ErrBadAllocRequest}
	}
	return []error{ErrBadAllocRequest, e.Err}
}

func allocBad(format string, args ...any) error {
	return &RequestError{Detail: fmt.Sprintf(format, args...)}
}

// allocBadInput is allocBad for a parent or used range cidr rejects: what
// names its role ("parent", "used").
func allocBadInput(what string, err error) error {
	return &RequestError{Detail: what + " " + err.Error(), Err: err}
}

func allocCheckParent(p netip.Prefix) error {
	if err := cidr.CheckPrefix(p); err != nil {
		return allocBadInput("parent", err)
	}
	return nil
}

func (a *Allocator) checkReady() error {
	if a.tree == nil {
		return allocBad("zero Allocator has no parent prefix (use NewAllocator)")
	}
	return nil
}

func (a *Allocator) checkBits(bits, count int) error {
	if err := a.checkReady(); err != nil {
		return err
	}
	switch {
	case bits < a.within.Bits():
		return allocBad("/%d is shorter than parent %s", bits, a.within)
	case bits > a.within.Addr().BitLen():
		return allocBad("/%d is longer than an %s address (/%d) in parent %s", bits, allocFamily(a.within.Addr()), a.within.Addr().BitLen(), a.within)
	case count < 1:
		return allocBad("count %d for /%d in %s is below 1", count, bits, a.within)
	case count > allocMaxCount:
		return allocBad("count %d for /%d in %s is above %d", count, bits, a.within, allocMaxCount)
	}
	return nil
}

// offsets validates r and returns it clipped to the parent, as offsets from
// the parent's first address; false when r lies wholly outside. It works on
// 128-bit keys rather than netip.Addr comparisons: NewAllocator runs it once
// per used range.
func (a *Allocator) offsets(what string, r netipx.IPRange) (buddy.Range, bool, error) {
	if err := cidr.RangeSentinel(r); err != nil {
		return buddy.Range{}, false, allocBadInput(what, &cidr.RangeError{Range: r, Err: err})
	}
	from := r.From()
	if from.BitLen() != a.within.Addr().BitLen() {
		return buddy.Range{}, false, allocBad("%s range %s is %s, parent %s is %s", what, r, allocFamily(from), a.within, allocFamily(a.within.Addr()))
	}
	lo, hi := allocKey(from), allocKey(r.To())
	if hi.Less(a.first) || a.last.Less(lo) {
		return buddy.Range{}, false, nil
	}
	if lo.Less(a.first) {
		lo = a.first
	}
	if a.last.Less(hi) {
		hi = a.last
	}
	mask := buddy.LowMask(allocHostBits(a.within))
	return buddy.Range{Lo: lo.And(mask), Hi: hi.And(mask)}, true, nil
}

func allocFamily(a netip.Addr) string {
	if a.Is4() {
		return "IPv4"
	}
	return "IPv6"
}

// allocHostBits is the depth of the tree: the parent's host bits.
func allocHostBits(p netip.Prefix) int { return p.Addr().BitLen() - p.Bits() }

// addr returns the address at offset off from the parent's first address.
func (a *Allocator) addr(off buddy.Key) netip.Addr {
	k := a.first.Or(off)
	if a.within.Addr().Is4() {
		var b [4]byte
		binary.BigEndian.PutUint32(b[:], uint32(k.Lo))
		return netip.AddrFrom4(b)
	}
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], k.Hi)
	binary.BigEndian.PutUint64(b[8:], k.Lo)
	return netip.AddrFrom16(b)
}

func allocKey(ip netip.Addr) buddy.Key {
	if ip.Is4() {
		b := ip.As4()
		return buddy.KeyFrom64(uint64(binary.BigEndian.Uint32(b[:])))
	}
	b := ip.As16()
	return buddy.Key{Hi: binary.BigEndian.Uint64(b[:8]), Lo: binary.BigEndian.Uint64(b[8:])}
}
