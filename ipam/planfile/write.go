package planfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/cidrplan/cidrplan/internal/jsonyaml"
	"github.com/cidrplan/cidrplan/ipam"
)

// Format is the text format of a plan file.
type Format string

// The formats [Write] and [Marshal] produce; [Parse] reads both.
const (
	// YAML: block style, indented by two spaces, strings quoted only where
	// YAML needs it.
	YAML Format = "yaml"
	// JSON: indented by two spaces.
	JSON Format = "json"
)

// ErrFormat: a format other than [YAML] or [JSON] was asked for.
var ErrFormat = errors.New("planfile: unknown format")

// Write writes p to w in format f with the keys [Parse] reads, in the order
// of the [ipam.Plan] fields, and a final newline; fields at their zero value
// are left out. Parse of the output gives p back. An unknown format is an
// error matching [ErrFormat]; other errors are w's, as they are.
func Write(w io.Writer, p *ipam.Plan, f Format) error {
	switch f {
	case YAML:
		return jsonyaml.WriteYAML(w, p)
	case JSON:
		return jsonyaml.WriteJSON(w, p)
	}
	return fmt.Errorf("%w %q (want %s or %s)", ErrFormat, string(f), YAML, JSON)
}

// Marshal returns p in format f, as [Write] writes it.
func Marshal(p *ipam.Plan, f Format) ([]byte, error) {
	var b bytes.Buffer
	if err := Write(&b, p, f); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
