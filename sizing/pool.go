package sizing

// OSType is a pool's operating system.
type OSType string

// The OS types; the empty OSType means Linux, as in AKS.
const (
	Linux   OSType = "Linux"
	Windows OSType = "Windows"
)

// OSTypes returns the OS types AKS accepts, in a stable order; the slice
// is new on every call.
func OSTypes() []OSType { return []OSType{Linux, Windows} }

// PoolMode is a pool's mode, AKS agentPoolProfiles[].mode.
type PoolMode string

// The pool modes. The empty mode means System for the first pool and User
// for the others, as AKS creates them (see Cluster.PoolMode).
const (
	ModeSystem PoolMode = "System"
	ModeUser   PoolMode = "User"
)

// PoolModes returns the pool modes AKS accepts, in a stable order; the
// slice is new on every call.
func PoolModes() []PoolMode { return []PoolMode{ModeSystem, ModeUser} }

// PodIPAllocationMode is how Azure CNI hands pod-subnet IPs to nodes.
type PodIPAllocationMode string

// The pod IP allocation modes; the empty mode on a pool with a pod subnet
// means DynamicIndividual, as in AKS.
const (
	DynamicIndividual PodIPAllocationMode = "DynamicIndividual"
	StaticBlock       PodIPAllocationMode = "StaticBlock"
)

// PodIPAllocationModes returns the pod IP allocation modes AKS accepts, in
// a stable order; the slice is new on every call.
func PodIPAllocationModes() []PodIPAllocationMode {
	return []PodIPAllocationMode{DynamicIndividual, StaticBlock}
}

// Pool is an AKS node pool, reduced to what sizes its address demand.
// Field names and tags follow the AKS agent pool profile. Zero fields mean
// the AKS default: Linux, System for the first pool and User for the
// others, no autoscaling, maxPods and maxSurge from Defaults,
// maxUnavailable 0, no scale-out, the default node subnet.
type Pool struct {
	Name              string `json:"name" yaml:"name"`
	OSType            OSType `json:"osType,omitempty" yaml:"osType,omitempty"`
	Count             int    `json:"count,omitzero" yaml:"count,omitempty"`
	MaxCount          int    `json:"maxCount,omitzero" yaml:"maxCount,omitempty"`
	EnableAutoScaling bool   `json:"enableAutoScaling,omitzero" yaml:"enableAutoScaling,omitempty"`
	// MaxPods is 0 for the model's default (Defaults.MaxPods) or 10–250.
	MaxPods        int   `json:"maxPods,omitzero" yaml:"maxPods,omitempty"`
	MaxSurge       Surge `json:"maxSurge,omitzero" yaml:"maxSurge,omitempty"`
	MaxUnavailable Surge `json:"maxUnavailable,omitzero" yaml:"maxUnavailable,omitempty"`
	// ScaleOut is the anticipated growth in nodes, planned for now.
	ScaleOut int `json:"scaleOut,omitzero" yaml:"scaleOut,omitempty"`
	// VNetSubnet names the node subnet; empty means DefaultNodeSubnet.
	VNetSubnet string `json:"vnetSubnet,omitempty" yaml:"vnetSubnet,omitempty"`
	// PodSubnet names the pod subnet (Azure CNI pod subnet models only).
	PodSubnet           string              `json:"podSubnet,omitempty" yaml:"podSubnet,omitempty"`
	PodIPAllocationMode PodIPAllocationMode `json:"podIpAllocationMode,omitempty" yaml:"podIpAllocationMode,omitempty"`
	// Mode is System or User; empty means System for the first pool and
	// User for the others (Cluster.PoolMode).
	Mode PoolMode `json:"mode,omitempty" yaml:"mode,omitempty"`
}

// Nodes returns the nodes AKS counts for p: MaxCount when autoscaling,
// else Count.
func (p Pool) Nodes() int {
	if p.EnableAutoScaling {
		return p.MaxCount
	}
	return p.Count
}

// PoolMode returns the mode of pool i of c: its Mode, or for a pool that
// states none System when it is the first and User otherwise, as AKS
// creates pools. An index out of range gives "".
func (c Cluster) PoolMode(i int) PoolMode {
	switch {
	case i < 0 || i >= len(c.Pools):
		return ""
	case c.Pools[i].Mode != "":
		return c.Pools[i].Mode
	}
	return DefaultPoolMode(i)
}

// TakesMaxUnavailable reports whether a pool of mode m takes a
// maxUnavailable: a User pool does; "you can't set max unavailable on
// system node pools" (articles/aks/upgrade-aks-node-pools-rolling.md).
func (m PoolMode) TakesMaxUnavailable() bool { return m != ModeSystem }

// DefaultPoolMode returns the mode AKS gives pool i of a cluster (counted
// from 0) that states none: System for the first, User for the others.
func DefaultPoolMode(i int) PoolMode {
	if i == 0 {
		return ModeSystem
	}
	return ModeUser
}

// nodeSubnet returns the node subnet name p uses.
func (p Pool) nodeSubnet() string {
	if p.VNetSubnet == "" {
		return DefaultNodeSubnet
	}
	return p.VNetSubnet
}
