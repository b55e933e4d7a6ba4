package planfile

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"math/bits"
	"strconv"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// JSON plans are read by a strict JSON scanner of their own, as the decoder
// asks for each value (jsonSource): no tree of the document is built, only
// the table of where each key and list entry is ([Positions]), so a large
// plan costs little more than its Go values. Input the scanner rejects goes
// to the YAML parser, which also reads JSON and reports the error with its
// line.

// errJSON is what a jsonSource panics with on input that is not JSON;
// decodeJSON recovers it.
var errJSON = errors.New("not JSON")

// looksLikeJSON reports whether data starts, after white space, with '{' or
// '['.
func looksLikeJSON(data []byte) bool {
	data = bytes.TrimLeft(data, " \t\r\n")
	return len(data) > 0 && (data[0] == '{' || data[0] == '[')
}

// maxJSONDepth bounds nesting: a value deeper than this is not read as JSON.
const maxJSONDepth = 1000

// jsonSource scans JSON for the decoder (see source). Syntax errors panic
// with errJSON.
type jsonSource struct {
	data      []byte
	pos       int
	line      int
	lineStart int // offset of the current line's first byte
	stack     []jsonFrame
	strs      map[string]string // retained strings, shared
	keyIDs    map[string]int32  // key spellings' ids
	keys      []string          // key spellings by id
	nextKey   []int32           // by key id: the id of the key read after it last, -1 none (see keyID)
	lastKey   int32             // the id of the key read last, -1 none
	// retained is the string retain returned last, for the raw text at
	// retainedAt in data.
	retained   string
	retainedAt *byte
	table      *posTable // nil: positions not wanted
	member     int32     // the table entry of the key just read, else -1
	name       bool      // the key just read is a list entry's "name"
}

// jsonFrame is an object or array being read.
type jsonFrame struct {
	array   bool
	started bool  // a member or entry was read
	entry   int32 // table entry the container is the value of
	named   bool  // (an object in an array) its name is in the table
}

func newJSONSource(data []byte, positions bool) *jsonSource {
	s := &jsonSource{data: data, line: 1, strs: make(map[string]string), keyIDs: make(map[string]int32), member: -1, lastKey: -1}
	if positions {
		s.table = newPosTable(len(data))
	}
	return s
}

// column is the 1-based byte column of the current position.
func (s *jsonSource) column() int { return s.pos - s.lineStart + 1 }

func (s *jsonSource) space() {
	data, pos := s.data, s.pos
	for pos < len(data) {
		switch data[pos] {
		case '\n':
			s.line++
			s.lineStart = pos + 1
			// Indentation, most of a pretty printed plan's bytes: eight
			// spaces at a time, then up to the first other byte.
			for pos+9 <= len(data) {
				w := binary.LittleEndian.Uint64(data[pos+1:]) ^ eightSpaces
				if w != 0 {
					pos += bits.TrailingZeros64(w) / 8
					break
				}
				pos += 8
			}
		case ' ', '\t', '\r':
		default:
			s.pos = pos
			return
		}
		pos++
	}
	s.pos = pos
}

const eightSpaces = 0x2020202020202020

// expect consumes c, else the input is not JSON.
func (s *jsonSource) expect(c byte) {
	if s.pos >= len(s.data) || s.data[s.pos] != c {
		panic(errJSON)
	}
	s.pos++
}

func (s *jsonSource) next() value {
	if len(s.stack) > maxJSONDepth {
		panic(errJSON)
	}
	s.space()
	if s.pos >= len(s.data) {
		panic(errJSON)
	}
	v := value{line: s.line, aliasLine: s.line}
	col := s.column()
	entry := s.entryFor(v.line, col)
	switch c := s.data[s.pos]; {
	case c == '{':
		s.pos++
		v.kind, v.entered = yaml.MappingNode, true
		s.stack = append(s.stack, jsonFrame{entry: entry})
	case c == '[':
		s.pos++
		v.kind, v.entered = yaml.SequenceNode, true
		s.stack = append(s.stack, jsonFrame{array: true, entry: entry})
	case c == '"':
		v.kind, v.tag = yaml.ScalarNode, "!!str"
		v.raw, v.text = s.str()
	case c == '-' || c >= '0' && c <= '9':
		v.kind = yaml.ScalarNode
		v.tag, v.raw = s.number()
	default:
		v.kind = yaml.ScalarNode
		switch {
		case bytes.HasPrefix(s.data[s.pos:], []byte("true")):
			v.tag, v.text = "!!bool", "true"
		case bytes.HasPrefix(s.data[s.pos:], []byte("false")):
			v.tag, v.text = "!!bool", "false"
		case bytes.HasPrefix(s.data[s.pos:], []byte("null")):
			v.tag, v.text = "!!null", "null"
		default:
			panic(errJSON)
		}
		s.pos += len(v.text)
	}
	if s.table != nil && v.kind == yaml.ScalarNode {
		s.table.close(entry, v.kind)
		if s.name {
			s.nameEntry(s.retain(v))
		}
	}
	s.name = false
	return v
}

