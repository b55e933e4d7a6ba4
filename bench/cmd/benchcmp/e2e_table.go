package main

import (
	"fmt"
	"io"
	"slices"
	"time"
)

// End-to-end goals (the issue's): check costs no more time than the decode
// floor, at most 1.5 times its peak RSS (JSON), and ten times the plan
// costs at most 12 times the time and 1.5 GB.
const (
	goalTimeRatio   = 1.0
	goalRSSRatio    = 1.5
	goalGrowth      = 12.0
	goalGrowthBytes = 1.5e9
)

// medianUsage returns the median of each measure over the runs.
func medianUsage(us []usage) usage {
	var cpu, wall, rss []float64
	for _, u := range us {
		cpu = append(cpu, float64(u.cpu))
		wall = append(wall, float64(u.wall))
		rss = append(rss, float64(u.maxRSS))
	}
	return usage{cpu: time.Duration(median(cpu)), wall: time.Duration(median(wall)), maxRSS: int64(median(rss))}
}

// timeOf is the measure of u the table judges: CPU time (user and system,
// every thread) or wall time.
func timeOf(u usage, clock string) time.Duration {
	if clock == "wall" {
		return u.wall
	}
	return u.cpu
}

// ratioOf returns the median over the runs of check's time over the
// floor's, each run's pair measured back to back, and the range of those
// ratios.
func ratioOf(r *e2eResult, clock string) (med float64, spread string) {
	var rs []float64
	for i := range min(len(r.check), len(r.floor)) {
		rs = append(rs, float64(timeOf(r.check[i], clock))/float64(timeOf(r.floor[i], clock)))
	}
	return median(rs), fmt.Sprintf("runs %.2f–%.2f", slices.Min(rs), slices.Max(rs))
}

func rssRatioOf(r *e2eResult) float64 {
	var rs []float64
	for i := range min(len(r.check), len(r.floor)) {
		rs = append(rs, float64(r.check[i].maxRSS)/float64(r.floor[i].maxRSS))
	}
	return median(rs)
}

func verdict(ok bool, got, goal float64, worse string) string {
	if ok {
		return "met"
	}
	return fmt.Sprintf("not met: %.2f× the goal (%s)", got/goal, worse)
}

func seconds(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func megabytes(b int64) string { return fmt.Sprintf("%.0f MB", float64(b)/1e6) }

func writeE2ETable(w io.Writer, cfg e2eConfig, results []*e2eResult) error {
	find := func(n int, format string) *e2eResult {
		for _, r := range results {
			if r.subnets == n && r.format == format {
				return r
			}
		}
		return nil
	}
	clockName := "CPU time (user + system)"
	if cfg.clock == "wall" {
		clockName = "wall time"
	}
	base := cfg.sizes[0]
	fmt.Fprintf(w, "`cidrplan check` against decoding the same file into `any`, each a child process; time is %s, "+
		"RSS the peak (rusage maxrss); medians of %d runs.\n\n", clockName, cfg.runs)
	fmt.Fprintln(w, "| measure | now | goal | verdict |")
	fmt.Fprintln(w, "|---|---|---|---|")
	for _, f := range cfg.formats {
		r := find(base, f)
		if r == nil {
			continue
		}
		c, fl := medianUsage(r.check), medianUsage(r.floor)
		tr, spread := ratioOf(r, cfg.clock)
		fmt.Fprintf(w, "| %s plan (%d subnets): check time / decode time | %s / %s = %.2f (%s) | ≤ %.1f | %s |\n",
			upper(f), base, seconds(timeOf(c, cfg.clock)), seconds(timeOf(fl, cfg.clock)), tr, spread, goalTimeRatio,
			verdict(tr <= goalTimeRatio, tr, goalTimeRatio, "slower than the floor"))
		rr := rssRatioOf(r)
		goal, judged := goalRSSRatio, f == "json"
		v := "(no goal)"
		if judged {
			v = verdict(rr <= goal, rr, goal, "more memory than allowed")
		}
		fmt.Fprintf(w, "| %s plan: peak RSS / decode's | %s / %s = %.2f | %s | %s |\n",
			upper(f), megabytes(c.maxRSS), megabytes(fl.maxRSS), rr, goalText(judged, goal), v)
	}
	for _, n := range cfg.sizes[1:] {
		for _, f := range cfg.formats {
			r, b := find(n, f), find(base, f)
			if r == nil || b == nil {
				continue
			}
			c, bc := medianUsage(r.check), medianUsage(b.check)
			growth := float64(timeOf(c, cfg.clock)) / float64(timeOf(bc, cfg.clock))
			scale := float64(n) / float64(base)
			goal, goalBytes := goalGrowth*scale/10, goalGrowthBytes*scale/10
			if f != "json" { // the goal is set for JSON plans
				fmt.Fprintf(w, "| %.0f× the plan (%d subnets, %s): time growth | %.1f× (%s, %.2f GB) | – | (no goal) |\n",
					scale, n, upper(f), growth, seconds(timeOf(c, cfg.clock)), float64(c.maxRSS)/1e9)
				continue
			}
			v := "met"
			if growth > goal || float64(c.maxRSS) > goalBytes {
				v = fmt.Sprintf("not met: time %.2f× the goal, memory %.2f× the goal", growth/goal, float64(c.maxRSS)/goalBytes)
			}
			fmt.Fprintf(w, "| %.0f× the plan (%d subnets, %s): time growth | %.1f× (%s, %.2f GB) | ≤ %.0f×, ≤ %.1f GB | %s |\n",
				scale, n, upper(f), growth, seconds(timeOf(c, cfg.clock)), float64(c.maxRSS)/1e9, goal, goalBytes/1e9, v)
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| plan | file | process | CPU time | wall time | peak RSS |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|")
	for _, r := range results {
		for _, p := range []struct {
			name string
			us   []usage
		}{{"cidrplan check", r.check}, {"decode floor", r.floor}} {
			u := medianUsage(p.us)
			fmt.Fprintf(w, "| %d subnets, %d clusters, %s | %.1f MB | %s | %s | %s | %s |\n",
				r.subnets, r.clusters, upper(r.format), float64(r.size)/1e6, p.name, seconds(u.cpu), seconds(u.wall), megabytes(u.maxRSS))
		}
	}
	return nil
}

func goalText(judged bool, goal float64) string {
	if !judged {
		return "–"
	}
	return fmt.Sprintf("≤ %.1f", goal)
}

func upper(format string) string {
	switch format {
	case "json":
		return "JSON"
	case "yaml":
		return "YAML"
	}
	return format
}
