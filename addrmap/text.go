package addrmap

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/cidrplan/cidrplan/ipam"
)

// ErrWidth is returned by [Text] for a chart narrower than MinTextWidth.
var ErrWidth = errors.New("addrmap: chart width too small")

// MinTextWidth is the narrowest bar [Text] draws, in characters.
const MinTextWidth = 16

// Text writes the address map as a terminal bar chart: one bar of width
// characters per band under a heading with its size (and a VNet space's
// free addresses in all), each cell showing the letter of the innermost
// range that touches it ('.' free, 'X' overlap), followed by the ranges,
// the overlaps and a legend of what the chart shows. width < MinTextWidth returns ErrWidth; otherwise
// it returns the first write error.
func Text(w io.Writer, p *ipam.Plan, width int) error {
	if width < MinTextWidth {
		return fmt.Errorf("%w: %d (want at least %d)", ErrWidth, width, MinTextWidth)
	}
	bw := bufio.NewWriter(w)
	bands := layout(p)
	if len(bands) == 0 {
		bw.WriteString("no address ranges in the plan\n")
	}
	for i := range bands {
		b := &bands[i]
		if i > 0 {
			bw.WriteString("\n")
		}
		fmt.Fprintf(bw, "%s\n", printable(b.heading()))
		fmt.Fprintf(bw, "  |%s|\n", bar(b, width))
		tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
		for _, it := range b.items {
			fmt.Fprintf(tw, "  %c\t%s\t%s\t%s\t%s addresses\n", it.role.style().letter, it.prefix, printable(it.label), printable(it.detail), countText(it.rng()))
		}
		for _, o := range b.overlaps {
			fmt.Fprintf(tw, "  X\t%s\t%s ∩ %s\t%s\t%s addresses\n", rangeText(o.rng), printable(o.a), printable(o.b), o.code, countText(o.rng))
		}
		tw.Flush()
	}
	if len(bands) > 0 {
		fmt.Fprintf(bw, "\nlegend: %s\n", textLegend(legendOf(bands)))
	}
	return bw.Flush()
}

func textLegend(l legend) string {
	var entries []string
	for _, r := range l.roles {
		entries = append(entries, fmt.Sprintf("%c %s", r.style().letter, r))
	}
	if l.free {
		entries = append(entries, ". free")
	}
	if l.overlap {
		entries = append(entries, "X overlap")
	}
	return strings.Join(entries, ", ")
}

// bar draws one band as width cells. A range marks every cell it touches, so
// a /29 in a /8 still shows as one letter; deeper lanes (nested ranges) win
// over the ranges they sit in, and an overlap wins over everything.
func bar(b *band, width int) string {
	cells := []byte(strings.Repeat(".", width))
	lanes := make([]int, width)
	touches := func(lo, hi float64, c int) bool {
		return lo < float64(c+1)/float64(width) && hi > float64(c)/float64(width)
	}
	for _, it := range b.items {
		for c := cellOf(it.lo, width); c < width && touches(it.lo, it.hi, c); c++ {
			if cells[c] == '.' || it.lane >= lanes[c] {
				cells[c], lanes[c] = it.role.style().letter, it.lane
			}
		}
	}
	for _, o := range b.overlaps {
		for c := cellOf(o.lo, width); c < width && touches(o.lo, o.hi, c); c++ {
			cells[c] = 'X'
		}
	}
	return string(cells)
}

func cellOf(frac float64, width int) int {
	return min(max(int(frac*float64(width)), 0), width-1)
}
