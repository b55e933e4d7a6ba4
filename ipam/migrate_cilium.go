package ipam

// The rules of a migration to the Cilium data plane
// (articles/aks/azure-cni-powered-by-cilium.md, update-azure-cni.md).

// toCilium plans the data plane change to Cilium: directly from any Azure
// CNI IPAM mode; from kubenet to overlay first, then the data plane, in two
// updates ("update IPAM mode or data plane, not both in one operation").
func (m *migration) toCilium() {
	np := &m.c.NetworkProfile
	switch {
	case np.network().IsCilium():
		m.block(CodeMigrationUnsupportedSource, "", "cluster %q already uses the Cilium data plane", m.c.Name)
		return
	case np.NetworkPlugin == PluginKubenet:
		target, ok := m.overlayPrerequisites()
		if !ok {
			return
		}
		m.ciliumPrerequisites(false)
		m.overlayUpdate(target)
		m.step("checks that the overlay migration is done before the data plane changes", "kubectl get nnc -n kube-system")
		m.ciliumUpdate()
		m.warn(CodeMigrationOneWay, "the migration to Azure CNI Overlay is one-way: cluster %q can't go back to kubenet", m.c.Name)
	case np.NetworkPlugin == PluginAzure:
		m.ciliumPrerequisites(true)
		m.reimagePeak(m.plan)
		if np.IsOverlay() {
			m.out.PodCIDR = firstIPv4(m.plan.withDefaults().Clusters[m.i].NetworkProfile.PodPrefixes())
		}
		m.ciliumUpdate()
	default:
		m.block(CodeMigrationUnsupportedSource, "",
			"cluster %q uses %s; only Azure CNI and kubenet clusters move to the Cilium data plane", m.c.Name, np.model().Spec().Label)
	}
}

// ciliumPrerequisites reports Windows pools and node auto-provisioning, and
// warns that Azure NPM or Calico is replaced when the cluster still runs
// its policy engine (replaced).
func (m *migration) ciliumPrerequisites(replaced bool) {
	if w := m.c.windowsPool(); w != "" {
		m.block(CodeCiliumWindowsPools, "",
			"cluster %q has Windows pool %q; the Cilium data plane runs no Windows nodes: keep the cluster's data plane, or move the Windows workloads elsewhere and delete its Windows pools", m.c.Name, w)
	}
	if m.c.NodeProvisioningProfile.Mode == NodeProvisioningAuto {
		m.block(CodeCiliumNodeAutoProvisioning, "turn node auto-provisioning off for the update and back on after it (az aks update --node-provisioning-mode Manual, then Auto)",
			"cluster %q has node auto-provisioning on, which must be off while the data plane changes", m.c.Name)
		m.step("node auto-provisioning must be off during the data plane update",
			"az aks update %s --node-provisioning-mode Manual", m.target())
	}
	switch pol := m.c.NetworkProfile.NetworkPolicy; {
	case replaced && (pol == PolicyAzure || pol == PolicyCalico):
		m.warn(CodeCiliumReplacesPolicy,
			"the %s network policy engine of cluster %q is uninstalled and replaced by Cilium; Cilium's ipBlock can't select pod or node addresses, so review policies that do", pol, m.c.Name)
	}
}

// ciliumUpdate adds the data plane update, the checks after it and the
// re-enabling of node auto-provisioning.
func (m *migration) ciliumUpdate() {
	m.step("changes the data plane to Cilium with Cilium network policy (az 2.52.0 or later); every pool is reimaged at once",
		"az aks update %s --network-dataplane cilium --network-policy cilium", m.target())
	m.warn(CodeMigrationPolicyGap, "Cilium begins enforcing network policies on cluster %q only after all nodes are reimaged", m.c.Name)
	m.step("the Cilium agent runs on every node", "kubectl get pods -n kube-system -l k8s-app=cilium -o wide")
	m.reimageStatus()
	if m.c.NodeProvisioningProfile.Mode == NodeProvisioningAuto {
		m.step("turns node auto-provisioning back on once every node runs Cilium",
			"az aks update %s --node-provisioning-mode Auto", m.target())
	}
}
