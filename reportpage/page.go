package reportpage

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/cidrplan/cidrplan/addrmap"
	"github.com/cidrplan/cidrplan/ipam"
)

//go:embed page.html.tmpl
var pageSource string

var page = template.Must(template.New("page").Funcs(template.FuncMap{
	"kind":   ipam.CapacityKind.Words,
	"name":   rangeName,
	"months": monthsWords,
	"limit":  limitWords,
	"step":   ipam.UpgradeRange.Words,
	"bar":    headroomBar,
	"join":   strings.Join,
	"lines":  func(s string) []string { return strings.Split(s, "\n") },
}).Parse(pageSource))

// HTML writes r, the report of plan p (from p.Report), as one
// self-contained HTML page: the findings, the capacity table with headroom
// bars, the pools' room to grow, the upgrade steps and the address map of
// p. It returns the first write error, or the map's.
func HTML(w io.Writer, p *ipam.Plan, r ipam.Report) error {
	var m bytes.Buffer
	if err := addrmap.SVG(&m, p); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	if err := page.Execute(bw, newView(r, m.String())); err != nil {
		return err
	}
	return bw.Flush()
}

// view is what the template shows: the report as it is, plus counts of
// what it already says (findings by severity, steps that do not fit).
type view struct {
	Title  string
	R      ipam.Report
	Counts string // "2 errors, 1 warning"
	Short  int    // upgrade steps that do not fit
	Steps  int
	Map    template.HTML
}

func newView(r ipam.Report, svg string) view {
	v := view{Title: "Capacity report", R: r, Map: template.HTML(svg)}
	if r.Name != "" {
		v.Title += ": " + r.Name
	}
	var n [3]int
	for _, f := range r.Findings {
		switch f.Severity {
		case ipam.SeverityError:
			n[0]++
		case ipam.SeverityWarning:
			n[1]++
		default:
			n[2]++
		}
	}
	var parts []string
	for i, word := range []string{"error", "warning", "info"} {
		switch {
		case n[i] == 0:
		case i == 2:
			parts = append(parts, fmt.Sprintf("%d info", n[i]))
		default:
			parts = append(parts, plural(n[i], word))
		}
	}
	v.Counts = strings.Join(parts, ", ")
	for _, c := range r.Upgrade.Clusters {
		for _, s := range c.Steps {
			v.Steps++
			if !s.Fits {
				v.Short++
			}
		}
	}
	return v
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
