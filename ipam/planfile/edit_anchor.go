package planfile

import "go.yaml.in/yaml/v3"

// A key Fill adds to an anchored mapping is seen by every mapping that
// merges it (<<: *a) and every alias of it (*a). A mapping that merges it
// and wants another value states that value itself, as fill adds it; but
// one whose completion has no such key at all (overlayMaxNodes in the
// defaults of a cluster that is not overlay, maxUnavailable on a System
// pool) cannot say so in YAML, and an alias can say nothing of its own.
// There the key is taken out of the anchored mapping again: a key left
// out is read as its default, a key in the wrong place is a value that
// does not apply.

// addition is a key fill added to an anchored mapping.
type addition struct {
	to, key *yaml.Node
}

// unshare takes out of their anchored mappings the keys fill added that a
// mapping merging one, or an alias of one, would take on and its
// completion does not hold.
func (fl filler) unshare(doc *yaml.Node) {
	if len(*fl.added) == 0 {
		return
	}
	viewers := map[*yaml.Node][]*yaml.Node{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		switch n.Kind {
		case yaml.AliasNode:
			viewers[resolveAlias(n)] = append(viewers[resolveAlias(n)], n)
			return
		case yaml.MappingNode:
			for _, src := range mergeSources(n, 0) {
				viewers[src] = append(viewers[src], n)
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(doc)
	for _, a := range *fl.added {
		j := keyIndex(a.to, a.key.Value)
		if j < 0 || a.to.Content[j] != a.key {
			continue
		}
		for _, v := range viewers[a.to] {
			if fl.takesWrongly(v, a.key.Value, a.to.Content[j+1]) {
				a.to.Content = append(a.to.Content[:j:j], a.to.Content[j+2:]...)
				break
			}
		}
	}
}

// takesWrongly reports whether v, a mapping that merges an anchored one
// or an alias of it, takes on its key name with value val though v's
// completion does not hold that.
func (fl filler) takesWrongly(v *yaml.Node, name string, val *yaml.Node) bool {
	w := fl.wants[v]
	if w == nil || w.Kind != yaml.MappingNode {
		return false // not part of the plan as completed
	}
	if v.Kind == yaml.MappingNode {
		return keyIndex(v, name) < 0 && keyIndex(w, name) < 0 // a value v wants it states itself
	}
	j := keyIndex(w, name)
	return j < 0 || !sameValue(w.Content[j+1], val)
}

// mergeSources returns the mappings mapping n merges, and those they
// merge.
func mergeSources(n *yaml.Node, depth int) []*yaml.Node {
	if depth > 16 {
		return nil
	}
	var out []*yaml.Node
	for _, s := range directMerges(n) {
		out = append(out, s)
		out = append(out, mergeSources(s, depth+1)...)
	}
	return out
}

// directMerges returns the mappings mapping n's merge keys name, in the
// file's order (the sources of "<<: [*a, *b]" in that order), aliases
// resolved; not those the sources merge in turn.
func directMerges(n *yaml.Node) []*yaml.Node {
	var out []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Kind != yaml.ScalarNode || k.ShortTag() != "!!merge" {
			continue
		}
		v := resolveAlias(n.Content[i+1])
		sources := []*yaml.Node{v}
		if v.Kind == yaml.SequenceNode {
			sources = v.Content
		}
		for _, s := range sources {
			if s = resolveAlias(s); s.Kind == yaml.MappingNode {
				out = append(out, s)
			}
		}
	}
	return out
}

// sameValue reports whether a and b hold the same value: the same kind,
// scalar text and entries.
func sameValue(a, b *yaml.Node) bool {
	a, b = resolveAlias(a), resolveAlias(b)
	if a.Kind != b.Kind || len(a.Content) != len(b.Content) || (a.Kind == yaml.ScalarNode && a.Value != b.Value) {
		return false
	}
	for i := range a.Content {
		if !sameValue(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}
