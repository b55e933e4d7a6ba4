// Package avnm writes what an Azure Virtual Network Manager (AVNM) IP
// address management pool needs to know of a checked [ipam.Plan], as a bash
// script of az commands:
//
//   - az network manager ipam-pool static-cidr create for the ranges Azure
//     does not allocate from the pool itself — each cluster's pod CIDRs
//     (models that use one) and service CIDRs, and the on-premises ranges
//     the plan avoids — so that the pool never hands them out; a range
//     several clusters share gets one static CIDR;
//   - az network vnet create with --ipam-allocations for every VNet: one
//     allocation from the pool per address prefix, of the prefix's size.
//     Azure picks the addresses; cidrplan alloc --avnm picks as the pool
//     does, lowest available address first.
//
// Given the pool's usage (package [github.com/cidrplan/cidrplan/ipam/avnm]),
// the plan is first checked against the pool as check --avnm checks it,
// and each range to hold back is placed in the pool ([Ranges]): a static
// CIDR is created only for a range inside the pool's prefixes that is not
// one of its static CIDRs already; a range outside the pool needs none
// (the pool never hands it out), and a VNet whose prefixes the pool has
// allocated already is not allocated again, each named in a comment, and
// neither is a range inside another the script holds back (its static CIDR
// holds both). Azure refuses a static CIDR partly outside the pool or over
// what it has in use: such a range is an error matching [ErrPartlyInPool]
// or [ErrInUse], and forced, it is left out with a comment that says why,
// so the script never creates a static CIDR Azure refuses. Without the
// usage the script says, in a comment, that it was not checked.
//
// The pool is named by its resource ID
// (/subscriptions/S/resourceGroups/RG/providers/Microsoft.Network/
// networkManagers/NM/ipamPools/POOL); a malformed ID is an error matching
// [ErrPoolID]. What the plan must hold and the other errors are those of
// package [github.com/cidrplan/cidrplan/emit]. The script takes the
// resource group and location of the VNets from the environment variables
// RESOURCE_GROUP and LOCATION, and quotes every value from the plan.
//
// The az syntax is that of the commands' definitions (Azure/aaz,
// Commands/network/manager/ipam-pool/static-cidr/_create.md and
// Commands/network/vnet/_create.md): --address-prefixes is a list, given
// as space-separated values (az's separate elements expression for a list
// of strings), and --ipam-allocations uses the shorthand syntax's partial
// values, [0].number-of-ip-addresses=N [0].id=POOL, one index per
// allocation.
package avnm
