package planfile

import (
	"testing"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
	"github.com/google/go-cmp/cmp"
)

// What later commands need from exports — identity.type,
// nodeProvisioningProfile.mode, a pool's orchestratorVersion,
// maxUnavailable, osType, pod subnet and allocation mode, the API server
// subnet, an assumed VNet — reads with AKS's key names and writes back the
// same in both formats.
func TestRoundTripImportedFields(t *testing.T) {
	const doc = `vnets:
  - name: aks-vnet-c
    addressSpace: [10.224.0.0/12]
    subnets:
      - name: aks-subnet
        addressPrefixes: [10.224.0.0/16]
      - name: pods
        addressPrefixes: [10.225.0.0/16]
      - name: api
        addressPrefixes: [10.226.0.0/28]
    assumed: true
clusters:
  - name: c
    apiServerAccessProfile:
      enableVnetIntegration: true
      subnet: aks-vnet-c/api
    agentPoolProfiles:
      - name: win
        osType: Windows
        count: 2
        maxSurge: "0"
        maxUnavailable: "1"
        vnetSubnet: aks-vnet-c/aks-subnet
        podSubnet: aks-vnet-c/pods
        podIpAllocationMode: StaticBlock
        orchestratorVersion: 1.31.7
    identity:
      type: UserAssigned
    nodeProvisioningProfile:
      mode: Auto
`
	p, err := Parse([]byte(doc), "p.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c := p.Clusters[0]
	pool := c.AgentPoolProfiles[0]
	got := []any{p.VNets[0].Assumed, c.Identity.Type, c.NodeProvisioningProfile.Mode, c.APIServerAccessProfile.Subnet,
		pool.OrchestratorVersion, pool.MaxUnavailable.String(), pool.OSType, pool.PodSubnet, pool.PodIPAllocationMode}
	want := []any{true, ipam.IdentityUserAssigned, ipam.NodeProvisioningAuto, "aks-vnet-c/api",
		"1.31.7", "1", sizing.OSType("Windows"), "aks-vnet-c/pods", sizing.PodIPAllocationMode("StaticBlock")}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("fields read (-want +got):\n%s", diff)
	}
	for _, f := range []Format{YAML, JSON} {
		b, err := Marshal(p, f)
		if err != nil {
			t.Fatal(err)
		}
		back, err := Parse(b, "again")
		if err != nil {
			t.Fatalf("%s: %v\n%s", f, err, b)
		}
		if diff := cmp.Diff(p, back, cmpNet); diff != "" {
			t.Errorf("%s round trip (-want +got):\n%s", f, diff)
		}
	}
}
