// Package jsonyaml writes a value in its JSON form: as indented JSON, or as
// block YAML with the same keys, key order and numbers. Plan files and the
// command line's structured output are both written here, so -o yaml and
// -o json always say the same thing.
package jsonyaml

import (
	"encoding/json"
	"io"

	"go.yaml.in/yaml/v3"
)

// WriteJSON writes v as JSON indented by two spaces, with a final newline.
// <, > and & stay as they are: the output is read by people and scripts,
// never embedded in HTML, and placeholders such as <resource-group> must
// copy as written.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// WriteYAML writes v as YAML with the keys and numbers of its JSON form: v
// is encoded as JSON, read back as a YAML node tree (JSON is YAML) and
// printed in block style, indented by two spaces; strings are quoted only
// where YAML needs it.
func WriteYAML(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return err
	}
	blockStyle(&doc)
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return err
	}
	return enc.Close()
}

// blockStyle clears the flow and quoting styles the JSON text gave n, so
// the encoder picks block style and quotes only where YAML needs it.
func blockStyle(n *yaml.Node) {
	n.Style = 0
	for _, c := range n.Content {
		blockStyle(c)
	}
}
