// Package terraform writes a checked [ipam.Plan] as Terraform for the
// azurerm provider 4.x: azurerm_virtual_network, azurerm_subnet (with
// delegation blocks), azurerm_kubernetes_cluster (network_profile,
// default_node_pool, api_server_access_profile) and
// azurerm_kubernetes_cluster_node_pool, with variables for the resource
// group, the location and the node VM size. Resources refer to each other
// (azurerm_subnet.x.id), never by literal IDs.
//
// The output is generated with hclwrite, the library Terraform itself
// formats with, and is formatted exactly as terraform fmt formats it.
// Resource labels are the plan's names with every character Terraform does
// not allow in a label replaced by "_" (and a suffix when two names meet);
// the names themselves are written as quoted strings, escaped.
//
// What the plan must hold, the values written and the errors are those of
// package [github.com/cidrplan/cidrplan/emit]. azurerm 4.x has no
// max_unavailable nor pod IP allocation mode for node pools: a plan that
// sets a maxUnavailable above 0 or a StaticBlock pod subnet is refused with
// an error matching [emit.ErrUnsupported].
//
// Attribute names are those of the azurerm 4.x documentation of
// azurerm_kubernetes_cluster (website/docs/r/kubernetes_cluster.html.markdown
// in hashicorp/terraform-provider-azurerm): api_server_access_profile takes
// subnet_id and virtual_network_integration_enabled (3.x's
// vnet_integration_enabled is gone), private_cluster_enabled is top-level,
// and network_profile's network_policy takes calico, azure or cilium only —
// a plan's networkPolicy none (no engine, AKS's default) is written as no
// network_policy.
package terraform
