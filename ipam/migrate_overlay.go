package ipam

import (
	"fmt"
	"net/netip"

	"github.com/cidrplan/cidrplan/sizing"
)

// The rules of a migration to Azure CNI Overlay, from
// articles/aks/update-azure-cni.md.

// overlayMinMinor is the oldest Kubernetes minor version (1.x) a cluster
// may migrate to overlay from: "the cluster must be on Kubernetes 1.27 or
// later".
const overlayMinMinor = 27

// toOverlay plans the IPAM mode change to overlay.
func (m *migration) toOverlay() {
	target, ok := m.overlayPrerequisites()
	if !ok {
		return
	}
	m.overlayUpdate(target)
	m.afterOverlay()
	m.warn(CodeMigrationOneWay, "the migration to Azure CNI Overlay is one-way: cluster %q can't go back to %s", m.c.Name, m.out.From)
}

// overlayPrerequisites reports every blocker of the overlay migration and
// returns the migrated plan; ok is false when the source model rules the
// migration out, so nothing more is worth checking.
func (m *migration) overlayPrerequisites() (target *Plan, ok bool) {
	ok = true
	for _, md := range m.models() {
		switch md {
		case sizing.ModelNodeSubnet, sizing.ModelKubenet:
		case sizing.ModelPodSubnetDynamic:
			m.block(CodeMigrationDynamicPodSubnet, "",
				"cluster %q uses a dynamic pod subnet, which can't be migrated to Azure CNI Overlay: create a new overlay cluster and move the workloads", m.c.Name)
		case sizing.ModelPodSubnetStatic:
			m.block(CodeMigrationStaticPodSubnet, "",
				"cluster %q uses a static block pod subnet, which can't be migrated to Azure CNI Overlay [D: the documentation names dynamic allocation; the migration takes only node subnet and kubenet]: create a new overlay cluster and move the workloads", m.c.Name)
		case sizing.ModelOverlay:
			m.block(CodeMigrationUnsupportedSource, "", "cluster %q already uses Azure CNI Overlay", m.c.Name)
			ok = false
		default:
			m.block(CodeMigrationUnsupportedSource, "",
				"cluster %q uses %s; only Azure CNI node subnet and kubenet clusters migrate to Azure CNI Overlay", m.c.Name, md.Spec().Label)
			ok = false
		}
	}
	if !ok {
		return nil, false
	}
	m.overlayVersion()
	m.overlayPolicy()
	m.overlayIdentity()
	return m.overlayPodCIDR()
}

// overlayVersion: "the cluster must be on Kubernetes 1.27 or later".
func (m *migration) overlayVersion() {
	ok, known := versionAtLeast(m.c.KubernetesVersion, 1, overlayMinMinor)
	switch {
	case !known:
		m.warn(CodeMigrationKubernetesVersionUnknown,
			"the plan gives no Kubernetes version for cluster %q; the migration needs 1.%d or later (az aks show --query kubernetesVersion)", m.c.Name, overlayMinMinor)
	case !ok:
		m.block(CodeMigrationKubernetesVersion, fmt.Sprintf("upgrade the cluster to Kubernetes 1.%d or later first (az aks upgrade)", overlayMinMinor),
			"cluster %q runs Kubernetes %s; the migration to Azure CNI Overlay needs 1.%d or later", m.c.Name, m.c.KubernetesVersion, overlayMinMinor)
		m.step(fmt.Sprintf("the migration needs Kubernetes 1.%d or later", overlayMinMinor),
			"az aks upgrade %s --kubernetes-version <1.%d or later>", m.target(), overlayMinMinor)
	}
}

// overlayPolicy: network policies must be uninstalled before the migration.
func (m *migration) overlayPolicy() {
	pol := m.c.NetworkProfile.NetworkPolicy
	if pol == "" || pol == PolicyNone {
		return
	}
	m.block(CodeMigrationNetworkPolicyEnabled, "uninstall the network policy engine first (az aks update --network-policy none)",
		"cluster %q runs the %s network policy engine; the migration needs network policy uninstalled first", m.c.Name, pol)
	m.step("network policy must be uninstalled before the IPAM mode changes",
		"az aks update %s --network-policy none", m.target())
	m.warn(CodeMigrationPolicyGap,
		"cluster %q enforces no network policy from the uninstall of %s until a new engine runs (after the migration: az aks update --network-policy cilium with --network-dataplane cilium, or azure or calico)", m.c.Name, pol)
}

