package suite

import (
	"errors"
	"fmt"
	"net/netip"
	"slices"

	"go4.org/netipx"

	"github.com/cidrplan/cidrplan/bench/internal/peers"
	"github.com/cidrplan/cidrplan/bench/internal/workload"
)

// An Op is a measured operation.
type Op string

// The operations. Each step of a Runner performs one of them once.
const (
	// Build builds an index from the n base entries.
	Build Op = "build"
	// Overlaps asks whether a probe overlaps any entry.
	Overlaps Op = "overlaps"
	// Overlapping lists every entry that overlaps a probe.
	Overlapping Op = "overlapping"
	// Conflicts enumerates every overlapping pair among the n base entries
	// as given: the whole job of checking a plan. An implementation that
	// offers it (peers.AmongFinder) does it without an index; the others
	// build one first.
	Conflicts Op = "conflicts"
	// ConflictsBuilt enumerates every overlapping pair of a built index.
	ConflictsBuilt Op = "conflicts-built"
	// Insert inserts one of the extra entries.
	Insert Op = "insert"
	// Delete deletes one of the extra entries (inserted at setup).
	Delete Op = "delete"
	// Gaps lists every free range inside the allocation workload's /8.
	Gaps Op = "gaps"
	// Allocate allocates one /24 inside the allocation workload's /8.
	Allocate Op = "allocate"
	// SortKeys sorts a copy of the n base prefixes once: the floor that
	// Conflicts is held to.
	SortKeys Op = "sort"
)

// ErrNotApplicable is returned for an operation that an implementation
// cannot perform (wrapping peers.ErrUnsupported) or that is not measured at
// that size.
var ErrNotApplicable = errors.New("suite: not applicable")

// A Runner performs one operation repeatedly.
type Runner struct {
	// Step performs the operation once; i counts steps since the last reset.
	Step func(i int)
	// Period is the number of steps after which Reset must run before the
	// next step, untimed; 0 means never.
	Period int
	// Reset restores the state the first step started from.
	Reset func()

	steps int
	count int // things yielded (pairs, entries, ranges), for Metrics
	sink  bool
	err   error
}

// Err returns the first error a step or reset met.
func (r *Runner) Err() error { return r.err }

func (r *Runner) fail(err error) {
	if r.err == nil && err != nil {
		r.err = err
	}
}

// PerStep returns what the steps yielded on average (pairs, entries or
// ranges), and whether the operation yields anything.
func (r *Runner) PerStep() (float64, bool) {
	if r.steps == 0 {
		return 0, false
	}
	return float64(r.count) / float64(r.steps), true
}

// probe returns the i-th probe, cycling.
func probe(w *workload.Workload, i int) netip.Prefix { return w.Probes[i%len(w.Probes)] }

// New returns the runner for op on implementation im over workload w (for
// Gaps, over the allocation workload a; w and im may be nil for SortKeys).
// It returns an error wrapping ErrNotApplicable if im cannot perform op.
func New(op Op, im peers.Impl, w *workload.Workload, a *workload.Alloc) (*Runner, error) {
	r := &Runner{}
	switch op {
	case SortKeys:
		buf := make([]netip.Prefix, len(w.Base))
		r.Step = func(int) {
			copy(buf, w.Base)
			slices.SortFunc(buf, workload.ComparePrefix)
			r.steps++
		}
		return r, nil
	case Build, Conflicts:
		in := im.Prepare(w.Base)
		if af, ok := im.(peers.AmongFinder); ok && op == Conflicts {
			r.Step = func(int) {
				r.fail(af.ConflictsAmong(in, func(_, _ peers.Entry) bool { r.count++; return true }))
				r.steps++
			}
			return r, nil
		}
		r.Step = func(int) {
			x, err := im.Build(in)
			r.fail(err)
			if op == Conflicts {
				r.fail(x.Conflicts(func(_, _ peers.Entry) bool { r.count++; return true }))
			}
			r.sink = x != nil
			r.steps++
		}
		if op == Conflicts {
			x, err := im.Build(in)
			if err != nil {
				return nil, err
			}
			return r, applicable(x, x.Conflicts(func(_, _ peers.Entry) bool { return false }))
		}
		return r, nil
	case Gaps:
		x, err := im.Build(im.Prepare(a.Used))
		if err != nil {
			return nil, err
		}
		r.Step = func(int) {
			r.fail(x.Gaps(a.Within, func(netipx.IPRange) bool { r.count++; return true }))
			r.steps++
		}
		return r, applicable(x, x.Gaps(a.Within, func(netipx.IPRange) bool { return false }))
	}

	x, err := im.Build(im.Prepare(w.Base))
	if err != nil {
		return nil, err
	}
	switch op {
	case Overlaps:
		r.Step = func(i int) {
			r.sink = r.sink != x.Overlaps(probe(w, i))
			r.steps++
		}
	case Overlapping:
		r.Step = func(i int) {
			r.fail(x.Overlapping(probe(w, i), func(peers.Entry) bool { r.count++; return true }))
			r.steps++
		}
		return r, applicable(x, x.Overlapping(probe(w, 0), func(peers.Entry) bool { return false }))
	case ConflictsBuilt:
		r.Step = func(int) {
			r.fail(x.Conflicts(func(_, _ peers.Entry) bool { r.count++; return true }))
			r.steps++
		}
		return r, applicable(x, x.Conflicts(func(_, _ peers.Entry) bool { return false }))
	case Insert, Delete:
		return mutate(r, op, im, x, w)
	default:
		return nil, fmt.Errorf("suite: unknown operation %q", op)
	}
	return r, nil
}

// applicable maps peers.ErrUnsupported to ErrNotApplicable.
func applicable[T any](_ T, err error) error {
	if errors.Is(err, peers.ErrUnsupported) {
		return fmt.Errorf("%w: %w", ErrNotApplicable, err)
	}
	return err
}
