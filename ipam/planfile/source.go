package planfile

import "go.yaml.in/yaml/v3"

// A source is a plan document as the decoder reads it: value by value, in
// document order. Two kinds exist: a YAML node tree (nodeSource) and JSON
// bytes scanned as the decoder goes (jsonSource), which builds no tree.
//
// Reading is strictly nested. next reads the header of the next value; a
// scalar is then read, a mapping or a list entered: key (mapping) or more
// (list) step through its members until they report the end, which leaves
// it, or skip leaves it at once. The decoder consumes every value it is
// handed that way, except when it stops early (errStop), after which the
// source is not read again.
type source interface {
	// next reads the header of the next value: the document's, a mapping
	// member's after key, or a list entry's after more.
	next() value
	// key reads the next key of the mapping entered last and reports
	// whether there is one; at its end it leaves the mapping.
	key() (value, bool)
	// more reports whether the list entered last has another entry; at its
	// end it leaves the list.
	more() bool
	// skip leaves the mapping or list entered last, reading past the rest
	// of it.
	skip()
	// retain returns v's text as a value may keep it: one copy shared by
	// equal strings where the source's text is transient.
	retain(v value) string
}

// value is the header of one value: its kind, line and column, and a
// scalar's tag and text. YAML aliases are already followed.
type value struct {
	kind yaml.Kind // yaml.ScalarNode, MappingNode or SequenceNode; 0 for bad
	tag  string    // a scalar's resolved tag: !!str, !!int, !!float, !!bool, !!null; !!merge for a merge key
	text string    // a scalar's text, unless raw holds it
	// raw is a JSON scalar's text as it is in the input (a string with no
	// escapes, a number), read in place: valid only until the next read,
	// and nil when text holds the text.
	raw []byte
	// key is a JSON key's number in its document plus 1 (keys of one
	// spelling share it), 0 for none.
	key  int32
	line int
	// aliasLine is the line of the alias a YAML value was reached by (its
	// own line when none).
	aliasLine int
	// entered is set when next entered a mapping or list (key or more must
	// read it, or skip leave it); keys are never entered.
	entered bool
	// node is the YAML node (nodeSource only): merge keys are read from it.
	node *yaml.Node
	// bad says why a YAML value can't be read (an unknown alias, the alias
	// expansion budget spent); kind is 0 then.
	bad string
	// stop is set with bad when decoding must end.
	stop bool
}

func (v value) isNull() bool { return v.kind == yaml.ScalarNode && v.tag == "!!null" }

// str returns the scalar's text (a copy when it is raw).
func (v value) str() string {
	if v.raw != nil {
		return string(v.raw)
	}
	return v.text
}

// bytes returns the scalar's text for reading only.
func (v value) bytes() []byte {
	if v.raw != nil {
		return v.raw
	}
	return []byte(v.text)
}

// is reports whether the scalar's text is s.
func (v value) is(s string) bool {
	if v.raw != nil {
		return string(v.raw) == s
	}
	return v.text == s
}
