package az

import (
	"io"
	"net/netip"
	"strconv"
	"strings"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/emit/internal/shell"
	"github.com/cidrplan/cidrplan/internal/ident"
	"github.com/cidrplan/cidrplan/ipam"
)

// FileName is the name of the file the script goes to in a directory.
const FileName = "deploy.sh"

// Write writes p as a bash script to w. Errors are those of [emit.Resolve]
// or w's.
func Write(w io.Writer, p *ipam.Plan, opts emit.Options) error {
	b, err := Marshal(p, opts)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// The script's own variables, set from the environment.
const (
	varResourceGroup = "resource_group"
	varLocation      = "location"
	varVMSize        = "vm_size"
)

// Marshal returns p as a bash script.
func Marshal(p *ipam.Plan, opts emit.Options) ([]byte, error) {
	d, err := emit.Resolve(p, opts)
	if err != nil {
		return nil, err
	}
	s := script{d: d}
	s.header()
	s.vars.Reserve(varResourceGroup, varLocation, varVMSize)
	for i := range d.Plan.VNets {
		s.vnet(i)
	}
	for i := range d.Plan.Clusters {
		s.cluster(i)
	}
	return []byte(s.b.String()), nil
}

// script builds the text of the script.
type script struct {
	d    *emit.Deployment
	b    strings.Builder
	vars ident.Set
	// subnetIDs names the variable that holds each subnet's ID, by position.
	subnetIDs [][]string
}

func (s *script) line(text string) { s.b.WriteString(text + "\n") }

// command writes a command with one argument a line.
func (s *script) command(prefix string, args ...string) { shell.Command(&s.b, prefix, args...) }

func (s *script) header() {
	s.line("#!/usr/bin/env bash")
	s.line("# " + s.d.Generated() + ".")
	s.line("# Every address range is the plan's: change the plan, check it, and emit again.")
	s.line("# Run: RESOURCE_GROUP=my-rg LOCATION=westeurope VM_SIZE=Standard_D4ds_v5 bash " + FileName)
	s.line("set -euo pipefail")
	s.line("")
	s.line(varResourceGroup + `="${RESOURCE_GROUP:?set RESOURCE_GROUP to the resource group to deploy into}"`)
	s.line(varLocation + `="${LOCATION:?set LOCATION to the Azure region}"`)
	s.line(varVMSize + `="${VM_SIZE:?set VM_SIZE to the VM size of every node pool}"`)
}

func (s *script) vnet(i int) {
	vn := &s.d.Plan.VNets[i]
	if s.d.Managed(i) {
		s.subnetIDs = append(s.subnetIDs, nil) // AKS creates it: no subnet to name
		return
	}
	s.line("")
	s.command("az network vnet create", placed(),
		shell.Arg("--name", vn.Name),
		"--address-prefixes "+prefixes(vn.AddressSpace),
		"--output none")
	var ids []string
	for j := range vn.Subnets {
		sn := &vn.Subnets[j]
		id := s.vars.Name("subnet", vn.Name, sn.Name, "id")
		ids = append(ids, id)
		args := []string{"--resource-group " + shell.Var(varResourceGroup),
			shell.Arg("--vnet-name", vn.Name),
			shell.Arg("--name", sn.Name),
			"--address-prefixes " + prefixes(sn.AddressPrefixes)}
		if d, ok := emit.DelegationOf(sn.Delegation); ok {
			args = append(args, shell.Arg("--delegations", d.Service))
		}
		args = append(args, "--query id", "--output tsv)")
		s.line("")
		s.command(id+"=$(az network vnet subnet create", args...)
	}
	s.subnetIDs = append(s.subnetIDs, ids)
}

// placed is the resource group and location of a resource.
func placed() string {
	return "--resource-group " + shell.Var(varResourceGroup) + " \\\n  --location " + shell.Var(varLocation)
}

func (s *script) subnetID(r ipam.SubnetRef) string { return shell.Var(s.subnetIDs[r.VNet][r.Subnet]) }

// cluster writes az aks create with the default pool, then the other
// pools.
func (s *script) cluster(i int) {
	c := &s.d.Plan.Clusters[i]
	dc := &s.d.Clusters[i]
	args := []string{placed(), shell.Arg("--name", c.Name), shell.Arg("--dns-name-prefix", c.Name)}
	if c.KubernetesVersion != "" {
		args = append(args, shell.Arg("--kubernetes-version", c.KubernetesVersion))
	}
	args = append(args, "--enable-managed-identity")
	args = append(args, networkProfile(&c.NetworkProfile)...)
	ap := c.APIServerAccessProfile
	if ap.EnablePrivateCluster {
		args = append(args, "--enable-private-cluster")
	}
	if ap.EnableVNetIntegration {
		args = append(args, "--enable-apiserver-vnet-integration")
	}
	if dc.APIServerSubnet.IsValid() {
		args = append(args, "--apiserver-subnet-id "+s.subnetID(dc.APIServerSubnet))
	}
	sys := &c.AgentPoolProfiles[dc.System]
	args = append(args, shell.Arg("--nodepool-name", sys.Name))
	args = append(args, s.pool(i, dc.System)...)
	s.line("")
	if note := s.d.ManagedNote(i); note != "" {
		s.line("# " + note)
	}
	s.command("az aks create", append(args, "--output none")...)
	if !sys.MaxSurge.IsZero() || sys.MaxUnavailable.Value() > 0 {
		// az aks create takes no surge: set it on the default pool after.
		s.line("")
		s.command("az aks nodepool update", append([]string{"--resource-group " + shell.Var(varResourceGroup),
			shell.Arg("--cluster-name", c.Name), shell.Arg("--name", sys.Name)}, append(upgrade(sys), "--output none")...)...)
	}
	for j := range c.AgentPoolProfiles {
		if j == dc.System {
			continue
		}
		p := &c.AgentPoolProfiles[j]
		args := []string{"--resource-group " + shell.Var(varResourceGroup),
			shell.Arg("--cluster-name", c.Name), shell.Arg("--name", p.Name), shell.Arg("--mode", string(p.Mode))}
		if p.OSType != "" {
			args = append(args, shell.Arg("--os-type", string(p.OSType)))
		}
		args = append(args, s.pool(i, j)...)
		args = append(args, upgrade(p)...)
		s.line("")
		s.command("az aks nodepool add", append(args, "--output none")...)
	}
}

// pool returns the sizing and subnet flags of pool j of cluster i, which
// az aks create and az aks nodepool add share.
func (s *script) pool(i, j int) []string {
	c := &s.d.Plan.Clusters[i]
	dc := &s.d.Clusters[i]
	ap := &c.AgentPoolProfiles[j]
	args := []string{"--node-vm-size " + shell.Var(varVMSize),
		"--node-count " + strconv.Itoa(emit.InitialCount(ap))}
	if ap.EnableAutoScaling {
		args = append(args, "--enable-cluster-autoscaler",
			"--min-count "+strconv.Itoa(ap.MinCount),
			"--max-count "+strconv.Itoa(ap.MaxCount))
	}
	args = append(args, "--max-pods "+strconv.Itoa(ap.MaxPods))
	if r := dc.NodeSubnets[j]; r.IsValid() {
		args = append(args, "--vnet-subnet-id "+s.subnetID(r))
	}
	if r := dc.PodSubnets[j]; r.IsValid() {
		args = append(args, "--pod-subnet-id "+s.subnetID(r))
		if ap.PodIPAllocationMode != "" {
			args = append(args, shell.Arg("--pod-ip-allocation-mode", string(ap.PodIPAllocationMode)))
		}
	}
	return args
}

// upgrade returns a pool's upgrade settings as flags.
func upgrade(ap *ipam.AgentPool) []string {
	var args []string
	if !ap.MaxSurge.IsZero() {
		args = append(args, shell.Arg("--max-surge", ap.MaxSurge.String()))
	}
	if ap.MaxUnavailable.Value() > 0 {
		args = append(args, shell.Arg("--max-unavailable", ap.MaxUnavailable.String()))
	}
	return args
}

// networkProfile returns the flags of every field of np that is set.
func networkProfile(np *ipam.NetworkProfile) []string {
	var args []string
	set := func(flag, v string) {
		if v != "" {
			args = append(args, shell.Arg(flag, v))
		}
	}
	set("--network-plugin", string(np.NetworkPlugin))
	set("--network-plugin-mode", string(np.NetworkPluginMode))
	set("--network-policy", string(np.NetworkPolicy))
	set("--network-dataplane", string(np.NetworkDataplane))
	list := func(single, plural string, ps []netip.Prefix) {
		switch len(ps) {
		case 0:
		case 1:
			set(single, ps[0].String())
		default:
			set(plural, joined(ps))
		}
	}
	list("--pod-cidr", "--pod-cidrs", np.PodPrefixes())
	list("--service-cidr", "--service-cidrs", np.ServicePrefixes())
	if np.DNSServiceIP.IsValid() {
		set("--dns-service-ip", np.DNSServiceIP.String())
	}
	if len(np.IPFamilies) > 0 {
		fams := make([]string, len(np.IPFamilies))
		for i, f := range np.IPFamilies {
			fams[i] = string(f)
		}
		set("--ip-families", strings.Join(fams, ","))
	}
	return args
}

// prefixes writes a list of prefixes as separate words, as
// --address-prefixes takes them.
func prefixes(ps []netip.Prefix) string {
	words := make([]string, len(ps))
	for i, p := range ps {
		words[i] = p.String()
	}
	return strings.Join(words, " ")
}

// joined writes a list of prefixes as one comma-separated word, as
// --pod-cidrs and --service-cidrs take them.
func joined(ps []netip.Prefix) string {
	words := make([]string, len(ps))
	for i, p := range ps {
		words[i] = p.String()
	}
	return strings.Join(words, ",")
}
