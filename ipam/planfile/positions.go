package planfile

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Positions says where the fields of one plan file are, so that a front
// end can point at the line of a finding. It is read only and safe for
// concurrent use. The zero Positions (or nil) knows no position.
type Positions struct {
	root  *yaml.Node // a YAML plan's
	table *posTable  // a JSON plan's
}

// Of returns the 1-based line and column of the key or list entry that
// field names — a [ipam.Finding] Field such as
// clusters[prod].networkProfile.serviceCidr or
// vnets[hub].subnets[aks].addressPrefixes[0] — or, when the file leaves
// that value out (a default), of its nearest ancestor in the file; the
// document's first value for a field of nothing in it. Keys match
// case-insensitively (findings spell serviceCIDR where a file has
// serviceCidr); a list entry in brackets is the one of that name, else
// the one at that index. Of returns 0, 0 when ps knows no position.
func (ps *Positions) Of(field string) (line, column int) {
	if ps == nil {
		return 0, 0
	}
	if ps.table != nil {
		return ps.table.of(field)
	}
	if ps.root == nil {
		return 0, 0
	}
	n := resolveAlias(ps.root)
	line, column = n.Line, n.Column
	for _, st := range fieldSteps(field) {
		n = resolveAlias(n)
		var at *yaml.Node
		if st.entry {
			at = entry(n, st.name)
			n = at
		} else {
			at, n = member(n, st.name)
		}
		if at == nil {
			break
		}
		line, column = at.Line, at.Column
	}
	return line, column
}

// step is one part of a field path: a key, or a list entry in brackets.
type step struct {
	name  string
	entry bool
}

// fieldSteps splits a field path: "a.b[c].d" is a, b, [c], d. A bracket
// holds everything up to the next "]", dots included (names may have them).
func fieldSteps(field string) []step {
	var out []step
	for field != "" {
		switch field[0] {
		case '.':
			field = field[1:]
		case '[':
			name, rest, ok := strings.Cut(field[1:], "]")
			if !ok {
				return out
			}
			out = append(out, step{name: name, entry: true})
			field = rest
		default:
			end := strings.IndexAny(field, ".[")
			if end < 0 {
				end = len(field)
			}
			out = append(out, step{name: field[:end]})
			field = field[end:]
		}
	}
	return out
}

// member returns the key node and the value node of key name in mapping n
// (compared case-insensitively), or nils.
func member(n *yaml.Node, name string) (key, value *yaml.Node) {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Kind == yaml.ScalarNode && strings.EqualFold(k.Value, name) {
			return k, n.Content[i+1]
		}
	}
	return nil, nil
}

// entry returns the element of list n whose name is sel, else the one at
// index sel, or nil.
func entry(n *yaml.Node, sel string) *yaml.Node {
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	for _, e := range n.Content {
		if _, v := member(resolveAlias(e), "name"); v != nil && v.Kind == yaml.ScalarNode && v.Value == sel {
			return e
		}
	}
	if i, err := strconv.Atoi(sel); err == nil && i >= 0 && i < len(n.Content) {
		return n.Content[i]
	}
	return nil
}
