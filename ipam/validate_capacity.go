package ipam

// checkCapacity checks subnets and pod CIDRs against sizing's demand at the upgrade peak, and the node and pool limits.
func checkCapacity(v *validation) {}
