package main

import (
	"fmt"
	"strings"

	"github.com/cidrplan/cidrplan/sizing"
)

// Longest pool names AKS takes (ipam's AgentPoolName check has the same).
const (
	linuxPoolNameMax   = 12
	windowsPoolNameMax = 6
)

// checkPoolName refuses a --name AKS would refuse for a pool of osType:
// lowercase letters and digits, starting with a letter, at most 12
// characters (6 for Windows).
func checkPoolName(name string, osType sizing.OSType) error {
	limit, os := linuxPoolNameMax, "Linux"
	if osType == sizing.Windows {
		limit, os = windowsPoolNameMax, "Windows"
	}
	var why string
	switch {
	case name == "":
		why = "empty"
	case name[0] < 'a' || name[0] > 'z':
		why = "does not start with a lowercase letter"
	case strings.IndexFunc(name, func(r rune) bool { return !('a' <= r && r <= 'z' || '0' <= r && r <= '9') }) >= 0:
		why = "holds characters other than lowercase letters and digits"
	case len(name) > limit:
		why = fmt.Sprintf("has %d characters", len(name))
	default:
		return nil
	}
	return fmt.Errorf("--name %q: %s; AKS takes lowercase letters and digits, starting with a letter, at most %d characters for a %s pool",
		name, why, limit, os)
}
