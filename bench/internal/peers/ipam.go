package peers

import (
	"net/netip"

	"go4.org/netipx"

	"github.com/cidrplan/cidrplan/ipam"
)

// IPAMAllocator is cidrplan's ipam.Allocator: a buddy tree of free aligned
// blocks, lowest address first.
type IPAMAllocator struct{}

func (IPAMAllocator) Name() string { return "cidrplan" }

func (IPAMAllocator) NewAllocator(within netip.Prefix, used []netipx.IPRange) (Allocator, error) {
	return ipam.NewAllocator(within, used...)
}
