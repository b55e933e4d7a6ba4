package planfile

import (
	"bytes"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// A JSON plan file is filled in its own text: it is read by the JSON
// scanner Parse uses (jsonSource) into a node tree whose nodes know where
// they are in the text, the filler adds to that tree what the completed
// plan holds, and what it added is written into the text at the places it
// belongs, in the layout of its neighbours. Everything else stays
// byte for byte: white space, key order, escapes, number spellings.

// jsonFile is a JSON plan file read for Fill.
type jsonFile struct {
	text []byte
	root *yaml.Node
	// spans holds where each value of the file is in text, and each key:
	// from its opening quote through its colon.
	spans map[*yaml.Node]span
	// nulls holds the file's nulls: the filler may make one a value.
	nulls map[*yaml.Node]bool
	// indent is the file's indentation unit ("" for a file on one line).
	indent string
	// spaced is set when the file writes a space after its colons (and
	// after the commas of the lists and objects it writes on one line).
	spaced, styled bool
}

// span is a half-open range of byte offsets.
type span struct{ start, end int }

// readJSONFile reads text with the JSON scanner; ok is false when text is
// not one JSON object or array.
func readJSONFile(text []byte) (f *jsonFile, ok bool) {
	if !looksLikeJSON(text) {
		return nil, false
	}
	defer func() {
		if r := recover(); r != nil {
			if r != errJSON {
				panic(r)
			}
			f, ok = nil, false
		}
	}()
	f = &jsonFile{text: text, spans: map[*yaml.Node]span{}, nulls: map[*yaml.Node]bool{}, indent: jsonIndent(text)}
	s := newJSONSource(text, false)
	f.root = f.read(s)
	s.end()
	if !f.styled {
		f.spaced = f.indent != ""
	}
	return f, true
}

// read reads the next value of s into a node, and notes where it is.
func (f *jsonFile) read(s *jsonSource) *yaml.Node {
	start := skipJSONSpace(f.text, s.pos)
	v := s.next()
	n := &yaml.Node{Kind: v.kind, Line: v.line, Column: 1 + start - lineStartOf(f.text, start)}
	switch v.kind {
	case yaml.MappingNode:
		n.Tag, n.Style = "!!map", yaml.FlowStyle
		for {
			keyStart := skipJSONSpace(f.text, s.pos)
			if keyStart < len(f.text) && f.text[keyStart] == ',' {
				keyStart = skipJSONSpace(f.text, keyStart+1)
			}
			k, ok := s.key()
			if !ok {
				break
			}
			if !f.styled {
				f.spaced, f.styled = s.pos < len(f.text) && isJSONSpace(f.text[s.pos]), true
			}
			kn := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.DoubleQuotedStyle, Value: k.text, Line: k.line,
				Column: 1 + keyStart - lineStartOf(f.text, keyStart)}
			f.spans[kn] = span{keyStart, s.pos}
			n.Content = append(n.Content, kn, f.read(s))
		}
	case yaml.SequenceNode:
		n.Tag, n.Style = "!!seq", yaml.FlowStyle
		for s.more() {
			n.Content = append(n.Content, f.read(s))
		}
	default:
		n.Value, n.Tag = v.str(), v.tag
		f.nulls[n] = v.isNull()
		switch {
		case v.tag == "!!str":
			n.Style = yaml.DoubleQuotedStyle
		case v.tag == "!!int" || v.tag == "!!float":
			n.Tag = (&yaml.Node{Kind: yaml.ScalarNode, Value: n.Value}).ShortTag() // as YAML reads the number
		}
	}
	f.spans[n] = span{start, s.pos}
	return n
}

