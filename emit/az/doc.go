// Package az writes a checked [ipam.Plan] as a bash script of Azure CLI
// commands: az network vnet create and az network vnet subnet create for
// every VNet and subnet (delegations included), az aks create for every
// cluster with its default node pool, az aks nodepool update for that
// pool's surge, and az aks nodepool add for every other pool. The script
// runs under set -euo pipefail and takes the resource group, the location
// and the node VM size from the environment variables RESOURCE_GROUP,
// LOCATION and VM_SIZE, refusing to run without them.
//
// Subnet IDs are taken from the output of the commands that create the
// subnets (--query id), never written as literals. Every value from the
// plan is shell-quoted where the shell would read it otherwise, and a
// value that starts with "-" is passed as --flag=value so that az does not
// take it for a flag.
//
// What the plan must hold, the values written and the errors are those of
// package [github.com/cidrplan/cidrplan/emit].
package az
