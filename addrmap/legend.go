package addrmap

// legend is what a map's legend lists: the roles of the ranges drawn, in
// legend order, free space if any band has some, and the overlap mark if
// any overlap is marked. Every writer lists exactly these, so a legend
// never explains a colour the map does not use.
type legend struct {
	roles   []Role
	free    bool
	overlap bool
}

func legendOf(bands []band) legend {
	var used [roleCount]bool
	var l legend
	for i := range bands {
		b := &bands[i]
		for _, it := range b.items {
			if it.role >= 0 && it.role < roleCount {
				used[it.role] = true
			}
		}
		l.free = l.free || len(b.gaps) > 0
		l.overlap = l.overlap || len(b.overlaps) > 0
	}
	for r := range roleCount {
		if used[r] {
			l.roles = append(l.roles, r)
		}
	}
	return l
}

// Legend names of the two marks that are not roles.
const (
	legendFree    = "free space"
	legendOverlap = "overlap that check reports"
)
