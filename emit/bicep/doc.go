// Package bicep writes a checked [ipam.Plan] as Bicep:
// Microsoft.Network/virtualNetworks with their subnets inline (delegations
// included) and Microsoft.ContainerService/managedClusters with
// networkProfile and agentPoolProfiles, at the API versions of
// [emit.APIVersions]. Parameters give the location (default: the resource
// group's) and the node VM size.
//
// Each subnet is also declared as a nested existing resource of its VNet,
// so that pools refer to it symbolically (vnetSubnetID: vnet::subnet.id)
// and the cluster deploys after the VNet. Symbolic names are the plan's
// names, prefixed by kind (vnet_, subnet_, aks_) with every character
// Bicep does not allow in an identifier replaced by "_"; the names
// themselves are single-quoted strings, escaped.
//
// What the plan must hold, the values written and the errors are those of
// package [github.com/cidrplan/cidrplan/emit].
package bicep
