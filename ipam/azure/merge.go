package azure

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/cidrplan/cidrplan/ipam"
)

// vnetKey is the key VNets are merged and looked up under: the ID when
// known, else the name (templates and hand-written exports carry no ID).
func vnetKey(v *VNet) string {
	if v.ID != "" {
		return idKey(v.ID)
	}
	return nameKey(v.Name)
}

// mergeVNets folds VNets that share a key into one: two exports of the same
// VNet (az network vnet show and list, a Terraform subnet and the VNet it
// belongs to) must agree on what both state. Order is first appearance.
func mergeVNets(in []VNet) ([]VNet, error) {
	var out []VNet
	at := make(map[string]int)
	for _, v := range in {
		v.Subnets = slices.Clone(v.Subnets)
		v.SubnetIDs = slices.Clone(v.SubnetIDs)
		v.fields = maps.Clone(v.fields)
		k := vnetKey(&v)
		i, seen := at[k]
		if !seen {
			at[k] = len(out)
			out = append(out, v)
			continue
		}
		if err := mergeVNet(&out[i], &v); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func mergeVNet(dst, src *VNet) error {
	conflict := func(what string, a, b any) error {
		return &Error{File: src.At.File, Path: src.At.Path, Kind: ErrConflict, Value: src.Name,
			Detail: fmt.Sprintf("%s is %v here but %v in %s", what, b, a, dst.At)}
	}
	switch {
	case len(src.AddressSpace) == 0:
	case len(dst.AddressSpace) == 0:
		dst.AddressSpace = src.AddressSpace
	case !sameSet(dst.AddressSpace, src.AddressSpace):
		return conflict("the address space", dst.AddressSpace, src.AddressSpace)
	}
	dst.Partial = dst.Partial && src.Partial
	if dst.ID == "" {
		dst.ID = src.ID
	}
	if dst.ResourceGroup == "" {
		dst.ResourceGroup = src.ResourceGroup
	}
	for j, s := range src.Subnets {
		i := slices.IndexFunc(dst.Subnets, func(d ipam.Subnet) bool { return strings.EqualFold(d.Name, s.Name) })
		if i < 0 {
			dst.Subnets = append(dst.Subnets, s)
			dst.SubnetIDs = append(dst.SubnetIDs, src.SubnetIDs[j])
			continue
		}
		d := &dst.Subnets[i]
		switch {
		case len(s.AddressPrefixes) == 0:
		case len(d.AddressPrefixes) == 0:
			d.AddressPrefixes = s.AddressPrefixes
		case !sameSet(d.AddressPrefixes, s.AddressPrefixes):
			return conflict(fmt.Sprintf("subnet %q", s.Name), d.AddressPrefixes, s.AddressPrefixes)
		}
		switch {
		case s.Delegation == "" || strings.EqualFold(d.Delegation, s.Delegation):
		case d.Delegation == "":
			d.Delegation = s.Delegation
		default:
			return conflict(fmt.Sprintf("the delegation of subnet %q", s.Name), d.Delegation, s.Delegation)
		}
		if d.Purpose == "" {
			d.Purpose = s.Purpose
		}
		d.Consumers.PrivateEndpoints = max(d.Consumers.PrivateEndpoints, s.Consumers.PrivateEndpoints)
		if dst.SubnetIDs[i] == "" {
			dst.SubnetIDs[i] = src.SubnetIDs[j]
		}
	}
	dst.fields.merge(src.fields)
	for _, p := range src.Peerings {
		if !slices.ContainsFunc(dst.Peerings, func(q Peering) bool { return strings.EqualFold(q.Name, p.Name) }) {
			dst.Peerings = append(dst.Peerings, p)
		}
	}
	return nil
}

// sameSet reports whether a and b hold the same elements, ignoring order
// and repeats.
func sameSet[T comparable](a, b []T) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	for _, x := range b {
		if !slices.Contains(a, x) {
			return false
		}
	}
	return true
}