// entryFor returns the table entry of the value about to be read at line
// and col: the member's (made by key), a new list entry's, or the root's.
func (s *jsonSource) entryFor(line, col int) int32 {
	t := s.table
	if t == nil {
		return -1
	}
	if s.member >= 0 {
		e := s.member
		s.member = -1
		return e
	}
	return t.add(line, col, -1)
}

// pop leaves the innermost container, whose table entry ends here.
func (s *jsonSource) pop() {
	f := s.stack[len(s.stack)-1]
	s.stack = s.stack[:len(s.stack)-1]
	if s.table != nil {
		kind := yaml.MappingNode
		if f.array {
			kind = yaml.SequenceNode
		}
		s.table.close(f.entry, kind)
	}
}

// nameEntry records name as the name of the list entry whose object is
// the innermost container.
func (s *jsonSource) nameEntry(name string) {
	n := len(s.stack)
	if n < 2 || s.stack[n-1].named || !s.stack[n-2].array {
		return
	}
	s.stack[n-1].named = true
	s.table.name(s.stack[n-2].entry, s.stack[n-1].entry, name)
}

func (s *jsonSource) key() (value, bool) {
	f := &s.stack[len(s.stack)-1]
	s.space()
	if s.pos < len(s.data) && s.data[s.pos] == '}' && !f.started {
		s.pos++
		s.pop()
		return value{}, false
	}
	if f.started {
		if s.pos < len(s.data) && s.data[s.pos] == '}' {
			s.pos++
			s.pop()
			return value{}, false
		}
		s.expect(',')
		s.space()
	}
	f.started = true
	if s.pos >= len(s.data) || s.data[s.pos] != '"' {
		panic(errJSON)
	}
	k := value{kind: yaml.ScalarNode, tag: "!!str", line: s.line, aliasLine: s.line}
	col := s.column()
	raw, text := s.str()
	if raw == nil {
		raw = []byte(text)
	}
	id := s.keyID(raw)
	k.text, k.key = s.keys[id], id+1
	s.space()
	s.expect(':')
	if s.table != nil {
		s.member = s.table.add(k.line, col, id)
		s.name = len(s.stack) >= 2 && s.stack[len(s.stack)-2].array && !f.named && equalFoldName(k.text)
	}
	return k, true
}

// keyID returns the id of the key spelled raw. Keys are few, each
// spelling kept once, and come in the same order object after object: the
// key that followed the previous one last time is tried before the map.
func (s *jsonSource) keyID(raw []byte) int32 {
	if s.lastKey >= 0 {
		if next := s.nextKey[s.lastKey]; next >= 0 && s.keys[next] == string(raw) {
			s.lastKey = next
			return next
		}
	}
	id, ok := s.keyIDs[string(raw)]
	if !ok {
		id = int32(len(s.keys))
		s.keys = append(s.keys, string(raw))
		s.keyIDs[s.keys[id]] = id
		s.nextKey = append(s.nextKey, -1)
	}
	if s.lastKey >= 0 {
		s.nextKey[s.lastKey] = id
	}
	s.lastKey = id
	return id
}

// equalFoldName reports whether k is "name" in any case (Positions
// matches keys so).
func equalFoldName(k string) bool {
	return len(k) == 4 && (k[0]|0x20) == 'n' && (k[1]|0x20) == 'a' && (k[2]|0x20) == 'm' && (k[3]|0x20) == 'e'
}

