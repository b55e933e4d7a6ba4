package addrmap

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cidrplan/cidrplan/internal/wcag"
	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/planfile"
)

const minContrast = wcag.MinContrast

// contrast is wcag.Contrast for colours the renderer wrote.
func contrast(t *testing.T, a, b string) float64 {
	t.Helper()
	c, err := wcag.Contrast(a, b)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// box is an element's extent in the drawing.
type box struct{ x0, y0, x1, y1 float64 }

func (b box) meets(c box) bool {
	const eps = 0.01
	return b.x0 < c.x1-eps && c.x0 < b.x1-eps && b.y0 < c.y1-eps && c.y0 < b.y1-eps
}

// shape is one drawn element: a rect, a path or a text, in drawing order.
type shape struct {
	kind    string // rect, path, text
	box     box
	fill    string
	opaque  bool   // a rect of one solid colour
	hatched bool   // inside a <g class="overlap">
	text    string // of a text
}

// shapes reads an SVG document into its drawn elements. Text extents use
// the renderer's own assumption of a monospace advance of 0.6 em.
func shapes(t *testing.T, doc []byte) []shape {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	var out []shape
	var groups []bool
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("SVG: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			a := map[string]string{}
			for _, at := range e.Attr {
				a[at.Name.Local] = at.Value
			}
			num := func(k string) float64 {
				v, _ := strconv.ParseFloat(a[k], 64)
				return v
			}
			hatched := len(groups) > 0 && groups[len(groups)-1]
			switch e.Name.Local {
			case "g":
				groups = append(groups, hatched || a["class"] == "overlap")
			case "pattern":
				t.Errorf("the SVG defines a pattern: renderers without patterns paint it solid black")
			case "rect":
				out = append(out, shape{kind: "rect", box: box{num("x"), num("y"), num("x") + num("width"), num("y") + num("height")},
					fill: a["fill"], opaque: strings.HasPrefix(a["fill"], "#") && a["fill-opacity"] == "", hatched: hatched})
			case "path":
				out = append(out, shape{kind: "path", box: pathBox(t, a["d"]), hatched: hatched})
			case "text":
				var s struct {
					Text string `xml:",chardata"`
				}
				if err := d.DecodeElement(&s, &e); err != nil {
					t.Fatal(err)
				}
				size := 11.0
				if a["font-size"] != "" {
					size = num("font-size")
				}
				w := float64(utf8.RuneCountInString(s.Text)) * 0.6 * size
				x := num("x")
				if a["text-anchor"] == "middle" {
					x -= w / 2
				}
				y := num("y")
				out = append(out, shape{kind: "text", box: box{x, y - 0.8*size, x + w, y + 0.2*size}, fill: a["fill"], text: s.Text})
			}
		case xml.EndElement:
			if e.Name.Local == "g" {
				groups = groups[:len(groups)-1]
			}
		}
	}
}

var pathPoint = regexp.MustCompile(`[ML]([-0-9.]+) ([-0-9.]+)`)

func pathBox(t *testing.T, d string) box {
	b := box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, m := range pathPoint.FindAllStringSubmatch(d, -1) {
		x, _ := strconv.ParseFloat(m[1], 64)
		y, _ := strconv.ParseFloat(m[2], 64)
		b = box{min(b.x0, x), min(b.y0, y), max(b.x1, x), max(b.y1, y)}
	}
	if math.IsInf(b.x0, 1) {
		t.Fatalf("path %q has no points", d)
	}
	return b
}

// legible checks every text of an SVG map: it has a colour of at least
// minContrast against every solid rect under it, no overlap's hatch lies
// under it, and nothing drawn after it covers it.
func legible(t *testing.T, name string, doc []byte) {
	t.Helper()
	all := shapes(t, doc)
	for i, txt := range all {
		if txt.kind != "text" {
			continue
		}
		if txt.fill == "" {
			t.Errorf("%s: text %q has no colour of its own", name, txt.text)
			continue
		}
		under := 0
		for j, s := range all {
			if j == i || s.kind == "text" || !s.box.meets(txt.box) {
				continue
			}
			switch {
			case j > i:
				t.Errorf("%s: a %s drawn after text %q covers it", name, s.kind, txt.text)
			case s.hatched:
				t.Errorf("%s: text %q lies on an overlap's hatch", name, txt.text)
			case s.opaque:
				under++
				if c := contrast(t, txt.fill, s.fill); c < minContrast {
					t.Errorf("%s: text %q, %s on %s: contrast %.2f, want at least %g", name, txt.text, txt.fill, s.fill, c, minContrast)
				}
			}
		}
		if under == 0 {
			t.Errorf("%s: text %q lies on no solid background", name, txt.text)
		}
	}
}

func renderSVG(t *testing.T, p *ipam.Plan) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := SVG(&buf, p); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestTextIsLegible renders every bundled plan and seeded random plans and
// checks each text of the drawing (see legible).
func TestTextIsLegible(t *testing.T) {
	for _, path := range bundledPlans(t) {
		p, err := planfile.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		legible(t, filepath.Base(path), renderSVG(t, p))
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 100 {
		legible(t, fmt.Sprintf("random plan %d", i), renderSVG(t, randomPlan(r)))
	}
}

// TestHTMLTextContrast checks the page around the map: each colour its
// style sheet gives text holds minContrast against the page's background.
func TestHTMLTextContrast(t *testing.T) {
	var buf bytes.Buffer
	if err := HTML(&buf, &ipam.Plan{}); err != nil {
		t.Fatal(err)
	}
	page, colours := wcag.StyleColours(buf.String())
	if page == "" || len(colours) < 2 {
		t.Fatalf("found page background %q and text colours %v in the style sheet", page, colours)
	}
	for sel, c := range colours {
		if got := contrast(t, c, page); got < minContrast {
			t.Errorf("%s: %s on %s: contrast %.2f, want at least %g", sel, c, page, got, minContrast)
		}
	}
}
