package ipam

// checkModel checks the model rules: OS and plugin combinations, VNets, delegation, special subnets, dual-stack.
func checkModel(v *validation) {}