// overlayIdentity: a kubenet cluster needs a user-assigned managed identity
// to detach its route table; "System-assigned managed identities aren't
// supported".
func (m *migration) overlayIdentity() {
	if m.c.NetworkProfile.model() != sizing.ModelKubenet {
		return
	}
	switch m.c.Identity.Type {
	case IdentityUserAssigned:
	case IdentitySystemAssigned:
		m.block(CodeMigrationSystemAssignedIdentity, "assign a user-assigned managed identity first (az aks update --enable-managed-identity --assign-identity)",
			"kubenet cluster %q has a system-assigned identity; detaching its route table needs a user-assigned one", m.c.Name)
		m.step("detaching the kubenet route table needs a user-assigned managed identity",
			"az aks update %s --enable-managed-identity --assign-identity <user-assigned-identity-resource-id>", m.target())
	default:
		m.warn(CodeMigrationIdentityUnknown,
			"the plan doesn't say which identity kubenet cluster %q has; the migration needs a user-assigned one (az aks show %s --query identity.type)", m.c.Name, m.target())
	}
}

// overlayPodCIDR chooses the pod CIDR (given, kubenet's own, or proposed),
// reports what it overlaps, and returns the migrated plan.
func (m *migration) overlayPodCIDR() (*Plan, bool) {
	kubenet := m.c.NetworkProfile.model() == sizing.ModelKubenet
	pod := m.opts.PodCIDR
	if kubenet {
		own := firstIPv4(m.plan.withDefaults().Clusters[m.i].NetworkProfile.PodPrefixes())
		switch {
		case !pod.IsValid():
			pod = own
		case pod != own:
			m.warn(CodeMigrationPodCIDRChange,
				"--pod-cidr %s changes kubenet's pod CIDR %s; the pod CIDR stays when the parameter is left out, and users report the change failing (Azure/AKS#5662)", pod, own)
		}
	}
	bits, sized := overlayPodBits(*m.c)
	var proposal netip.Prefix
	if sized {
		proposal, _ = m.plan.proposePodCIDR(m.i, bits)
	}
	if !pod.IsValid() {
		if !proposal.IsValid() {
			m.block(CodeMigrationNoPodCIDR, "", "no private range (RFC 1918, 100.64.0.0/10) has a free /%d for cluster %q's pod CIDR clear of the plan's ranges", bits, m.c.Name)
			return nil, false
		}
		pod = proposal
	}
	m.out.PodCIDR = pod
	m.out.PodCIDRSizing = overlayPodCIDRWords()
	target := m.plan.withCluster(m.i, func(c *Cluster) { asOverlay(c, pod) })
	fix := "choose another --pod-cidr"
	if proposal.IsValid() && proposal != pod {
		fix = "use --pod-cidr " + proposal.String()
	}
	for _, r := range podCIDRConflicts(target, m.c.Name, pod) {
		m.block(CodeMigrationPodCIDROverlap, fix, "pod CIDR %s overlaps %s", pod, describeRange(r))
	}
	return target, true
}

// overlayUpdate adds the update to overlay, after checking the peak of the
// reimage, and the freed node-subnet addresses.
func (m *migration) overlayUpdate(target *Plan) {
	m.reimagePeak(target)
	m.out.FreedAddresses, m.out.FreedSizing = freedNodeSubnet(*m.c, target.Clusters[m.i])
	cmd := fmt.Sprintf("az aks update %s --network-plugin azure --network-plugin-mode overlay", m.target())
	kubenet := m.c.NetworkProfile.model() == sizing.ModelKubenet
	if !kubenet || m.opts.PodCIDR.IsValid() {
		cmd += " --pod-cidr " + m.out.PodCIDR.String()
	}
	why := "changes the IPAM mode to Azure CNI Overlay; every pool is reimaged at once"
	if kubenet && !m.opts.PodCIDR.IsValid() {
		why += "; the pod CIDR " + m.out.PodCIDR.String() + " stays"
	}
	m.step(why, "%s", cmd)
}

// afterOverlay adds the checks to run once the update returns.
func (m *migration) afterOverlay() {
	m.step("every node has a NodeNetworkConfig with its /24 of the overlay pod CIDR", "kubectl get nnc -n kube-system")
	m.reimageStatus()
}

// reimageStatus adds the check that every pool is reimaged.
func (m *migration) reimageStatus() {
	m.step("every pool is back to Succeeded on the new node image after the reimage",
		"az aks nodepool list --resource-group %s --cluster-name %s --query \"[].{pool:name,state:provisioningState,image:nodeImageVersion}\" -o table",
		m.resourceGroup(), m.c.Name)
}

