package planfile

import (
	"bytes"
	"slices"

	"go.yaml.in/yaml/v3"
)

// The YAML encoder writes no blank lines, one space before a line's
// comment, and no document markers, and a plan file may use all three:
// blank lines to set its sections apart, comments aligned in a column,
// "---" to start the document. Fill puts them back where the encoding
// has the keys and entries they were beside.

// lineLook is what a key of a block mapping or entry of a block list had
// around it in the file: blank lines before it (before its head comment,
// when it has one), and the white space before the comment of its line,
// when that is not one space.
type lineLook struct {
	blanks  int
	pad     string
	comment string
}

// lineLooks returns the lineLook of the keys and entries of the block
// collections under n, as text has them.
func lineLooks(n *yaml.Node, text []byte) map[*yaml.Node]lineLook {
	lines := bytes.Split(text, []byte("\n"))
	looks := map[*yaml.Node]lineLook{}
	eachBlockItem(n, func(item, v *yaml.Node) {
		var look lineLook
		if i := lineAbove(lines, item.Line-1, item.HeadComment != ""); i >= 0 {
			for ; i-look.blanks >= 0 && len(bytes.TrimSpace(lines[i-look.blanks])) == 0; look.blanks++ {
			}
		}
		if item.Line >= 1 && item.Line <= len(lines) {
			look.pad, look.comment = commentPad(lines[item.Line-1], item, v)
		}
		if look != (lineLook{}) {
			looks[item] = look
		}
	})
	return looks
}

// commentPad returns the comment of line, which holds item and its value
// v, and the white space before it, when that is not one space.
func commentPad(line []byte, item, v *yaml.Node) (pad, comment string) {
	line = bytes.TrimRight(line, " \t\r")
	for _, c := range []string{item.LineComment, v.LineComment} {
		if c == "" || !bytes.HasSuffix(line, []byte(c)) {
			continue
		}
		rest := line[:len(line)-len(c)]
		p := rest[len(bytes.TrimRight(rest, " \t")):]
		if len(p) > 0 && string(p) != " " && len(p) < len(rest) {
			return string(p), c
		}
		return "", ""
	}
	return "", ""
}

// lineAbove returns the index of the line above line i (0-based), above
// the comment lines there too when headed is set; -1 when there is none.
func lineAbove(lines [][]byte, i int, headed bool) int {
	if i < 0 || i > len(lines) {
		return -1
	}
	i--
	for headed && i >= 0 && bytes.HasPrefix(bytes.TrimSpace(lines[i]), []byte("#")) {
		i--
	}
	return i
}

// eachBlockItem calls f with each key of a block mapping and entry of a
// block list under n, in document order, and the key's value (the entry
// itself for an entry).
func eachBlockItem(n *yaml.Node, f func(item, v *yaml.Node)) {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			eachBlockItem(c, f)
		}
	case yaml.MappingNode, yaml.SequenceNode:
		if n.Style&yaml.FlowStyle != 0 {
			return
		}
		step := 1
		if n.Kind == yaml.MappingNode {
			step = 2
		}
		for i := 0; i+step <= len(n.Content); i += step {
			f(n.Content[i], n.Content[i+step-1])
			eachBlockItem(n.Content[i+step-1], f)
		}
	}
}

// withLineLooks returns out, the encoding of doc, with the blank lines and
// comment columns of looks put back at the keys and entries they belong
// to, and the document markers of text; out as it is when it does not
// read back as doc's shape.
func withLineLooks(out []byte, doc *yaml.Node, looks map[*yaml.Node]lineLook, text []byte) []byte {
	out = withMarkers(out, text)
	if len(looks) == 0 {
		return out
	}
	var again yaml.Node
	if yaml.Unmarshal(out, &again) != nil {
		return out
	}
	var mine, theirs []*yaml.Node
	eachBlockItem(doc, func(n, _ *yaml.Node) { mine = append(mine, n) })
	eachBlockItem(&again, func(n, _ *yaml.Node) { theirs = append(theirs, n) })
	if len(mine) != len(theirs) {
		return out
	}
	lines := bytes.SplitAfter(out, []byte("\n"))
	before := map[int]int{} // line index: blank lines to put before it
	padded := map[int]bool{}
	for k, n := range mine {
		look, ok := looks[n]
		if !ok {
			continue
		}
		if line := theirs[k].Line; look.comment != "" && line >= 1 && line <= len(lines) && !padded[line] {
			padded[line] = true
			l := &lines[line-1]
			body := bytes.TrimRight(*l, "\n")
			if one := " " + look.comment; bytes.HasSuffix(body, []byte(one)) {
				*l = slices.Concat(body[:len(body)-len(one)], []byte(look.pad), []byte(look.comment), (*l)[len(body):])
			}
		}
		i := lineAbove(lines, theirs[k].Line-1, theirs[k].HeadComment != "") + 1
		if look.blanks == 0 || i <= 0 || i >= len(lines) || len(bytes.TrimSpace(lines[i-1])) == 0 {
			continue
		}
		before[i] = max(before[i], look.blanks)
	}
	var b bytes.Buffer
	for i, l := range lines {
		b.Write(bytes.Repeat([]byte("\n"), before[i]))
		b.Write(l)
	}
	return slices.Clip(b.Bytes())
}

// withMarkers returns out with the "---" that starts text, and the "..."
// that ends it, when out lacks them.
func withMarkers(out, text []byte) []byte {
	lines := bytes.Split(bytes.TrimRight(text, "\n"), []byte("\n"))
	if string(bytes.TrimRight(lines[0], " \t")) == "---" && !bytes.HasPrefix(out, []byte("---")) {
		out = slices.Concat([]byte("---\n"), out)
	}
	if last := lines[len(lines)-1]; string(bytes.TrimRight(last, " \t")) == "..." && !bytes.HasSuffix(out, []byte("...\n")) {
		out = slices.Concat(out, []byte("...\n"))
	}
	return out
}
