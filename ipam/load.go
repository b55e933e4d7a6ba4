package ipam

import (
	"bytes"
	"encoding"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cidrplan/cidrplan/sizing"
	"go.yaml.in/yaml/v3"
)

// Load reads the plan file at path (YAML or JSON). See [Parse].
func Load(path string) (*Plan, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("ipam: load plan: %w", err)
	}
	return Parse(data, path)
}

// Parse reads a plan from YAML or JSON (JSON is read as the YAML it is);
// name labels errors (usually the file name). Keys are the json names of the
// Plan fields. Parse is strict: it rejects unknown and repeated keys, values
// of the wrong type, enumeration values outside their set, and malformed
// prefixes, prefixes with host bits set (naming the masked form) and
// IPv4-mapped IPv6, each as a *[ParseError] with the line and key path. It
// fills in no defaults (see [Plan.WithDefaults]). An empty document is an
// error.
func Parse(data []byte, name string) (*Plan, error) {
	if looksLikeJSON(data) {
		if doc, err := parseJSONNode(data); err == nil {
			return decodePlan(doc.Content[0], name, len(data))
		}
	}
	if err := checkUTF8(data, name); err != nil {
		return nil, err
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &ParseError{File: name, Err: fmt.Errorf("%w: empty plan", ErrSyntax)}
		}
		return nil, syntaxError(name, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, &ParseError{File: name, Line: extra.Line, Err: fmt.Errorf("%w: more than one YAML document", ErrSyntax)}
	} else if !errors.Is(err, io.EOF) {
		return nil, syntaxError(name, err)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return nil, &ParseError{File: name, Err: fmt.Errorf("%w: empty plan", ErrSyntax)}
		}
		root = root.Content[0]
	}
	return decodePlan(root, name, len(data))
}

// decodePlan maps the root node of a plan document onto a Plan.
func decodePlan(root *yaml.Node, name string, size int) (*Plan, error) {
	var p Plan
	d := decoder{file: name, budget: 100*size + 1000}
	if err := d.decode(root, reflect.ValueOf(&p).Elem(), "", ""); err != nil {
		return nil, err
	}
	return &p, nil
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
	return &ParseError{File: file, Line: line, Err: fmt.Errorf("%w: %s", ErrSyntax, msg)}
}

// decoder maps YAML nodes onto Plan values by the fields' json names.
type decoder struct {
	file   string
	budget int // nodes left to visit; bounds alias expansion
	fields map[reflect.Type]map[string]field
}

func (d *decoder) fail(n *yaml.Node, path string, err error) error {
	return &ParseError{File: d.file, Line: n.Line, Path: path, Err: err}
}

func (d *decoder) invalid(n *yaml.Node, path, format string, args ...any) error {
	return d.fail(n, path, fmt.Errorf("%w: "+format, append([]any{ErrInvalidValue}, args...)...))
}

var (
	prefixType    = reflect.TypeFor[netip.Prefix]()
	addrType      = reflect.TypeFor[netip.Addr]()
	unmarshalType = reflect.TypeFor[encoding.TextUnmarshaler]()
	modelType     = reflect.TypeFor[sizing.Model]()
)

