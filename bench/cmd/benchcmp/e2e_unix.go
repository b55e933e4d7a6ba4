//go:build unix

package main

import (
	"os"
	"runtime"
	"syscall"
	"time"
)

// childUsage returns a finished child's CPU time (user and system) and
// peak resident set size in bytes, as the kernel accounted them.
func childUsage(ps *os.ProcessState) (cpu time.Duration, maxRSS int64, ok bool) {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0, 0, false
	}
	rss := int64(ru.Maxrss)
	if runtime.GOOS != "darwin" { // darwin counts bytes, the others kilobytes
		rss *= 1024
	}
	return time.Duration(syscall.TimevalToNsec(ru.Utime) + syscall.TimevalToNsec(ru.Stime)), rss, true
}
