package main

import (
	"errors"
	"fmt"
	"io"
	"net/netip"
	"strings"

	"github.com/cidrplan/cidrplan/ipam"
)

func migrateCommand() *command {
	return &command{
		name:    "migrate",
		summary: "plan a cluster's move to Azure CNI Overlay or the Cilium data plane",
		usage:   "(PLAN | [--aks FILE]... [--vnet FILE]... [--onprem FILE]... [--terraform FILE]...) --to overlay|cilium [--cluster NAME] [--pod-cidr CIDR] [flags]",
		args:    []string{"PLAN?"},
		about: `Says whether a cluster of the plan can move to Azure CNI Overlay (from
Azure CNI node subnet or kubenet, one-way) or to the Cilium data plane (from
any Azure CNI mode; kubenet goes to overlay first), lists every blocker at
once with its fix, and prints the az and kubectl commands to run, in order.

Blockers stop "az aks update" today: Kubernetes older than 1.27, a dynamic
pod subnet (no way: a new cluster), a network policy engine (uninstall it
first), a kubenet cluster's system-assigned identity, a pod CIDR that
overlaps the VNets, the service CIDR, a peered, on-premises or reserved range
or a routed pod CIDR, a range that can't hold every pool reimaged at once,
Windows pools and node auto-provisioning (Cilium). Warnings are cautions.

From node subnet the overlay pod CIDR is --pod-cidr, or the lowest private
range (RFC 1918, 100.64.0.0/10) that holds a /24 per node at the reimage peak
clear of the plan's ranges; kubenet keeps its pod CIDR unless --pod-cidr is
given. The commands name the cluster's resourceGroup when the plan has it.

Exits 0 when the migration is possible (possibly after the listed fixes), 1
when it is not, 2 when the plan cannot be read.`,
		examples: `# move a kubenet cluster to Azure CNI Overlay
cidrplan migrate examples/plans/kubenet-limits.yaml --cluster batch --to overlay
# a node subnet cluster to overlay with a chosen pod CIDR, as JSON
cidrplan migrate examples/plans/classic-cni.yaml --to overlay --pod-cidr 100.64.0.0/16 -o json
# the Cilium data plane
cidrplan migrate examples/plans/overlay-windows.yaml --to cilium`,
		setup: func(f *flags, e *env) func([]string) error {
			var src planSource
			var cluster, output string
			var to string
			var pod netip.Prefix
			f.planSourceFlags(&src, e)
			f.stringVar(&cluster, "cluster", "NAME", "the cluster to migrate (optional when the plan has one)")
			f.enumVar(&to, "to", "the target: Azure CNI Overlay or the Cilium data plane (required)", string(ipam.MigrateToOverlay), string(ipam.MigrateToCilium))
			f.prefixVar(&pod, "pod-cidr", "the overlay pod CIDR to use (default: kubenet's own, or proposed)")
			f.outputVar(&output, formatTable, formatJSON)
			return func(args []string) error {
				if to == "" {
					return errors.New("missing --to overlay|cilium (run 'cidrplan migrate -h' for usage)")
				}
				p, _, err := src.load(e, args)
				if err != nil {
					return err
				}
				name, err := pickCluster(p, cluster)
				if err != nil {
					return err
				}
				m, err := p.Migrate(name, ipam.MigrationTarget(to), ipam.MigrateOptions{PodCIDR: pod})
				if err != nil {
					return migrateError(err)
				}
				if output == formatJSON {
					err = writeJSON(e.stdout, m)
				} else {
					writeMigration(e, m)
				}
				if err == nil && !m.Possible {
					return &failureError{}
				}
				return err
			}
		},
	}
}

// pickCluster returns the cluster --cluster names, or the plan's only one.
func pickCluster(p *ipam.Plan, name string) (string, error) {
	names := make([]string, len(p.Clusters))
	for i, c := range p.Clusters {
		if c.Name == name {
			return name, nil
		}
		names[i] = c.Name
	}
	switch {
	case name == "" && len(names) == 1:
		return names[0], nil
	case len(names) == 0:
		return "", errors.New("the plan has no cluster")
	case name == "":
		return "", fmt.Errorf("say which cluster: --cluster %s", strings.Join(names, "|"))
	}
	return "", fmt.Errorf("--cluster %q: no such cluster (the plan has %s)", name, strings.Join(names, ", "))
}

// migrateError presents a request Migrate or Expand refuses from its fields.
func migrateError(err error) error {
	var me *ipam.MigrationError
	if errors.As(err, &me) {
		return errors.New(me.Detail)
	}
	return err
}

// writeMigration prints a migration as a verdict, the blockers, the
// warnings and the numbered steps.
func writeMigration(e *env, m ipam.Migration) {
	w := e.stdout
	verdict := "possible"
	switch {
	case !m.Possible:
		verdict = e.paint(red, "not possible")
	case len(m.Blockers) > 0:
		verdict = e.paint(yellow, "possible after "+plural(len(m.Blockers), "fix", "fixes"))
	}
	fmt.Fprintf(w, "cluster %s: %s → %s: %s\n", m.Cluster, m.From, m.To, verdict)
	if m.PodCIDR.IsValid() {
		fmt.Fprintf(w, "pod CIDR: %s (%s)\n", m.PodCIDR, m.PodCIDRSizing)
	}
	if !m.FreedAddresses.IsZero() {
		fmt.Fprintf(w, "node-subnet addresses freed at the upgrade peak: %s (%s)\n", m.FreedAddresses.Grouped(), m.FreedSizing)
	}
	writeNotes(e, "BLOCKERS", red, m.Blockers)
	writeNotes(e, "WARNINGS", yellow, m.Warnings)
	writeSteps(w, m.Steps)
}

func writeNotes(e *env, title, color string, ns []ipam.MigrationNote) {
	if len(ns) == 0 {
		return
	}
	fmt.Fprintf(e.stdout, "\n%s (%d)\n", e.paint(color, title), len(ns))
	for _, n := range ns {
		fmt.Fprintf(e.stdout, "  %s\n    %s\n", n.Code, n.Message)
		if n.Fix != "" {
			fmt.Fprintf(e.stdout, "    fix: %s\n", n.Fix)
		}
	}
}

func writeSteps(w io.Writer, ss []ipam.MigrationStep) {
	if len(ss) == 0 {
		return
	}
	fmt.Fprintf(w, "\nSTEPS\n")
	for i, s := range ss {
		fmt.Fprintf(w, "  %d. %s\n     # %s\n", i+1, s.Command, s.Why)
	}
}
