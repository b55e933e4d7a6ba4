package suite

import (
	"net/netip"
	"slices"

	"github.com/cidrplan/cidrplan/bench/internal/peers"
	"github.com/cidrplan/cidrplan/bench/internal/workload"
)

// mutate sets r up to insert (or delete) the extra entries one by one into an
// index holding the base entries (and, for Delete, the extras). Reset undoes
// the steps by the opposite operation where that restores the state exactly,
// and by a rebuild for an implementation that overwrites duplicates.
func mutate(r *Runner, op Op, im peers.Impl, x peers.Index, w *workload.Workload) (*Runner, error) {
	n := uint32(len(w.Base))
	all := slices.Concat(w.Base, w.Extra)
	insertAll := func(x peers.Index) error {
		for i, p := range w.Extra {
			if err := x.Insert(p, n+uint32(i)); err != nil {
				return err
			}
		}
		return nil
	}
	deleteAll := func(x peers.Index) error {
		for i := len(w.Extra) - 1; i >= 0; i-- {
			if _, err := x.Delete(w.Extra[i], n+uint32(i)); err != nil {
				return err
			}
		}
		return nil
	}
	rebuild := func(ps []netip.Prefix) {
		y, err := im.Build(im.Prepare(ps))
		r.fail(err)
		if err == nil {
			x = y
		}
	}
	r.Period = len(w.Extra)
	if op == Insert {
		if err := applicable(x, x.Insert(w.Extra[0], n)); err != nil {
			return nil, err
		}
		rebuild(w.Base)
		r.Step = func(i int) {
			r.fail(x.Insert(w.Extra[i], n+uint32(i)))
			r.steps++
		}
		r.Reset = func() {
			if im.KeepsDuplicates() {
				r.fail(deleteAll(x))
				return
			}
			rebuild(w.Base)
		}
		return r, nil
	}
	if _, err := x.Delete(w.Base[0], 0); err != nil {
		return nil, applicable(x, err)
	}
	rebuild(all)
	r.Step = func(i int) {
		_, err := x.Delete(w.Extra[i], n+uint32(i))
		r.fail(err)
		r.steps++
	}
	r.Reset = func() {
		if im.KeepsDuplicates() {
			r.fail(insertAll(x))
			return
		}
		rebuild(all)
	}
	return r, r.err
}
