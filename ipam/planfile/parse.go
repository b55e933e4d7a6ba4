package planfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cidrplan/cidrplan/internal/input"
	"github.com/cidrplan/cidrplan/ipam"
	"go.yaml.in/yaml/v3"
)

// Load reads the plan file at path (YAML or JSON; "-" reads standard
// input), at most [ipam.DefaultMaxInputSize] bytes. See [Parse]. A larger input is an
// *ipam.TooLargeError (matching ipam.ErrTooLarge), read no further.
func Load(path string) (*ipam.Plan, error) {
	data, err := input.Read(path, os.Stdin, ipam.DefaultMaxInputSize)
	if err != nil {
		var tl *ipam.TooLargeError
		if errors.As(err, &tl) {
			return nil, err
		}
		return nil, fmt.Errorf("planfile: load plan: %w", err)
	}
	return Parse(data, input.Label(path))
}

// Parse reads a plan from YAML or JSON (JSON is read as the YAML it is);
// name labels errors (usually the file name). Keys are the json names of
// the [ipam.Plan] fields. Parse is strict: it rejects unknown and repeated
// keys, values of the wrong type, enumeration values outside their set, and
// malformed prefixes, prefixes with host bits set (naming the masked form)
// and IPv4-mapped IPv6, each as an *[ipam.ParseError] with the line and key
// path; every such mistake is reported, joined with errors.Join in file
// order, up to [ipam.MaxInputErrors]. It fills in no defaults (see [ipam.Plan.WithDefaults]). An empty
// document is an error. data may be UTF-8, with or without a byte order
// mark, or UTF-16 with one; line ends LF or CRLF.
func Parse(data []byte, name string) (*ipam.Plan, error) {
	p, _, err := parse(data, name, false, false)
	return p, err
}

// ParseWithPositions is [Parse] that also returns where the plan's fields
// are in data, for a front end that points at them.
func ParseWithPositions(data []byte, name string) (*ipam.Plan, *Positions, error) {
	return parse(data, name, true, false)
}

// parse is Parse, with the positions when positions is set. A document
// that looks like JSON is read by the JSON scanner unless viaYAML is set
// (tests compare the two); one the scanner rejects goes to the YAML parser.
func parse(data []byte, name string, positions, viaYAML bool) (*ipam.Plan, *Positions, error) {
	data, err := input.Text(data)
	if err != nil {
		var ee *input.EncodingError
		errors.As(err, &ee)
		return nil, nil, &ipam.ParseError{File: name, Line: ee.Line, Err: fmt.Errorf("%w: %s", ipam.ErrSyntax, ee.Reason)}
	}
	if !viaYAML && looksLikeJSON(data) {
		if p, ps, err, ok := decodeJSON(data, name, positions); ok {
			return p, ps, err
		}
	}
	root, err := parseYAML(data, name)
	if err != nil {
		return nil, nil, err
	}
	d := decoder{file: name, src: newNodeSource(root, len(data))}
	p, err := d.plan()
	if err != nil {
		return nil, nil, err
	}
	var ps *Positions
	if positions {
		ps = &Positions{root: root}
	}
	return p, ps, nil
}

// decodeJSON reads data with the JSON scanner; ok is false when data is
// not JSON as the scanner reads it.
func decodeJSON(data []byte, name string, positions bool) (p *ipam.Plan, ps *Positions, err error, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if r != errJSON {
				panic(r)
			}
			p, ps, err, ok = nil, nil, nil, false
		}
	}()
	src := newJSONSource(data, positions)
	d := decoder{file: name, src: src}
	p, err = d.plan()
	if d.stop {
		// Decoding ended early: the rest must still be JSON, or the
		// document is the YAML parser's to judge.
		if checkJSON(data) != nil {
			return nil, nil, nil, false
		}
	} else {
		src.end()
	}
	if err != nil {
		return nil, nil, err, true
	}
	if src.table != nil {
		src.table.finish(src.keys)
		ps = &Positions{table: src.table}
	}
	return p, ps, nil, true
}

// plan decodes the document's value into a Plan.
func (d *decoder) plan() (*ipam.Plan, error) {
	var p ipam.Plan
	d.keep(d.decode(d.src.next(), reflect.ValueOf(&p).Elem(), 0, ""))
	if len(d.errs) > 0 {
		return nil, d.err()
	}
	return &p, nil
}

// parseYAML parses data, YAML (or JSON) in UTF-8, into the node of its one
// document's value.
func parseYAML(data []byte, name string) (*yaml.Node, error) {
	if err := checkUTF8(data, name); err != nil {
		return nil, err
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &ipam.ParseError{File: name, Err: fmt.Errorf("%w: empty plan", ipam.ErrSyntax)}
		}
		return nil, syntaxError(name, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, &ipam.ParseError{File: name, Line: extra.Line, Err: fmt.Errorf("%w: more than one YAML document", ipam.ErrSyntax)}
	} else if !errors.Is(err, io.EOF) {
		return nil, syntaxError(name, err)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return nil, &ipam.ParseError{File: name, Err: fmt.Errorf("%w: empty plan", ipam.ErrSyntax)}
		}
		root = root.Content[0]
	}
	return root, nil
}

var lineRE = regexp.MustCompile(`line (\d+)`)

// syntaxError turns a yaml error into a ParseError with its line.
func syntaxError(file string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := lineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = strings.TrimSpace(strings.Replace(msg, m[0]+":", "", 1))
	}
	return &ipam.ParseError{File: file, Line: line, Err: fmt.Errorf("%w: %s", ipam.ErrSyntax, msg)}
}

// checkUTF8 rejects a document that is not valid UTF-8 with the line of the
// first bad byte (the YAML parser would say only "invalid leading UTF-8
// octet").
func checkUTF8(data []byte, name string) error {
	if utf8.Valid(data) {
		return nil
	}
	bad := 0
	for bad < len(data) {
		r, size := utf8.DecodeRune(data[bad:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		bad += size
	}
	line := 1 + bytes.Count(data[:bad], []byte("\n"))
	return &ipam.ParseError{File: name, Line: line, Err: fmt.Errorf("%w: invalid UTF-8 (byte %d)", ipam.ErrInvalidValue, bad)}
}
