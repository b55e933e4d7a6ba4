package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// README's Go snippets are copies of testable examples, which go test runs
// and checks. A ```go block is preceded by a marker line
//
//	<!-- example: PACKAGE_DIR FUNCTION -->
//
// and must equal the body of that function in PACKAGE_DIR's *_test.go
// files (go test ./cmd/cidrplan -run TestREADMESnippets -update rewrites it).

const snippetMarker = "<!-- example: "

func TestREADMESnippets(t *testing.T) {
	raw, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(raw), "\n")
	rewrites := map[*readmeBlock]string{}
	found := 0
	for i, line := range lines {
		spec, ok := strings.CutPrefix(line, snippetMarker)
		if !ok {
			continue
		}
		found++
		dir, fn, _ := strings.Cut(strings.TrimSuffix(spec, " -->"), " ")
		if i+1 >= len(lines) || lines[i+1] != "```go" {
			t.Errorf("README line %d: marker %q not followed by a ```go block", i+1, line)
			continue
		}
		b := &readmeBlock{lang: "go", start: i + 2}
		for b.end = b.start; b.end < len(lines) && lines[b.end] != "```"; b.end++ {
		}
		want, err := exampleBody(filepath.Join("../..", dir), fn)
		if err != nil {
			t.Errorf("README line %d: %v", i+1, err)
			continue
		}
		got := strings.Join(lines[b.start:b.end], "\n")
		if *update {
			rewrites[b] = want
			continue
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("README snippet of %s %s differs from the example (-example +readme); run go test ./cmd/cidrplan -run TestREADMESnippets -update:\n%s", dir, fn, diff)
		}
	}
	if found < 3 {
		t.Errorf("README has %d example snippets, want one per package (sizing, ipam, overlap)", found)
	}
	if *update && len(rewrites) > 0 {
		writeReadme(t, readmePath, lines, rewrites)
	}
}

// exampleBody returns the body of func fn in dir's test files, dedented one
// tab.
func exampleBody(dir, fn string) (string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*_test.go"))
	if err != nil {
		return "", err
	}
	head := "func " + fn + "() {"
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return "", err
		}
		lines := strings.Split(string(src), "\n")
		for i, l := range lines {
			if l != head {
				continue
			}
			var body []string
			for _, b := range lines[i+1:] {
				if b == "}" {
					return strings.Join(body, "\n"), nil
				}
				body = append(body, strings.TrimPrefix(b, "\t"))
			}
		}
	}
	return "", fmt.Errorf("no %s in %s", head, dir)
}
