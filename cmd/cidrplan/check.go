package main

import (
	"bufio"
	"fmt"
	"io"
	"net/netip"
	"strings"

	"github.com/cidrplan/cidrplan/ipam"
)

func checkCommand() *command {
	return &command{
		name:    "check",
		summary: "validate a plan and list what AKS would reject",
		usage:   "(PLAN | [--aks FILE]... [--vnet FILE]... [--onprem FILE]... [--terraform FILE]...) [--avoid CIDR]... [--avnm FILE] [flags]",
		args:    []string{"PLAN?"},
		about: `Validates an address plan (YAML or JSON; a PLAN of "-" reads standard
input) the way AKS would: overlapping ranges, subnets too small for their
pools at the upgrade peak, service and DNS addresses, reserved ranges,
network-model rules, and the advice of the AKS networking best practices.
Each finding has a severity, a code (AKS's own where AKS has one), the field
it concerns, a message and, for errors, a fix.

Instead of a PLAN file it can check what already exists: exports of clusters,
VNets, on-premises ranges and Terraform state, read offline (see "cidrplan
help import").

With --avnm FILE (az network manager ipam-pool get-pool-usage) the pool is
the space: a VNet prefix outside it and any range over what it has
allocated to something else, a child pool or a static CIDR are errors.

In CI, -o sarif writes SARIF 2.1.0 for code scanning (one rule per code, each
result on the line of the plan that its field is on, or of the nearest key
above it for a default) and -o github prints GitHub Actions workflow
commands that annotate those lines; the table names file:line too. Findings
about exports point at the export's line the value was read from (for an
ARM template, the template's). A plan read from standard input is named
"stdin" there, with the lines of what was read.

Exits 0 when there is no error finding, 1 when there is (with --fail-on
warning, also for a warning), 2 when the plan cannot be read.`,
		examples: `# validate a plan
cidrplan check examples/plans/classic-cni.yaml
# also stay clear of a network about to be peered, as JSON
cidrplan check examples/plans/hub-spoke.yaml --avoid 10.200.0.0/16 -o json
# in CI: fail on warnings too
cidrplan check examples/plans/kubenet-limits.yaml --fail-on warning
# in GitHub Actions: annotations on the plan's lines
cidrplan check examples/plans/broken.yaml -o github
# check a cluster and its VNet as exported with az
cidrplan check --aks examples/exports/hub-spoke/aks.json --vnet examples/exports/hub-spoke/vnet-spoke.json`,
		setup: func(f *flags, e *env) func([]string) error {
			var src planSource
			var avoid []netip.Prefix
			var output string
			failOn := "error"
			var avnmFile string
			f.planSourceFlags(&src, e)
			f.prefixesVar(&avoid, "avoid", "a range to stay clear of; repeatable, or comma-separated")
			f.stringVar(&avnmFile, "avnm", "FILE", avnmUsage)
			f.enumVar(&failOn, "fail-on", "the least severity that makes the exit status 1 (default error)", "error", "warning", "info")
			f.outputVar(&output, formatTable, formatJSON, formatYAML, formatSARIF, formatGitHub)
			return func(args []string) error {
				if err := stdinOnce(src.stdinInputs(args, avnmFile)...); err != nil {
					return err
				}
				p, name, where, err := src.loadLocated(e, args)
				if err != nil {
					return err
				}
				if len(avoid) > 0 {
					p.Avoid = append(p.Avoid, ipam.AvoidRange{Name: "--avoid", Source: ipam.SourceOther, Prefixes: avoid})
				}
				fs, err := validateAVNM(e, avnmFile, p)
				if err != nil {
					return err
				}
				if err := writeFindings(e, output, name, fs, where); err != nil {
					return err
				}
				if failing(fs, failOn) {
					return &failureError{}
				}
				return nil
			}
		},
	}
}

// findingsResult is the -o json/yaml shape of check.
type findingsResult struct {
	Findings ipam.Findings `json:"findings"`
}

// Outputs of check for CI: SARIF for code scanning, workflow commands for
// GitHub Actions annotations.
const (
	formatSARIF  = "sarif"
	formatGitHub = "github"
)

// writeFindings prints findings grouped by severity, errors first; where
// says where each finding's field is in the input. Output goes through a
// buffer: a large plan has thousands of findings, several writes each.
func writeFindings(e *env, output, name string, fs ipam.Findings, where locator) error {
	w := bufio.NewWriterSize(e.stdout, 64<<10)
	err := writeFindingsTo(w, e, output, name, fs, where)
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	return err
}

func writeFindingsTo(w io.Writer, e *env, output, name string, fs ipam.Findings, where locator) error {
	if fs == nil {
		fs = ipam.Findings{}
	}
	fs.Sort()
	switch output {
	case formatJSON:
		return writeJSON(w, findingsResult{fs})
	case formatYAML:
		return writeYAML(w, findingsResult{fs})
	case formatSARIF:
		return writeSARIF(w, fs, where)
	case formatGitHub:
		return writeGitHub(w, fs, where)
	}
	groups := []struct {
		sev   ipam.Severity
		title string
		color string
	}{
		{ipam.SeverityError, "ERRORS", red},
		{ipam.SeverityWarning, "WARNINGS", yellow},
		{ipam.SeverityInfo, "ADVICE", cyan},
	}
	for _, g := range groups {
		list := fs.Filter(g.sev)
		if len(list) == 0 {
			continue
		}
		fmt.Fprintf(w, "%s (%d)\n", e.paint(g.color, g.title), len(list))
		for _, f := range list {
			writeFinding(w, f, where)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%s: %s\n", name, summary(fs))
	return nil
}

// writeFinding prints one finding as a block: code, field and file:line,
// then the message and the fix indented.
func writeFinding(w io.Writer, f ipam.Finding, where locator) {
	fmt.Fprintf(w, "  %s", f.Code)
	if f.Field != "" {
		fmt.Fprintf(w, "  %s", f.Field)
	}
	if file, line, _ := where(f.Field); file != "" && line > 0 {
		fmt.Fprintf(w, "  %s:%d", file, line)
	}
	fmt.Fprintf(w, "\n    %s\n", f.Message)
	if f.Fix != "" {
		fmt.Fprintf(w, "    fix: %s\n", f.Fix)
	}
}

// summary counts findings by severity: "2 errors, 1 warning, no advice".
func summary(fs ipam.Findings) string {
	errs, warns, infos := len(fs.Filter(ipam.SeverityError)), len(fs.Filter(ipam.SeverityWarning)), len(fs.Filter(ipam.SeverityInfo))
	if errs+warns+infos == 0 {
		return "no findings"
	}
	var parts []string
	if errs > 0 {
		parts = append(parts, plural(errs, "error", "errors"))
	}
	if warns > 0 {
		parts = append(parts, plural(warns, "warning", "warnings"))
	}
	if infos > 0 {
		parts = append(parts, plural(infos, "piece of advice", "pieces of advice"))
	}
	return strings.Join(parts, ", ")
}

// failing reports whether fs has a finding of severity failOn or above.
func failing(fs ipam.Findings, failOn string) bool {
	least := ipam.SeverityError
	switch failOn {
	case "warning":
		least = ipam.SeverityWarning
	case "info":
		least = ipam.SeverityInfo
	}
	for _, f := range fs {
		if f.Severity >= least {
			return true
		}
	}
	return false
}
