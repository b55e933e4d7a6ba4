package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The README's shell blocks are run here so that they cannot rot. A ```sh
// block holds commands; "cidrplan ARGS" and "go run ./cmd/cidrplan ARGS" run
// through run() from the repository root, and must exit 0 unless the line
// ends with "# exit status N". When a ```text block follows a ```sh block
// directly, it is the stdout of the block's last command and must match
// (go test ./cmd/cidrplan -update rewrites it).

const readmePath = "../../README.md"

// readmeCommand is one command line of a ```sh block.
type readmeCommand struct {
	line     string
	args     []string // nil for commands that are not cidrplan
	wantCode int
	output   *readmeBlock // the ```text block showing its stdout, if any
}

// readmeBlock is a fenced block: the lines between its fences.
type readmeBlock struct {
	lang       string
	start, end int // line indexes of the body: lines[start:end]
}

func parseReadme(t *testing.T, lines []string) []readmeCommand {
	t.Helper()
	var blocks []readmeBlock
	for i := 0; i < len(lines); i++ {
		lang, ok := strings.CutPrefix(lines[i], "```")
		if !ok {
			continue
		}
		b := readmeBlock{lang: strings.TrimSpace(lang), start: i + 1}
		for i++; i < len(lines) && lines[i] != "```"; i++ {
		}
		b.end = i
		blocks = append(blocks, b)
	}
	var cmds []readmeCommand
	for bi, b := range blocks {
		if b.lang != "sh" {
			continue
		}
		first := len(cmds)
		for _, line := range lines[b.start:b.end] {
			line = strings.TrimSpace(line)
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			cmds = append(cmds, parseReadmeCommand(t, line))
		}
		next := bi + 1
		if next < len(blocks) && blocks[next].lang == "text" && onlyBlank(lines[b.end+1:blocks[next].start-1]) && len(cmds) > first {
			cmds[len(cmds)-1].output = &blocks[next]
		}
	}
	return cmds
}

// onlyBlank reports whether every line is empty.
func onlyBlank(lines []string) bool {
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			return false
		}
	}
	return true
}

func parseReadmeCommand(t *testing.T, line string) readmeCommand {
	t.Helper()
	c := readmeCommand{line: line}
	cmdline, comment, _ := strings.Cut(line, "#")
	if code, ok := strings.CutPrefix(strings.TrimSpace(comment), "exit status "); ok {
		n, err := strconv.Atoi(code)
		if err != nil {
			t.Fatalf("README: %q: bad exit status comment", line)
		}
		c.wantCode = n
	}
	words, err := splitWords(cmdline)
	if err != nil {
		t.Fatalf("README: %q: %v", line, err)
	}
	switch {
	case len(words) >= 1 && words[0] == "cidrplan":
		c.args = words[1:]
	case len(words) >= 3 && words[0] == "go" && words[1] == "run" && words[2] == "./cmd/cidrplan":
		c.args = words[3:]
	}
	return c
}

// splitWords splits a command line as sh would for the simple quoting the
// README uses: single and double quotes, no expansions.
func splitWords(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; ch {
		case ' ', '\t':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		case '\'', '"':
			j := strings.IndexByte(s[i+1:], ch)
			if j < 0 {
				return nil, fmt.Errorf("unterminated quote")
			}
			cur.WriteString(s[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case '$', '|', '>', '<', '&', ';', '`':
			return nil, fmt.Errorf("shell syntax %q is not supported in README commands", ch)
		default:
			cur.WriteByte(ch)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}

func TestREADME(t *testing.T) {
	raw, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(raw), "\n")
	cmds := parseReadme(t, lines)

	// The first two commands are the quick start: run the calculator on a
	// bundled example plan, and run the tests exactly as CI does.
	if len(cmds) < 2 || cmds[0].args == nil || cmds[0].args[0] != "check" || cmds[1].line != "go test ./..." {
		t.Fatalf("README must open with a 'cidrplan check examples/plans/…' command and 'go test ./...'; got %+v", cmds[:min(2, len(cmds))])
	}
	if !strings.HasPrefix(cmds[0].line, "go run ./cmd/cidrplan check examples/plans/") {
		t.Errorf("first README command = %q, want go run ./cmd/cidrplan check examples/plans/…", cmds[0].line)
	}

	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	rewrites := map[*readmeBlock]string{}
	for _, c := range cmds {
		if c.args == nil {
			if !knownNonCidrplanCommand(c.line) {
				t.Errorf("README command %q is neither cidrplan nor a known go command: add it to the test", c.line)
			}
			continue
		}
		var stdout, stderr bytes.Buffer
		code := run(c.args, &stdout, &stderr)
		if code != c.wantCode {
			t.Errorf("README %q: exit status %d, want %d; stderr: %s", c.line, code, c.wantCode, stderr.String())
		}
		if c.output == nil {
			continue
		}
		got := strings.TrimRight(stdout.String(), "\n")
		if c.wantCode != exitOK && stdout.Len() == 0 {
			got = strings.TrimRight(stderr.String(), "\n")
		}
		want := strings.Join(lines[c.output.start:c.output.end], "\n")
		if *update {
			rewrites[c.output] = got
			continue
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("README output of %q is stale (-readme +actual); run go test ./cmd/cidrplan -run TestREADME -update:\n%s", c.line, diff)
		}
	}
	if *update && len(rewrites) > 0 {
		writeReadme(t, filepath.Join(root, "README.md"), lines, rewrites)
	}
}

// knownNonCidrplanCommand reports whether line is a command the README may
// show without running it here: the test command CI runs, and installing.
func knownNonCidrplanCommand(line string) bool {
	return line == "go test ./..." ||
		strings.HasPrefix(line, "go install github.com/cidrplan/cidrplan/cmd/cidrplan@") ||
		strings.HasPrefix(line, "go run ./examples/") ||
		strings.HasPrefix(line, "go test -bench")
}

func writeReadme(t *testing.T, path string, lines []string, rewrites map[*readmeBlock]string) {
	t.Helper()
	blocks := make([]*readmeBlock, 0, len(rewrites))
	for b := range rewrites {
		blocks = append(blocks, b)
	}
	// Splice from the end so earlier line numbers stay valid.
	slices.SortFunc(blocks, func(a, b *readmeBlock) int { return b.start - a.start })
	out := slices.Clone(lines)
	for _, b := range blocks {
		out = slices.Concat(out[:b.start], strings.Split(rewrites[b], "\n"), out[b.end:])
	}
	if err := os.WriteFile(path, []byte(strings.Join(out, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
}
