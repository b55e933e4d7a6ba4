package sizing

// Defaults holds the values this package assumes where AKS sources disagree
// or AKS fills a field in ([D] in AKS-RULES.md). The zero Defaults means
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
}

// The built-in defaults of the disputed values.
const (
	DefaultOverlayMaxNodes = 5000
)

// DefaultMaxSurge returns the built-in default maxSurge, 10% [D].
func DefaultMaxSurge() Surge { return Surge{n: 10, percent: true, set: true} }

// DefaultMaxPods returns the built-in default maxPods of model m:
// node subnet 30 (CLI/ARM; the portal uses 110), kubenet 110, overlay 250
// (30 before 2023-09) [D], pod subnet dynamic and static 250 (docs also
// say 110) [D], none 250. An unknown model gives 0.
func DefaultMaxPods(m Model) int {
	switch m {
	case ModelNodeSubnet:
		return 30
	case ModelKubenet:
		return 110
	case ModelOverlay, ModelPodSubnetDynamic, ModelPodSubnetStatic, ModelNone:
		return 250
	}
	return 0
}

// maxSurge returns the default maxSurge in effect.
func (d Defaults) maxSurge() Surge {
	if d.MaxSurge.IsZero() {
		return DefaultMaxSurge()
	}
	return d.MaxSurge
}

// maxPods returns the default maxPods in effect for model m.
func (d Defaults) maxPods(m Model) int {
	if v, ok := d.MaxPods[m]; ok {
		return v
	}
	return DefaultMaxPods(m)
}

// overlayMaxNodes returns the overlay node limit in effect.
func (d Defaults) overlayMaxNodes() int {
	if d.OverlayMaxNodes == 0 {
		return DefaultOverlayMaxNodes
	}
	return d.OverlayMaxNodes
}
