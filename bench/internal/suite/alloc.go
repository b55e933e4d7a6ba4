package suite

import (
	"go4.org/netipx"

	"github.com/cidrplan/cidrplan/bench/internal/peers"
	"github.com/cidrplan/cidrplan/bench/internal/workload"
)

// NewAlloc returns the runner that allocates a.Count prefixes of length
// a.Bits, one per step, with a fresh allocator (built untimed) after every
// a.Count steps.
func NewAlloc(im peers.AllocImpl, a *workload.Alloc) (*Runner, error) {
	used := make([]netipx.IPRange, len(a.Used))
	for i, p := range a.Used {
		used[i] = netipx.RangeOfPrefix(p)
	}
	al, err := im.NewAllocator(a.Within, used)
	if err != nil {
		return nil, err
	}
	r := &Runner{Period: a.Count}
	r.Step = func(int) {
		_, err := al.Allocate(a.Bits)
		r.fail(err)
		r.steps++
	}
	r.Reset = func() {
		fresh, err := im.NewAllocator(a.Within, used)
		r.fail(err)
		if err == nil {
			al = fresh
		}
	}
	return r, nil
}
