package sizing

import "strings"

// NetworkPlugin is AKS networkProfile.networkPlugin.
type NetworkPlugin string

// The network plugins.
const (
	PluginAzure   NetworkPlugin = "azure"
	PluginKubenet NetworkPlugin = "kubenet"
	PluginNone    NetworkPlugin = "none" // bring your own CNI
)

// NetworkPluginMode is AKS networkProfile.networkPluginMode.
type NetworkPluginMode string

// PluginModeOverlay is Azure CNI Overlay; the empty mode is none.
const PluginModeOverlay NetworkPluginMode = "overlay"

// NetworkDataplane is AKS networkProfile.networkDataplane.
type NetworkDataplane string

// The dataplanes; the empty dataplane means DataplaneAzure.
const (
	DataplaneAzure  NetworkDataplane = "azure"
	DataplaneCilium NetworkDataplane = "cilium"
)

// IPFamily is an entry of AKS networkProfile.ipFamilies.
type IPFamily string

// The IP families.
const (
	IPv4 IPFamily = "IPv4"
	IPv6 IPFamily = "IPv6"
)

// Network is the part of an AKS network profile that decides the
// arithmetic. The zero Network is invalid: Plugin is required.
type Network struct {
	Plugin     NetworkPlugin     `json:"networkPlugin" yaml:"networkPlugin"`
	PluginMode NetworkPluginMode `json:"networkPluginMode,omitempty" yaml:"networkPluginMode,omitempty"`
	Dataplane  NetworkDataplane  `json:"networkDataplane,omitempty" yaml:"networkDataplane,omitempty"`
	// IPFamilies is empty or [IPv4] for single stack, [IPv4 IPv6] for
	// dual-stack (IPv4 first; no IPv6-only clusters).
	IPFamilies []IPFamily `json:"ipFamilies,omitempty" yaml:"ipFamilies,omitempty"`
}

// IsDualStack reports whether n has the families IPv4 and IPv6.
func (n Network) IsDualStack() bool { return len(n.IPFamilies) == 2 }

// IsCilium reports whether n uses the Cilium dataplane.
func (n Network) IsCilium() bool { return n.Dataplane == DataplaneCilium }

// Validate reports an unknown plugin, mode, dataplane or family, or a
// combination AKS rejects, as an *Error wrapping ErrNetwork.
func (n Network) Validate() error {
	bad := func(field, value, detail string) error {
		return &Error{Field: field, Value: value, Err: ErrNetwork, Detail: detail}
	}
	switch n.Plugin {
	case PluginAzure, PluginKubenet, PluginNone:
	default:
		return bad("networkPlugin", string(n.Plugin), "want azure, kubenet or none")
	}
	switch n.PluginMode {
	case "":
	case PluginModeOverlay:
		if n.Plugin != PluginAzure {
			return bad("networkPluginMode", string(n.PluginMode), "overlay needs networkPlugin azure")
		}
	default:
		return bad("networkPluginMode", string(n.PluginMode), "want overlay or empty")
	}
	switch n.Dataplane {
	case "", DataplaneAzure:
	case DataplaneCilium:
		if n.Plugin != PluginAzure {
			return bad("networkDataplane", string(n.Dataplane), "cilium needs networkPlugin azure")
		}
	default:
		return bad("networkDataplane", string(n.Dataplane), "want azure or cilium")
	}
	switch {
	case len(n.IPFamilies) == 0:
	case len(n.IPFamilies) == 1 && n.IPFamilies[0] == IPv4:
	case len(n.IPFamilies) == 2 && n.IPFamilies[0] == IPv4 && n.IPFamilies[1] == IPv6:
		if n.PluginMode != PluginModeOverlay {
			return bad("ipFamilies", familiesText(n.IPFamilies), "dual-stack needs Azure CNI Overlay")
		}
	default:
		return bad("ipFamilies", familiesText(n.IPFamilies), "want IPv4 or IPv4,IPv6")
	}
	return nil
}

// Model is the address arithmetic a pool follows, derived from the
// network profile and the pool's pod subnet (see Network.Model). Its string
// values are stable and usable as JSON/YAML map keys (Defaults.MaxPods).
type Model string

// The network models.
const (
	ModelNodeSubnet       Model = "nodeSubnet"       // Azure CNI, pods in the node subnet ("classic")
	ModelPodSubnetDynamic Model = "podSubnetDynamic" // Azure CNI pod subnet, dynamic allocation
	ModelPodSubnetStatic  Model = "podSubnetStatic"  // Azure CNI pod subnet, static block allocation
	ModelOverlay          Model = "overlay"          // Azure CNI Overlay
	ModelKubenet          Model = "kubenet"
	ModelNone             Model = "none" // bring your own CNI
)

// Model returns the arithmetic pool p follows under n. Cilium changes
// nothing: the IPAM mode underneath decides. It does not validate n or p;
// an unknown plugin gives "".
func (n Network) Model(p Pool) Model {
	switch n.Plugin {
	case PluginKubenet:
		return ModelKubenet
	case PluginNone:
		return ModelNone
	case PluginAzure:
		switch {
		case n.PluginMode == PluginModeOverlay:
			return ModelOverlay
		case p.PodSubnet == "":
			return ModelNodeSubnet
		case p.PodIPAllocationMode == StaticBlock:
			return ModelPodSubnetStatic
		default:
			return ModelPodSubnetDynamic
		}
	}
	return ""
}

// familiesText writes families as az and the API take them: "IPv4,IPv6".
func familiesText(fs []IPFamily) string {
	s := make([]string, len(fs))
	for i, f := range fs {
		s[i] = string(f)
	}
	return strings.Join(s, ",")
}
