package ipam

import (
	"fmt"
	"net/netip"
	"slices"

	"github.com/cidrplan/cidrplan/sizing"
)

// MigrationTarget is where Plan.Migrate takes a cluster.
type MigrationTarget string

// The migration targets.
const (
	// MigrateToOverlay changes the IPAM mode to Azure CNI Overlay
	// (articles/aks/update-azure-cni.md).
	MigrateToOverlay MigrationTarget = "overlay"
	// MigrateToCilium changes the data plane to Cilium, by way of overlay
	// for a kubenet cluster.
	MigrateToCilium MigrationTarget = "cilium"
)

// MigrationTargets returns the migration targets; the slice is new on every
// call.
func MigrationTargets() []MigrationTarget {
	return []MigrationTarget{MigrateToOverlay, MigrateToCilium}
}

// IsValid reports whether t is one of the MigrationTarget constants.
func (t MigrationTarget) IsValid() bool { return t == MigrateToOverlay || t == MigrateToCilium }

// MigrateOptions tunes Plan.Migrate. The zero value proposes the pod CIDR.
type MigrateOptions struct {
	// PodCIDR is the overlay pod CIDR to use. Zero: a node subnet cluster
	// gets the lowest private range that holds its reimage peak, and a
	// kubenet cluster keeps its own.
	PodCIDR netip.Prefix
}

// Migration is the plan of one cluster's network migration: whether it is
// possible, what stops `az aks update` today, and the commands to run in
// order. It is a plain value with JSON tags, safe to share once returned.
type Migration struct {
	Cluster string `json:"cluster"`
	// From is the cluster's network model (sizing's name, "+cilium" when
	// its data plane is already Cilium); To the target.
	From string          `json:"from"`
	To   MigrationTarget `json:"to"`
	// Possible reports whether the migration can be done, possibly after
	// the blockers' fixes: every blocker has a fix.
	Possible bool `json:"possible"`
	// Blockers lists every condition that stops the update today, each
	// with its fix, or none when there is no way. Warnings are advice and
	// cautions that stop nothing.
	Blockers []MigrationNote `json:"blockers"`
	Warnings []MigrationNote `json:"warnings"`
	// PodCIDR is the overlay pod CIDR after the migration: the one given,
	// kubenet's own, or the proposed one; zero when the migration keeps
	// no pod CIDR (a node subnet or pod subnet cluster moving to Cilium).
	PodCIDR netip.Prefix `json:"podCidr,omitzero"`
	// FreedAddresses is the node-subnet addresses no longer needed at the
	// upgrade peak once pods leave the node subnet.
	FreedAddresses sizing.Count `json:"freedAddresses"`
	// PodCIDRSizing and FreedSizing say for people which network model,
	// upgrade model and per-node formula produced PodCIDR's size and
	// FreedAddresses; "" with no number. The JSON keeps the numbers alone.
	PodCIDRSizing string `json:"-" yaml:"-"`
	FreedSizing   string `json:"-" yaml:"-"`
	// Steps are the commands to run, in order: the blockers' fixes, the
	// update, and the checks after it; none when the migration is not
	// possible (and then no PodCIDR and no FreedAddresses either).
	Steps []MigrationStep `json:"steps"`
}

// MigrationNote is one blocker or warning of a migration or expansion.
type MigrationNote struct {
	Code    Code   `json:"code"`
	Message string `json:"message"`
	// Fix says how to remove a blocker; empty for a warning and for a
	// blocker with no way around it.
	Fix string `json:"fix,omitzero"`
}

// MigrationStep is one command of a migration or expansion and why it is
// run.
type MigrationStep struct {
	Command string `json:"command"`
	Why     string `json:"why"`
}

