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
// the AKS default: Linux, no autoscaling, maxPods and maxSurge from
// Defaults, maxUnavailable 0, no scale-out, the default node subnet.
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
}

// Nodes returns the nodes AKS counts for p: MaxCount when autoscaling,
// else Count.
func (p Pool) Nodes() int {
	if p.EnableAutoScaling {
		return p.MaxCount
	}
	return p.Count
}

// nodeSubnet returns the node subnet name p uses.
func (p Pool) nodeSubnet() string {
	if p.VNetSubnet == "" {
		return DefaultNodeSubnet
	}
	return p.VNetSubnet
}
