package ipam

import (
	"testing"
)

// An assumed VNet (the AKS-managed VNet at its observed default) is
// reported as an assumption; a cluster on it is otherwise clean.
func TestAdviseAssumedVNet(t *testing.T) {
	codes := []Code{CodeDisputedDefault}
	onManaged := func(assumed bool) *Plan {
		p := rulePlan(ruleOverlay, "10.1.0.0/22", rulePool("nodepool1", 3, pSurge("10%"), pMaxPods(250)))
		v := ManagedVNet("aks-vnet-prod")
		v.Assumed = assumed
		p.VNets = []VNet{v}
		p.Clusters[0].AgentPoolProfiles[0].VNetSubnet = "aks-vnet-prod/" + ManagedSubnetName
		return p
	}
	runRuleCases(t, []ruleCase{
		{name: "exported", codes: codes, plan: onManaged(false)},
		{name: "assumed", codes: codes, plan: onManaged(true),
			want: Findings{info(CodeDisputedDefault, "vnets[aks-vnet-prod]",
				`VNet "aks-vnet-prod" is assumed: the AKS-managed VNet of a cluster whose pools name no subnet, with the address space AKS is observed to give it (10.224.0.0/12) [D]; `+
					`export the VNet from the cluster's node resource group (az network vnet list) and import it to check the real one`)}},
	})
	if fs := onManaged(true).Validate(); fs.HasErrors() {
		t.Errorf("a cluster on the assumed managed VNet has errors:\n%s", fs)
	}
}
