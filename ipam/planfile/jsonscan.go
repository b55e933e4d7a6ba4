package planfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// JSON plans are read by a small strict JSON scanner that builds the same
// yaml.Node tree the YAML parser would, with lines, so one decoder serves
// both formats. It is several times faster than the YAML parser on large
// plans (a 100,000-subnet plan is mostly JSON-shaped data). Input it
// rejects goes to the YAML parser, which also reads JSON and reports the
// error with its line.

var errJSON = errors.New("not JSON")

// looksLikeJSON reports whether data starts, after white space, with '{' or
// '['.
func looksLikeJSON(data []byte) bool {
	data = bytes.TrimLeft(data, " \t\r\n")
	return len(data) > 0 && (data[0] == '{' || data[0] == '[')
}

// parseJSONNode parses data as one JSON value into a document node.
func parseJSONNode(data []byte) (*yaml.Node, error) {
	s := jsonScanner{data: data, line: 1}
	v, err := s.value(0)
	if err != nil {
		return nil, err
	}
	s.space()
	if s.pos != len(s.data) {
		return nil, errJSON
	}
	return &yaml.Node{Kind: yaml.DocumentNode, Line: 1, Column: 1, Content: []*yaml.Node{v}}, nil
}

type jsonScanner struct {
	data      []byte
	pos       int
	line      int
	lineStart int // offset of the current line's first byte
}

// column is the 1-based byte column of the current position.
func (s *jsonScanner) column() int { return s.pos - s.lineStart + 1 }

const maxJSONDepth = 1000

func (s *jsonScanner) space() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case '\n':
			s.line++
			s.lineStart = s.pos + 1
		case ' ', '\t', '\r':
		default:
			return
		}
		s.pos++
	}
}

// value scans one JSON value into a node with its line and column.
func (s *jsonScanner) value(depth int) (*yaml.Node, error) {
	if depth > maxJSONDepth {
		return nil, errJSON
	}
	s.space()
	col := s.column()
	n, err := s.bareValue(depth)
	if n != nil {
		n.Column = col
	}
	return n, err
}

func (s *jsonScanner) bareValue(depth int) (*yaml.Node, error) {
	if s.pos >= len(s.data) {
		return nil, errJSON
	}
	line := s.line
	switch c := s.data[s.pos]; {
	case c == '{':
		return s.object(depth)
	case c == '[':
		return s.array(depth)
	case c == '"':
		str, err := s.str()
		if err != nil {
			return nil, err
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: str, Line: line}, nil
	case c == '-' || c >= '0' && c <= '9':
		return s.number()
	default:
		for _, lit := range []struct{ text, tag string }{{"true", "!!bool"}, {"false", "!!bool"}, {"null", "!!null"}} {
			if bytes.HasPrefix(s.data[s.pos:], []byte(lit.text)) {
				s.pos += len(lit.text)
				return &yaml.Node{Kind: yaml.ScalarNode, Tag: lit.tag, Value: lit.text, Line: line}, nil
			}
		}
	}
	return nil, errJSON
}

func (s *jsonScanner) object(depth int) (*yaml.Node, error) {
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: s.line}
	s.pos++ // {
	s.space()
	if s.pos < len(s.data) && s.data[s.pos] == '}' {
		s.pos++
		return n, nil
	}
	for {
		s.space()
		if s.pos >= len(s.data) || s.data[s.pos] != '"' {
			return nil, errJSON
		}
		line, col := s.line, s.column()
		key, err := s.str()
		if err != nil {
			return nil, err
		}
		s.space()
		if s.pos >= len(s.data) || s.data[s.pos] != ':' {
			return nil, errJSON
		}
		s.pos++
		v, err := s.value(depth + 1)
		if err != nil {
			return nil, err
		}
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: line, Column: col}, v)
		s.space()
		if s.pos >= len(s.data) {
			return nil, errJSON
		}
		switch s.data[s.pos] {
		case ',':
			s.pos++
		case '}':
			s.pos++
			return n, nil
		default:
			return nil, errJSON
		}
	}
}

func (s *jsonScanner) array(depth int) (*yaml.Node, error) {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: s.line}
	s.pos++ // [
	s.space()
	if s.pos < len(s.data) && s.data[s.pos] == ']' {
		s.pos++
		return n, nil
	}
	for {
		v, err := s.value(depth + 1)
		if err != nil {
			return nil, err
		}
		n.Content = append(n.Content, v)
		s.space()
		if s.pos >= len(s.data) {
			return nil, errJSON
		}
		switch s.data[s.pos] {
		case ',':
			s.pos++
		case ']':
			s.pos++
			return n, nil
		default:
			return nil, errJSON
		}
	}
}

// str scans a JSON string; escapes are decoded by encoding/json.
func (s *jsonScanner) str() (string, error) {
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
				return string(raw[1 : len(raw)-1]), nil
			}
			var out string
			if err := json.Unmarshal(raw, &out); err != nil {
				return "", errJSON
			}
			return out, nil
		case c == '\\':
			escaped = true
			s.pos += 2
		case c < 0x20:
			return "", errJSON
		default:
			s.pos++
		}
	}
	return "", errJSON
}

// number scans a JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *jsonScanner) number() (*yaml.Node, error) {
	start, line := s.pos, s.line
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
		return nil, errJSON
	}
	tag := "!!int"
	if s.pos < len(s.data) && s.data[s.pos] == '.' {
		s.pos++
		tag = "!!float"
		if digits() == 0 {
			return nil, errJSON
		}
	}
	if s.pos < len(s.data) && (s.data[s.pos] == 'e' || s.data[s.pos] == 'E') {
		s.pos++
		tag = "!!float"
		if s.pos < len(s.data) && (s.data[s.pos] == '+' || s.data[s.pos] == '-') {
			s.pos++
		}
		if digits() == 0 {
			return nil, errJSON
		}
	}
	text := string(s.data[start:s.pos])
	if tag == "!!int" {
		if _, err := strconv.ParseInt(text, 10, 64); err != nil {
			tag = "!!float" // too large for an int: the decoder says so
		}
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: text, Line: line}, nil
}
