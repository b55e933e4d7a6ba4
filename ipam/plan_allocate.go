package ipam

import (
	"errors"
	"fmt"
	"net/netip"

	"go4.org/netipx"
)

// Allocate returns the count lowest free aligned prefixes of length bits in
// the address space of the named VNet, in ascending order. Free means
// overlapping nothing the plan holds (VNet spaces of other VNets, subnets,
// pod, service and docker bridge ranges, with defaults filled in), nothing
// AKS reserves, nothing Azure forbids in a VNet, and no avoid range. The
// VNet's address spaces are filled in plan order. It is all or nothing:
// when fewer than count fit it returns an *[AllocError] wrapping
// [ErrNoSpace] (Within is the VNet's first space, Found how many fit in
// all). An unknown VNet gives [ErrUnknownVNet]; a bits or count the
// allocator can't serve, [ErrBadAllocRequest]. p is not modified.
func (p *Plan) Allocate(vnet string, bits, count int) ([]netip.Prefix, error) {
	var vn *VNet
	for i := range p.VNets {
		if p.VNets[i].Name == vnet {
			vn = &p.VNets[i]
			break
		}
	}
	if vn == nil {
		return nil, fmt.Errorf("ipam: %w %q", ErrUnknownVNet, vnet)
	}
	return allocateAcross(p.useIndex().blockersFunc(nil), vn.AddressSpace, bits, count)
}

// AllocateIn is Allocate with an explicit parent prefix instead of a VNet:
// the count lowest free prefixes of length bits inside within that overlap
// nothing the plan holds (within may be a VNet's own space: the VNet space
// itself is then not counted as used, its subnets are), nothing AKS
// reserves or Azure forbids, and no avoid range.
func (p *Plan) AllocateIn(within netip.Prefix, bits, count int) ([]netip.Prefix, error) {
	return allocateAcross(p.useIndex().blockersFunc(nil), []netip.Prefix{within}, bits, count)
}

// useIndex indexes the plan's ranges (defaults filled in), the reserved and
// the forbidden ranges in one overlap tree.
func (p *Plan) useIndex() *useIndex { return newUseIndex(planUses(p.withDefaults())) }

// allocateAcross fills the parents in order with count prefixes of length
// bits, each parent's allocator built from the ranges blockers gives for it
// (the free gaps come from the overlap tree's answer, never from a scan of
// the whole plan).
func allocateAcross(blockers func(parent netip.Prefix) []netipx.IPRange, parents []netip.Prefix, bits, count int) ([]netip.Prefix, error) {
	if count < 1 {
		return nil, allocBad("count %d", count)
	}
	var out []netip.Prefix
	tried := false
	for _, parent := range parents {
		if !parent.IsValid() || bits > parent.Addr().BitLen() {
			continue
		}
		tried = true
		if bits < parent.Bits() {
			continue // too small to hold even one
		}
		a, err := NewAllocator(parent, blockers(parent)...)
		if err != nil {
			return nil, err
		}
		got, err := a.AllocateN(bits, count-len(out))
		if err == nil {
			return append(out, got...), nil
		}
		var ae *AllocError
		if !errors.As(err, &ae) {
			return nil, err
		}
		more, _ := a.AllocateN(bits, ae.Found)
		out = append(out, more...)
	}
	if !tried {
		return nil, allocBad("no parent range of the right family holds a /%d", bits)
	}
	within := netip.Prefix{}
	if len(parents) > 0 {
		within = parents[0]
	}
	return nil, &AllocError{Within: within, Bits: bits, Count: count, Found: len(out)}
}

// usedRange is a prefix the plan uses; vnetSpace marks a VNet address space,
// which blocks allocation only outside itself.
type usedRange struct {
	prefix    netip.Prefix
	vnetSpace bool
}
