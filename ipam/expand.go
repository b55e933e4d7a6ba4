package ipam

import (
	"fmt"
	"math/bits"
	"net/netip"

	"github.com/cidrplan/cidrplan/sizing"
)

// Expansion is the growth of an overlay cluster's pod CIDR to hold more
// nodes (articles/aks/azure-cni-overlay-pod-expand.md). It is a plain value
// with JSON tags, safe to share once returned.
type Expansion struct {
	Cluster string `json:"cluster"`
	// From is the current pod CIDR, To the smallest superset that holds
	// Nodes plus the largest pool's surge, one /24 each; To equals From
	// when From holds them already, and Steps is empty then.
	From  netip.Prefix    `json:"from"`
	To    netip.Prefix    `json:"to"`
	Nodes int             `json:"nodes"`
	Steps []MigrationStep `json:"steps"`
	// Warnings are what the grown cluster meets beyond its pod CIDR: an
	// upgrade peak past the cluster node limit, where AKS blocks upgrades
	// (ClusterNodeLimitAtUpgrade).
	Warnings []MigrationNote `json:"warnings,omitzero"`
}

// Expand returns the smallest superset of the named overlay cluster's pod
// CIDR that holds nodes plus the largest pool's upgrade surge (sizing's
// sequential upgrade) at one /24 each, and that Plan.Overlaps finds clear
// of the VNets, service CIDRs, peered, on-premises and reserved ranges; with
// the update and the check after it. AKS grows a pod CIDR only to a
// superset (sizing.CheckPodCIDRExpansion).
//
// A refused expansion is an *ExpansionError wrapping ErrExpansionRefused:
// a cluster that isn't overlay, has Windows pools, an IPv6 or several pod
// CIDRs, more nodes than the model's node limit (sizing's
// Network.NodeLimit under the cluster's defaults: OverlayNodeLimitExceeded),
// or whose superset overlaps ranges in the way (listed). An unknown
// cluster gives an error wrapping ErrUnknownCluster; nodes below 1 one
// wrapping ErrBadMigration. p is not modified.
func (p *Plan) Expand(cluster string, nodes int) (Expansion, error) {
	if nodes < 1 {
		return Expansion{}, &MigrationError{Cluster: cluster, Detail: fmt.Sprintf("%d nodes: want at least 1", nodes)}
	}
	i, err := p.clusterIndex(cluster)
	if err != nil {
		return Expansion{}, err
	}
	c := &p.withDefaults().Clusters[i]
	refuse := func(code Code, format string, args ...any) (Expansion, error) {
		return Expansion{}, &ExpansionError{Cluster: cluster, Code: code, Detail: fmt.Sprintf(format, args...)}
	}
	np := &c.NetworkProfile
	if !np.IsOverlay() {
		return refuse(CodeExpansionNotOverlay, "uses %s; only an Azure CNI Overlay pod CIDR expands", np.model().Spec().Label)
	}
	if w := c.windowsPool(); w != "" {
		return refuse(CodeExpansionWindowsPools, "has Windows pool %q; pod CIDR expansion is Linux only", w)
	}
	pods := np.PodPrefixes()
	if len(pods) != 1 || !pods[0].Addr().Is4() {
		return refuse(CodeExpansionNotSingleIPv4, "has pod CIDRs %v; only a single IPv4 pod CIDR expands (not IPv6, not --pod-cidrs)", pods)
	}
	in := c.sizingInput()
	if limit, scope := in.Network.NodeLimit(in.Defaults); nodes > limit {
		return refuse(CodeOverlayNodeLimit, "%s: at most %s nodes %s", plural(nodes, "node"), grouped(limit), scope)
	}
	from := pods[0]
	out := Expansion{Cluster: cluster, From: from, To: from, Nodes: nodes, Steps: []MigrationStep{}}
	blocks := nodes + largestSurge(in)
	if blocks > sizing.MaxClusterNodes {
		out.Warnings = append(out.Warnings, MigrationNote{Code: CodeClusterNodeLimitAtUpgrade,
			Message: fmt.Sprintf("%s + %s of the largest pool's surge = %s at the peak of a sequential upgrade, past the %s-node cluster limit, where AKS blocks upgrades: lower maxSurge (maxUnavailable upgrades in place) or split the nodes over several clusters",
				plural(nodes, "node"), grouped(blocks-nodes), grouped(blocks), grouped(sizing.MaxClusterNodes))})
	}
	bb := sizing.NodeBlockBitsV4 - bits.Len(uint(blocks-1))
	if bb >= from.Bits() {
		return out, nil
	}
	if bb < 0 {
		bb = 0
	}
	to := netip.PrefixFrom(from.Addr(), bb).Masked()
	if err := sizing.CheckPodCIDRExpansion(from, to); err != nil {
		return refuse(CodeExpansionBlocked, "no superset of %s holds %s: %v", from, plural(blocks, "node"), err)
	}
	q := p.withCluster(i, func(c *Cluster) { c.NetworkProfile.PodCIDR, c.NetworkProfile.PodCIDRs = to, nil })
	if way := podCIDRConflicts(q, cluster, to); len(way) > 0 {
		e := &ExpansionError{Cluster: cluster, Code: CodeExpansionBlocked, InTheWay: way,
			Detail: fmt.Sprintf("%s, the smallest superset of %s that holds %s with surge, overlaps other ranges", to, from, plural(blocks, "node"))}
		return Expansion{}, e
	}
	out.To = to
	rg := c.ResourceGroup
	if rg == "" {
		rg = "<resource-group>"
	}
	out.Steps = append(out.Steps,
		MigrationStep{Command: fmt.Sprintf("az aks update --resource-group %s --name %s --pod-cidr %s", rg, cluster, to),
			Why: fmt.Sprintf("grows the pod CIDR to a superset of %s (az 2.48.0 or later)", from)},
		MigrationStep{Command: "kubectl get nnc -n kube-system",
			Why: "every node's NodeNetworkConfig shows the new pod CIDR"})
	return out, nil
}

// largestSurge returns the most surge nodes one pool adds in a sequential
// upgrade of c; 0 when sizing refuses c.
func largestSurge(c sizing.Cluster) int {
	u, err := c.Upgrade(sizing.UpgradeSequential)
	if err != nil {
		return 0
	}
	most := 0
	for _, s := range u.Steps {
		most = max(most, s.Surge)
	}
	return most
}
