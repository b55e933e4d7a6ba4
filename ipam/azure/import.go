package azure

import (
	"os"

	"github.com/cidrplan/cidrplan/ipam"
)

// Sources names the files to import, by kind. Each field lists file paths,
// read in order.
type Sources struct {
	// AKS: az aks show / list, az aks nodepool list / show, ARM/REST JSON of
	// managedClusters and agentPools (see [ParseAKS]).
	AKS []string
	// VNet: az network vnet show / list, ARM/REST JSON (see [ParseVNet]).
	VNet []string
	// OnPrem: az network local-gateway show, az network nic
	// show-effective-route-table (see [ParseOnPrem]).
	OnPrem []string
	// Terraform: terraform show -json of a state or a plan (see
	// [ParseTerraform]).
	Terraform []string
}

// Import reads every file of s and returns the plan they describe together
// (see [Resources.Plan] for how references between files are resolved).
// File errors are *os.PathError; everything else as for the Parse
// functions, each error naming its file.
func Import(s Sources) (*ipam.Plan, error) {
	rs := &Resources{}
	for _, kind := range []struct {
		files []string
		parse func([]byte, string) (*Resources, error)
	}{
		{s.AKS, ParseAKS},
		{s.VNet, ParseVNet},
		{s.OnPrem, ParseOnPrem},
		{s.Terraform, ParseTerraform},
	} {
		for _, f := range kind.files {
			data, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			got, err := kind.parse(data, f)
			if err != nil {
				return nil, err
			}
			rs.Add(got)
		}
	}
	return rs.Plan()
}
