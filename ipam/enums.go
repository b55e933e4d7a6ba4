package ipam

import (
	"fmt"
	"strings"

	"github.com/cidrplan/cidrplan/sizing"
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

// The network profile and pool enumerations are sizing's, so a plan's pools
// and profile feed [sizing.Cluster] without conversion, and their accepted
// spellings are sizing's lists ([sizing.NetworkPlugins] and its siblings).
type (
	NetworkPlugin       = sizing.NetworkPlugin
	NetworkPluginMode   = sizing.NetworkPluginMode
	NetworkDataplane    = sizing.NetworkDataplane
	NetworkPolicy       = sizing.NetworkPolicy
	IPFamily            = sizing.IPFamily
	OSType              = sizing.OSType
	PoolMode            = sizing.PoolMode
	PodIPAllocationMode = sizing.PodIPAllocationMode
)

// Network plugins, modes, dataplanes, policies, families, OS types, pool
// modes and pod IP allocation modes, as in sizing. Of the network policies,
// "none" is an explicit choice of no policy engine; empty means not chosen.
const (
	PluginAzure       = sizing.PluginAzure
	PluginKubenet     = sizing.PluginKubenet
	PluginNone        = sizing.PluginNone
	PluginModeOverlay = sizing.PluginModeOverlay
	DataplaneAzure    = sizing.DataplaneAzure
	DataplaneCilium   = sizing.DataplaneCilium
	PolicyNone        = sizing.PolicyNone
	PolicyAzure       = sizing.PolicyAzure
	PolicyCalico      = sizing.PolicyCalico
	PolicyCilium      = sizing.PolicyCilium
	IPv4              = sizing.IPv4
	IPv6              = sizing.IPv6
	Linux             = sizing.Linux
	Windows           = sizing.Windows
	ModeSystem        = sizing.ModeSystem
	ModeUser          = sizing.ModeUser
	DynamicIndividual = sizing.DynamicIndividual
	StaticBlock       = sizing.StaticBlock
)

// Source says where a range to avoid comes from.
type Source string

// Sources of ranges to avoid. Empty means other.
const (
	SourcePeering    Source = "peering"
	SourceOnPremises Source = "onPremises"
	SourceCluster    Source = "cluster"
	SourceOther      Source = "other"
	// SourceAVNMPool marks what an Azure Virtual Network Manager IPAM pool
	// has in use for others: allocations that are not the plan's own,
	// child pools, static CIDRs (see package ipam/avnm).
	SourceAVNMPool Source = "avnmPool"
)

// UnmarshalText accepts the Source constants.
func (s *Source) UnmarshalText(b []byte) error {
	return setEnum(s, "source", b, SourcePeering, SourceOnPremises, SourceCluster, SourceOther, SourceAVNMPool)
}

// IdentityType is the kind of a cluster's managed identity.
type IdentityType string

// Identity types, spelled as AKS's identity.type.
const (
	IdentitySystemAssigned IdentityType = "SystemAssigned"
	IdentityUserAssigned   IdentityType = "UserAssigned"
)

// UnmarshalText accepts the IdentityType constants.
func (t *IdentityType) UnmarshalText(b []byte) error {
	return setEnum(t, "identity.type", b, IdentitySystemAssigned, IdentityUserAssigned)
}

// NodeProvisioningMode is whether AKS provisions nodes itself (node
// auto-provisioning).
type NodeProvisioningMode string

// Node provisioning modes, spelled as AKS's nodeProvisioningProfile.mode.
const (
	NodeProvisioningManual NodeProvisioningMode = "Manual"
	NodeProvisioningAuto   NodeProvisioningMode = "Auto"
)

// UnmarshalText accepts the NodeProvisioningMode constants.
func (m *NodeProvisioningMode) UnmarshalText(b []byte) error {
	return setEnum(m, "nodeProvisioningProfile.mode", b, NodeProvisioningManual, NodeProvisioningAuto)
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

// Error returns `<key> "<value>": want one of <allowed>`. It names no
// package: an EnumError is read inside a *ParseError, a finding or a
// decoder's error, which say where the value was.
func (e *EnumError) Error() string {
	return fmt.Sprintf("%s %q: want one of %s", e.Key, e.Value, strings.Join(e.Allowed, ", "))
}

// Is reports whether target is [ErrInvalidValue].
func (e *EnumError) Is(target error) bool { return target == ErrInvalidValue }
