package sizing

import "fmt"

// Words says how the pools of an upgrade under m pass through it, for
// messages and tables: "one pool at a time" (the empty model is the
// default, sequential) or "every pool surging at once".
func (m UpgradeModel) Words() string {
	if m == UpgradeSimultaneous {
		return "every pool surging at once"
	}
	return "one pool at a time"
}

// PeakWords names the peak of an upgrade under m: "the peak of a
// sequential upgrade (one pool at a time)", "every pool surging at once
// (simultaneous upgrade)".
func (m UpgradeModel) PeakWords() string {
	if m == UpgradeSimultaneous {
		return m.Words() + " (simultaneous upgrade)"
	}
	return "the peak of a sequential upgrade (" + m.Words() + ")"
}

// Words names bound b with the limit that sets it for a cluster of network
// n under defaults d, for a front end that says why a pool can grow no
// further: "the node subnet" is the range's own title and not b's, so
// BoundAddresses gives ""; the others name the limit and its number:
// "AKS's 1,000 nodes per pool, surge included", "at most 5,000 nodes with
// Azure CNI Overlay [D]", "kubenet's route table: 400 routes at the
// upgrade peak".
func (b Bound) Words(n Network, d Defaults) string {
	switch b {
	case BoundPoolLimit:
		return fmt.Sprintf("AKS's %s nodes per pool, surge included", grouped(MaxPoolNodes))
	case BoundClusterLimit:
		limit, scope := n.NodeLimit(d)
		return fmt.Sprintf("at most %s nodes %s", grouped(limit), scope)
	case BoundRoutes:
		return fmt.Sprintf("kubenet's route table: %s routes at the upgrade peak", grouped(MaxRoutes))
	}
	return ""
}
