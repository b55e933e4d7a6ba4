package azure

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPathPositions(t *testing.T) {
	const doc = "{\n" +
		`  "a": {"b": [1, "x\"y", true],` + "\n" +
		`    "ü": null, "c": -2.5e3},` + "\n" +
		"\t\"d\": [[], {}]\n" +
		"}\n"
	want := map[string]textPos{
		"":       {1, 1},
		"a":      {2, 3},
		"a.b":    {2, 9},
		"a.b[0]": {2, 15},
		"a.b[1]": {2, 18},
		"a.b[2]": {2, 26},
		"a.ü":    {3, 5},
		"a.c":    {3, 16},
		"d":      {4, 2},
		"d[0]":   {4, 8},
		"d[1]":   {4, 12},
	}
	if diff := cmp.Diff(want, pathPositions([]byte(doc)), cmp.AllowUnexported(textPos{})); diff != "" {
		t.Errorf("pathPositions (-want +got):\n%s", diff)
	}
}

func TestLineIndexNearest(t *testing.T) {
	ix := newLineIndex([]byte("\xef\xbb\xbf{\n \"a\": {\n  \"b\": \"[parameters('p')]\"\n }\n}"))
	tests := []struct {
		path      string
		line, col int
	}{
		{"a.b", 3, 3},
		{"a.b[2]", 3, 3}, // an element an expression builds: the expression
		{"a.x.y", 2, 2},
		{"", 1, 1},
	}
	for _, tt := range tests {
		line, col := ix.nearest(tt.path)
		if line != tt.line || col != tt.col {
			t.Errorf("nearest(%q) = %d:%d, want %d:%d", tt.path, line, col, tt.line, tt.col)
		}
	}
	var none *lineIndex
	if line, col := none.nearest("a"); line != 0 || col != 0 {
		t.Errorf("nil index: %d:%d, want 0:0", line, col)
	}
}

// FuzzPathPositions: on any input, every position found is inside the
// text, and on it starts the token of its value (or of its key).
func FuzzPathPositions(f *testing.F) {
	f.Add([]byte(`{"a": [1, "x\\\"", {"b": null}], "c": true}`))
	f.Add([]byte("{\n\"ü\": \"\\\\\"}"))
	f.Add([]byte(`[[[`))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Split(data, []byte("\n"))
		for path, p := range pathPositions(data) {
			if path == "" {
				continue // the document: line 1, even when empty
			}
			if p.line < 1 || p.line > len(lines) || p.column < 1 {
				t.Fatalf("%q at %d:%d: outside the text", path, p.line, p.column)
			}
			runes := []rune(string(lines[p.line-1]))
			if p.column > len(runes) {
				t.Fatalf("%q at %d:%d: past the end of the line", path, p.line, p.column)
			}
			if c := runes[p.column-1]; !strings.ContainsRune(`"{[-0123456789tfn`, c) {
				t.Fatalf("%q at %d:%d starts with %q, not a JSON token", path, p.line, p.column, c)
			}
		}
	})
}
