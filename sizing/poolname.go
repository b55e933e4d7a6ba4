package sizing

import (
	"fmt"
	"strings"
)

// Longest node pool names AKS accepts: Windows node names derive from the
// pool name, so Windows pools get fewer characters.
const (
	MaxLinuxPoolName   = 12
	MaxWindowsPoolName = 6
)

// MaxPoolNameLen returns the longest pool name AKS accepts for a pool of os.
func MaxPoolNameLen(os OSType) int {
	if os == Windows {
		return MaxWindowsPoolName
	}
	return MaxLinuxPoolName
}

// PoolNameProblem says what is wrong with a pool name AKS would reject, or
// returns "" when AKS accepts it. AKS takes lowercase letters and digits,
// starting with a letter, at most MaxPoolNameLen(os) characters.
func PoolNameProblem(name string, os OSType) string {
	switch {
	case name == "":
		return "is empty"
	case name[0] < 'a' || name[0] > 'z':
		return "does not start with a lowercase letter"
	case strings.IndexFunc(name, func(r rune) bool { return !('a' <= r && r <= 'z' || '0' <= r && r <= '9') }) >= 0:
		return "holds characters other than lowercase letters and digits"
	case len(name) > MaxPoolNameLen(os):
		return fmt.Sprintf("has %d characters", len(name))
	}
	return ""
}
