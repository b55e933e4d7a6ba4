package suite

import "github.com/cidrplan/cidrplan/bench/internal/workload"

// Skip says why op is not measured for the implementation called impl on a
// plan of the given kind and size, or returns "" if it is.
func Skip(op Op, impl string, kind workload.Kind, n int) string {
	random := kind == workload.RandomV4 || kind == workload.RandomMixed
	conflicts := op == Conflicts || op == ConflictsBuilt
	switch {
	case impl == "naive" && conflicts && n > 10_000:
		return "pairwise comparison is O(n²): not run above n=10000"
	case conflicts && random && n > 100_000:
		return "random plans above n=1e5 hold ~3e8 overlapping pairs: only the pair loop would be measured"
	}
	return ""
}