func (s *jsonSource) more() bool {
	f := &s.stack[len(s.stack)-1]
	s.space()
	if s.pos < len(s.data) && s.data[s.pos] == ']' && !f.started {
		s.pos++
		s.pop()
		return false
	}
	if f.started {
		if s.pos < len(s.data) && s.data[s.pos] == ']' {
			s.pos++
			s.pop()
			return false
		}
		s.expect(',')
	}
	f.started = true
	return true
}

func (s *jsonSource) skip() {
	depth := len(s.stack)
	for len(s.stack) >= depth {
		f := s.stack[len(s.stack)-1]
		var ok bool
		if f.array {
			ok = s.more()
		} else {
			_, ok = s.key()
		}
		if ok {
			s.next() // a container is entered and read by this loop
		}
	}
}

// end checks that nothing but white space follows the document's value.
func (s *jsonSource) end() {
	s.space()
	if s.pos != len(s.data) {
		panic(errJSON)
	}
}

func (s *jsonSource) retain(v value) string {
	if v.raw == nil {
		return v.text
	}
	// A list entry's name is retained twice, for the position table as it
	// is read and by the decoder after.
	if len(v.raw) > 0 && len(v.raw) == len(s.retained) && &v.raw[0] == s.retainedAt {
		return s.retained
	}
	r, ok := s.strs[string(v.raw)]
	if !ok {
		r = string(v.raw)
		s.strs[r] = r
	}
	if len(v.raw) > 0 {
		s.retained, s.retainedAt = r, &v.raw[0]
	}
	return r
}

// str scans a JSON string: its text in place (raw) when it has no escapes,
// else decoded by encoding/json.
func (s *jsonSource) str() (raw []byte, text string) {
	start := s.pos
	s.pos++ // opening quote
	escaped := false
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		switch {
		case c == '"':
			s.pos++
			raw := s.data[start:s.pos]
			// Invalid UTF-8 is kept as is (encoding/json would silently
			// turn it into U+FFFD) so the decoder rejects it by line and path.
			if !escaped || !utf8.Valid(raw) {
				return raw[1 : len(raw)-1 : len(raw)-1], ""
			}
			var out string
			if err := json.Unmarshal(raw, &out); err != nil {
				panic(errJSON)
			}
			return nil, out
		case c == '\\':
			escaped = true
			s.pos += 2
		case c < 0x20:
			panic(errJSON)
		default:
			s.pos++
		}
	}
	panic(errJSON)
}

// number scans a JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
// and returns its tag (!!int when it fits an int64, else !!float) and text.
func (s *jsonSource) number() (tag string, text []byte) {
	start := s.pos
	digits := func() int {
		n := 0
		for s.pos < len(s.data) && s.data[s.pos] >= '0' && s.data[s.pos] <= '9' {
			s.pos++
			n++
		}
		return n
	}
	if s.data[s.pos] == '-' {
		s.pos++
	}
	if s.pos < len(s.data) && s.data[s.pos] == '0' {
		s.pos++
	} else if digits() == 0 {
		panic(errJSON)
	}
	tag = "!!int"
	if s.pos < len(s.data) && s.data[s.pos] == '.' {
		s.pos++
		tag = "!!float"
		if digits() == 0 {
			panic(errJSON)
		}
	}
	if s.pos < len(s.data) && (s.data[s.pos] == 'e' || s.data[s.pos] == 'E') {
		s.pos++
		tag = "!!float"
		if s.pos < len(s.data) && (s.data[s.pos] == '+' || s.data[s.pos] == '-') {
			s.pos++
		}
		if digits() == 0 {
			panic(errJSON)
		}
	}
	text = s.data[start:s.pos:s.pos]
	if tag == "!!int" {
		if _, err := strconv.ParseInt(string(text), 10, 64); err != nil {
			tag = "!!float" // too large for an int: the decoder says so
		}
	}
	return tag, text
}

// checkJSON reports whether data is one JSON value as the scanner reads it
// (nil), else errJSON.
func checkJSON(data []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if r != errJSON {
				panic(r)
			}
			err = errJSON
		}
	}()
	s := newJSONSource(data, false)
	if v := s.next(); v.entered {
		s.skip()
	}
	s.end()
	return nil
}
