package main

import (
	"cmp"
	"fmt"
	"io"
	"strings"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
)

func upgradeCommand() *command {
	return &command{
		name:    "upgrade",
		summary: "simulate each cluster's upgrade step by step and the maxSurge that fits",
		usage:   "(PLAN | [--aks FILE]... [--vnet FILE]... [--onprem FILE]... [--terraform FILE]...) [flags]",
		args:    []string{"PLAN?"},
		about: `Simulates an upgrade of every cluster of a plan the way AKS runs it: its
node pools one at a time, in plan order. In each step every range the
cluster uses (node subnet, pod subnet, pod CIDR, kubenet route table) and
the node limits (1,000 per pool with its surge, 5,000 per cluster) carry
every pool's nodes (maxCount when autoscaled, plus scale-out) plus the
surge of the pool being upgraded (maxSurge, never more than the pool). A
subnet shared by clusters carries the other clusters' own peaks too, as
check counts them. --simultaneous surges every pool at once, as network
migrations and some node image updates do.

For each step it prints the peak and the usable addresses of every range,
whether it fits and the largest maxSurge that fits; for a step that does
not fit, the az command that makes it fit. Where not even a surge of 1
fits, a User pool can upgrade without surge nodes (maxSurge 0 with
maxUnavailable 1, a node at a time out of service); a System pool can't
use maxUnavailable, so the range needs room instead. The numbers are those
of "cidrplan check".

Exits 0 when every step fits, 1 when one does not (or a cluster can't be
simulated: "cidrplan check" says why), 2 when the plan cannot be read.`,
		examples: `# every cluster of a plan, one pool at a time
cidrplan upgrade examples/plans/kubenet-limits.yaml
# one cluster, every pool surging at once, as JSON
cidrplan upgrade examples/plans/classic-cni.yaml --cluster prod --simultaneous -o json
# a cluster as exported with az
cidrplan upgrade --aks examples/exports/hub-spoke/aks.json --vnet examples/exports/hub-spoke/vnet-spoke.json`,
		setup: func(f *flags, e *env) func([]string) error {
			var src planSource
			var cluster, output string
			var resourceGroup string
			var simultaneous bool
			f.planSourceFlags(&src, e)
			f.stringVar(&cluster, "cluster", "NAME", "only the cluster of that name")
			f.boolVar(&simultaneous, "simultaneous", "surge every pool at once (network migrations) instead of one pool at a time")
			f.stringVar(&resourceGroup, "resource-group", "NAME", `the resource group in the az commands printed (default the cluster's resourceGroup, else "$RESOURCE_GROUP")`)
			f.outputVar(&output, formatTable, formatJSON)
			return func(args []string) error {
				p, name, err := src.load(e, args)
				if err != nil {
					return err
				}
				opts := ipam.UpgradeOptions{Cluster: cluster}
				if simultaneous {
					opts.Model = sizing.UpgradeSimultaneous
				}
				u, err := p.Upgrade(opts)
				if err != nil {
					return fmt.Errorf("%s: no cluster %q (the plan has %s)", name, cluster, clusterNames(p))
				}
				if output == formatJSON {
					err = writeJSON(e.stdout, u)
				} else {
					writeUpgrade(e, u, resourceGroup)
				}
				if err == nil && !u.Fits() {
					return &failureError{}
				}
				return err
			}
		},
	}
}

// clusterNames lists the plan's clusters for an error: "a, b".
func clusterNames(p *ipam.Plan) string {
	var names []string
	for _, c := range p.Clusters {
		names = append(names, c.Name)
	}
	if len(names) == 0 {
		return "no cluster"
	}
	return strings.Join(names, ", ")
}

// writeUpgrade prints each cluster's steps as a table, one line a step,
// then what to do about each step that does not fit.
func writeUpgrade(e *env, u ipam.UpgradeReport, resourceGroup string) {
	w := e.stdout
	for i, c := range u.Clusters {
		if i > 0 {
			fmt.Fprintln(w)
		}
		if c.Error != "" {
			fmt.Fprintf(w, "cluster %s: %s\n  %s\n", c.Name, e.paint(red, "can't be simulated"), oneLine(c.Error))
			fmt.Fprintln(w, `  "cidrplan check" lists what to fix first.`)
			continue
		}
		fmt.Fprintf(w, "cluster %s: %s, %s\n", c.Name, c.Model.Words(), plural(c.Nodes, "node", "nodes"))
		cols := upgradeColumns(c.Steps)
		t := newTable(w)
		head := []string{"  STEP", "POOL", "SURGE"}
		for _, col := range cols {
			head = append(head, col.title)
		}
		fmt.Fprintln(t, strings.Join(append(head, "VERDICT"), "\t"))
		for j, s := range c.Steps {
			row := []string{fmt.Sprintf("  %d", j+1), s.Pool, fmt.Sprint(s.Surge)}
			for _, col := range cols {
				row = append(row, col.cell(s))
			}
			fmt.Fprintln(t, strings.Join(append(row, stepVerdict(e, s)), "\t"))
		}
		t.Flush()
		for j, s := range c.Steps {
			if !s.Fits {
				writeStepFix(w, c.Name, j+1, s, resourceGroupWord(resourceGroup, c.ResourceGroup))
			}
		}
	}
}

