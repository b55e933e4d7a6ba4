// Package ipam holds the address plan of AKS clusters, validates it the way
// AKS would (and stricter), and allocates free ranges for it.
//
// # Scope
//
// A [Plan] lists VNets with their address spaces and subnets, clusters with
// their network profile and node pools, and ranges to avoid (peered VNets,
// on-premises networks, other clusters). [Load] and [Parse] read a plan from
// YAML or JSON (one schema, AKS's camelCase key names, unknown keys
// rejected with their line); [Plan.WithDefaults] fills every default
// explicitly; [Marshal] prints a plan back.
//
// [Plan.Validate] returns [Findings]: each with a severity, a stable code
// (AKS's own where AKS has one, such as InsufficientSubnetSize or
// ServiceCidrOverlapExistingSubnetsCidr), the AKS-style field path
// (clusters[prod].networkProfile.serviceCIDR), a message with the values
// involved and, for errors, a suggested fix. Overlaps are found in one pass
// over all the plan's ranges, never by comparing every pair.
//
// # Address families
//
// IPv4 and IPv6 prefixes are both supported; they never overlap each other.
// IPv4-mapped IPv6 (::ffff:10.0.0.0/104) is rejected everywhere. Address
// counts use a 128-bit integer, so an IPv6 /64 is counted exactly.
//
// # Errors
//
// Loading errors are *[ParseError] (file, line, key path) wrapping a cause
// that matches one sentinel ([ErrSyntax], [ErrUnknownField],
// [ErrInvalidValue], [ErrInvalidPrefix], [ErrHostBits], [Err4in6]) with
// errors.Is. A prefix with host bits set is never masked silently: the error
// names the masked form. Problems in a well-formed plan are not Go errors but
// findings.
//
// # Disputed facts
//
// Rules marked [D] in AKS-RULES.md are documented, overridable defaults:
// maxSurge defaults to 10% ([DefaultMaxSurge]; a cluster's defaultMaxSurge
// or a pool's upgradeSettings.maxSurge overrides it); overlay and pod-subnet
// maxPods default to 250; a pod CIDR overlapping the VNet space but no subnet
// is a warning (NetworkProfileCIDROverlapVNET); a service CIDR of exactly /12
// is a warning; the IPv4 subnet size limit is /2.
//
// # Concurrency
//
// Plans are plain values. Methods never modify their receiver, so a Plan may
// be read, validated and completed from several goroutines at once as long
// as nobody writes to it.
package ipam
