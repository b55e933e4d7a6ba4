package overlap

import (
	"syscall"
	"testing"
	"time"
)

// cpuClock measures process CPU time (user + system, all threads, GC
// included) over a b.Loop loop and reports it per iteration as
// "cpu-ns/op". On a machine shared with other jobs, wall-clock ns/op
// includes time spent waiting for a core; CPU time does not.
type cpuClock struct {
	b       *testing.B
	started time.Duration
	total   time.Duration
}

func startCPU(b *testing.B) *cpuClock { return &cpuClock{b: b, started: cpuNow()} }

// pause and resume bracket untimed work, like b.StopTimer and b.StartTimer.
func (c *cpuClock) pause()  { c.total += cpuNow() - c.started }
func (c *cpuClock) resume() { c.started = cpuNow() }

func (c *cpuClock) report() {
	c.pause()
	if c.b.N > 0 {
		c.b.ReportMetric(float64(c.total)/float64(c.b.N), "cpu-ns/op")
	}
}

func cpuNow() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
