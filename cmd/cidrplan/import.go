package main

import "github.com/cidrplan/cidrplan/ipam/planfile"

func importCommand() *command {
	return &command{
		name:    "import",
		summary: "turn az, ARM and Terraform exports into a plan",
		usage:   "[--aks FILE]... [--vnet FILE]... [--onprem FILE]... [--terraform FILE]... [--arm FILE]... [--parameters FILE]... [--avnm FILE] [flags]",
		about: `Reads what already exists, offline and without Azure credentials — clusters
(az aks show, az aks nodepool list, ARM JSON), virtual networks (az network
vnet show/list; peered address spaces become ranges to avoid), on-premises
ranges (az network local-gateway show, effective routes), Terraform
(terraform show -json; a peering's remote VNet held in the state becomes a
range to avoid) and ARM templates (--arm, with --parameters files) — and
prints the equivalent plan, ready to edit,
"cidrplan check" or "cidrplan complete".

A cluster whose pools name no subnet (vnetSubnetId null, the az aks create
default) is on the VNet AKS creates in its node resource group: given with
--vnet (az network vnet list -g NODE_RESOURCE_GROUP), that one; otherwise
the plan assumes what AKS is observed to create, aks-subnet 10.224.0.0/16 in
10.224.0.0/12, and "cidrplan check" reports the assumption.

With --avnm FILE (az network manager ipam-pool get-pool-usage) what the
pool has in use for others joins the plan as ranges to avoid of source
avnmPool.

"cidrplan check" and "cidrplan map" take the same flags to work on exports
directly.

An ARM template (az group export, az bicep build or hand-written) is
evaluated as far as address plans need: parameters (a --parameters file's
value, else the defaultValue), variables, concat, format, resourceId and
subscriptionResourceId, resourceGroup() and subscription() (their values
stand as {resourceGroup}, {subscriptionId}), literals. Subnets and agent
pools declared as resources of their own join their VNet and cluster, and
a pool's resourceId(...) subnet is the template's subnet. Any other
expression a field needs is reported once, with its JSON path and line.`,
		examples: `# a cluster, its spoke VNet, the peered hub and the on-premises gateway
cidrplan import --aks examples/exports/hub-spoke/aks.json --vnet examples/exports/hub-spoke/vnet-spoke.json --vnet examples/exports/hub-spoke/vnet-hub.json --onprem examples/exports/hub-spoke/onprem-lgw.json
# a Terraform state, as JSON
cidrplan import --terraform examples/exports/terraform/terraform.json -o json
# an ARM template with its deployment parameters
cidrplan import --arm examples/exports/arm/main.json --parameters examples/exports/arm/main.parameters.json`,
		setup: func(f *flags, e *env) func([]string) error {
			var src planSource
			var output string
			var avnmFile string
			f.planSourceFlags(&src, e)
			f.stringVar(&avnmFile, "avnm", "FILE", avnmUsage)
			f.outputVar(&output, formatYAML, formatJSON)
			return func(args []string) error {
				if err := stdinOnce(src.stdinInputs(args, avnmFile)...); err != nil {
					return err
				}
				p, _, err := src.load(e, args)
				if err != nil {
					return err
				}
				if p, err = importAVNM(e, avnmFile, p); err != nil {
					return err
				}
				return planfile.Write(e.stdout, p, planfile.Format(output))
			}
		},
	}
}
