package main

import (
	"fmt"

	"github.com/cidrplan/cidrplan/ipam"
)

// warnings lists what the size answer should say beside its numbers: the
// rules that the plan meets but only in part, which ipam reports as
// warnings too.
func (res *sizeResult) warnings() []string {
	var out []string
	if rr := res.PodSubnet; rr != nil && rr.Fits != nil && *rr.Fits && rr.AddressesAllPods != nil && rr.Usable.Less(*rr.AddressesAllPods) {
		// The same rule as ipam's PodSubnetCannotHoldMaxPods: pods get
		// addresses in whole batches of 16.
		out = append(out, fmt.Sprintf(
			"warning: pod subnet %s gives pods addresses in batches of 16: its %s usable addresses address at most %s pods, while nodes running %d pods each need %s at %s (%s); model: %s",
			rr.Prefix, commas(*rr.Usable), commas(*rr.AddressablePods), res.MaxPods, commas(*rr.AddressesAllPods),
			res.upgrade.Model.PeakWords(), ipam.CodePodSubnetBelowMaxPods, modelName(res.Model)))
	}
	return out
}