// upgradeColumn is one column of the step table: a range, or every
// surging pool's node cap.
type upgradeColumn struct {
	title string
	cell  func(ipam.UpgradeStep) string
}

// upgradeColumns lists the ranges of the steps in order of first use, the
// pools' node caps in one column.
func upgradeColumns(steps []ipam.UpgradeStep) []upgradeColumn {
	var cols []upgradeColumn
	seen := map[string]bool{}
	for _, s := range steps {
		for _, r := range s.Ranges {
			key := string(r.Kind) + " " + r.Name
			if r.Kind == ipam.CapacityPoolNodes {
				key = string(r.Kind)
			}
			if seen[key] {
				continue
			}
			seen[key] = true
			kind, name := r.Kind, r.Name
			cols = append(cols, upgradeColumn{title: rangeTitle(r), cell: func(s ipam.UpgradeStep) string {
				var cells []string
				for _, r := range s.Ranges {
					if r.Kind == kind && (kind == ipam.CapacityPoolNodes || r.Name == name) {
						cells = append(cells, peakCell(r))
					}
				}
				if len(cells) == 0 {
					return "-"
				}
				return strings.Join(cells, " ")
			}})
		}
	}
	return cols
}

// rangeTitle heads a range's column: "aks-nodes 10.1.0.0/23", "routes".
func rangeTitle(r ipam.UpgradeRange) string {
	switch r.Kind {
	case ipam.CapacityRoutes:
		return "ROUTES"
	case ipam.CapacityPoolNodes:
		return "POOL NODES"
	case ipam.CapacityClusterNodes:
		return "CLUSTER NODES"
	}
	return r.Name + " " + r.Prefix.String()
}

// peakCell writes peak/usable, with a "!" when the peak does not fit.
func peakCell(r ipam.UpgradeRange) string {
	s := r.Peak.Grouped() + "/" + r.Usable.Grouped()
	if !r.Fits {
		s += "!"
	}
	return s
}

// stepVerdict says whether the step fits and the surge that does.
func stepVerdict(e *env, s ipam.UpgradeStep) string {
	switch {
	case s.Fits:
		return fmt.Sprintf("fits (maxSurge up to %d)", s.MaxSurgeThatFits)
	case s.MaxSurgeThatFits > 0:
		return e.paint(red, "does not fit") + fmt.Sprintf(" (maxSurge %d fits)", s.MaxSurgeThatFits)
	case s.FitsWithoutSurge:
		return e.paint(red, "does not fit") + " (not even a surge of 1)"
	}
	return e.paint(red, "does not fit") + " (not even without surge)"
}

// writeStepFix prints what makes a step that does not fit fit: the ranges
// it passes, and the az command.
func writeStepFix(w io.Writer, cluster string, n int, s ipam.UpgradeStep, resourceGroup string) {
	var over []string
	for _, r := range s.Ranges {
		if !r.Fits {
			over = append(over, fmt.Sprintf("%s needs %s of %s", rangeWords(r), r.Peak.Grouped(), r.Usable.Grouped()))
		}
	}
	fmt.Fprintf(w, "step %d (%s): %s at a surge of %d\n", n, s.Pool, strings.Join(over, ", "), s.Surge)
	cmd := func(pool, extra string) {
		fmt.Fprintf(w, "  az aks nodepool update --resource-group %s --cluster-name %s --name %s %s\n",
			resourceGroup, shellWord(cluster), shellWord(pool), extra)
	}
	pools := strings.Split(s.Pool, ",")
	switch {
	case s.MaxSurgeThatFits > 0:
		for _, p := range pools {
			cmd(p, fmt.Sprintf("--max-surge %d", s.MaxSurgeThatFits))
		}
	case !s.FitsWithoutSurge:
		fmt.Fprintln(w, "  it does not fit even without surge nodes: the plan needs room first (see cidrplan check)")
	case s.Mode == "System":
		fmt.Fprintln(w, "  not even a surge of 1 fits, and a System pool can't use maxUnavailable: the range needs room for")
		fmt.Fprintln(w, "  a surge node first (cidrplan check names a prefix that holds the peak)")
	default:
		fmt.Fprintln(w, "  not even a surge of 1 fits: upgrade without surge nodes, one node at a time out of service")
		for _, p := range pools {
			cmd(p, "--max-surge 0 --max-unavailable 1")
		}
	}
}

// rangeWords names a range in a sentence, with its prefix: "node subnet
// aks-nodes (10.1.0.0/23)", "kubenet's route table" (ipam's
// UpgradeRange.Words).
func rangeWords(r ipam.UpgradeRange) string {
	if r.Prefix.IsValid() {
		return r.Words() + " (" + r.Prefix.String() + ")"
	}
	return r.Words()
}

// resourceGroupWord is the resource group of the az commands as a shell
// word: the flag's, else the plan's, else a variable to set.
func resourceGroupWord(flag, plan string) string {
	if rg := cmp.Or(flag, plan); rg != "" {
		return shellWord(rg)
	}
	return `"$RESOURCE_GROUP"`
}

// shellWord quotes s for a POSIX shell when it holds anything but letters,
// digits, '.', '_' and '-'.
func shellWord(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
