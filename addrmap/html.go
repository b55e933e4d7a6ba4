package addrmap

import (
	"bufio"
	"fmt"
	"io"

	"github.com/cidrplan/cidrplan/ipam"
)

// HTML writes a standalone HTML page: the SVG map inline (with its legend),
// a legend table of what the map shows and a table of every range drawn. It returns the first write error.
func HTML(w io.Writer, p *ipam.Plan) error {
	bw := bufio.NewWriter(w)
	bands := layout(p)
	title := "Address map"
	if p != nil && p.Name != "" {
		title += ": " + p.Name
	}
	fmt.Fprintf(bw, `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>%s</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1.5em; color: %s; background: %s; }
table { border-collapse: collapse; margin: 1em 0; }
td, th { padding: 2px 10px; text-align: left; border-bottom: 1px solid #e4e7eb; }
td.n { text-align: right; font-family: monospace; }
code { font-family: monospace; }
svg { max-width: 100%%; height: auto; }
.swatch { display: inline-block; width: 14px; height: 14px; vertical-align: middle; border: 1px solid %s; }
.overlap { color: %s; }
</style>
</head>
<body>
<h1>%s</h1>
`, esc(title), colourInk, colourPage, colourBarStroke, colourOverlap, esc(title))
	writeSVG(bw, bands)
	if len(bands) > 0 {
		writeHTMLLegend(bw, legendOf(bands))
	}
	for _, b := range bands {
		fmt.Fprintf(bw, "<h2>%s</h2>\n<table>\n<tr><th>range</th><th>name</th><th>role</th><th>what</th><th>addresses</th></tr>\n", esc(b.title))
		for _, it := range b.items {
			fmt.Fprintf(bw, "<tr><td><code>%s</code></td><td>%s</td><td>%s</td><td>%s</td><td class=\"n\">%s</td></tr>\n",
				it.prefix, esc(it.label), esc(it.role.String()), esc(it.detail), countText(it.rng()))
		}
		for _, o := range b.overlaps {
			fmt.Fprintf(bw, "<tr class=\"overlap\"><td><code>%s</code></td><td>%s ∩ %s</td><td>overlap <code>%s</code></td><td>%s</td><td class=\"n\">%s</td></tr>\n",
				rangeText(o.rng), esc(o.a), esc(o.b), esc(string(o.code)), esc(o.msg), countText(o.rng))
		}
		bw.WriteString("</table>\n")
	}
	bw.WriteString("</body>\n</html>\n")
	return bw.Flush()
}

// writeHTMLLegend writes the legend as a table: the same entries as the
// SVG's, with a word on what the overlap mark means.
func writeHTMLLegend(bw *bufio.Writer, l legend) {
	bw.WriteString("<h2>Legend</h2>\n<table>\n")
	for _, r := range l.roles {
		fmt.Fprintf(bw, `<tr><td><span class="swatch" style="background:%s"></span></td><td>%s</td></tr>`+"\n", r.style().colour, esc(r.String()))
	}
	if l.free {
		fmt.Fprintf(bw, `<tr><td><span class="swatch" style="background:%s"></span></td><td>%s</td></tr>`+"\n", colourFree, legendFree)
	}
	if l.overlap {
		fmt.Fprintf(bw, `<tr><td><svg width="14" height="14">%s</svg></td><td>%s (both names and the code in the label)</td></tr>`+"\n",
			appendHatch(nil, 0, 0, 14, 14, legendOverlap), legendOverlap)
	}
	bw.WriteString("</table>\n")
}
