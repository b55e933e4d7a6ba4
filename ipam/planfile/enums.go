package planfile

import (
	"reflect"

	"github.com/cidrplan/cidrplan/sizing"
)

// enumOf returns the key and the accepted spellings of the string
// enumerations that have no UnmarshalText of their own: sizing's network
// profile and pool enumerations, which a plan uses as they are.
func enumOf(t reflect.Type) (key string, values []string, ok bool) {
	switch t {
	case reflect.TypeFor[sizing.Model]():
		return "model", strs(sizing.ModelNodeSubnet, sizing.ModelPodSubnetDynamic, sizing.ModelPodSubnetStatic,
			sizing.ModelOverlay, sizing.ModelKubenet, sizing.ModelNone), true
	case reflect.TypeFor[sizing.NetworkPlugin]():
		return "networkPlugin", strs(sizing.PluginAzure, sizing.PluginKubenet, sizing.PluginNone), true
	case reflect.TypeFor[sizing.NetworkPluginMode]():
		return "networkPluginMode", strs(sizing.PluginModeOverlay), true
	case reflect.TypeFor[sizing.NetworkDataplane]():
		return "networkDataplane", strs(sizing.DataplaneAzure, sizing.DataplaneCilium), true
	case reflect.TypeFor[sizing.IPFamily]():
		return "ipFamilies", strs(sizing.IPv4, sizing.IPv6), true
	case reflect.TypeFor[sizing.OSType]():
		return "osType", strs(sizing.Linux, sizing.Windows), true
	case reflect.TypeFor[sizing.PodIPAllocationMode]():
		return "podIpAllocationMode", strs(sizing.DynamicIndividual, sizing.StaticBlock), true
	}
	return "", nil, false
}

func strs[T ~string](vs ...T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}
