package main

import (
	"errors"
	"fmt"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
)

func expandCommand() *command {
	return &command{
		name:    "expand",
		summary: "grow an Azure CNI Overlay pod CIDR to hold more nodes",
		usage:   "(PLAN | [--aks FILE]... [--vnet FILE]... [--onprem FILE]... [--terraform FILE]...) --nodes N [--cluster NAME] [flags]",
		args:    []string{"PLAN?"},
		about: `Finds the smallest superset of an overlay cluster's pod CIDR that holds N
nodes plus the largest pool's upgrade surge, one /24 each, and is clear of the
VNets, service CIDRs, peered, on-premises and reserved ranges of the plan; and
prints the az command that grows it and the check to run after. AKS grows a
pod CIDR only to a superset that contains the original range.

Refused, with a code, for a cluster that isn't overlay, has Windows pools, an
IPv6 or several pod CIDRs, N nodes past its model's node limit
(Azure CNI Overlay: 5,000 [D], defaults.overlayMaxNodes), or whose superset
overlaps other ranges (they are named). An upgrade peak past the 5,000-node
cluster limit, where AKS blocks upgrades, is a warning.

Exits 0 with the expansion (or when the pod CIDR already holds the nodes), 1
when it is refused, 2 when the plan cannot be read.`,
		examples: `# room for 1000 nodes in an overlay cluster
cidrplan expand examples/plans/overlay-cilium.yaml --nodes 1000
# as JSON
cidrplan expand examples/plans/overlay-cilium.yaml --cluster platform --nodes 1000 -o json`,
		setup: func(f *flags, e *env) func([]string) error {
			var src planSource
			var cluster, output string
			var nodes int
			var nodesSet bool
			f.planSourceFlags(&src, e)
			f.stringVar(&cluster, "cluster", "NAME", "the overlay cluster (optional when the plan has one)")
			f.intVar(&nodes, &nodesSet, "nodes", "N", "the nodes the pod CIDR must hold (required)", 1, sizing.MaxClusterNodes*10)
			f.outputVar(&output, formatTable, formatJSON)
			return func(args []string) error {
				if !nodesSet {
					return errors.New("missing --nodes N (run 'cidrplan expand -h' for usage)")
				}
				p, _, err := src.load(e, args)
				if err != nil {
					return err
				}
				name, err := pickCluster(p, cluster)
				if err != nil {
					return err
				}
				x, err := p.Expand(name, nodes)
				var ee *ipam.ExpansionError
				if errors.As(err, &ee) {
					return &failureError{msg: fmt.Sprintf("%s: %s", ee.Code, ee.Message())}
				}
				if err != nil {
					return migrateError(err)
				}
				if output == formatJSON {
					return writeJSON(e.stdout, x)
				}
				if x.To == x.From {
					fmt.Fprintf(e.stdout, "cluster %s: pod CIDR %s already holds %s with the upgrade surge\n", x.Cluster, x.From, plural(x.Nodes, "node", "nodes"))
				} else {
					fmt.Fprintf(e.stdout, "cluster %s: pod CIDR %s → %s for %s with the upgrade surge\n", x.Cluster, x.From, x.To, plural(x.Nodes, "node", "nodes"))
				}
				writeNotes(e, "WARNINGS", yellow, x.Warnings)
				writeSteps(e.stdout, x.Steps)
				return nil
			}
		},
	}
}
