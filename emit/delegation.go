package emit

import "strings"

// Delegation is a subnet delegation as the forms write it.
type Delegation struct {
	// Name is the delegation's own name: the service with "/" written as
	// ".", as the Azure portal names delegations.
	Name string
	// Service is the delegated service, e.g.
	// Microsoft.ContainerService/managedClusters.
	Service string
	// Actions are the actions Azure grants the service on the subnet, for
	// the services whose actions are known; nil otherwise (Azure then fills
	// them in).
	Actions []string
}

// DelegationOf returns the delegation of a subnet delegated to service; ok
// is false when service is empty (the subnet is not delegated).
func DelegationOf(service string) (d Delegation, ok bool) {
	if service == "" {
		return Delegation{}, false
	}
	d = Delegation{Name: strings.ReplaceAll(service, "/", "."), Service: service}
	switch service {
	case "Microsoft.ContainerService/managedClusters", // API server VNet integration
		"Microsoft.ServiceNetworking/trafficControllers": // Application Gateway for Containers
		d.Actions = []string{"Microsoft.Network/virtualNetworks/subnets/join/action"}
	}
	return d, true
}
