package azure

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/cidrplan/cidrplan/internal/input"
)

// lineIndex finds the line and column of a JSON path in a file, for errors
// about values that are not syntax errors and for the positions of an
// imported plan's fields. It reads the file once, when first asked, and is
// then safe for concurrent use.
type lineIndex struct {
	data []byte // as read: decoded to UTF-8 text when first asked
	once sync.Once
	at   map[string]textPos
}

// textPos is a 1-based line and column (in characters).
type textPos struct{ line, column int }

func newLineIndex(data []byte) *lineIndex { return &lineIndex{data: data} }

// line returns the 1-based line where the value at path starts (for an
// object member, the line of its key); 0 when the file has no such path.
func (ix *lineIndex) line(path string) int {
	if ix == nil {
		return 0
	}
	return ix.index()[path].line
}

// nearest returns the line and column of the value at path or, when the
// file has no such path (an element of an array a template expression
// builds), of its nearest ancestor; 0, 0 when ix is nil.
func (ix *lineIndex) nearest(path string) (line, column int) {
	if ix == nil {
		return 0, 0
	}
	at := ix.index()
	for {
		if p, ok := at[path]; ok {
			return p.line, p.column
		}
		if path == "" {
			return 0, 0
		}
		path = parentPath(path)
	}
}

func (ix *lineIndex) index() map[string]textPos {
	ix.once.Do(func() {
		text, err := input.Text(ix.data)
		if err != nil {
			ix.at = map[string]textPos{}
			return
		}
		ix.at = pathPositions(text)
	})
	return ix.at
}

// parentPath is path without its last key or index.
func parentPath(path string) string {
	if i := strings.LastIndexAny(path, ".["); i >= 0 {
		return path[:i]
	}
	return ""
}

func pathPositions(data []byte) map[string]textPos {
	type frame struct {
		path  string
		array bool
		index int
		key   string // object: the pending member's key; "" before it
		keyed bool
	}
	at := map[string]textPos{"": {1, 1}}
	var stack []frame
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	line, last := 1, int64(0)
	// pos is the position of the token that ends at the decoder's offset.
	pos := func(tok json.Token) textPos {
		off := dec.InputOffset()
		line += bytes.Count(data[last:off], []byte("\n"))
		last = off
		start := tokenStart(data, int(off), tok)
		col := 1 + utf8.RuneCount(data[bytes.LastIndexByte(data[:start], '\n')+1:start])
		return textPos{line, col}
	}
	// valuePath is the path of the value starting now.
	valuePath := func() string {
		if len(stack) == 0 {
			return ""
		}
		top := &stack[len(stack)-1]
		if top.array {
			top.index++
			return top.path + "[" + strconv.Itoa(top.index) + "]"
		}
		top.keyed = true
		return joinPath(top.path, top.key)
	}
	for {
		tok, err := dec.Token()
		if err != nil {
			return at
		}
		n := pos(tok)
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{', '[':
				p := valuePath()
				if _, seen := at[p]; !seen || len(stack) == 0 || stack[len(stack)-1].array {
					at[p] = n
				}
				stack = append(stack, frame{path: p, array: d == '[', index: -1, keyed: true})
			default:
				stack = stack[:len(stack)-1]
			}
			continue
		}
		if k := len(stack); k > 0 && !stack[k-1].array && stack[k-1].keyed {
			stack[k-1].key, _ = tok.(string)
			stack[k-1].keyed = false
			at[joinPath(stack[k-1].path, stack[k-1].key)] = n
			continue
		}
		if p := valuePath(); len(stack) > 0 && stack[len(stack)-1].array {
			at[p] = n
		}
	}
}

// tokenStart returns the offset where tok, which ends at end, starts: a
// string at its opening quote (the first one back not escaped by an odd
// run of backslashes), a number or literal by its length.
func tokenStart(data []byte, end int, tok json.Token) int {
	switch t := tok.(type) {
	case json.Delim:
		return end - 1
	case json.Number:
		return end - len(t)
	case bool:
		return end - len(strconv.FormatBool(t))
	case nil:
		return end - len("null")
	}
	for i := end - 2; i >= 0; i-- {
		if data[i] != '"' {
			continue
		}
		n := 0
		for j := i - 1; j >= 0 && data[j] == '\\'; j-- {
			n++
		}
		if n%2 == 0 {
			return i
		}
	}
	return 0
}
