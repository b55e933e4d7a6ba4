package suite

import (
	"slices"

	"github.com/cidrplan/cidrplan/bench/internal/peers"
	"github.com/cidrplan/cidrplan/bench/internal/workload"
)

// mutate sets r up to insert (or delete) the extra entries one by one into an
// index holding the base entries (and, for Delete, the extras). Reset
// rebuilds that index: it restores the state exactly, also for an
// implementation that overwrites duplicates, and costs less than undoing the
// steps one by one in the naive slice.
func mutate(r *Runner, op Op, im peers.Impl, x peers.Index, w *workload.Workload) (*Runner, error) {
	n := uint32(len(w.Base))
	start := w.Base
	if op == Delete {
		start = slices.Concat(w.Base, w.Extra)
	}
	in := im.Prepare(start)
	rebuild := func() {
		y, err := im.Build(in)
		r.fail(err)
		if err == nil {
			x = y
		}
	}
	if op == Insert {
		if err := applicable(x, x.Insert(w.Extra[0], n)); err != nil {
			return nil, err
		}
		r.Step = func(i int) {
			r.fail(x.Insert(w.Extra[i], n+uint32(i)))
			r.steps++
		}
	} else {
		if _, err := x.Delete(w.Base[0], 0); err != nil {
			return nil, applicable(x, err)
		}
		r.Step = func(i int) {
			_, err := x.Delete(w.Extra[i], n+uint32(i))
			r.fail(err)
			r.steps++
		}
	}
	r.Period, r.Reset = len(w.Extra), rebuild
	rebuild()
	return r, r.err
}
