//go:build !unix

package suite

import "time"

// CPUClock is WallClock where the process's CPU time cannot be read.
func CPUClock() time.Duration { return WallClock() }
