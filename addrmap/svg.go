package addrmap

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/cidrplan/cidrplan/ipam"
)

// Geometry of the drawing, in SVG user units (pixels at 100%).
const (
	svgWidth     = 960.0
	svgMargin    = 16.0
	barWidth     = svgWidth - 2*svgMargin
	titleHeight  = 22.0
	laneHeight   = 20.0
	labelHeight  = 14.0
	bandGap      = 18.0
	charWidth    = 6.6       // 11px monospace
	headingScale = 13.0 / 11 // headings are 13px
	minWidth     = 2.0       // the narrowest range drawn, so a /29 in a /8 shows
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
	var key bandDrawing
	if len(bands) > 0 {
		key = drawLegend(legendOf(bands), height)
		height = key.bottom + svgMargin
	}
	height = max(height, 3*svgMargin)
	width := svgWidth
	for _, d := range drawn {
		width = max(width, math.Ceil(d.right+svgMargin))
	}
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%g" height="%g" viewBox="0 0 %g %g" font-family="monospace" font-size="11">`+"\n",
		width, height, width, height)
	// An opaque page, so that the map reads the same on a dark page.
	fmt.Fprintf(w, `<rect width="%g" height="%g" fill="%s"/>`+"\n", width, height, colourPage)
	if len(bands) == 0 {
		fmt.Fprintf(w, `<text x="%g" y="%g" fill="%s">no address ranges in the plan</text>`+"\n", svgMargin, 2*svgMargin, colourInk)
	}
	for _, d := range drawn {
		w.WriteString(d.body)
	}
	w.WriteString(key.body)
	w.WriteString("</svg>\n")
}

// bandDrawing is the SVG of one band (or of the legend), where it ends and
// how far right its text reaches.
type bandDrawing struct {
	body   string
	bottom float64
	right  float64
}

// label is text placed in a row under a band, tied to x by a leader line.
type label struct {
	x      float64 // anchor on the bar
	text   string
	colour string
}

// drawBand draws a band: its heading, the bar of free space, each range in
// its lane, the overlaps hatched over the whole bar, then the names. A name
// goes on its range only where it fits clear of every hatched overlap (text
// on the hatch would be unreadable), else in a row under the band.
func drawBand(b *band, top float64) bandDrawing {
	var s []byte
	add := func(format string, args ...any) { s = fmt.Appendf(s, format, args...) }
	barTop := top + titleHeight
	barHeight := float64(b.lanes) * laneHeight
	add(`<g class="band"><text x="%g" y="%g" font-size="13" font-weight="bold" fill="%s">%s</text>`+"\n",
		svgMargin, top+14, colourInk, esc(b.heading()))
	add(`<rect x="%g" y="%g" width="%g" height="%g" fill="%s" stroke="%s"><title>%s</title></rect>`+"\n",
		svgMargin, barTop, barWidth, barHeight, colourFree, colourBarStroke, esc("free space in "+b.title))
	hatched := make([]interval, len(b.overlaps))
	for i, o := range b.overlaps {
		x, wd := span(o.lo, o.hi)
		hatched[i] = interval{x - 1, x + wd + 1}
	}
	slices.SortFunc(hatched, func(p, q interval) int { return cmp.Compare(p.lo, q.lo) })
	var names []byte
	for _, g := range b.gaps {
		x, wd := span(g.lo, g.hi)
		text := "free " + countText(g.rng)
		if at, ok := clearSpot(interval{x, x + wd}, hatched, textWidth(text)+8); ok {
			names = fmt.Appendf(names, `<text x="%g" y="%g" fill="%s" text-anchor="middle">%s</text>`+"\n",
				round2((at.lo+at.hi)/2), barTop+barHeight/2+4, colourFreeInk, esc(text))
		}
	}
	var labels []label
	for _, it := range b.items {
		x, wd := span(it.lo, it.hi)
		y := barTop + float64(it.lane)*laneHeight + 1
		st := it.role.style()
		add(`<rect x="%g" y="%g" width="%g" height="%g" fill="%s" stroke="%s" stroke-width="0.5"><title>%s</title></rect>`+"\n",
			x, y, wd, laneHeight-2, st.colour, colourPage, esc(it.label+" "+it.prefix.String()+": "+st.name+", "+it.detail+", "+countText(it.rng())+" addresses"))
		text := it.label + " " + it.prefix.String()
		if at, ok := clearSpot(interval{x, x + wd}, hatched, textWidth(text)+6); ok {
			names = fmt.Appendf(names, `<text x="%g" y="%g" fill="%s">%s</text>`+"\n", round2(at.lo+3), y+laneHeight/2+2, colourInk, esc(text))
			continue
		}
		labels = append(labels, label{x: x + wd/2, text: text, colour: colourInk})
	}
	for _, o := range b.overlaps {
		x, wd := span(o.lo, o.hi)
		add(`<g class="overlap">`)
		s = appendHatch(s, x, barTop, wd, barHeight, string(o.code)+": "+o.msg)
		add("</g>\n")
		text := "overlap: " + o.a + " ∩ " + o.b + " " + rangeText(o.rng) + " (" + string(o.code) + ")"
		labels = append(labels, label{x: x + wd/2, text: text, colour: colourOverlap})
	}
	s = append(s, names...)
	bottom := barTop + barHeight
	rows := placeLabels(labels)
	for i, l := range labels {
		ty := bottom + float64(rows[i]+1)*labelHeight
		add(`<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="%s" stroke-width="0.6"/>`+"\n", l.x, bottom, l.x, ty-9, l.colour)
		add(`<text x="%g" y="%g" fill="%s">%s</text>`+"\n", round2(labelStart(l)), ty, l.colour, esc(l.text))
	}
	nrows := 0
	right := svgMargin + textWidth(b.heading())*headingScale
	for i, r := range rows {
		nrows = max(nrows, r+1)
		right = max(right, labelStart(labels[i])+textWidth(labels[i].text))
	}
	add("</g>\n")
	return bandDrawing{body: string(s), bottom: bottom + float64(nrows)*labelHeight + 4, right: right}
}

// interval is a stretch of x in the drawing.
type interval struct{ lo, hi float64 }

// clearSpot returns the first stretch of within, at least need wide, that
// no blocked interval (ascending by lo) touches, reaching as far right as it
// stays clear.
func clearSpot(within interval, blocked []interval, need float64) (interval, bool) {
	at := within.lo
	for _, bl := range blocked {
		if bl.hi <= at {
			continue
		}
		if bl.lo >= within.hi {
			break
		}
		if bl.lo-at >= need {
			return interval{at, bl.lo}, true
		}
		at = max(at, bl.hi)
	}
	if within.hi-at >= need {
		return interval{at, within.hi}, true
	}
	return interval{}, false
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
	left := newRowLefts(len(labels), math.Inf(1))
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

// labelStart is where a label's text begins: just left of its anchor (never
// moved further left, or its text would lie across the leader lines of the
// labels to its left; a long label near the right edge widens the drawing
// instead).
func labelStart(l label) float64 {
	return max(l.x-2, svgMargin)
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
