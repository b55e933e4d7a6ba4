package sizing

import (
	"cmp"
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
// arithmetic, but the IP families limit it (Network.Validate) and Azure
// Network Policy Manager supports MaxNPMNodes nodes.
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
	// Policy is the network policy engine; empty means not chosen.
	Policy NetworkPolicy `json:"networkPolicy,omitempty" yaml:"networkPolicy,omitempty"`
}

// DefaultNetwork returns the network az aks create gives a cluster created
// without --network-plugin: Azure CNI Overlay ("If you don't specify
// --network-plugin, AKS defaults to Azure CNI Overlay",
// articles/aks/azure-cni-overlay.md). With --network-plugin azure and no
// mode the model is the node subnet (or a pod subnet the pools name).
func DefaultNetwork() Network { return Network{Plugin: PluginAzure, PluginMode: PluginModeOverlay} }

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
		if !slices.ContainsFunc(Models(), func(s ModelSpec) bool {
			return s.DualStack && s.Plugin == n.Plugin && s.PluginMode == n.PluginMode
		}) {
			return bad("ipFamilies", familiesText(n.IPFamilies), dualStackNeeds())
		}
	default:
		return bad("ipFamilies", familiesText(n.IPFamilies), "want IPv4 or IPv4,IPv6")
	}
	switch {
	case n.Policy == "":
	case !slices.Contains(NetworkPolicies(), n.Policy):
		return bad("networkPolicy", string(n.Policy), "want "+orList(NetworkPolicies())+" or empty")
	case n.IsDualStack() && (n.Policy == PolicyAzure || n.Policy == PolicyCalico):
		return &Error{Field: "networkPolicy", Value: string(n.Policy), Err: ErrNetworkPolicy,
			Detail: "azure and calico network policies aren't supported with dual-stack networking"}
	}
	return nil
}

// dualStackNeeds says which models allow dual-stack, for messages.
func dualStackNeeds() string {
	var ms []Model
	for _, s := range Models() {
		if s.DualStack {
			ms = append(ms, s.Model)
		}
	}
	return "dual-stack needs the " + orList(ms) + " model"
}

// NodeLimit returns the cluster node limit of n's model in effect under d
// and whom it binds ("with kubenet"): d.NodeLimit of the model, and for a
// model whose nodes take routes, no more nodes than a route table has
// routes for (a dual-stack kubenet node takes two routes, so 200 nodes:
// articles/aks/configure-kubenet-dual-stack.md).
func (n Network) NodeLimit(d Defaults) (limit int, scope string) {
	s := n.Model(Pool{}).Spec()
	limit, scope = d.NodeLimit(s.Model), cmp.Or(s.MaxNodesScope, "per cluster")
	if r := s.RoutesPerNode(n.IsDualStack()); r > 1 {
		limit, scope = min(limit, MaxRoutes/r), "with dual-stack kubenet (two routes per node)"
	}
	return limit, scope
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
