package addrmap

import (
	"bufio"
	"fmt"
	"io"
	"slices"

	"github.com/cidrplan/cidrplan/ipam"
)

// Geometry of the drawing, in SVG user units (pixels at 100%).
const (
	svgWidth    = 960.0
	svgMargin   = 16.0
	barWidth    = svgWidth - 2*svgMargin
	titleHeight = 22.0
	laneHeight  = 20.0
	labelHeight = 14.0
	bandGap     = 18.0
	charWidth   = 6.6 // 11px monospace
	minWidth    = 2.0 // the narrowest range drawn, so a /29 in a /8 shows
)

// SVG writes the plan's address map as a standalone SVG document. It returns
// the first write error.
func SVG(w io.Writer, p *ipam.Plan) error {
	bw := bufio.NewWriter(w)
	writeSVG(bw, layout(p))
	return bw.Flush()
}

func writeSVG(w *bufio.Writer, bands []band) {
	drawn := make([]bandDrawing, len(bands))
	height := svgMargin
	for i := range bands {
		drawn[i] = drawBand(&bands[i], height)
		height = drawn[i].bottom + bandGap
	}
	height = max(height, 3*svgMargin)
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%g" height="%g" viewBox="0 0 %g %g" font-family="monospace" font-size="11">`+"\n",
		svgWidth, height, svgWidth, height)
	w.WriteString(`<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
		`<rect width="6" height="6" fill="#e15759" fill-opacity="0.25"/><line x1="0" y1="0" x2="0" y2="6" stroke="#d62728" stroke-width="3"/></pattern></defs>` + "\n")
	if len(bands) == 0 {
		fmt.Fprintf(w, `<text x="%g" y="%g">no address ranges in the plan</text>`+"\n", svgMargin, 2*svgMargin)
	}
	for _, d := range drawn {
		w.WriteString(d.body)
	}
	w.WriteString("</svg>\n")
}

// bandDrawing is the SVG of one band and where it ends.
type bandDrawing struct {
	body   string
	bottom float64
}

// label is text placed in a row under a band, tied to x by a leader line.
type label struct {
	x      float64 // anchor on the bar
	text   string
	colour string
}

func drawBand(b *band, top float64) bandDrawing {
	var s []byte
	add := func(format string, args ...any) { s = fmt.Appendf(s, format, args...) }
	barTop := top + titleHeight
	barHeight := float64(b.lanes) * laneHeight
	add(`<g class="band"><text x="%g" y="%g" font-size="13" font-weight="bold">%s</text>`+"\n",
		svgMargin, top+14, esc(b.title+"  ("+countText(b.rng)+" addresses)"))
	add(`<rect x="%g" y="%g" width="%g" height="%g" fill="#f4f6f9" stroke="#9aa5b1"><title>%s</title></rect>`+"\n",
		svgMargin, barTop, barWidth, barHeight, esc("free space in "+b.title))
	var labels []label
	for _, g := range gaps(b) {
		x, wd := span(g.lo, g.hi)
		text := "free " + countText(g.rng)
		if wd >= textWidth(text)+8 {
			add(`<text x="%g" y="%g" fill="#7b8794" text-anchor="middle">%s</text>`+"\n", x+wd/2, barTop+barHeight/2+4, esc(text))
		}
	}
	for _, it := range b.items {
		x, wd := span(it.lo, it.hi)
		y := barTop + float64(it.lane)*laneHeight + 1
		st := it.role.style()
		add(`<rect x="%g" y="%g" width="%g" height="%g" fill="%s" stroke="#ffffff" stroke-width="0.5"><title>%s</title></rect>`+"\n",
			x, y, wd, laneHeight-2, st.colour, esc(it.label+" "+it.prefix.String()+": "+st.name+", "+it.detail+", "+countText(it.rng())+" addresses"))
		text := it.label + " " + it.prefix.String()
		if wd >= textWidth(text)+6 {
			add(`<text x="%g" y="%g" fill="#ffffff">%s</text>`+"\n", x+3, y+laneHeight/2+2, esc(text))
			continue
		}
		labels = append(labels, label{x: x + wd/2, text: text, colour: "#1f2933"})
	}
	for _, o := range b.overlaps {
		x, wd := span(o.lo, o.hi)
		text := "overlap: " + o.a + " ∩ " + o.b + " " + rangeText(o.rng) + " (" + string(o.code) + ")"
		add(`<rect x="%g" y="%g" width="%g" height="%g" fill="url(#hatch)" stroke="#d62728"><title>%s</title></rect>`+"\n",
			x, barTop, wd, barHeight, esc(string(o.code)+": "+o.msg))
		labels = append(labels, label{x: x + wd/2, text: text, colour: "#d62728"})
	}
	bottom := barTop + barHeight
	rows := placeLabels(labels)
	for i, l := range labels {
		ty := bottom + float64(rows[i]+1)*labelHeight
		add(`<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="%s" stroke-width="0.6"/>`+"\n", l.x, bottom, l.x, ty-9, l.colour)
		add(`<text x="%g" y="%g" fill="%s">%s</text>`+"\n", round2(labelStart(l)), ty, l.colour, esc(l.text))
	}
	nrows := 0
	for _, r := range rows {
		nrows = max(nrows, r+1)
	}
	add("</g>\n")
	return bandDrawing{body: string(s), bottom: bottom + float64(nrows)*labelHeight + 4}
}

// placeLabels puts each label in a row under the band so that no text
// collides with another and no leader line crosses a label. Labels are
// placed right to left: a label's line passes through the rows above its
// own, so each row remembers the leftmost thing in it (a label's start or a
// line) and a label to its left fits only if it ends before that.
func placeLabels(labels []label) []int {
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
	left := newRowLefts(len(labels), svgWidth)
	for _, i := range order {
		l := labels[i]
		start := labelStart(l)
		row := left.first(start + textWidth(l.text) + 8)
		if row < 0 {
			row = left.n
		}
		left.capBelow(row, l.x)
		left.set(row, min(start, l.x))
		rows[i] = row
	}
	return rows
}

// labelStart is where a label's text begins: just left of its anchor, moved
// left only as far as needed to keep it inside the drawing.
func labelStart(l label) float64 {
	return max(min(l.x-2, svgWidth-svgMargin-textWidth(l.text)), svgMargin)
}

// span converts band fractions to an x and a width, at least minWidth.
func span(lo, hi float64) (x, width float64) {
	x = svgMargin + lo*barWidth
	width = max((hi-lo)*barWidth, minWidth)
	if x+width > svgMargin+barWidth {
		x = svgMargin + barWidth - width
	}
	return round2(x), round2(width)
}

// round2 keeps two decimals so output is short and stable.
func round2(v float64) float64 { return float64(int64(v*100+0.5)) / 100 }

func textWidth(s string) float64 { return float64(len([]rune(s))) * charWidth }
