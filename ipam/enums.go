package ipam

import (
	"fmt"
	"strings"
)

// The enumerations below are strings spelled as in AKS's JSON. The empty
// string means "not set" (a default applies, see [Plan.WithDefaults]).
// UnmarshalText accepts only the listed spellings, exactly: input is never
// case-folded or otherwise corrected.

// Purpose says what a subnet is for.
type Purpose string

// Subnet purposes.
const (
	PurposeNode                            Purpose = "node"
	PurposePod                             Purpose = "pod"
	PurposeBastion                         Purpose = "bastion"
	PurposeApplicationGateway              Purpose = "applicationGateway"
	PurposeApplicationGatewayForContainers Purpose = "applicationGatewayForContainers"
	PurposeAPIServer                       Purpose = "apiServer"
	PurposePrivateEndpoints                Purpose = "privateEndpoints"
	PurposeOther                           Purpose = "other"
)

// UnmarshalText accepts the Purpose constants.
func (p *Purpose) UnmarshalText(b []byte) error {
	return setEnum(p, "purpose", b, PurposeNode, PurposePod, PurposeBastion, PurposeApplicationGateway,
		PurposeApplicationGatewayForContainers, PurposeAPIServer, PurposePrivateEndpoints, PurposeOther)
}

// NetworkPlugin is networkProfile.networkPlugin.
type NetworkPlugin string

// Network plugins. Empty means azure (AKS's default).
const (
	PluginAzure   NetworkPlugin = "azure"
	PluginKubenet NetworkPlugin = "kubenet"
	PluginNone    NetworkPlugin = "none"
)

// UnmarshalText accepts the NetworkPlugin constants.
func (p *NetworkPlugin) UnmarshalText(b []byte) error {
	return setEnum(p, "networkPlugin", b, PluginAzure, PluginKubenet, PluginNone)
}

// NetworkPluginMode is networkProfile.networkPluginMode.
type NetworkPluginMode string

// PluginModeOverlay selects Azure CNI Overlay. Empty means none.
const PluginModeOverlay NetworkPluginMode = "overlay"

// UnmarshalText accepts "overlay".
func (m *NetworkPluginMode) UnmarshalText(b []byte) error {
	return setEnum(m, "networkPluginMode", b, PluginModeOverlay)
}

// NetworkDataplane is networkProfile.networkDataplane.
type NetworkDataplane string

// Dataplanes. Empty means azure.
const (
	DataplaneAzure  NetworkDataplane = "azure"
	DataplaneCilium NetworkDataplane = "cilium"
)

// UnmarshalText accepts the NetworkDataplane constants.
func (d *NetworkDataplane) UnmarshalText(b []byte) error {
	return setEnum(d, "networkDataplane", b, DataplaneAzure, DataplaneCilium)
}

// NetworkPolicy is networkProfile.networkPolicy.
type NetworkPolicy string

// Network policies. Empty means not chosen; "none" is an explicit choice of
// no policy engine.
const (
	PolicyNone   NetworkPolicy = "none"
	PolicyAzure  NetworkPolicy = "azure"
	PolicyCalico NetworkPolicy = "calico"
	PolicyCilium NetworkPolicy = "cilium"
)

// UnmarshalText accepts the NetworkPolicy constants.
func (np *NetworkPolicy) UnmarshalText(b []byte) error {
	return setEnum(np, "networkPolicy", b, PolicyNone, PolicyAzure, PolicyCalico, PolicyCilium)
}

// IPFamily is an entry of networkProfile.ipFamilies.
type IPFamily string

// IP families.
const (
	IPv4 IPFamily = "IPv4"
	IPv6 IPFamily = "IPv6"
)

// UnmarshalText accepts "IPv4" and "IPv6".
func (f *IPFamily) UnmarshalText(b []byte) error {
	return setEnum(f, "ipFamilies", b, IPv4, IPv6)
}

// OSType is a pool's osType.
type OSType string

// OS types. Empty means Linux.
const (
	Linux   OSType = "Linux"
	Windows OSType = "Windows"
)

// UnmarshalText accepts "Linux" and "Windows".
func (o *OSType) UnmarshalText(b []byte) error {
	return setEnum(o, "osType", b, Linux, Windows)
}

// PodIPAllocationMode is a pod-subnet pool's podIpAllocationMode.
type PodIPAllocationMode string

// Pod IP allocation modes. Empty means DynamicIndividual for a pool with a
// pod subnet.
const (
	DynamicIndividual PodIPAllocationMode = "DynamicIndividual"
	StaticBlock       PodIPAllocationMode = "StaticBlock"
)

// UnmarshalText accepts "DynamicIndividual" and "StaticBlock".
func (m *PodIPAllocationMode) UnmarshalText(b []byte) error {
	return setEnum(m, "podIpAllocationMode", b, DynamicIndividual, StaticBlock)
}

// Source says where a range to avoid comes from.
type Source string

// Sources of ranges to avoid. Empty means other.
const (
	SourcePeering    Source = "peering"
	SourceOnPremises Source = "onPremises"
	SourceCluster    Source = "cluster"
	SourceOther      Source = "other"
)

// UnmarshalText accepts the Source constants.
func (s *Source) UnmarshalText(b []byte) error {
	return setEnum(s, "source", b, SourcePeering, SourceOnPremises, SourceCluster, SourceOther)
}

func setEnum[T ~string](dst *T, key string, b []byte, allowed ...T) error {
	s := T(b)
	for _, a := range allowed {
		if s == a {
			*dst = s
			return nil
		}
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = string(a)
	}
	return &EnumError{Key: key, Value: string(b), Allowed: names}
}

// EnumError reports a value outside an enumeration. It matches
// [ErrInvalidValue] with errors.Is.
type EnumError struct {
	Key     string   // the key, e.g. "networkPlugin"
	Value   string   // the rejected input
	Allowed []string // the accepted spellings
}

func (e *EnumError) Error() string {
	return fmt.Sprintf("ipam: %s %q: want one of %s", e.Key, e.Value, strings.Join(e.Allowed, ", "))
}

// Is reports whether target is [ErrInvalidValue].
func (e *EnumError) Is(target error) bool { return target == ErrInvalidValue }
