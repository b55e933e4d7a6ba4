package ipam

import (
	"strings"

	"github.com/cidrplan/cidrplan/sizing"
)

// checkValues reports enumeration values that a Go-built plan may carry
// but a plan file could not hold: subnet purpose, avoid-range source, and
// the network policy, which sizing lists but does not size. (sizing's other
// enumerations are checked with the network model.)
func checkValues(v *validation) {
	for _, sv := range v.subnets {
		if p := sv.s.Purpose; p != "" {
			var x Purpose
			if err := x.UnmarshalText([]byte(p)); err != nil {
				v.invalidValue(sv.field("purpose"), err)
			}
		}
	}
	for i := range v.plan.Avoid {
		a := &v.plan.Avoid[i]
		var x Source
		if err := x.UnmarshalText([]byte(a.Source)); err != nil {
			v.invalidValue(elemPath("avoid", a.Name, i)+".source", err)
		}
	}
	for _, cv := range v.clusters {
		if kv := cv.c.KubernetesVersion; kv != "" && !validKubernetesVersion(kv) {
			v.errorf(CodeInvalidKubernetesVersion, cv.field("kubernetesVersion"),
				"write the version as major.minor or major.minor.patch, e.g. 1.33 or 1.33.2",
				"cluster %q has kubernetesVersion %q, which is not a Kubernetes version; version-dependent checks are skipped",
				cv.c.Name, kv)
		}
		if np := cv.c.NetworkProfile.NetworkPolicy; np != "" {
			var x NetworkPolicy
			if err := setEnum(&x, "networkPolicy", []byte(np), sizing.NetworkPolicies()...); err != nil {
				v.invalidValue(cv.field("networkProfile.networkPolicy"), err)
			}
		}
	}
}

func (v *validation) invalidValue(field string, err error) {
	var allowed string
	if e, ok := err.(*EnumError); ok {
		allowed = strings.Join(e.Allowed, ", ")
	}
	v.errorf(CodeInvalidValue, field, "use one of "+allowed, "%v", err)
}

// validKubernetesVersion reports whether s reads major.minor or
// major.minor.patch, with an optional leading "v" (1.33, 1.33.2, v1.33.2):
// the forms version-dependent checks understand.
func validKubernetesVersion(s string) bool {
	parts := strings.Split(strings.TrimPrefix(s, "v"), ".")
	if len(parts) < 2 || len(parts) > 3 {
		return false
	}
	for _, p := range parts {
		if p == "" || len(p) > 9 || strings.Trim(p, "0123456789") != "" {
			return false
		}
	}
	return true
}
