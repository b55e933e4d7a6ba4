package addrmap

import (
	"bufio"
	"fmt"
	"io"

	"github.com/cidrplan/cidrplan/ipam"
)

// HTML writes a standalone HTML page: the SVG map inline, a legend of the
// roles and a table of every range drawn. It returns the first write error.
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
body { font-family: system-ui, sans-serif; margin: 1.5em; color: #1f2933; }
table { border-collapse: collapse; margin: 1em 0; }
td, th { padding: 2px 10px; text-align: left; border-bottom: 1px solid #e4e7eb; }
td.n { text-align: right; font-family: monospace; }
code { font-family: monospace; }
.swatch { display: inline-block; width: 14px; height: 14px; vertical-align: middle; border: 1px solid #9aa5b1; }
.overlap { color: #d62728; }
</style>
</head>
<body>
<h1>%s</h1>
`, esc(title), esc(title))
	writeSVG(bw, bands)
	bw.WriteString("<h2>Legend</h2>\n<table>\n")
	for r := range roleCount {
		fmt.Fprintf(bw, `<tr><td><span class="swatch" style="background:%s"></span></td><td>%s</td></tr>`+"\n", r.style().colour, esc(r.String()))
	}
	bw.WriteString(`<tr><td><span class="swatch" style="background:#f4f6f9"></span></td><td>free space</td></tr>` + "\n")
	bw.WriteString(`<tr><td><svg width="14" height="14"><rect width="14" height="14" fill="url(#hatch)" stroke="#d62728"/></svg></td><td>overlap that validation reports (both names and the code in the label)</td></tr>` + "\n</table>\n")
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