// decode stores n into v; path is n's key path and tag the field's cidr tag.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, path, tag string) error {
	if d.budget--; d.budget < 0 {
		return d.fail(n, path, fmt.Errorf("%w: document too large (alias expansion)", ErrSyntax))
	}
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return d.fail(n, path, fmt.Errorf("%w: unknown alias", ErrSyntax))
		}
		return d.decode(n.Alias, v, path, tag)
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil // absent
	}
	t := v.Type()
	switch {
	case t == prefixType:
		s, err := d.scalar(n, path, "a CIDR")
		if err != nil {
			return err
		}
		parse := ParsePrefix
		if tag == "address" {
			parse = parseAddressPrefix
		}
		p, err := parse(s)
		if err != nil {
			return d.fail(n, path, err)
		}
		v.Set(reflect.ValueOf(p))
		return nil
	case t == addrType:
		s, err := d.scalar(n, path, "an IP address")
		if err != nil {
			return err
		}
		a, err := ParseAddr(s)
		if err != nil {
			return d.fail(n, path, err)
		}
		v.Set(reflect.ValueOf(a))
		return nil
	case reflect.PointerTo(t).Implements(unmarshalType):
		s, err := d.scalar(n, path, "a string")
		if err != nil {
			return err
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			if !errors.Is(err, ErrInvalidValue) {
				err = fmt.Errorf("%w: %w", ErrInvalidValue, err)
			}
			return d.fail(n, path, err)
		}
		return nil
	}
	switch t.Kind() {
	case reflect.String:
		s, err := d.scalar(n, path, "a string")
		if err != nil {
			return err
		}
		if key, allowed, ok := enumOf(t); ok && !slices.Contains(allowed, s) {
			return d.fail(n, path, &EnumError{Key: key, Value: s, Allowed: allowed})
		}
		if why := unprintableName(s); why != "" {
			return d.invalid(n, path, "%q: names and references may not hold %s", s, why)
		}
		v.SetString(s)
	case reflect.Int:
		s, err := d.scalar(n, path, "an integer")
		if err != nil {
			return err
		}
		i, err := strconv.Atoi(s)
		if err != nil || n.Tag != "!!int" {
			return d.invalid(n, path, "%q: want an integer", s)
		}
		v.SetInt(int64(i))
	case reflect.Bool:
		s, err := d.scalar(n, path, "true or false")
		if err != nil {
			return err
		}
		if s != "true" && s != "false" {
			return d.invalid(n, path, "%q: want true or false", s)
		}
		v.SetBool(s == "true")
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return d.invalid(n, path, "want a list")
		}
		s := reflect.MakeSlice(t, len(n.Content), len(n.Content))
		for i, item := range n.Content {
			if r := resolveAlias(item); r.Kind == yaml.ScalarNode && r.Tag == "!!null" {
				return d.invalid(item, path+"["+strconv.Itoa(i)+"]", "empty list entry")
			}
			if err := d.decode(item, s.Index(i), path+"["+strconv.Itoa(i)+"]", tag); err != nil {
				return err
			}
		}
		v.Set(s)
	case reflect.Map:
		return d.decodeMap(n, v, path)
	case reflect.Struct:
		return d.decodeStruct(n, v, path)
	default:
		return d.invalid(n, path, "unsupported field type %s", t)
	}
	return nil
}

// enumOf returns the accepted spellings of a string enumeration without an
// UnmarshalText of its own.
func enumOf(t reflect.Type) (string, []string, bool) {
	if t == modelType {
		return "model", strs(sizing.ModelNodeSubnet, sizing.ModelPodSubnetDynamic, sizing.ModelPodSubnetStatic,
			sizing.ModelOverlay, sizing.ModelKubenet, sizing.ModelNone), true
	}
	return enumValues(t)
}

func (d *decoder) scalar(n *yaml.Node, path, want string) (string, error) {
	if n.Kind != yaml.ScalarNode {
		return "", d.invalid(n, path, "want %s, not a %s", want, kindName(n.Kind))
	}
	return n.Value, nil
}

func kindName(k yaml.Kind) string {
	switch k {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	}
	return "value"
}

func (d *decoder) decodeMap(n *yaml.Node, v reflect.Value, path string) error {
	if n.Kind != yaml.MappingNode {
		return d.invalid(n, path, "want a mapping")
	}
	t := v.Type()
	m := reflect.MakeMapWithSize(t, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, vn := n.Content[i], n.Content[i+1]
		key := reflect.New(t.Key()).Elem()
		if err := d.decode(kn, key, path, ""); err != nil {
			return err
		}
		if m.MapIndex(key).IsValid() {
			return d.fail(kn, path+"."+kn.Value, fmt.Errorf("%w: key %q repeated", ErrSyntax, kn.Value))
		}
		val := reflect.New(t.Elem()).Elem()
		if err := d.decode(vn, val, path+"."+kn.Value, ""); err != nil {
			return err
		}
		m.SetMapIndex(key, val)
	}
	v.Set(m)
	return nil
}

// field is a struct field reachable by its json name, possibly through an
// embedded struct.
type field struct {
	index []int
	tag   string // the cidr tag
}

