package planfile

import "go.yaml.in/yaml/v3"

// nodeSource reads a YAML node tree (see source).
type nodeSource struct {
	pending *yaml.Node // what next reads
	stack   []nodeFrame
	budget  int // values left to read; bounds alias expansion
}

// nodeFrame is a mapping or list being read, and the index of its next
// member or entry.
type nodeFrame struct {
	n *yaml.Node
	i int
}

func newNodeSource(root *yaml.Node, size int) *nodeSource {
	return &nodeSource{pending: root, budget: 100*size + 1000}
}

func (s *nodeSource) next() value {
	n := s.pending
	s.pending = nil
	aliasLine := n.Line
	for {
		if s.budget--; s.budget < 0 {
			return value{line: n.Line, bad: "document too large (alias expansion)", stop: true}
		}
		if n.Kind != yaml.AliasNode {
			break
		}
		if n.Alias == nil {
			return value{line: n.Line, bad: "unknown alias"}
		}
		n = n.Alias
	}
	return s.open(n, aliasLine)
}

// open returns n's header, entering n when it is a mapping or a list.
func (s *nodeSource) open(n *yaml.Node, aliasLine int) value {
	v := value{kind: n.Kind, tag: n.Tag, text: n.Value, line: n.Line, aliasLine: aliasLine, node: n}
	switch n.Kind {
	case yaml.MappingNode, yaml.SequenceNode:
		v.entered = true
		s.stack = append(s.stack, nodeFrame{n: n})
	case yaml.ScalarNode:
	default: // a document node where a value belongs: never in a tree parseNode returns
		v.kind = 0
		v.bad = "unexpected document"
	}
	return v
}

func (s *nodeSource) key() (value, bool) {
	f := &s.stack[len(s.stack)-1]
	if f.i+1 >= len(f.n.Content) {
		s.stack = s.stack[:len(s.stack)-1]
		return value{}, false
	}
	k := f.n.Content[f.i]
	s.pending = f.n.Content[f.i+1]
	f.i += 2
	return value{kind: k.Kind, tag: k.Tag, text: k.Value, line: k.Line, aliasLine: k.Line, node: k}, true
}

func (s *nodeSource) more() bool {
	f := &s.stack[len(s.stack)-1]
	if f.i >= len(f.n.Content) {
		s.stack = s.stack[:len(s.stack)-1]
		return false
	}
	s.pending = f.n.Content[f.i]
	f.i++
	return true
}

func (s *nodeSource) skip() { s.stack = s.stack[:len(s.stack)-1] }

func (s *nodeSource) retain(v value) string { return v.text }
