package planfile

import (
	"reflect"

	"github.com/cidrplan/cidrplan/sizing"
)

// enumOf returns the key and the accepted spellings of the string
// enumerations that have no UnmarshalText of their own: sizing's network
// profile and pool enumerations, which a plan uses as they are. The
// spellings are sizing's lists.
func enumOf(t reflect.Type) (key string, values []string, ok bool) {
	switch t {
	case reflect.TypeFor[sizing.Model]():
		var models []sizing.Model
		for _, s := range sizing.Models() {
			models = append(models, s.Model)
		}
		return "model", strs(models), true
	case reflect.TypeFor[sizing.NetworkPlugin]():
		return "networkPlugin", strs(sizing.NetworkPlugins()), true
	case reflect.TypeFor[sizing.NetworkPluginMode]():
		return "networkPluginMode", strs(sizing.NetworkPluginModes()), true
	case reflect.TypeFor[sizing.NetworkDataplane]():
		return "networkDataplane", strs(sizing.NetworkDataplanes()), true
	case reflect.TypeFor[sizing.NetworkPolicy]():
		return "networkPolicy", strs(sizing.NetworkPolicies()), true
	case reflect.TypeFor[sizing.IPFamily]():
		return "ipFamilies", strs(sizing.IPFamilies()), true
	case reflect.TypeFor[sizing.OSType]():
		return "osType", strs(sizing.OSTypes()), true
	case reflect.TypeFor[sizing.PoolMode]():
		return "mode", strs(sizing.PoolModes()), true
	case reflect.TypeFor[sizing.PodIPAllocationMode]():
		return "podIpAllocationMode", strs(sizing.PodIPAllocationModes()), true
	case reflect.TypeFor[sizing.UpgradeModel]():
		return "upgrade", strs(sizing.UpgradeModels()), true
	}
	return "", nil, false
}

func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}