// Migrate plans the migration of the named cluster to target: every blocker
// at once (MigrationKubernetesVersion, MigrationDynamicPodSubnet,
// MigrationNetworkPolicyEnabled, MigrationSystemAssignedIdentity,
// MigrationPodCidrOverlap, MigrationReimagePeak, CiliumWindowsPools,
// CiliumNodeAutoProvisioning, ...), the warnings, the overlay pod CIDR and
// the steps. Overlaps are Plan.Overlaps' verdicts on the migrated plan and
// peaks Plan.Upgrade's simultaneous simulation of it: every pool is
// reimaged at once (articles/aks/update-azure-cni.md).
//
// An unknown cluster gives an error wrapping ErrUnknownCluster; an invalid
// target one wrapping ErrBadMigration, and so does an opts.PodCIDR that is
// not a clean IPv4 prefix of at most /24. p is not modified.
func (p *Plan) Migrate(cluster string, target MigrationTarget, opts MigrateOptions) (Migration, error) {
	if !target.IsValid() {
		return Migration{}, &MigrationError{Cluster: cluster, Detail: fmt.Sprintf("target %q: want %s", target, orList(MigrationTargets()))}
	}
	if err := checkMigrationPodCIDR(cluster, opts.PodCIDR); err != nil {
		return Migration{}, err
	}
	i, err := p.clusterIndex(cluster)
	if err != nil {
		return Migration{}, err
	}
	m := &migration{plan: p, i: i, c: &p.Clusters[i], opts: opts,
		out: Migration{Cluster: cluster, To: target, Blockers: []MigrationNote{}, Warnings: []MigrationNote{}, Steps: []MigrationStep{}}}
	m.out.From = m.from()
	switch target {
	case MigrateToOverlay:
		m.toOverlay()
	case MigrateToCilium:
		m.toCilium()
	}
	m.out.Possible = !slices.ContainsFunc(m.out.Blockers, func(b MigrationNote) bool { return b.Fix == "" })
	if !m.out.Possible {
		// Nothing to run: the steps, pod CIDR and freed addresses of a
		// migration that can't happen would only mislead.
		m.out.Steps, m.out.PodCIDR, m.out.FreedAddresses = []MigrationStep{}, netip.Prefix{}, sizing.Count{}
	}
	return m.out, nil
}

// clusterIndex returns the position of the named cluster in p.Clusters.
func (p *Plan) clusterIndex(name string) (int, error) {
	for i := range p.Clusters {
		if p.Clusters[i].Name == name {
			return i, nil
		}
	}
	return -1, fmt.Errorf("ipam: cluster %q: %w", name, ErrUnknownCluster)
}

// checkMigrationPodCIDR refuses a pod CIDR that is not a clean IPv4 prefix
// holding at least one node block.
func checkMigrationPodCIDR(cluster string, p netip.Prefix) error {
	if !p.IsValid() {
		return nil
	}
	if !p.Addr().Is4() {
		return &MigrationError{Cluster: cluster, Detail: fmt.Sprintf("pod CIDR %s: the migration takes an IPv4 pod CIDR", p)}
	}
	if _, err := sizing.PodCIDRNodes(p); err != nil {
		return &MigrationError{Cluster: cluster, Detail: fmt.Sprintf("pod CIDR %s: %v", p, err)}
	}
	return nil
}

// migration is the state of one Migrate call.
type migration struct {
	plan *Plan
	i    int
	c    *Cluster
	opts MigrateOptions
	out  Migration
}

func (m *migration) block(code Code, fix, format string, args ...any) {
	m.out.Blockers = append(m.out.Blockers, MigrationNote{Code: code, Message: fmt.Sprintf(format, args...), Fix: fix})
}

func (m *migration) warn(code Code, format string, args ...any) {
	m.out.Warnings = append(m.out.Warnings, MigrationNote{Code: code, Message: fmt.Sprintf(format, args...)})
}

func (m *migration) step(why, format string, args ...any) {
	m.out.Steps = append(m.out.Steps, MigrationStep{Command: fmt.Sprintf(format, args...), Why: why})
}

// models returns the network models of the cluster's pools, each once, in
// pool order.
func (m *migration) models() []sizing.Model {
	var out []sizing.Model
	n := m.c.NetworkProfile.network()
	for _, ap := range m.c.AgentPoolProfiles {
		md := n.Model(ap.Pool)
		if !slices.Contains(out, md) {
			out = append(out, md)
		}
	}
	if len(out) == 0 {
		out = append(out, m.c.NetworkProfile.model())
	}
	return out
}

// from names the cluster's network model for Migration.From.
func (m *migration) from() string {
	s := ""
	for i, md := range m.models() {
		if i > 0 {
			s += ","
		}
		s += string(md)
	}
	if m.c.NetworkProfile.network().IsCilium() {
		s += "+cilium"
	}
	return s
}

// windowsPool returns the name of the cluster's first Windows pool, or "".
func (c *Cluster) windowsPool() string {
	for _, ap := range c.AgentPoolProfiles {
		if ap.OSType == sizing.Windows {
			return ap.Name
		}
	}
	return ""
}
