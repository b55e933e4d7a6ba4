package suite

import (
	"net/netip"
	"runtime"
	"time"

	"github.com/cidrplan/cidrplan/bench/internal/peers"
)

// Measure runs r in growing batches until at least min of step time has
// passed on clock (resets excluded) and returns the mean time per step.
func Measure(r *Runner, min time.Duration, clock Clock) (time.Duration, error) {
	var total time.Duration
	steps, i := 0, 0
	for batch := 1; total < min; batch *= 2 {
		start := clock()
		for range batch {
			if r.Period > 0 && i == r.Period {
				total += clock() - start
				r.Reset()
				start, i = clock(), 0
			}
			r.Step(i)
			i++
		}
		total += clock() - start
		steps += batch
		if r.err != nil {
			return 0, r.err
		}
	}
	return total / time.Duration(steps), nil
}

// BytesPerPrefix builds an index of im from prefixes and returns the growth
// of the live heap (after a full GC, before and after) divided by the number
// of prefixes: what the index retains, its build input excluded unless the
// index keeps it.
func BytesPerPrefix(im peers.Impl, prefixes []netip.Prefix) (float64, error) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&before)
	x, err := im.Build(im.Prepare(prefixes))
	if err != nil {
		return 0, err
	}
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(x)
	return float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / float64(len(prefixes)), nil
}
