package planfile

import (
	"reflect"

	"go.yaml.in/yaml/v3"
)

// fillSequence fills the entries of have with those of want they stand
// for, and appends the entries of want that none stands for; an empty list
// takes want's entries. Other lists (of prefixes, of families) are values:
// have's stay.
//
// An entry of want stands for the entry of have with its name, as Parse
// reads it (written out or brought by a merge key): the k-th of want
// named n for the k-th of have named n. Unnamed entries ("" is their
// name) are so matched by their position among the unnamed ones, and a
// name given twice by its position among its namesakes: the completed plan
// keeps the plan's entries in their order and appends what it adds, so no
// entry of the file is ever added again beside itself. An entry of have
// that is an alias is left alone: others share it.
func (fl filler) fillSequence(have, want *yaml.Node, t reflect.Type) {
	if len(have.Content) == 0 {
		for _, w := range want.Content {
			have.Content = append(have.Content, fl.fresh(w, t))
		}
		return
	}
	byName := map[string][]*yaml.Node{} // have's entries by name, in order
	for _, h := range have.Content {
		if name, ok := entryName(resolveAlias(h)); ok {
			byName[name] = append(byName[name], h)
		}
	}
	seen := map[string]int{}
	for _, w := range want.Content {
		name, ok := entryName(w)
		if !ok {
			return
		}
		k := seen[name]
		seen[name]++
		switch same := byName[name]; {
		case k >= len(same):
			have.Content = append(have.Content, fl.fresh(w, t))
		case same[k].Kind != yaml.AliasNode:
			fl.fill(same[k], w, t)
		default:
			fl.wants[same[k]] = w // for unshare
		}
	}
}

// entryName is the name of a list entry that is a mapping, as Parse reads
// it: its name key's value, else the one the last of its merge keys to
// bring one brings; "" when it has none, or a null one.
func entryName(n *yaml.Node) (string, bool) {
	if n.Kind != yaml.MappingNode {
		return "", false
	}
	v := namedBy(n, 0)
	if v == nil || v.Kind != yaml.ScalarNode || v.ShortTag() == "!!null" {
		return "", true
	}
	return v.Value, true
}

// namedBy returns the value of mapping n's name key, written out or
// brought by a merge key (an earlier merge source overriding a later one,
// as the decoder applies them); nil when n has none.
func namedBy(n *yaml.Node, depth int) *yaml.Node {
	if j := keyIndex(n, "name"); j >= 0 {
		return n.Content[j+1]
	}
	if depth > 16 {
		return nil
	}
	for _, s := range directMerges(n) {
		if v := namedBy(s, depth+1); v != nil {
			return v
		}
	}
	return nil
}

// isEmptyString reports whether n is the scalar "".
func isEmptyString(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Value == "" && n.ShortTag() == "!!str"
}
