package main

import (
	"fmt"
	"strings"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/reportpage"
)

func reportCommand() *command {
	return &command{
		name:    "report",
		summary: "capacity, headroom and growth of every subnet and pod CIDR of a plan",
		usage:   "(PLAN | [--aks FILE]... [--vnet FILE]... [--onprem FILE]... [--terraform FILE]...) [flags]",
		args:    []string{"PLAN?"},
		about: `Reports the capacity of a plan: for every subnet its clusters use and
every pod CIDR, the usable addresses, the demand at steady state (no
surge), the peak (the worst step of the upgrade, one pool at a time unless
the cluster chose otherwise, as "cidrplan check" counts it) and the
headroom, usable − peak, negative when the peak does not fit. Every count
is in addresses: a pod CIDR holds whole per-node blocks, so a /22 is 1,024.
The line under the table names the upgrade model behind the peaks; where
ranges peak under different models (clusters that upgrade differently, or
share a subnet), a column UPGRADE names each range's.

For every pool it reports the most nodes (maxCount when autoscaled) it can
have, the other pools unchanged, with every upgrade step still fitting
every range and limit (the surge recomputed at that count), and what
stops it.

--growth N/month (every pool gains N nodes a month) or --growth P%/month
(every pool's nodes × (1 + P/100) a month, rounded up) adds the months
left to each range: the whole months of growth after which its upgrade
peak still fits. 0 means it fits now but not after a month, -1 that it
does not fit now, and "null" in JSON ("10y+" in the table) that it still
fits after ten years. A range's months also end when a cluster using it
passes an AKS limit (1,000 nodes a pool, the cluster's node limit).

-o json prints the report with the upgrade steps and check's findings;
-o html one self-contained page of it that works offline and prints
well: the findings, the capacity with headroom bars, the upgrade steps
and the address map.
Exits 0 when the report is printed, 2 when the plan cannot be read.`,
		examples: `# the capacity of a plan
cidrplan report examples/plans/hub-spoke.yaml
# with 5% more nodes a month
cidrplan report examples/plans/classic-cni.yaml --growth 5%/month
# as JSON, with the upgrade steps and the findings
cidrplan report examples/plans/kubenet-limits.yaml --growth 2/month -o json
# as a page to share or print
cidrplan report examples/plans/hub-spoke.yaml --growth 5%/month -o html`,
		setup: func(f *flags, e *env) func([]string) error {
			var src planSource
			var output string
			var growth ipam.Growth
			f.planSourceFlags(&src, e)
			f.define("growth", "N/month|P%/month", "every pool's growth, for the months each range lasts", func(s string) error {
				g, err := ipam.ParseGrowth(s)
				if err != nil {
					return fmt.Errorf(`want "N/month" or "P%%/month" with N, P from 1 to 1000`)
				}
				growth = g
				return nil
			}, nil)
			f.outputVar(&output, formatTable, formatJSON, formatHTML)
			return func(args []string) error {
				p, name, err := src.load(e, args)
				if err != nil {
					return err
				}
				r, err := p.Report(ipam.ReportOptions{Growth: growth})
				if err != nil {
					return err
				}
				switch output {
				case formatJSON:
					return writeJSON(e.stdout, r)
				case formatHTML:
					return reportpage.HTML(e.stdout, p, r)
				}
				writeReport(e, name, r)
				return nil
			}
		},
	}
}

// writeReport prints the ranges, then the pools, then a line on check's
// findings.
func writeReport(e *env, name string, r ipam.Report) {
	w := e.stdout
	t := newTable(w)
	// Ranges that peak under different upgrade models each say theirs.
	peakWords := r.PeakWords()
	perRange := peakWords == "" && len(r.Ranges) > 0
	head := "RANGE\tKIND\tPREFIX\tUSABLE\tSTEADY\tPEAK\tHEADROOM"
	if perRange {
		head += "\tUPGRADE"
	}
	if !r.Growth.IsZero() {
		head += "\tMONTHS LEFT (" + r.Growth.String() + ")"
	}
	fmt.Fprintln(t, head)
	for _, rr := range r.Ranges {
		headroom := rr.Headroom.Grouped()
		if rr.Headroom.IsNegative() {
			headroom = e.paint(red, headroom)
		}
		row := []string{reportRangeName(rr), rr.Kind.Words(), rr.Prefix.String(), rr.Usable.Grouped(),
			rr.Steady.Grouped(), rr.Peak.Grouped(), headroom}
		if perRange {
			row = append(row, rr.UpgradeWords())
		}
		if rr.MonthsLeft != nil {
			row = append(row, monthsWords(rr))
		}
		fmt.Fprintln(t, strings.Join(row, "\t"))
	}
	t.Flush()
	switch {
	case peakWords != "":
		fmt.Fprintf(e.stdout, "STEADY: demand without surge; PEAK: %s\n", peakWords)
	case perRange:
		fmt.Fprintln(e.stdout, "STEADY: demand without surge; PEAK: the worst upgrade step, under the upgrade model of each range's clusters (UPGRADE)")
	}
	if len(r.Pools) > 0 {
		fmt.Fprintln(w)
		t = newTable(w)
		fmt.Fprintln(t, "CLUSTER\tPOOL\tNODES\tMAX NODES\tLIMITED BY (ONE NODE MORE)")
		for _, p := range r.Pools {
			fmt.Fprintf(t, "%s\t%s\t%d\t%d\t%s\n", p.Cluster, p.Pool, p.Nodes, p.MaxNodes, poolLimitWords(p.LimitedBy))
		}
		t.Flush()
	}
	fmt.Fprintf(w, "\n%s: %s", name, summary(r.Findings))
	if len(r.Findings) > 0 {
		fmt.Fprint(w, ` ("cidrplan check" lists them)`)
	}
	fmt.Fprintln(w)
}

// reportRangeName names a range in the table: "vnet/subnet", or
// "cluster IPv4 pod CIDR".
func reportRangeName(rr ipam.ReportRange) string {
	if rr.Kind == ipam.CapacityPodCIDR {
		return strings.Join(rr.Clusters, ",") + " " + strings.TrimSuffix(rr.Name, " pod CIDR")
	}
	return rr.VNet + "/" + rr.Name
}

// monthsWords writes a range's months left: "3", "0", "short now",
// "10y+", with the AKS limit that ends them first: "11 (cluster node
// limit)".
func monthsWords(rr ipam.ReportRange) string {
	m := rr.MonthsLeft
	s := fmt.Sprint(m.Months)
	switch {
	case m.Lasts:
		return "10y+"
	case m.Months < 0:
		s = "short now"
	}
	if w := rr.MonthsLeftBy.LimitWords(); w != "" {
		s += " (" + w + ")"
	}
	return s
}

// poolLimitWords says what stops a pool: "node subnet aks-nodes 527/507".
func poolLimitWords(l *ipam.UpgradeRange) string {
	switch {
	case l == nil:
		return "-"
	case l.Kind == "":
		return l.Name
	}
	return rangeWords(*l) + " " + peakCell(*l)
}
