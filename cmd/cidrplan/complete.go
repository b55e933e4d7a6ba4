package main

import (
	"errors"
	"fmt"
	"net/netip"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/planfile"
)

func completeCommand() *command {
	return &command{
		name:    "complete",
		summary: "fill in the missing ranges of a plan",
		usage:   "PLAN [--avoid CIDR]... [--avnm FILE] [flags]",
		args:    []string{"PLAN"},
		about: `Fills in what a plan leaves out and prints the completed plan, ready for
"cidrplan check": node and pod subnets without a prefix are sized for their
pools at the upgrade peak and placed at the lowest free addresses of their
VNet; clusters without a pod CIDR or service CIDR get ranges that overlap
nothing (10.244.0.0/16 and 10.0.0.0/16 when those are free), with the DNS
service IP at the service CIDR's .10 address. Every default that applies
to the cluster's network model is written out (overlayMaxNodes only for
overlay, maxUnavailable only on User pools). Ranges and addresses the plan
gives are kept as they are (a DNS service IP given without a service CIDR
too: check reports it if the new range does not hold it). PLAN "-" reads
standard input.

The plan is printed as its file is written: comments, blank lines, key
order, flow style and indentation stay, and only the keys complete fills
are added, each range once (podCidr or podCidrs, as the plan spells it).
List entries are matched by name, entries without one by their place among
the unnamed, so no entry is added again beside the plan's; an empty value
("subnets:" with nothing after it) is filled in. A JSON plan stays JSON,
byte for byte but for what is added, unless -o yaml asks otherwise (and a
YAML plan turned into JSON loses its comments; a YAML plan that starts
with "{" stays YAML). CRLF line ends and a UTF-8 byte order mark
stay; a UTF-16 plan is printed as UTF-8, since the Windows PowerShell
redirection that wrote it encodes what it prints as UTF-16 again.
With --avnm FILE (az network manager ipam-pool get-pool-usage) new pod and
service CIDRs come only from the pool's available prefixes, lowest first,
and what the pool has in use for others joins the plan as ranges to avoid.

Exits 1, still printing the plan, when the completed plan has errors (no
room, or mistakes in the ranges given).`,
		examples: `# complete a plan, keeping its comments
cidrplan complete examples/plans/incomplete.yaml
# keep clear of another range too, and print JSON
cidrplan complete examples/plans/incomplete.yaml --avoid 10.244.0.0/16 -o json`,
		setup: func(f *flags, e *env) func([]string) error {
			var avoid []netip.Prefix
			var output string
			var avnmFile string
			f.prefixesVar(&avoid, "avoid", "a range to stay clear of; repeatable, or comma-separated")
			f.stringVar(&avnmFile, "avnm", "FILE", avnmUsage)
			f.enumVar(&output, "output", "output format (default: the plan's own)", formatYAML, formatJSON)
			f.alias("o", "output")
			f.inputLimitVar(e)
			return func(args []string) error {
				if err := stdinOnce([2]string{"PLAN", args[0]}, [2]string{"--avnm", avnmFile}); err != nil {
					return err
				}
				p, data, err := loadPlanText(e, args[0])
				if err != nil {
					return err
				}
				if len(avoid) > 0 {
					p.Avoid = append(p.Avoid, ipam.AvoidRange{Name: "--avoid", Source: ipam.SourceOther, Prefixes: avoid})
				}
				done, cerr := completeAVNM(e, avnmFile, p)
				if done != nil {
					out, err := planfile.Fill(data, planLabel(args[0]), done, planfile.Format(output))
					if err != nil {
						return err
					}
					if _, err := e.stdout.Write(out); err != nil {
						return err
					}
				}
				var pe *ipam.PlanError
				var ce *ipam.CompleteError
				switch {
				case errors.As(cerr, &pe):
					return &failureError{fmt.Sprintf("the completed plan has %s; run 'cidrplan check' on it for details (first: %s)",
						plural(len(pe.Findings), "error", "errors"), pe.Findings[0])}
				case errors.As(cerr, &ce):
					return &failureError{completeError(ce)}
				}
				return cerr
			}
		},
	}
}

// completeError words a failure of Complete: the plan as given is not
// invalid, so what happened leads, then the step and its cause as the
// error's Message gives them.
func completeError(ce *ipam.CompleteError) string {
	if errors.Is(ce, ipam.ErrNoSpace) {
		return "no room: " + ce.Message()
	}
	return "cannot complete the plan: " + ce.Message()
}
