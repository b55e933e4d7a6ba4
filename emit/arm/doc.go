// Package arm writes a checked [ipam.Plan] as an ARM template (JSON):
// $schema, contentVersion, parameters for the location (default: the
// resource group's) and the node VM size, and resources —
// Microsoft.Network/virtualNetworks with their subnets inline (delegations
// included) and Microsoft.ContainerService/managedClusters with
// networkProfile and agentPoolProfiles — at the API versions of
// [emit.APIVersions].
//
// The template is made to be read back: names are literal strings; a pool
// refers to its subnet with resourceId('Microsoft.Network/virtualNetworks/
// subnets', 'vnet', 'subnet') of a subnet of the same template, literal
// arguments only; a cluster dependsOn the resourceId of each VNet its pools
// use. The only other expressions are [parameters('location')] and
// [parameters('vmSize')]. A literal string ARM would evaluate ("[...]") is
// escaped as ARM wants ("[[...]"); quotes in expression arguments are
// doubled.
//
// What the plan must hold, the values written and the errors are those of
// package [github.com/cidrplan/cidrplan/emit].
package arm
