package main

import (
	"fmt"

	"github.com/cidrplan/cidrplan/sizing"
)

// checkPoolName refuses a --name AKS would refuse for a pool of osType
// (see sizing.PoolNameProblem).
func checkPoolName(name string, osType sizing.OSType) error {
	why := sizing.PoolNameProblem(name, osType)
	if why == "" {
		return nil
	}
	os := "Linux"
	if osType == sizing.Windows {
		os = "Windows"
	}
	return fmt.Errorf("--name %q: %s; AKS takes lowercase letters and digits, starting with a letter, at most %d characters for a %s pool",
		name, why, sizing.MaxPoolNameLen(osType), os)
}
