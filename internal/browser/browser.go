// Package browser renders HTML pages in a real browser, headless Chromium,
// and returns what a reader sees of them: the text as laid out
// (innerText, which leaves out what CSS hides) and how many SVG images
// have a visible size. Tests of pages use it to check the page as it is
// drawn, not only the HTML string.
package browser

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// ErrNotFound is returned by Find when no Chromium is installed.
var ErrNotFound = errors.New("browser: chromium not found on PATH")

// names are the commands Chromium is installed as (Debian's package,
// other distributions).
var names = []string{"chromium", "chromium-browser", "google-chrome"}

// Find returns the path of an installed Chromium, or ErrNotFound.
func Find() (string, error) {
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p, nil
		}
	}
	return "", ErrNotFound
}

// View is what a reader sees of one page.
type View struct {
	// Text is the page's text as rendered (document.body.innerText):
	// table cells separated by tabs, rows by newlines.
	Text string
	// SVGs is the number of svg elements drawn at least 100×10 pixels.
	SVGs int
}

// Render loads each page (an HTML file) in headless Chromium at bin, in a
// window of 1200×900 pixels, and returns what it shows, in order. Each page
// loads into a frame of a wrapper page whose script reads the frame once
// everything has loaded; the pages themselves need no script.
func Render(ctx context.Context, bin string, pages ...string) ([]View, error) {
	dir, err := os.MkdirTemp("", "browser")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	var frames strings.Builder
	for i, p := range pages {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&frames, `<iframe id="f%d" src="%s" style="width:1200px;height:900px"></iframe><pre id="t%d"></pre><pre id="s%d"></pre>`+"\n",
			i, html.EscapeString("file://"+filepath.ToSlash(abs)), i, i)
	}
	wrapper := filepath.Join(dir, "wrapper.html")
	if err := os.WriteFile(wrapper, []byte(`<!DOCTYPE html><html><body>
`+frames.String()+`<script>
window.addEventListener("load", function () {
  for (var i = 0; ; i++) {
    var f = document.getElementById("f" + i);
    if (!f) break;
    var d = f.contentDocument;
    if (!d) { document.getElementById("t" + i).textContent = "NO ACCESS"; continue; }
    document.getElementById("t" + i).textContent = d.body.innerText;
    var n = 0;
    d.querySelectorAll("svg").forEach(function (s) {
      var r = s.getBoundingClientRect();
      if (r.width >= 100 && r.height >= 10) n++;
    });
    document.getElementById("s" + i).textContent = String(n);
  }
});
</script></body></html>
`), 0o644); err != nil {
		return nil, err
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
		"--window-size=1280,1000", "--user-data-dir="+filepath.Join(dir, "profile"), "--dump-dom", "file://"+filepath.ToSlash(wrapper))
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("browser: %s: %w: %s", bin, err, lastLine(stderr.String()))
	}
	return views(stdout.String(), len(pages))
}

var pre = regexp.MustCompile(`(?s)<pre id="([ts])(\d+)">(.*?)</pre>`)

// views reads the wrapper's dumped DOM back into one View per page.
func views(dom string, n int) ([]View, error) {
	out := make([]View, n)
	seen := make([]bool, n)
	for _, m := range pre.FindAllStringSubmatch(dom, -1) {
		i, _ := strconv.Atoi(m[2])
		if i >= n {
			continue
		}
		v := html.UnescapeString(m[3])
		switch m[1] {
		case "t":
			if v == "NO ACCESS" || v == "" {
				return nil, fmt.Errorf("browser: page %d: nothing rendered", i)
			}
			out[i].Text, seen[i] = v, true
		case "s":
			out[i].SVGs, _ = strconv.Atoi(v)
		}
	}
	for i, ok := range seen {
		if !ok {
			return nil, fmt.Errorf("browser: page %d: nothing rendered", i)
		}
	}
	return out, nil
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
