// Package azure turns what users already have — az CLI output, ARM/REST
// JSON and terraform show -json — into an [ipam.Plan], offline and without
// Azure credentials.
//
// # Scope
//
// [ParseAKS] reads managed clusters and node pools (az aks show / list, az
// aks nodepool list / show, ARM/REST JSON and ARM templates of
// Microsoft.ContainerService/managedClusters); [ParseVNet] virtual networks
// (az network vnet show / list, ARM/REST); [ParseOnPrem] on-premises ranges
// (az network local-gateway show, az network nic
// show-effective-route-table); [ParseTerraform] the azurerm resources of a
// Terraform state or plan, in the root module and every child module;
// [ParseTemplate] an ARM template (az group export, az bicep build,
// hand-written) with the values of its deployment [Parameters] files,
// evaluating the part of the template language address plans use. Each
// returns [Resources], still in Azure's terms (resource IDs);
// [Resources.Plan] resolves the references between files and [Import] does
// all of it for a [Sources] list of file paths.
//
// Only what address planning needs is read; every other key is ignored, so
// exports of any API version load. Keys match case-insensitively (az writes
// dnsServiceIp and vnetSubnetId, ARM dnsServiceIP and vnetSubnetID), so do
// resource IDs (resourceGroups and resourcegroups) and enumeration values
// (ARM treats them so: "Overlay" reads as overlay). JSON null means absent.
// Prefixes are read strictly, as ipam reads them: host bits set or
// IPv4-mapped IPv6 is an error naming the field; only the docker bridge keeps
// its host bits (it names the bridge's address).
//
// What becomes what: a pool's vnetSubnetId and podSubnetId become "vnet/subnet"
// references to imported subnets; a subnet no imported VNet holds keeps the
// names in its ID, and Plan.Validate then reports its VNet as not found
// (VnetNotFound) while every other check still runs. Pools on the
// AKS-managed VNet (vnetSubnetId null) are placed on it: the exported one,
// else the one AKS is observed to create, assumed (see [Resources.Plan]).
// What later commands need is kept too: the cluster's identity.type and
// nodeProvisioningProfile.mode, each pool's orchestratorVersion,
// maxUnavailable, osType, pod subnet and podIpAllocationMode, the API
// server subnet. Peerings to VNets that are not imported, local network
// gateways and routes learned from a VPN or ExpressRoute gateway become
// ranges to avoid. A
// private endpoint counts as a consumer of its subnet; a subnet used by an
// Application Gateway, or delegated to Application Gateway for Containers,
// gets that purpose. See [Resources.Plan] for every rule.
//
// [ImportWithPositions] and [Resources.PlanWithPositions] also return the
// plan's [Positions]: for a field of the plan, as a finding names it, the
// export file and the line and column of the JSON value it was read from
// (an ARM template's own line for an evaluated value), so that a front end
// can point at the export a finding is about.
//
// # Address families
//
// IPv4 and IPv6 prefixes are read alike (dual-stack podCidrs and
// serviceCidrs, IPv6 subnet prefixes in addressPrefixes).
//
// # Errors
//
// Every error is an *[Error] (or several joined with errors.Join: the files
// report up to [ipam.MaxInputErrors] problems at once, in the order read) naming the
// file and the JSON path of the field, e.g.
// properties.networkProfile.serviceCidr. Its Kind matches one
// sentinel with errors.Is: [ErrSyntax] (malformed or truncated JSON, with the
// line), [ErrFormat] (not an export of the expected kind), [ErrInvalidValue],
// [ErrMissingField], [ErrTemplateExpression] (an ARM template expression
// that the exports' readers do not evaluate, such as
// "[parameters('podCidr')]" given with --aks, or that [ParseTemplate]
// cannot evaluate, with its line, reported as such and not as a malformed
// value), [ErrConflict] (two files describe one resource
// differently), [ErrNoCluster] (a pool that belongs to no imported cluster).
// The cause (an *ipam.PrefixError, a *sizing.Error) is wrapped too, so
// errors.Is(err, ipam.ErrHostBits) and errors.Is(err, cidr.ErrHostBits)
// work. Error.Message is the message without "azure: ", for a front end
// that names itself. Reading never panics on any input.
//
// # Order
//
// Output is deterministic: VNets, clusters, pools and ranges to avoid keep
// the order of the input files (Terraform's as terraform show lists them).
//
// # Concurrency
//
// The functions keep no state; they may run concurrently. Resources is a
// plain value: Plan reads it and never modifies it. Positions are safe for
// concurrent use.
package azure
