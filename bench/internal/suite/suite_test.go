package suite

import (
	"errors"
	"testing"
	"time"

	"github.com/cidrplan/cidrplan/bench/internal/peers"
	"github.com/cidrplan/cidrplan/bench/internal/workload"
)

// TestRunnersSmoke runs every runner at a tiny size through more steps than
// its period, so resets run too: what the benchmarks would run, minus the
// timing.
func TestRunnersSmoke(t *testing.T) {
	w, err := workload.Generate(workload.RealisticMixed, 1000, 300)
	if err != nil {
		t.Fatal(err)
	}
	a, err := workload.GenerateAlloc(2000, 50)
	if err != nil {
		t.Fatal(err)
	}
	ops := []Op{Build, Overlaps, Overlapping, Conflicts, ConflictsBuilt, Insert, Delete, Gaps}
	for _, im := range peers.Impls() {
		for _, op := range ops {
			t.Run(im.Name()+"_"+string(op), func(t *testing.T) {
				r, err := New(op, im, w, a)
				if errors.Is(err, ErrNotApplicable) {
					t.Skip(err)
				}
				if err != nil {
					t.Fatal(err)
				}
				if _, err := Measure(r, time.Millisecond, CPUClock); err != nil {
					t.Fatal(err)
				}
				steps := 5
				if r.Period > 0 {
					steps = 2*r.Period + 1
				}
				for i := range steps {
					if r.Period > 0 && i%r.Period == 0 && i > 0 {
						r.Reset()
					}
					r.Step(i % max(r.Period, 1))
				}
				if err := r.Err(); err != nil {
					t.Fatal(err)
				}
			})
		}
	}
	for _, im := range peers.AllocImpls() {
		t.Run(im.Name()+"_allocate", func(t *testing.T) {
			r, err := NewAlloc(im, a)
			if err != nil {
				t.Fatal(err)
			}
			for i := range 3*a.Count + 1 {
				if i%a.Count == 0 && i > 0 {
					r.Reset()
				}
				r.Step(i % a.Count)
			}
			if err := r.Err(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestConflictsCountsPairs checks that the runner counts what Conflicts
// yields: the realistic plan's injected overlaps.
func TestConflictsCountsPairs(t *testing.T) {
	w, err := workload.Generate(workload.RealisticV4, 10_000, 0)
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(Conflicts, peers.Naive{}, w, nil)
	if err != nil {
		t.Fatal(err)
	}
	r.Step(0)
	if got, _ := r.PerStep(); got < 10 {
		t.Errorf("%v pairs per step, want at least 10 (the injected overlaps)", got)
	}
}

func TestSortKeys(t *testing.T) {
	w, err := workload.Generate(workload.RandomMixed, 1000, 0)
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(SortKeys, nil, w, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Measure(r, time.Millisecond, CPUClock); err != nil {
		t.Fatal(err)
	}
}

func TestBytesPerPrefix(t *testing.T) {
	w, err := workload.Generate(workload.RealisticV4, 10_000, 0)
	if err != nil {
		t.Fatal(err)
	}
	got, err := BytesPerPrefix(peers.Naive{}, w.Base)
	if err != nil {
		t.Fatal(err)
	}
	// The naive index is one 40-byte Entry per prefix in a slice.
	if got < 35 || got > 60 {
		t.Errorf("naive bytes/prefix = %.1f, want about 40", got)
	}
}

func TestClocksAdvance(t *testing.T) {
	for name, clock := range map[string]Clock{"wall": WallClock, "cpu": CPUClock} {
		start := clock()
		x := 0
		for i := range 50_000_000 {
			x ^= i * i
		}
		if clock() <= start {
			t.Errorf("%s clock did not advance over a busy loop (%d)", name, x)
		}
	}
}
