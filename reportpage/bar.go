package reportpage

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/cidrplan/cidrplan/ipam"
)

// Bar colours: steady demand, the upgrade's surge on top of it, demand past
// the usable addresses, and the usable addresses left free.
const (
	colourSteady = "#4a74a0"
	colourSurge  = "#9cbbe0"
	colourOver   = "#d62728"
	colourTrack  = "#eef1f4"
	colourEdge   = "#52606d"
)

const barWidth, barHeight = 200.0, 14.0

// headroomBar draws a range's demand against its usable addresses, to
// scale: steady demand, then the surge up to the peak, and in red whatever
// of the peak the range cannot hold; the line is the end of the usable
// addresses. The numbers it draws are the report's.
func headroomBar(r ipam.ReportRange) template.HTML {
	scale := r.Usable
	if scale.Less(r.Peak) {
		scale = r.Peak
	}
	usable := barWidth * ratio(r.Usable, scale)
	steady := barWidth * ratio(r.Steady, scale)
	peak := barWidth * ratio(r.Peak, scale)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="bar" width="%g" height="%g" viewBox="0 0 %g %g" role="img" aria-label="%s">`,
		barWidth, barHeight, barWidth, barHeight, template.HTMLEscapeString(barWords(r)))
	fmt.Fprintf(&b, `<rect width="%g" height="%g" fill="%s"/>`, round2(usable), barHeight, colourTrack)
	fmt.Fprintf(&b, `<rect width="%g" height="%g" fill="%s"/>`, round2(min(steady, usable)), barHeight, colourSteady)
	if peak > steady && usable > steady {
		fmt.Fprintf(&b, `<rect x="%g" width="%g" height="%g" fill="%s"/>`, round2(steady), round2(min(peak, usable)-steady), barHeight, colourSurge)
	}
	if peak > usable {
		fmt.Fprintf(&b, `<rect x="%g" width="%g" height="%g" fill="%s"/>`, round2(usable), round2(peak-usable), barHeight, colourOver)
	}
	fmt.Fprintf(&b, `<line x1="%g" x2="%g" y1="0" y2="%g" stroke="%s" stroke-width="2"/>`, round2(usable), round2(usable), barHeight, colourEdge)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// barWords says what a bar draws, for screen readers and tooltips.
func barWords(r ipam.ReportRange) string {
	return fmt.Sprintf("steady %s, peak %s of %s usable", r.Steady.Grouped(), r.Peak.Grouped(), r.Usable.Grouped())
}

func round2(v float64) float64 { return float64(int64(v*100+0.5)) / 100 }
