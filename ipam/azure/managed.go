package azure

import (
	"strconv"
	"strings"

	"github.com/cidrplan/cidrplan/ipam"
)

// onManagedVNet reports whether every pool of c names no node subnet: the
// cluster is on the VNet AKS manages in its node resource group.
func onManagedVNet(c *Cluster) bool {
	if len(c.Pools) == 0 {
		return false
	}
	for _, p := range c.Pools {
		if !p.NoSubnet {
			return false
		}
	}
	return true
}

// managedVNet returns the "vnet/subnet" reference of the node subnet of a
// cluster on the AKS-managed VNet: the imported VNet aks-vnet-… of its node
// resource group when there is one (names are the plan names of vnets),
// else an assumed one ([ipam.ManagedVNet]) named after the cluster, which it
// also returns for the plan to add. taken holds the VNet names in use and
// gains the new one.
func managedVNet(c *Cluster, cname string, vnets []VNet, names []string, taken map[string]bool) (string, *ipam.VNet) {
	for i, v := range vnets {
		if c.NodeResourceGroup == "" || !strings.EqualFold(v.ResourceGroup, c.NodeResourceGroup) ||
			!strings.HasPrefix(strings.ToLower(v.Name), ipam.ManagedVNetPrefix) {
			continue
		}
		subnet := ipam.ManagedSubnetName
		if len(v.Subnets) == 1 {
			subnet = v.Subnets[0].Name
		}
		return names[i] + "/" + subnet, nil
	}
	name := ipam.ManagedVNetPrefix + cname
	for n := 2; taken[name]; n++ {
		name = ipam.ManagedVNetPrefix + cname + "-" + strconv.Itoa(n)
	}
	taken[name] = true
	v := ipam.ManagedVNet(name)
	return name + "/" + ipam.ManagedSubnetName, &v
}
