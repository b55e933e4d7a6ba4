package ipam

import (
	"bytes"
	"encoding/json"
	"fmt"

	"go.yaml.in/yaml/v3"
)

// Marshal returns p as indented JSON with the keys [Parse] reads; fields at
// their zero value are left out. Parse(Marshal(p)) gives p back.
func Marshal(p *Plan) ([]byte, error) {
	b, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("ipam: marshal plan: %w", err)
	}
	return append(b, '\n'), nil
}

// MarshalYAML returns p as YAML with the keys [Parse] reads, in the same
// order as [Marshal]; strings are quoted only where YAML needs it.
func MarshalYAML(p *Plan) ([]byte, error) {
	b, err := json.Marshal(p)
	if err != nil {
		return nil, fmt.Errorf("ipam: marshal plan: %w", err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("ipam: marshal plan: %w", err)
	}
	plainStyle(&doc)
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, fmt.Errorf("ipam: marshal plan: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("ipam: marshal plan: %w", err)
	}
	return out.Bytes(), nil
}

// plainStyle drops the JSON flow and quoting styles so the encoder writes
// block YAML and quotes only ambiguous strings.
func plainStyle(n *yaml.Node) {
	n.Style = 0
	for _, c := range n.Content {
		plainStyle(c)
	}
}
