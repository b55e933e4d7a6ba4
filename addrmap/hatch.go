package addrmap

import "fmt"

// hatchStep is the distance between hatch lines, along x.
const hatchStep = 5.0

// appendHatch draws an overlap: a translucent red box crossed by diagonal
// lines, each clipped to the box here. Not an SVG pattern: renderers that
// do not implement patterns (ImageMagick's own) paint the box solid black.
func appendHatch(s []byte, x, y, w, h float64, title string) []byte {
	s = fmt.Appendf(s, `<rect x="%g" y="%g" width="%g" height="%g" fill="%s" fill-opacity="0.25" stroke="%s"><title>%s</title></rect>`,
		x, y, w, h, colourOverlapBed, colourOverlap, esc(title))
	var d []byte
	// Each line rises to the right from (x+c, y+h); c runs from where a
	// line would enter at the top-left corner to the right edge.
	for c := -h + hatchStep/2; c < w; c += hatchStep {
		x1, x2 := max(c, 0), min(c+h, w)
		if x2 <= x1 {
			continue
		}
		d = fmt.Appendf(d, "M%g %gL%g %g", round2(x+x1), round2(y+h-(x1-c)), round2(x+x2), round2(y+h-(x2-c)))
	}
	if len(d) > 0 {
		s = fmt.Appendf(s, `<path d="%s" stroke="%s" stroke-width="1.5" fill="none"/>`, d, colourOverlap)
	}
	return s
}
