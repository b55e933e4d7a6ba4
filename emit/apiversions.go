package emit

// APIVersions returns the Azure API version the Bicep and ARM forms pin,
// by resource type. They are pinned so that the same plan always emits the
// same template; each is a generally available version that has every
// property the forms write (podIPAllocationMode, networkDataplane, dual-stack
// podCidrs and serviceCidrs, subnet addressPrefixes and delegations). The
// map is new on every call.
func APIVersions() map[string]string {
	return map[string]string{
		TypeVNet:    "2024-05-01",
		TypeCluster: "2025-01-01",
	}
}

// The Azure resource types the forms write.
const (
	TypeVNet    = "Microsoft.Network/virtualNetworks"
	TypeSubnet  = "Microsoft.Network/virtualNetworks/subnets"
	TypeCluster = "Microsoft.ContainerService/managedClusters"
)
