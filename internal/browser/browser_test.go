package browser_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cidrplan/cidrplan/internal/browser"
)

// TestRenderShowsWhatIsDrawn renders two pages: text that CSS hides is not
// seen, table cells come tab-separated, and only an SVG drawn at a visible
// size counts.
func TestRenderShowsWhatIsDrawn(t *testing.T) {
	bin := browser.ForTest(t)
	dir := t.TempDir()
	pages := map[string]string{
		"a.html": `<!DOCTYPE html><html><body><h1>seen</h1><p style="display:none">hidden</p>` +
			`<table><tr><td>1,024</td><td>free</td></tr></table>` +
			`<svg width="300" height="40"><rect width="300" height="40"/></svg><svg width="10" height="10"></svg></body></html>`,
		"b.html": `<!DOCTYPE html><html><body><p>second</p></body></html>`,
	}
	for name, body := range pages {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	got, err := browser.Render(ctx, bin, filepath.Join(dir, "a.html"), filepath.Join(dir, "b.html"))
	if err != nil {
		t.Fatal(err)
	}
	want := []browser.View{{Text: "seen\n1,024\tfree", SVGs: 1}, {Text: "second"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Render (-want +got):\n%s", diff)
	}
}
