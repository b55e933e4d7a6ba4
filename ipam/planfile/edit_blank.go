package planfile

import (
	"bytes"
	"slices"

	"go.yaml.in/yaml/v3"
)

// The YAML encoder writes no blank lines, and a plan file uses them to
// set its sections apart. Fill puts them back: each key of a block
// mapping and entry of a block list that had blank lines before it (before
// its head comment, when it has one) gets as many again in the output.

// blankGaps returns, for the keys and entries of the block collections
// under n, how many blank lines of text come before each.
func blankGaps(n *yaml.Node, text []byte) map[*yaml.Node]int {
	lines := bytes.Split(text, []byte("\n"))
	gaps := map[*yaml.Node]int{}
	eachBlockItem(n, func(item *yaml.Node) {
		if i := lineAbove(lines, item.Line-1, item.HeadComment != ""); i >= 0 {
			g := 0
			for ; i-g >= 0 && len(bytes.TrimSpace(lines[i-g])) == 0; g++ {
			}
			if g > 0 {
				gaps[item] = g
			}
		}
	})
	return gaps
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
// block list under n, in document order.
func eachBlockItem(n *yaml.Node, f func(*yaml.Node)) {
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
			f(n.Content[i])
			eachBlockItem(n.Content[i+step-1], f)
		}
	}
}

// withBlankLines returns out, the encoding of doc, with the blank lines of
// gaps put back before the keys and entries they came before; out as it
// is when it does not read back as doc's shape.
func withBlankLines(out []byte, doc *yaml.Node, gaps map[*yaml.Node]int) []byte {
	if len(gaps) == 0 {
		return out
	}
	var again yaml.Node
	if yaml.Unmarshal(out, &again) != nil {
		return out
	}
	var mine, theirs []*yaml.Node
	eachBlockItem(doc, func(n *yaml.Node) { mine = append(mine, n) })
	eachBlockItem(&again, func(n *yaml.Node) { theirs = append(theirs, n) })
	if len(mine) != len(theirs) {
		return out
	}
	lines := bytes.SplitAfter(out, []byte("\n"))
	before := map[int]int{} // line index: blank lines to put before it
	for k, n := range mine {
		g := gaps[n]
		if g == 0 {
			continue
		}
		i := lineAbove(lines, theirs[k].Line-1, theirs[k].HeadComment != "") + 1
		if i <= 0 || i >= len(lines) || len(bytes.TrimSpace(lines[i-1])) == 0 {
			continue
		}
		before[i] = max(before[i], g)
	}
	var b bytes.Buffer
	for i, l := range lines {
		b.Write(bytes.Repeat([]byte("\n"), before[i]))
		b.Write(l)
	}
	return slices.Clip(b.Bytes())
}
