//go:build unix

package suite

import (
	"syscall"
	"time"
)

// CPUClock reads the CPU time (user and system, all threads, garbage
// collection included) the process has used. On a machine shared with other
// work it is inflated far less than real time, since time spent waiting for
// a core is not counted. It falls back to WallClock if the system refuses.
func CPUClock() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return WallClock()
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
