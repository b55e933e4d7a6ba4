package main

import (
	"fmt"

	"github.com/cidrplan/cidrplan/sizing"
)

// modelName describes a network model in words: its spec's label.
func modelName(m sizing.Model) string {
	if l := m.Spec().Label; l != "" {
		return l
	}
	return string(m)
}

// writeSizeTable prints the size result with its arithmetic spelled out.
func writeSizeTable(e *env, res *sizeResult) error {
	w := e.stdout
	fmt.Fprintf(w, "Pool %s (%s): %s, %s\n", res.Pool, res.Mode, res.OSType, modelName(res.Model))
	counted := plural(res.Nodes, "node", "nodes")
	if res.Autoscaled {
		counted += " (autoscaler maximum)"
	}
	maxSurge := res.MaxSurge
	if !res.surge.IsPercent() && res.surge.Value() > res.Surge {
		maxSurge += ", capped at the pool" // sizing's Surge.Nodes
	}
	fmt.Fprintf(w, "At the upgrade peak: %s + %s surge (maxSurge %s) + %s scale-out = %s\n",
		counted, commasInt(res.Surge), maxSurge, commasInt(res.ScaleOut), plural(res.PeakNodes, "node", "nodes"))
	if res.PeakRoutes != nil {
		verdict := "fits"
		if *res.PeakRoutes > *res.RouteLimit {
			verdict = "does not fit"
		}
		fmt.Fprintf(w, "Routes at the upgrade peak: %s, one per node, of the route table's %s: %s\n",
			commasInt(*res.PeakRoutes), commasInt(*res.RouteLimit), verdict)
	}
	given := 0
	for _, rr := range res.ranges() {
		if rr.Prefix != nil {
			given++
		}
		title := upper(rr.key.Kind.Title())
		if rr.key.Family == sizing.IPv6 {
			title += " (IPv6)"
		}
		fmt.Fprintf(w, "\n%s\n", e.paint(bold, title))
		tw := newTable(w)
		fmt.Fprintf(tw, "  per node\t%s\n", perNodeWords(res, rr))
		needed := fmt.Sprintf("(%s + %s surge + %s scale-out) × %s = %s",
			plural(res.Nodes, "node", "nodes"), commasInt(res.Surge), commasInt(res.ScaleOut), commas(rr.PerNode),
			commas(rr.PerNode.Mul64(uint64(res.PeakNodes))))
		if rr.Other > 0 {
			needed += fmt.Sprintf(" + %s internal load balancer IPs = %s", commasInt(rr.Other), commas(rr.Addresses))
		}
		fmt.Fprintf(tw, "  addresses needed\t%s\n", needed)
		if rr.AddressesAllPods != nil {
			full := res.Model.Spec().PodSubnetAddrsAllPods(res.MaxPods)
			fmt.Fprintf(tw, "  with every node full\t%s pods in whole batches of 16 = %s per node: %s\n",
				commasInt(res.MaxPods), commasInt(full), commas(*rr.AddressesAllPods))
		}
		fmt.Fprintf(tw, "  smallest %s\t%s\n", rr.key.Kind.Title(), prefixWords(res, rr, rr.MinPrefixLength))
		if rr.Prefix != nil {
			fmt.Fprintf(tw, "  %s\t%s\n", rr.Prefix, fitWords(res, rr))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if res.MaxNodes != nil && given > 1 { // with one range, its line says it
		fmt.Fprintf(w, "\nThe pool fits at most %s, %s, in the given ranges (limited by %s).\n",
			plural(*res.MaxNodes, "node", "nodes"), plural(*res.Pods, "pod", "pods"), limitWords(res, res.limitedBy))
	}
	if len(res.Assumptions) > 0 {
		fmt.Fprintf(w, "\nAssumed (set the flag to choose):\n")
		tw := newTable(w)
		for _, a := range res.Assumptions {
			name := a.Field
			if f := sizeFlag(a.Field); f != "" {
				name = "--" + f
			}
			fmt.Fprintf(tw, "  %s %s\t%s\n", name, a.Value, a.Note)
		}
		return tw.Flush()
	}
	return nil
}

// perNodeWords explains what one node costs in a range: the model's
// formula (sizing's PerNodeWords) and the count.
func perNodeWords(res *sizeResult, rr *rangeResult) string {
	unit := " addresses"
	if rr.PerNode == sizing.CountFrom64(1) {
		unit = " address"
	}
	return res.Model.Spec().PerNodeWords(rr.key.Kind, rr.key.Family, res.MaxPods) + " = " + commas(rr.PerNode) + unit
}

// prefixWords explains the usable size of a prefix of length bits.
func prefixWords(res *sizeResult, rr *rangeResult, bits int) string {
	if bits < 0 {
		return "none: the demand exceeds the whole address space"
	}
	addrBits := 32
	if rr.key.Family == sizing.IPv6 {
		addrBits = 128
	}
	size := pow2(addrBits - bits)
	if s := res.Model.Spec(); rr.key.Kind == sizing.PodSubnet && s.PodSubnet == sizing.StaticBlock {
		blocks := pow2(sizing.StaticBlockBits - bits)
		usable := blocks.Sub(sizing.CountFrom64(2))
		return fmt.Sprintf("/%d (%s /%d blocks − 2 that hold Azure's reserved addresses = %s × %d = %s usable)", bits,
			commas(blocks), sizing.StaticBlockBits, commas(usable), s.PodSubnetUnit, commas(usable.Mul64(uint64(s.PodSubnetUnit))))
	}
	if rr.Reserved == 0 {
		return fmt.Sprintf("/%d (%s addresses)", bits, commas(size))
	}
	return fmt.Sprintf("/%d (%s addresses − %d reserved by Azure = %s usable)", bits, commas(size), rr.Reserved,
		commas(size.Sub(sizing.CountFromInt(rr.Reserved))))
}

// fitWords says whether the pool fits a given prefix, how many nodes fit,
// and the headroom.
func fitWords(res *sizeResult, rr *rangeResult) string {
	s := commas(*rr.Usable) + " usable: "
	if *rr.Fits {
		s += fmt.Sprintf("fits, %s addresses to spare", commas(*rr.Headroom))
	} else {
		s += fmt.Sprintf("does not fit, %s short", commas(rr.Addresses.Sub(*rr.Usable)))
	}
	if rr.MaxNodes == nil {
		return s
	}
	n := *rr.MaxNodes
	if n == 0 && rr.LimitedBy == sizing.BoundAddresses {
		one := 1 + res.surge.Nodes(1+res.ScaleOut) + res.ScaleOut
		return s + fmt.Sprintf("; no node fits (1 node at the upgrade peak takes %s)",
			commas(rr.PerNode.Mul64(uint64(one)).Add(sizing.CountFromInt(rr.Other))))
	}
	surge := res.surge.Nodes(n + res.ScaleOut)
	need := rr.PerNode.Mul64(uint64(n + surge + res.ScaleOut)).Add(sizing.CountFromInt(rr.Other))
	s += fmt.Sprintf("; at most %s, %s", plural(n, "node", "nodes"), plural(*rr.Pods, "pod", "pods"))

	switch rr.LimitedBy {
	case sizing.BoundAddresses:
		s += fmt.Sprintf(" ((%s + %d surge + %d scale-out) × %s", commasInt(n), surge, res.ScaleOut, commas(rr.PerNode))
		if rr.Other > 0 {
			s += fmt.Sprintf(" + %d", rr.Other)
		}
		s += " = " + commas(need) + ")"
	case sizing.BoundPoolLimit, sizing.BoundClusterLimit:
		s += " (" + rr.LimitedBy.Words(res.cluster.Network, res.cluster.Defaults) + ")"
	case sizing.BoundRoutes:
		s += fmt.Sprintf(" (kubenet's route table holds %s routes, one per node: %s + %d surge + %d scale-out take %s)",
			commasInt(*res.RouteLimit), commasInt(n), surge, res.ScaleOut, commasInt(n+surge+res.ScaleOut))
	}
	if rr.AddressablePods != nil && *rr.Pods < n*res.MaxPods {
		s += fmt.Sprintf("; pods get addresses in whole batches of 16: %s pods", commas(*rr.AddressablePods))
	}
	return s
}

// limitWords names what limits the pool in range rr: the range itself, or
// the AKS limit that binds first, in sizing's words (Bound.Words).
func limitWords(res *sizeResult, rr *rangeResult) string {
	if w := rr.LimitedBy.Words(res.cluster.Network, res.cluster.Defaults); w != "" {
		return w
	}
	return "the " + rr.key.Kind.Title()
}

// upper returns s in capitals (ASCII).
func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}
