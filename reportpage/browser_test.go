package reportpage_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cidrplan/cidrplan/internal/browser"
	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/reportpage"
)

// TestPageInBrowser renders the report page of every bundled plan in
// headless Chromium and reads it as a reader does: the text laid out on
// the page must show every range's numbers in its row, every pool's room,
// every upgrade step with its verdict and every finding, and the bars and
// the map must be drawn. The expected text is built from the report: the
// page must show what the library computed.
func TestPageInBrowser(t *testing.T) {
	bin := browser.ForTest(t)
	pages := bundledPages(t)
	dir := t.TempDir()
	if d := os.Getenv("REPORTPAGE_KEEP"); d != "" {
		dir = d // to look at the pages afterwards
	}
	files := make([]string, len(pages))
	for i, b := range pages {
		files[i] = filepath.Join(dir, b.name+".html")
		if err := os.WriteFile(files[i], b.page, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	views, err := browser.Render(ctx, bin, files...)
	if err != nil {
		t.Fatal(err)
	}
	for i, b := range pages {
		t.Run(b.name, func(t *testing.T) {
			seen := views[i]
			lines := strings.Split(seen.Text, "\n")
			for _, want := range wantLines(b.rep) {
				if !hasLine(lines, want) {
					t.Errorf("the page shows no line starting %q; it shows:\n%s", want, seen.Text)
				}
			}
			// One bar per range, and the map.
			if want := len(b.rep.Ranges) + 1; seen.SVGs != want {
				t.Errorf("%d SVG images drawn at a visible size, want %d (a bar per range and the map)", seen.SVGs, want)
			}
		})
	}
}

// wantLines is what the page must show, line by line (table cells are
// tab-separated in the rendered text), built from the report alone.
func wantLines(r ipam.Report) []string {
	title := "Capacity report"
	if r.Name != "" {
		title += ": " + r.Name
	}
	out := []string{title, "Findings", "Capacity", "Upgrade, step by step", "Address map"}
	for _, rr := range r.Ranges {
		row := []string{reportpage.RangeName(rr), rr.Kind.Words(), rr.Prefix.String(), strings.Join(rr.Clusters, ", "),
			rr.Usable.Grouped(), rr.Steady.Grouped(), rr.Peak.Grouped(), rr.Headroom.Grouped(), ""}
		if rr.MonthsLeft != nil {
			row = append(row, reportpage.MonthsWords(rr))
		}
		out = append(out, strings.Join(row, "\t"))
	}
	for _, p := range r.Pools {
		out = append(out, strings.Join([]string{p.Cluster, p.Pool, strconv.Itoa(p.Nodes), strconv.Itoa(p.MaxNodes), reportpage.LimitWords(p.LimitedBy)}, "\t"))
	}
	for _, c := range r.Upgrade.Clusters {
		if c.Error != "" {
			out = append(out, "cluster "+c.Name)
			for i, l := range strings.Split(c.Error, "\n") {
				if i == 0 {
					l = "not simulated: " + l
				}
				out = append(out, l)
			}
			continue
		}
		out = append(out, "cluster "+c.Name+": "+string(c.Model)+" upgrade, "+strconv.Itoa(c.Nodes)+" nodes")
		for _, s := range c.Steps {
			verdict := "fits"
			if !s.Fits {
				verdict = "does not fit"
			}
			pool := s.Pool
			if s.Mode != "" {
				pool += " (" + s.Mode + ")"
			}
			out = append(out, strings.Join([]string{pool, strconv.Itoa(s.Nodes), strconv.Itoa(s.Surge), verdict, strconv.Itoa(s.MaxSurgeThatFits)}, "\t"))
		}
	}
	for _, f := range r.Findings {
		out = append(out, f.Severity.String()+"\t"+string(f.Code)+"\t"+f.Message)
	}
	return out
}

func hasLine(lines []string, prefix string) bool {
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) {
			return true
		}
	}
	return false
}
