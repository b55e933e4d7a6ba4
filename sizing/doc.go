// Package sizing computes the exact address demand of an Azure Kubernetes
// Service (AKS) cluster for every network model, and answers the inverse
// questions: how many nodes, and how large a maxPods, fit a given range.
//
// # Use
//
// Describe the cluster as a Cluster (a Network profile, node Pools in AKS
// order, other Consumers per subnet, and Defaults for disputed values).
// Cluster.Upgrade walks an upgrade step by step (one pool at a time, or
// every pool at once) and is where every upgrade peak is computed: per
// range, node totals, pool sizes and routes. Cluster.Demand returns, per
// node subnet, pod subnet and pod CIDR, the addresses needed at steady
// state and at the peak of an upgrade, itemised per pool, and the smallest
// prefix that holds the peak. Cluster.Fit measures one range against a
// prefix. Model.Spec describes each network
// model (its ranges, per-node cost, limits, default maxPods and label),
// Defaults resolves the disputed defaults, and NetworkPlugins, OSTypes and
// their siblings list the allowed values. Usable and MinPrefixLen expose the
// capacity rules for callers that sum demand across clusters;
// StaticBlocks, PodCIDRNodes, NodePodBlock and CheckPodCIDRExpansion
// expose the per-node rules.
//
// # Formulas
//
// docs/aks-rules.md#address-demand-per-model lists each rule with its source
// and the test that pins it. Sources: the AKS docs (MicrosoftDocs/azure-aks-docs,
// articles/aks: concepts-network-ip-address-planning, azure-cni-overlay,
// configure-azure-cni-dynamic-ip-allocation, configure-azure-cni-static-block-allocation,
// configure-kubenet, upgrade-cluster), the AKS release notes (Azure/AKS
// CHANGELOG.md) and the Azure virtual network FAQ. With N the nodes of a
// pool — maxCount when autoscaling, else count — plus its scale-out, and
// S = min(maxSurge as a count or ceil(percent × N / 100), N), the surge
// capped at the pool (upgrade-aks-node-pools-rolling):
//
//   - a range's steady demand is Σ N × per-node cost over the pools using
//     it, plus other consumers (internal load balancer front ends, private
//     endpoints, and a private cluster's API endpoint in the first pool's
//     node subnet);
//   - AKS upgrades pools one at a time (upgrade-aks-control-plane), so a
//     range peaks at its steady demand plus the largest single pool's
//     S × per-node cost there (UpgradeSequential); when every pool surges
//     at once (network migrations, parallel upgrades by hand) it adds every
//     pool's (UpgradeSimultaneous) [D];
//   - Azure CNI node subnet ("classic"): per node maxPods + 1 node-subnet
//     addresses (real AKS errors count maxPods + 1; a support-article
//     pre-check counts maxPods) — 50 nodes, maxPods 30, surge 1: 51 × 31 =
//     1,581 → /21 (ip-address-planning);
//   - Azure CNI pod subnet, dynamic: 1 node-subnet address per node, and 16
//     pod-subnet addresses per node (one batch, what AKS requires), or
//     ceil(maxPods / 16) batches with every node full; pods get addresses
//     only in whole batches (dynamic-ip-allocation);
//   - Azure CNI pod subnet, static block: 1 node-subnet address per node,
//     ceil((maxPods + 1) / 16) /28 blocks of the pod subnet per node; the
//     pod subnet is at most a /12 (static-block-allocation);
//   - Azure CNI Overlay: 1 node-subnet address per node; one /24 of the
//     pod CIDR per node, and one /80 of the IPv6 pod CIDR in dual-stack
//     (azure-cni-overlay);
//   - kubenet: 1 node-subnet address per node, one /24 of the pod CIDR per
//     node, carved in order, at most 400 nodes, and one route per node
//     (two when dual-stack), surge nodes included, in a route table of at
//     most 400 routes (configure-kubenet, configure-kubenet-dual-stack);
//   - Cilium dataplane: the arithmetic of the IPAM mode underneath; Linux
//     pools only;
//   - bring your own CNI (none): 1 node-subnet address per node.
//
// A subnet of length p offers 2^(32−p) − 5 addresses (Azure reserves 5;
// /29 smallest). A static-block pod subnet offers its whole aligned /28
// blocks less the two that hold reserved addresses [C]. A pod CIDR
// reserves nothing and offers whole per-node blocks. Subnets are IPv4;
// dual-stack IPv6 node subnets are always a /64 and are not sized here.
//
// # Choices where the sources disagree ([D], overridable in Defaults)
//
//   - maxSurge unset: 10% (Kubernetes ≥ 1.32; older API text: 1 node).
//   - upgrade model unset: sequential, one pool at a time (AKS's upgrade;
//     network migrations reimage every pool at once).
//   - maxPods unset: node subnet 30 (portal 110), kubenet 110, overlay 250
//     (30 before 2023-09), pod subnet 250 (docs also say 110), none 250.
//   - Overlay node limit 5,000 (1,000 before 2024-03).
//
// Choices this package makes where the sources are silent [C]: a percent
// surge applies to the pool's planned size including scale-out; the
// cluster limits (5,000, kubenet 400, overlay) apply to steady-state nodes
// (counted plus scale-out), the pool limit of 1,000 to a pool plus its
// surge, kubenet's 400 routes to the upgrade peak; maxPods × nodes ≥ 30 is checked for pools with nodes; an unset
// maxSurge takes the default even when maxUnavailable is set; dynamic pod
// subnets are planned at one batch (16) per node, the documented minimum;
// Fit's MaxNodes never reports a count from 1 to below the 30-pod pool
// minimum (only 0 remains then); a static-block pod subnet that would have
// to exceed a /12 has MinPrefixLen −1.
// Demand.Assumptions lists every default a result used (the upgrade model
// where it changes a peak).
//
// # Families, counts and errors
//
// Address counts are of type [Count], exact up to 2^128−1: an IPv6 pod
// CIDR demand of thousands of /80s never wraps, and its JSON and YAML
// numbers carry every digit. Prefix arguments must be valid, masked (host
// bits set is an error naming the masked form) and not IPv4-mapped IPv6;
// they are checked by package cidr, and a *PrefixError for a malformed
// prefix matches both ErrPrefix and cidr's sentinel (cidr.ErrHostBits,
// ...). Every error wraps one exported sentinel (errors.Is) and is an
// *Error, *PrefixError or *CapacityError (errors.As) naming the pool,
// field and value; Validate joins all violations. No function
// panics on any input except the Must* helpers.
//
// # Concurrency
//
// All functions are pure; input and result values may be shared between
// goroutines as long as no one mutates them.
package sizing
