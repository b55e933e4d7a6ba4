package suite

import "time"

// A Clock reads a monotonic time.
type Clock func() time.Duration

var wallStart = time.Now()

// WallClock reads elapsed real time.
func WallClock() time.Duration { return time.Since(wallStart) }
