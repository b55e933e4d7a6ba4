package ipam

import (
	"fmt"
	"strings"
)

// PeakWords says which upgrade model produced the ranges' Peak, for the
// line under a report's table: "the peak of a sequential upgrade (one pool
// at a time)" when every cluster upgrades alike, else each cluster's
// model: "cluster a: the peak of a sequential upgrade (one pool at a
// time); cluster b: every pool surging at once (simultaneous upgrade)".
// It is "" for a plan without clusters.
func (r Report) PeakWords() string {
	var parts []string
	same := true
	for i, c := range r.Upgrade.Clusters {
		if i > 0 && c.Model != r.Upgrade.Clusters[0].Model {
			same = false
		}
		parts = append(parts, fmt.Sprintf("cluster %s: %s", c.Name, c.Model.PeakWords()))
	}
	switch {
	case len(parts) == 0:
		return ""
	case same:
		return r.Upgrade.Clusters[0].Model.PeakWords()
	}
	return strings.Join(parts, "; ")
}