func fieldsOf(t reflect.Type) map[string]field {
	out := make(map[string]field)
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			for k, sub := range fieldsOf(f.Type) {
				if _, dup := out[k]; !dup {
					out[k] = field{index: append([]int{i}, sub.index...), tag: sub.tag}
				}
			}
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = field{index: []int{i}, tag: f.Tag.Get("cidr")}
	}
	return out
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, path string) error {
	if n.Kind != yaml.MappingNode {
		return d.invalid(n, path, "want a mapping, not a %s", kindName(n.Kind))
	}
	fields := d.fields[v.Type()]
	if fields == nil {
		if d.fields == nil {
			d.fields = make(map[reflect.Type]map[string]field)
		}
		fields = fieldsOf(v.Type())
		d.fields[v.Type()] = fields
	}
	// YAML merge keys (<<: *base) apply first; keys written out override.
	for i := 0; i+1 < len(n.Content); i += 2 {
		if kn, vn := n.Content[i], resolveAlias(n.Content[i+1]); kn.Tag == "!!merge" {
			srcs := []*yaml.Node{vn}
			if vn.Kind == yaml.SequenceNode {
				srcs = vn.Content
			}
			for _, src := range srcs {
				if err := d.decodeStruct(resolveAlias(src), v, path); err != nil {
					return err
				}
			}
		}
	}
	seen := make(map[string]bool)
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, vn := n.Content[i], n.Content[i+1]
		if kn.Tag == "!!merge" {
			continue
		}
		key := kn.Value
		sub := key
		if path != "" {
			sub = path + "." + key
		}
		if kn.Kind != yaml.ScalarNode {
			return d.fail(kn, path, fmt.Errorf("%w: a key must be a string", ErrSyntax))
		}
		f, ok := fields[key]
		if !ok {
			if unprintableName(key) != "" {
				sub = path // the key is quoted in the message, not written raw into the path
			}
			return d.fail(kn, sub, fmt.Errorf("%w %q%s", ErrUnknownField, key, suggest(key, fields)))
		}
		if seen[key] {
			return d.fail(kn, sub, fmt.Errorf("%w: key %q repeated", ErrSyntax, key))
		}
		seen[key] = true
		if err := d.decode(vn, v.FieldByIndex(f.index), sub, f.tag); err != nil {
			return err
		}
	}
	return nil
}

// suggest proposes the known key that differs from key only in case, or
// that key is a known key's prefix, as " (did you mean \"x\"?)".
func suggest(key string, fields map[string]field) string {
	names := make([]string, 0, len(fields))
	for k := range fields {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		if strings.EqualFold(k, key) {
			return fmt.Sprintf(" (did you mean %q?)", k)
		}
	}
	return fmt.Sprintf(" (known keys: %s)", strings.Join(names, ", "))
}

// resolveAlias follows a chain of aliases (yaml.v3 rejects cycles, and
// the depth is bounded anyway).
func resolveAlias(n *yaml.Node) *yaml.Node {
	for range 100 {
		if n.Kind != yaml.AliasNode || n.Alias == nil {
			return n
		}
		n = n.Alias
	}
	return n
}

// unprintableName says what makes s unfit as a name or reference ("" if
// nothing): invalid UTF-8, control characters (ESC, NUL, newlines, ...) or
// invisible formatting characters such as bidi overrides. Every plain string
// of a plan is such a name; raw, these would reach terminals and the field
// paths of findings.
func unprintableName(s string) string {
	if !utf8.ValidString(s) {
		return "invalid UTF-8"
	}
	for _, r := range s {
		switch {
		case unicode.IsControl(r):
			return fmt.Sprintf("control character %U", r)
		case unicode.Is(unicode.Cf, r):
			return fmt.Sprintf("formatting character %U", r)
		}
	}
	return ""
}

// checkUTF8 rejects a document that is not valid UTF-8 with the line of the
// first bad byte (the YAML parser would say only "invalid leading UTF-8
// octet"). Documents starting with a UTF-16 byte order mark are left to the
// YAML parser, which reads them.
func checkUTF8(data []byte, name string) error {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) || utf8.Valid(data) {
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
	return &ParseError{File: name, Line: line, Err: fmt.Errorf("%w: invalid UTF-8 (byte %d)", ErrInvalidValue, bad)}
}
