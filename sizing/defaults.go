package sizing

import (
	"fmt"
	"strconv"
)

// Defaults holds the values this package assumes where AKS sources disagree
// or AKS fills a field in ([D], see
// docs/aks-rules.md#disputed-defaults-and-overrides). The zero Defaults means
// the documented choices below; set a field to override one. Every default
// that a computation used is listed in Demand.Assumptions.
type Defaults struct {
	// MaxSurge applies to pools that leave maxSurge unset. Zero means 10%
	// (AKS on Kubernetes ≥ 1.32 and new pools ≥ 1.28 since 2023-10; older
	// API text says 1 node) [D].
	MaxSurge Surge `json:"maxSurge,omitzero" yaml:"maxSurge,omitempty"`
	// MaxPods overrides the per-model default maxPods; see DefaultMaxPods.
	MaxPods map[Model]int `json:"maxPods,omitempty" yaml:"maxPods,omitempty"`
	// OverlayMaxNodes is the Azure CNI Overlay node limit. Zero means 5,000
	// (1,000 before 2024-03) [D].
	OverlayMaxNodes int `json:"overlayMaxNodes,omitzero" yaml:"overlayMaxNodes,omitempty"`
	// Upgrade is the upgrade model whose peak a range must hold. Zero
	// means UpgradeSequential, as AKS upgrades pools; UpgradeSimultaneous
	// plans for every pool surging at once [D].
	Upgrade UpgradeModel `json:"upgrade,omitempty" yaml:"upgrade,omitempty"`
}

// The built-in defaults of the disputed values.
const (
	// DefaultOverlayMaxNodes is the Azure CNI Overlay node limit assumed
	// when Defaults.OverlayMaxNodes is zero [D].
	DefaultOverlayMaxNodes = 5000
	// OverlayMaxNodesBefore2024 is the overlay node limit that applied
	// before 2024-03, which older sources still state [D].
	OverlayMaxNodesBefore2024 = 1000
)

// DefaultMaxSurge returns the built-in default maxSurge, 10% [D].
func DefaultMaxSurge() Surge { return Surge{n: 10, percent: true, set: true} }

// DefaultMaxPods returns the built-in default maxPods of model m, its
// ModelSpec.DefaultMaxPods: node subnet 30 (CLI/ARM; the portal uses
// 110), kubenet 110, overlay 250 (30 before 2023-09) [D], pod subnet
// dynamic and static 250 (docs also say 110) [D], none 250. An unknown
// model gives 0.
func DefaultMaxPods(m Model) int { return m.Spec().DefaultMaxPods }

// EffectiveMaxSurge returns the maxSurge of a pool that leaves it unset:
// d.MaxSurge, or DefaultMaxSurge when that is zero.
func (d Defaults) EffectiveMaxSurge() Surge {
	if d.MaxSurge.IsZero() {
		return DefaultMaxSurge()
	}
	return d.MaxSurge
}

// EffectiveMaxPods returns the maxPods of a pool of model m that leaves it
// unset: d.MaxPods[m] when the map has m, else DefaultMaxPods(m).
func (d Defaults) EffectiveMaxPods(m Model) int {
	if v, ok := d.MaxPods[m]; ok {
		return v
	}
	return DefaultMaxPods(m)
}

// DefaultUpgrade is the upgrade model assumed when Defaults.Upgrade is
// empty: pools upgrade one at a time [D].
const DefaultUpgrade = UpgradeSequential

// EffectiveUpgrade returns the upgrade model in effect: d.Upgrade, or
// DefaultUpgrade when that is empty.
func (d Defaults) EffectiveUpgrade() UpgradeModel {
	if d.Upgrade == "" {
		return DefaultUpgrade
	}
	return d.Upgrade
}

// UpgradeAssumption returns what Demand reports when a cluster whose
// upgrade model matters leaves it unset: EffectiveUpgrade and why.
func (d Defaults) UpgradeAssumption() Assumption {
	return Assumption{Field: "upgrade", Value: string(d.EffectiveUpgrade()),
		Note: "default [D]: AKS upgrades pools one at a time; a network migration or a parallel upgrade surges them all at once (simultaneous)"}
}

// EffectiveOverlayMaxNodes returns the overlay node limit in effect:
// d.OverlayMaxNodes, or DefaultOverlayMaxNodes when that is zero.
func (d Defaults) EffectiveOverlayMaxNodes() int {
	if d.OverlayMaxNodes == 0 {
		return DefaultOverlayMaxNodes
	}
	return d.OverlayMaxNodes
}

// NodeLimit returns the cluster node limit of model m in effect: the
// spec's MaxNodes, or for a disputed limit (overlay) the
// EffectiveOverlayMaxNodes, never above MaxClusterNodes. An unknown model
// gives MaxClusterNodes.
func (d Defaults) NodeLimit(m Model) int {
	s := m.Spec()
	switch {
	case s.MaxNodesDisputed:
		return min(MaxClusterNodes, d.EffectiveOverlayMaxNodes())
	case s.MaxNodes > 0:
		return s.MaxNodes
	}
	return MaxClusterNodes
}

// MaxPodsAssumption returns what Demand reports when pool leaves maxPods
// unset under model m: EffectiveMaxPods(m), and a note that says why a
// default is disputed [D] or that d overrides it.
func (d Defaults) MaxPodsAssumption(pool string, m Model) Assumption {
	note := "default for the " + string(m) + " model"
	if _, ok := d.MaxPods[m]; ok {
		note += " (overridden)"
	} else if why := m.Spec().MaxPodsDispute; why != "" {
		note += " (" + why + ") [D]"
	}
	return Assumption{Pool: pool, Field: "maxPods", Value: strconv.Itoa(d.EffectiveMaxPods(m)), Note: note}
}

// ProductionMaxSurgePercent is the maxSurge AKS advises for production
// pools, 33% (articles/aks/upgrade-aks-node-pools-rolling.md).
const ProductionMaxSurgePercent = 33

// MaxSurgeAssumption returns what Demand reports when pool leaves maxSurge
// unset: EffectiveMaxSurge and the dispute behind the default.
func (d Defaults) MaxSurgeAssumption(pool string) Assumption {
	return Assumption{Pool: pool, Field: "maxSurge", Value: d.EffectiveMaxSurge().String(),
		Note: fmt.Sprintf("default [D]: 10%% on Kubernetes ≥ 1.32, 1 node in older API text; production advice %d%%", ProductionMaxSurgePercent)}
}