// reimagePeak reports each range or limit of q's cluster that can't hold
// every pool surging at once, as Plan.Upgrade simulates it.
func (m *migration) reimagePeak(q *Plan) {
	rep, err := q.Upgrade(UpgradeOptions{Cluster: m.c.Name, Model: sizing.UpgradeSimultaneous})
	if err != nil {
		return
	}
	for _, cu := range rep.Clusters {
		if cu.Error != "" {
			m.warn(CodeMigrationReimagePeak, "the reimage of cluster %q could not be simulated: %s", m.c.Name, cu.Error)
		}
		for _, s := range cu.Steps {
			for _, r := range s.Ranges {
				if r.Fits {
					continue
				}
				m.block(CodeMigrationReimagePeak, reimageFix(s, r),
					"%s holds %s at the reimage peak, %s: %s nodes + %s surge under %s, more than its %s",
					rangeName(r), r.Peak.Grouped(), sizing.UpgradeSimultaneous.PeakWords(), grouped(s.Nodes), grouped(s.Surge),
					sizing.ModelOverlay.Spec().Label, r.Usable.Grouped())
			}
		}
	}
}

// rangeName names an UpgradeRange with its prefix when it has one.
func rangeName(r UpgradeRange) string {
	if r.Prefix.IsValid() {
		return fmt.Sprintf("%s (%s)", r.Words(), r.Prefix)
	}
	return r.Words()
}

// reimageFix says how to make a step's range hold the reimage peak.
func reimageFix(s UpgradeStep, r UpgradeRange) string {
	switch {
	case r.Kind == CapacityPodCIDR:
		return "give a larger --pod-cidr"
	case s.MaxSurgeThatFits > 0:
		return fmt.Sprintf("lower maxSurge to %d per pool for the migration (az aks nodepool update --max-surge %d), or enlarge the range", s.MaxSurgeThatFits, s.MaxSurgeThatFits)
	case s.FitsWithoutSurge:
		return "reimage without surge on user pools (--max-surge 0 --max-unavailable 1), or enlarge the range"
	}
	return "enlarge the range or remove nodes before the migration"
}

// freedNodeSubnet returns the node-subnet addresses from's upgrade peak
// holds that to's does not: what pods leaving the node subnet give back,
// and the words of the models and per-node formulas behind the number.
func freedNodeSubnet(from, to Cluster) (sizing.Count, string) {
	peak := func(c Cluster) (sizing.Count, string, bool) {
		in := c.sizingInput()
		d, err := in.Demand()
		if err != nil {
			return sizing.Count{}, "", false
		}
		var n sizing.Count
		words := ""
		for _, r := range d.Ranges {
			if r.Kind != sizing.NodeSubnet {
				continue
			}
			n = n.Add(r.Peak)
			if words == "" && len(r.Pools) > 0 {
				md := c.NetworkProfile.model()
				words = fmt.Sprintf("%s at %s per node", md.Spec().Label, md.Spec().PerNodeWords(sizing.NodeSubnet, sizing.IPv4, r.Pools[0].MaxPods))
			}
		}
		return n, words, true
	}
	a, fromWords, ok1 := peak(from)
	b, toWords, ok2 := peak(to)
	if !ok1 || !ok2 || a.Less(b) {
		return sizing.Count{}, ""
	}
	return a.Sub(b), fmt.Sprintf("node subnets at %s: %s, less %s",
		from.Defaults.EffectiveUpgrade().PeakWords(), fromWords, toWords)
}

// overlayPodCIDRWords says how an overlay pod CIDR is sized for a
// migration: one block per node with every pool reimaged at once.
func overlayPodCIDRWords() string {
	md := sizing.ModelOverlay
	return fmt.Sprintf("%s per node under %s; %s", md.Spec().PerNodeWords(sizing.PodCIDR, sizing.IPv4, 0), md.Spec().Label,
		sizing.UpgradeSimultaneous.PeakWords())
}

// firstIPv4 returns the first IPv4 prefix of ps, or the zero prefix.
func firstIPv4(ps []netip.Prefix) netip.Prefix {
	for _, p := range ps {
		if p.Addr().Is4() {
			return p
		}
	}
	return netip.Prefix{}
}

// target returns the az arguments naming the cluster.
func (m *migration) target() string {
	return fmt.Sprintf("--resource-group %s --name %s", m.resourceGroup(), m.c.Name)
}

// resourceGroup returns the cluster's resource group or a placeholder.
func (m *migration) resourceGroup() string {
	if m.c.ResourceGroup == "" {
		return "<resource-group>"
	}
	return m.c.ResourceGroup
}
