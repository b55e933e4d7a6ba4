package addrmap

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// naivePlaceLabels is placeLabels with a plain slice of rows: the reference
// the segment tree must agree with.
func naivePlaceLabels(labels []label) []int {
	order := make([]int, len(labels))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case labels[a].x > labels[b].x:
			return -1
		case labels[a].x < labels[b].x:
			return 1
		}
		return 0
	})
	rows := make([]int, len(labels))
	var rowLeft []float64
	for _, i := range order {
		l := labels[i]
		start := labelStart(l)
		row := slices.IndexFunc(rowLeft, func(left float64) bool { return start+textWidth(l.text)+8 <= left })
		if row < 0 {
			row = len(rowLeft)
			rowLeft = append(rowLeft, math.Inf(1))
		}
		for r := range row {
			rowLeft[r] = min(rowLeft[r], l.x)
		}
		rowLeft[row] = min(start, l.x)
		rows[i] = row
	}
	return rows
}

func randomLabels(r *rand.Rand, n int) []label {
	labels := make([]label, n)
	for i := range labels {
		x := svgMargin + r.Float64()*barWidth
		if r.IntN(4) == 0 { // clusters of labels at one anchor, as for tiny subnets
			x = svgMargin + float64(r.IntN(8))*barWidth/8
		}
		labels[i] = label{x: round2(x), text: strings.Repeat("n", r.IntN(40)) + strconv.Itoa(i)}
		if r.IntN(50) == 0 {
			labels[i].text = strings.Repeat("w", 200) // wider than the drawing
		}
	}
	return labels
}

func TestPlaceLabelsMatchesNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 3, 7, 40, 300, 2000} {
		reps := 20
		if n > 300 {
			reps = 2
		}
		for range reps {
			labels := randomLabels(r, n)
			if diff := cmp.Diff(naivePlaceLabels(labels), placeLabels(labels)); diff != "" {
				t.Fatalf("n=%d: placeLabels rows differ from the naive placement (-want +got):\n%s", n, diff)
			}
		}
	}
}

func BenchmarkPlaceLabels(b *testing.B) {
	for _, n := range []int{1000, 100000} {
		labels := randomLabels(rand.New(rand.NewPCG(1, 2)), n)
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				placeLabels(labels)
			}
		})
	}
}

// TestLeaderLinesCrossNoLabel checks the promise of placeLabels on random
// labels, many of them near the right edge with texts longer than the room
// left there: no label's leader line runs through the text of a label in a
// row above its own (the line may touch the two pixels a text starts left
// of its own anchor).
func TestLeaderLinesCrossNoLabel(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{2, 7, 40, 300} {
		for range 20 {
			labels := randomLabels(r, n)
			for i := range labels {
				if r.IntN(3) == 0 {
					labels[i].x = round2(svgWidth - svgMargin - r.Float64()*80)
				}
			}
			rows := placeLabels(labels)
			for i, l := range labels {
				for j, m := range labels {
					if start := labelStart(m); rows[j] < rows[i] && start < l.x-2.5 && l.x < start+textWidth(m.text) {
						t.Fatalf("n=%d: the line of %q (x %g, row %d) crosses %q (%g to %g, row %d)",
							n, l.text, l.x, rows[i], m.text, start, start+textWidth(m.text), rows[j])
					}
				}
			}
		}
	}
}
