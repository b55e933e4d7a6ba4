package ipam_test

import (
	"fmt"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/planfile"
)

// Migrate lists every blocker of a kubenet cluster's move to Azure CNI
// Overlay at once, and the commands that clear them, in order.
func ExamplePlan_Migrate() {
	p, err := planfile.Load("testdata/migrate/kubenet-calico.yaml")
	if err != nil {
		panic(err)
	}
	m, err := p.Migrate("legacy", ipam.MigrateToOverlay, ipam.MigrateOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Println("possible:", m.Possible, "pod CIDR:", m.PodCIDR)
	for _, b := range m.Blockers {
		fmt.Println("blocker:", b.Code)
	}
	for i, s := range m.Steps {
		fmt.Println(i+1, s.Command)
	}
	// Output:
	// possible: true pod CIDR: 10.244.0.0/16
	// blocker: MigrationNetworkPolicyEnabled
	// blocker: MigrationSystemAssignedIdentity
	// 1 az aks update --resource-group rg-legacy --name legacy --network-policy none
	// 2 az aks update --resource-group rg-legacy --name legacy --enable-managed-identity --assign-identity <user-assigned-identity-resource-id>
	// 3 az aks update --resource-group rg-legacy --name legacy --network-plugin azure --network-plugin-mode overlay
	// 4 kubectl get nnc -n kube-system
	// 5 az aks nodepool list --resource-group rg-legacy --cluster-name legacy --query "[].{pool:name,state:provisioningState,image:nodeImageVersion}" -o table
}

// Expand finds the smallest superset of an overlay pod CIDR that holds the
// nodes to come.
func ExamplePlan_Expand() {
	p, err := planfile.Load("testdata/migrate/overlay-expand.yaml")
	if err != nil {
		panic(err)
	}
	e, err := p.Expand("grow", 40)
	if err != nil {
		panic(err)
	}
	fmt.Println(e.From, "→", e.To)
	// Output:
	// 10.244.0.0/20 → 10.244.0.0/18
}