// skipJSONSpace returns the offset of the first byte at or after i that is
// not JSON white space.
func skipJSONSpace(text []byte, i int) int {
	for i < len(text) && isJSONSpace(text[i]) {
		i++
	}
	return i
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// lineStartOf returns the offset of the first byte of the line holding
// offset i.
func lineStartOf(text []byte, i int) int {
	return bytes.LastIndexByte(text[:i], '\n') + 1
}

// edit is text to write in place of text[at:end] (at == end for an
// insertion).
type edit struct {
	at, end int
	text    string
}

// write returns the file's text with what the filler added to its tree
// written in, ending in a line break.
func (f *jsonFile) write() []byte {
	var edits []edit
	f.edits(f.root, &edits)
	slices.SortStableFunc(edits, func(a, b edit) int { return a.at - b.at })
	var b bytes.Buffer
	last := 0
	for _, e := range edits {
		b.Write(f.text[last:e.at])
		b.WriteString(e.text)
		last = e.end
	}
	b.Write(f.text[last:])
	if !bytes.HasSuffix(b.Bytes(), []byte("\n")) {
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// edits adds to out the insertions that write into the text what the
// filler added under n, a value of the file: new members or entries of n
// go after the last one of the file before them, or before its first one
// when none is; those of an empty object or array between its brackets.
func (f *jsonFile) edits(n *yaml.Node, out *[]edit) {
	own, ok := f.spans[n]
	if !ok || (n.Kind != yaml.MappingNode && n.Kind != yaml.SequenceNode) {
		return
	}
	step := 1
	if n.Kind == yaml.MappingNode {
		step = 2
	}
	var kept []int // indices in n.Content of the file's own members or entries
	for i := 0; i+step <= len(n.Content); i += step {
		if _, ok := f.spans[n.Content[i]]; ok {
			kept = append(kept, i)
		}
	}
	lay := f.layout(n, own, kept, step)
	var added []string
	after := -1 // index of the file's member or entry the added ones follow
	flush := func() {
		if len(added) == 0 {
			return
		}
		text := strings.Join(added, lay.sep)
		switch {
		case after >= 0:
			at := f.spans[n.Content[after+step-1]].end
			*out = append(*out, edit{at, at, lay.sep + text})
		case len(kept) > 0:
			at := f.spans[n.Content[kept[0]]].start
			*out = append(*out, edit{at, at, text + lay.sep})
		default:
			*out = append(*out, edit{own.start + 1, own.start + 1, lay.open + text})
		}
		added = nil
	}
	w := jsonWriter{indent: f.indent, spaced: f.spaced}
	for i := 0; i+step <= len(n.Content); i += step {
		v := n.Content[i+step-1]
		if _, ok := f.spans[n.Content[i]]; ok {
			flush()
			after = i
			if f.nulls[v] && !isNull(v) { // a null the filler made a value
				var b bytes.Buffer
				w.write(&b, v, lay.lead, !lay.multiline)
				*out = append(*out, edit{f.spans[v].start, f.spans[v].end, b.String()})
			} else {
				f.edits(v, out)
			}
			continue
		}
		var b bytes.Buffer
		if step == 2 {
			writeJSONString(&b, n.Content[i].Value)
			b.WriteString(w.colon())
		}
		w.write(&b, v, lay.lead, !lay.multiline)
		added = append(added, b.String())
	}
	flush()
}

// jsonLayout is how the members or entries of an object or array are laid
// out: what separates them, and on a layout of one a line (multiline),
// the white space that starts their lines.
type jsonLayout struct {
	sep       string
	lead      string
	multiline bool
	// open starts what is written into an empty object or array that
	// spans lines: its members go on lines of their own, before the line
	// of its closing bracket.
	open string
}

// layout returns the layout of n, whose own span is own and whose file
// members or entries are at kept: what separates its first two, or, with
// one, a line break and its indentation when it starts a line; an empty
// object or array that spans lines gets its members on lines indented one
// step more than its closing bracket's; one written with at most one
// member or entry on its bracket's line is on one line.
func (f *jsonFile) layout(n *yaml.Node, own span, kept []int, step int) jsonLayout {
	oneLine := jsonLayout{sep: ","}
	if f.spaced {
		oneLine.sep = ", "
	}
	switch len(kept) {
	case 0:
		closing := own.end - 1
		nl := bytes.LastIndexByte(f.text[own.start:closing], '\n')
		if nl < 0 || f.indent == "" {
			return oneLine
		}
		inner := string(f.text[own.start+nl+1:closing]) + f.indent
		return jsonLayout{sep: ",\n" + inner, lead: inner, multiline: true, open: "\n" + inner}
	case 1:
		first := f.spans[n.Content[kept[0]]].start
		nl := bytes.LastIndexByte(f.text[own.start:first], '\n')
		if nl < 0 {
			return oneLine
		}
		lead := string(f.text[own.start+nl+1 : first])
		return jsonLayout{sep: ",\n" + lead, lead: lead, multiline: true}
	}
	prev := f.spans[n.Content[kept[0]+step-1]].end
	sep := string(f.text[prev:f.spans[n.Content[kept[1]]].start])
	nl := strings.LastIndexByte(sep, '\n')
	if nl < 0 {
		return jsonLayout{sep: sep}
	}
	return jsonLayout{sep: sep, lead: sep[nl+1:], multiline: true}
}
