package sizing

import (
	"encoding/json"
	"fmt"

	"go.yaml.in/yaml/v3"
)

// MarshalText implements encoding.TextMarshaler: c in decimal digits.
func (c Count) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseCount.
func (c *Count) UnmarshalText(b []byte) error {
	v, err := ParseCount(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// MarshalJSON writes c as a JSON number with all its digits, never a float
// or a string: a decoder that reads numbers exactly (json.Number, or Count
// itself) gets c back at any size.
func (c Count) MarshalJSON() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalJSON reads a JSON number of decimal digits or a JSON string of
// them ("18446744073709551616", as exports write counts too large for a
// float), with ParseCount's rules; null leaves c unchanged.
func (c *Count) UnmarshalJSON(b []byte) error {
	s := string(b)
	switch {
	case s == "null":
		return nil
	case len(b) > 0 && b[0] == '"':
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
	}
	return c.UnmarshalText([]byte(s))
}

// MarshalYAML writes c as a plain YAML integer with all its digits, untagged
// at any size: YAML's core schema reads digits as an integer. (The YAML
// decoder resolves digits beyond 2^64 as a float; UnmarshalYAML reads their
// text, so they come back exact.)
func (c Count) MarshalYAML() (any, error) {
	return &yaml.Node{Kind: yaml.ScalarNode, Value: c.String()}, nil
}

// UnmarshalYAML reads a scalar of decimal digits, plain or quoted, with
// ParseCount's rules. Plain digits beyond 2^64 are accepted although the
// YAML decoder resolves them as a float, because their text is exact.
func (c *Count) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return &Error{Field: "count", Err: ErrCount, Detail: fmt.Sprintf("line %d: want a YAML integer", n.Line)}
	}
	return c.UnmarshalText([]byte(n.Value))
}
