package sizing

import (
	"slices"
	"strings"
)

// NetworkPlugin is AKS networkProfile.networkPlugin.
type NetworkPlugin string

// The network plugins.
const (
	PluginAzure   NetworkPlugin = "azure"
	PluginKubenet NetworkPlugin = "kubenet"
	PluginNone    NetworkPlugin = "none" // bring your own CNI
)

// NetworkPlugins returns the network plugins AKS accepts, in a stable
// order; the slice is new on every call.
func NetworkPlugins() []NetworkPlugin { return []NetworkPlugin{PluginAzure, PluginKubenet, PluginNone} }

// NetworkPluginMode is AKS networkProfile.networkPluginMode.
type NetworkPluginMode string

// PluginModeOverlay is Azure CNI Overlay; the empty mode is none.
const PluginModeOverlay NetworkPluginMode = "overlay"

// NetworkPluginModes returns the network plugin modes AKS accepts besides
// the empty mode; the slice is new on every call.
func NetworkPluginModes() []NetworkPluginMode { return []NetworkPluginMode{PluginModeOverlay} }

// NetworkDataplane is AKS networkProfile.networkDataplane.
type NetworkDataplane string

// The dataplanes; the empty dataplane means DataplaneAzure.
const (
	DataplaneAzure  NetworkDataplane = "azure"
	DataplaneCilium NetworkDataplane = "cilium"
)

// NetworkDataplanes returns the dataplanes AKS accepts, in a stable order;
// the slice is new on every call.
func NetworkDataplanes() []NetworkDataplane {
	return []NetworkDataplane{DataplaneAzure, DataplaneCilium}
}

// NetworkPolicy is AKS networkProfile.networkPolicy. It changes no address
// arithmetic; sizing lists it as part of the network profile's vocabulary.
type NetworkPolicy string

// The network policies. Empty means not chosen; "none" is an explicit
// choice of no policy engine.
const (
	PolicyNone   NetworkPolicy = "none"
	PolicyAzure  NetworkPolicy = "azure"
	PolicyCalico NetworkPolicy = "calico"
	PolicyCilium NetworkPolicy = "cilium"
)

// NetworkPolicies returns the network policies AKS accepts, in a stable
// order; the slice is new on every call.
func NetworkPolicies() []NetworkPolicy {
	return []NetworkPolicy{PolicyNone, PolicyAzure, PolicyCalico, PolicyCilium}
}

// IPFamily is an entry of AKS networkProfile.ipFamilies.
type IPFamily string

// The IP families.
const (
	IPv4 IPFamily = "IPv4"
	IPv6 IPFamily = "IPv6"
)

// IPFamilies returns the IP families AKS accepts, IPv4 first; the slice is
// new on every call. Network.Validate says which combinations it takes.
func IPFamilies() []IPFamily { return []IPFamily{IPv4, IPv6} }

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
	if !slices.Contains(NetworkPlugins(), n.Plugin) {
		return bad("networkPlugin", string(n.Plugin), "want "+orList(NetworkPlugins()))
	}
	switch {
	case n.PluginMode == "":
	case !slices.Contains(NetworkPluginModes(), n.PluginMode):
		return bad("networkPluginMode", string(n.PluginMode), "want "+orList(NetworkPluginModes())+" or empty")
	case n.Plugin != PluginAzure:
		return bad("networkPluginMode", string(n.PluginMode), "overlay needs networkPlugin azure")
	}
	switch n.Dataplane {
	case "", DataplaneAzure:
	case DataplaneCilium:
		if n.Plugin != PluginAzure {
			return bad("networkDataplane", string(n.Dataplane), "cilium needs networkPlugin azure")
		}
	default:
		return bad("networkDataplane", string(n.Dataplane), "want "+orList(NetworkDataplanes()))
	}
	switch {
	case len(n.IPFamilies) == 0:
	case len(n.IPFamilies) == 1 && n.IPFamilies[0] == IPv4:
	case len(n.IPFamilies) == 2 && n.IPFamilies[0] == IPv4 && n.IPFamilies[1] == IPv6:
		if !n.Model(Pool{}).Spec().DualStack {
			return bad("ipFamilies", familiesText(n.IPFamilies), "dual-stack needs Azure CNI Overlay")
		}
	default:
		return bad("ipFamilies", familiesText(n.IPFamilies), "want IPv4 or IPv4,IPv6")
	}
	return nil
}

// familiesText writes families as az and the API take them: "IPv4,IPv6".
func familiesText(fs []IPFamily) string {
	s := make([]string, len(fs))
	for i, f := range fs {
		s[i] = string(f)
	}
	return strings.Join(s, ",")
}

// orList writes vs as prose, for messages: "a, b or c".
func orList[T ~string](vs []T) string {
	var b strings.Builder
	for i, v := range vs {
		switch {
		case i == 0:
		case i == len(vs)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(string(v))
	}
	return b.String()
}
