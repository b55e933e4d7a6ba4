// Package ipam holds the address plan of AKS clusters, validates it the way
// AKS would (and stricter), and allocates free ranges for it.
//
// # Scope
//
// A [Plan] lists VNets with their address spaces and subnets, clusters with
// their network profile and node pools ([AgentPool] embeds [sizing.Pool]),
// and ranges to avoid (peered VNets, on-premises networks, other clusters).
// Package [github.com/cidrplan/cidrplan/ipam/planfile] reads a plan from
// YAML or JSON (one schema, AKS's camelCase key names; unknown keys, bad
// values and bad CIDRs rejected with their line) and writes it back;
// [Plan.WithDefaults] fills every default explicitly.
//
// [Plan.Validate] returns [Findings], each with a severity, a stable code
// (AKS's own where AKS has one, such as InsufficientSubnetSize or
// ServiceCidrOverlapExistingSubnetsCidr; every code is a [Code] constant,
// listed with its severity, meaning and source by [Codes]), the
// AKS-style field path (clusters[prod].networkProfile.serviceCidr), a
// message with the values involved and, for errors, a suggested fix (free
// ranges are found with the allocator). It checks ranges (syntax and host
// bits, sizes, forbidden, reserved and public ranges, the DNS service IP,
// the docker bridge), every overlap between the plan's ranges (through one
// [overlap.Tree] and its Conflicts stream, never by comparing every pair),
// capacity against [sizing]'s demand at the upgrade peak, the model rules,
// and AKS's networking advice.
//
// Front ends ask the same rules rather than judge themselves:
// [CheckRange] judges one prefix used as a subnet, pod CIDR or service
// CIDR; [Plan.Overlaps] lists every overlap Validate judges, with both
// ranges and either its finding or, where AKS allows it, the reason;
// [AdviseUpgradeRoutes] and [CapacityCode] give the kubenet route advisory
// and the code of a range too small for its demand.
//
// [Plan.Allocate] and [Plan.AllocateIn] return the lowest free aligned
// prefixes clear of everything in the plan, AKS's reserved ranges and the
// avoid list; [Allocator] does the same for a bare parent and used list.
// [Plan.Complete] fills in missing subnets (sized with sizing, placed with
// the allocator), pod and service CIDRs and DNS service IPs, then validates.
//
// [Plan.Migrate] plans a cluster's move to Azure CNI Overlay or the Cilium
// data plane: every blocker at once, the pod CIDR (proposed with the
// allocator, judged by [Plan.Overlaps]), the reimage peak ([Plan.Upgrade],
// every pool at once) and the az commands in order. [Plan.Expand] grows an
// overlay pod CIDR to its smallest clear superset.
//
// # Address families
//
// IPv4 and IPv6 prefixes are both supported; they never overlap each other.
// IPv4-mapped IPv6 (::ffff:10.0.0.0/104) is rejected everywhere. Address
// counts use a 128-bit integer, so an IPv6 /64 is counted exactly.
//
// # Errors
//
// Plan file errors are *[ParseError] (file, line, key path) wrapping a cause
// that matches exactly one sentinel ([ErrSyntax], [ErrUnknownField],
// [ErrInvalidValue], [ErrInvalidPrefix], [ErrInvalidAddr], [ErrHostBits],
// [Err4in6]) with errors.Is. The prefix and address sentinels are package
// cidr's values, shared with overlap and sizing. A prefix with host bits set is never masked silently: the error
// names the masked form. Problems in a well-formed plan are not Go errors but
// findings; [Plan.Complete] returns a *[PlanError] wrapping [ErrInvalidPlan]
// when its result still has error findings and a *[CompleteError] when it
// cannot fill a range in; allocation errors are an *[AllocError] wrapping
// [ErrNoSpace] or a *[RequestError] wrapping [ErrBadAllocRequest]. Messages
// name the package once; the typed errors a front end shows
// ([ParseError], [AllocError], [RequestError], [CompleteError]) also have
// a Message method giving the text without "ipam: ", so nobody edits it.
//
// # Disputed facts
//
// docs/aks-rules.md lists every rule with its public source and the test
// that pins it. The rules marked [D] there
// (docs/aks-rules.md#disputed-defaults-and-overrides) are documented,
// overridable defaults (a cluster's defaults, see [sizing.Defaults]):
// maxSurge 10%; overlay and pod-subnet maxPods 250; overlay node limit
// 5,000. A pod CIDR overlapping
// the VNet space but no subnet is a warning (NetworkProfileCIDROverlapVNET),
// a service CIDR of exactly /12 is a warning, and the largest IPv4 subnet is
// a /2. The docker bridge is ignored by current AKS, so its overlaps are
// warnings.
//
// # Concurrency
//
// Plans are plain values. Methods never modify their receiver, so a Plan may
// be read, validated, allocated from and completed by several goroutines at
// once as long as nobody writes to it. An [Allocator] is not safe for
// concurrent use.
package ipam
