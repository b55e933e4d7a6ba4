package ipam

import (
	"cmp"
	"slices"
)

// forEachConflict calls f(i, j) once for every unordered pair of ranges
// that share an address.
func forEachConflict(ranges []planRange, f func(i, j int)) {
	order := make([]int, len(ranges))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		pa, pb := ranges[a].prefix, ranges[b].prefix
		return cmp.Or(pa.Addr().Compare(pb.Addr()), cmp.Compare(pa.Bits(), pb.Bits()), cmp.Compare(a, b))
	})
	// Prefixes are nested or disjoint: in (address, shorter first) order a
	// stack holds exactly the prefixes containing the current one.
	var stack []int
	for _, i := range order {
		p := ranges[i].prefix
		for len(stack) > 0 {
			top := ranges[stack[len(stack)-1]].prefix
			if top.Addr().BitLen() == p.Addr().BitLen() && top.Contains(p.Addr()) {
				break
			}
			stack = stack[:len(stack)-1]
		}
		for _, j := range stack {
			f(j, i)
		}
		stack = append(stack, i)
	}
}
