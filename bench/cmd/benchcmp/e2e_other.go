//go:build !unix

package main

import (
	"os"
	"time"
)

// childUsage reports no usage: the end-to-end comparison needs rusage.
func childUsage(*os.ProcessState) (time.Duration, int64, bool) { return 0, 0, false }
