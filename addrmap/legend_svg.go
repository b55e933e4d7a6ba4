package addrmap

import "fmt"

// drawLegend draws the legend under the bands: a swatch and a name for
// each entry of l, in rows that wrap at the drawing's width.
func drawLegend(l legend, top float64) bandDrawing {
	const swatch, gap = 12.0, 18.0
	var s []byte
	s = fmt.Appendf(s, `<g class="legend"><text x="%g" y="%g" font-size="13" font-weight="bold" fill="%s">legend</text>`+"\n",
		svgMargin, top+14, colourInk)
	x, y := svgMargin, top+titleHeight
	entry := func(name string, draw func(x, y float64)) {
		w := swatch + 4 + textWidth(name)
		if x > svgMargin && x+w > svgWidth-svgMargin {
			x, y = svgMargin, y+laneHeight
		}
		draw(x, y)
		s = fmt.Appendf(s, `<text x="%g" y="%g" fill="%s">%s</text>`+"\n", round2(x+swatch+4), y+swatch-2, colourInk, esc(name))
		x += w + gap
	}
	for _, r := range l.roles {
		st := r.style()
		entry(st.name, func(x, y float64) {
			s = fmt.Appendf(s, `<rect x="%g" y="%g" width="%g" height="%g" fill="%s" stroke="%s"/>`+"\n", round2(x), y, swatch, swatch, st.colour, colourBarStroke)
		})
	}
	if l.free {
		entry(legendFree, func(x, y float64) {
			s = fmt.Appendf(s, `<rect x="%g" y="%g" width="%g" height="%g" fill="%s" stroke="%s"/>`+"\n", round2(x), y, swatch, swatch, colourFree, colourBarStroke)
		})
	}
	if l.overlap {
		entry(legendOverlap, func(x, y float64) {
			s = appendHatch(s, round2(x), y, swatch, swatch, legendOverlap)
			s = append(s, '\n')
		})
	}
	s = append(s, "</g>\n"...)
	return bandDrawing{body: string(s), bottom: y + swatch}
}
