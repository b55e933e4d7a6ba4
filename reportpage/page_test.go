package reportpage_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cidrplan/cidrplan/internal/wcag"
	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/planfile"
	"github.com/cidrplan/cidrplan/reportpage"
)

var update = flag.Bool("update", false, "rewrite the golden page in testdata")

// bundled is a plan of examples/plans with its report.
type bundled struct {
	name string
	plan *ipam.Plan
	rep  ipam.Report
	page []byte
}

// bundledPages renders the report page of every plan in examples/plans,
// with a growth of 5% a month.
func bundledPages(t *testing.T) []bundled {
	t.Helper()
	paths, err := filepath.Glob("../examples/plans/*.yaml")
	if err != nil || len(paths) < 5 {
		t.Fatalf("found %d bundled plans (%v), want the examples", len(paths), err)
	}
	var out []bundled
	for _, path := range paths {
		if strings.HasSuffix(path, ".completed.yaml") {
			continue
		}
		p, err := planfile.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := p.Report(ipam.ReportOptions{Growth: ipam.Growth{Percent: 5}})
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		var buf bytes.Buffer
		if err := reportpage.HTML(&buf, p, rep); err != nil {
			t.Fatal(err)
		}
		out = append(out, bundled{strings.TrimSuffix(filepath.Base(path), ".yaml"), p, rep, buf.Bytes()})
	}
	return out
}

func TestGolden(t *testing.T) {
	for _, b := range bundledPages(t) {
		if b.name != "hub-spoke" {
			continue
		}
		path := filepath.Join("testdata", b.name+".html")
		if *update {
			if err := os.WriteFile(path, b.page, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if diff := cmp.Diff(string(want), string(b.page)); diff != "" {
			t.Errorf("%s differs (-want +got):\n%s", path, diff)
		}
		return
	}
	t.Fatal("no hub-spoke plan among the examples")
}

// TestTextContrast holds every text colour of the page's style sheet to
// WCAG's AA contrast against the page.
func TestTextContrast(t *testing.T) {
	b := bundledPages(t)[0]
	page, colours := wcag.StyleColours(string(b.page))
	if page == "" || len(colours) < 3 {
		t.Fatalf("found page background %q and text colours %v in the style sheet", page, colours)
	}
	for sel, c := range colours {
		got, err := wcag.Contrast(c, page)
		if err != nil {
			t.Fatal(err)
		}
		if got < wcag.MinContrast {
			t.Errorf("%s: %s on %s: contrast %.2f, want at least %g", sel, c, page, got, wcag.MinContrast)
		}
	}
}

// TestUpgradeColumn: the capacity table names each range's upgrade model
// in a column of its own only where ranges peak under different models;
// else the note above the table names the one model.
func TestUpgradeColumn(t *testing.T) {
	tests := []struct {
		name    string
		path    string
		columns bool
	}{
		{"alike", "../examples/plans/hub-spoke.yaml", false},
		{"differ", "../ipam/testdata/upgrade-models.yaml", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := planfile.Load(tt.path)
			if err != nil {
				t.Fatal(err)
			}
			rep, err := p.Report(ipam.ReportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := reportpage.HTML(&buf, p, rep); err != nil {
				t.Fatal(err)
			}
			page := buf.String()
			type shown struct {
				Column bool
				Cells  []bool // each range's UpgradeWords in a cell of its own
				Note   bool   // the report's PeakWords in the note
			}
			want := shown{Column: tt.columns, Note: !tt.columns}
			got := shown{Column: strings.Contains(page, "<th>upgrade</th>"),
				Note: rep.PeakWords() != "" && strings.Contains(page, "the worst upgrade step ("+rep.PeakWords()+")")}
			for _, rr := range rep.Ranges {
				want.Cells = append(want.Cells, tt.columns)
				got.Cells = append(got.Cells, strings.Contains(page, "<td>"+rr.UpgradeWords()+"</td>"))
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("page (-want +got):\n%s", diff)
			}
		})
	}
}
