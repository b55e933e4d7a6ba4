// Package emit turns a checked [ipam.Plan] into what users deploy with.
// Each form has a package of its own, with the same API —
// Write(w, plan, opts) and Marshal(plan, opts), and a FileName:
//
//   - [github.com/cidrplan/cidrplan/emit/terraform]: Terraform for the
//     azurerm provider 4.x (main.tf);
//   - [github.com/cidrplan/cidrplan/emit/bicep]: Bicep (main.bicep);
//   - [github.com/cidrplan/cidrplan/emit/arm]: an ARM template
//     (azuredeploy.json);
//   - [github.com/cidrplan/cidrplan/emit/az]: a bash script of az commands
//     (deploy.sh);
//   - [github.com/cidrplan/cidrplan/emit/avnm]: the az commands that tell an
//     Azure Virtual Network Manager IPAM pool about the plan (avnm.sh); its
//     Write and Marshal also take the pool's resource ID.
//
// This package holds what they share: [Resolve], which reads the plan as
// ipam reads it and refuses what cannot be deployed, the [Options], the
// errors, and the API versions of the Azure resources (see [APIVersions]).
//
// # What is emitted
//
// Every VNet with its subnets (delegations included), every cluster with its
// network profile, and every node pool: the first System pool is the
// cluster's default pool, the others are pools of their own. The values are
// those of [ipam.Plan.WithDefaults], the plan [ipam.Plan.Validate] checked,
// so defaults cidrplan assumed (maxPods, maxSurge, the network plugin) are
// written out rather than left to whatever a tool defaults to. Resources
// refer to each other by reference, never by literal resource IDs. The
// resource group, the location and the node VM size (which a plan does not
// hold) are inputs: variables, parameters or environment variables. A VNet
// the plan assumes — the one AKS creates in a cluster's node resource group
// ([ipam.ManagedVNet]) — is not written, its cluster's pools name no
// subnet, and a comment next to the cluster says so
// ([Deployment.ManagedNote]).
//
// Emitting decides no AKS rule: what a subnet reference points at comes
// from [ipam.Plan.Refs], what is missing from the findings of
// [ipam.Plan.Validate] (code [ipam.CodeMissingRange]), defaults from
// [ipam.Plan.WithDefaults].
//
// # Errors
//
// A plan with error findings is refused with an *[InvalidPlanError]
// (matching [ipam.ErrInvalidPlan]) unless [Options.Force] is set. A plan
// that leaves ranges to be allocated is always refused, with an
// *[UnallocatedError] (matching [ErrUnallocated]): run [ipam.Plan.Complete]
// (cidrplan complete) first. Anything else that cannot be written is an
// *[Error] matching one of [ErrUnresolved], [ErrNoSystemPool] or
// [ErrUnsupported]. The writers return the io.Writer's errors as they are.
//
// # Concurrency
//
// The functions keep no state and never modify the plan; they may run
// concurrently.
package emit
