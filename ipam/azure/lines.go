package azure

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// lineIndex finds the line of a JSON path in a file, for errors about
// values that are not syntax errors. It reads the file once, when first
// asked.
type lineIndex struct {
	data  []byte
	lines map[string]int
}

// line returns the 1-based line where the value at path starts (for an
// object member, the line of its key); 0 when the file has no such path.
func (ix *lineIndex) line(path string) int {
	if ix == nil {
		return 0
	}
	if ix.lines == nil {
		ix.lines = pathLines(ix.data)
	}
	return ix.lines[path]
}

func pathLines(data []byte) map[string]int {
	type frame struct {
		path  string
		array bool
		index int
		key   string // object: the pending member's key; "" before it
		keyed bool
	}
	lines := map[string]int{"": 1}
	var stack []frame
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	line, last := 1, int64(0)
	at := func() int { // the line of the end of the last token
		off := dec.InputOffset()
		line += bytes.Count(data[last:off], []byte("\n"))
		last = off
		return line
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
			return lines
		}
		n := at()
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{', '[':
				p := valuePath()
				if _, seen := lines[p]; !seen || len(stack) == 0 || stack[len(stack)-1].array {
					lines[p] = n
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
			lines[joinPath(stack[k-1].path, stack[k-1].key)] = n
			continue
		}
		if p := valuePath(); len(stack) > 0 && stack[len(stack)-1].array {
			lines[p] = n
		}
	}
}
