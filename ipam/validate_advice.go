package ipam

// checkAdvice adds the AKS networking best-practice advisories.
func checkAdvice(v *validation) {}
