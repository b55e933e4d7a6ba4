package planfile

import (
	"encoding"
	"errors"
	"fmt"
	"net/netip"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/cidrplan/cidrplan/cidr"
	"github.com/cidrplan/cidrplan/internal/printable"
	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
	"go.yaml.in/yaml/v3"
)

// decoder maps YAML nodes onto ipam.Plan values by the fields' json names.
// An error in one value does not stop it: the value is left unset, the
// error kept, and decoding goes on with the next entry or key, so one pass
// reports every independent mistake (up to ipam.MaxInputErrors).
type decoder struct {
	file   string
	budget int // nodes left to visit; bounds alias expansion
	fields map[reflect.Type]map[string]field
	errs   []error
	stop   bool // the budget or ipam.MaxInputErrors is spent: decode no further
}

// errStop ends decoding once the budget or ipam.MaxInputErrors is spent; the errors
// that led there are kept.
var errStop = errors.New("decoding stopped")

// keep records err (from a value of a list, mapping or struct) and says
// whether to go on: it returns errStop when decoding must end.
func (d *decoder) keep(err error) error {
	if err == nil || err == errStop {
		return err
	}
	d.errs = append(d.errs, err)
	if d.stop || len(d.errs) >= ipam.MaxInputErrors {
		d.stop = true
		return errStop
	}
	return nil
}

// err returns the kept errors in file order: nil, the one error, or
// several joined with errors.Join.
func (d *decoder) err() error {
	slices.SortStableFunc(d.errs, func(a, b error) int {
		return lineOf(a) - lineOf(b)
	})
	if len(d.errs) == 1 {
		return d.errs[0]
	}
	return errors.Join(d.errs...)
}

func lineOf(err error) int {
	if pe, ok := err.(*ipam.ParseError); ok {
		return pe.Line
	}
	return 0
}

func (d *decoder) fail(n *yaml.Node, path string, err error) error {
	return &ipam.ParseError{File: d.file, Line: n.Line, Path: path, Err: err}
}

func (d *decoder) invalid(n *yaml.Node, path, format string, args ...any) error {
	return d.fail(n, path, fmt.Errorf("%w: "+format, append([]any{ipam.ErrInvalidValue}, args...)...))
}

var (
	prefixType    = reflect.TypeFor[netip.Prefix]()
	addrType      = reflect.TypeFor[netip.Addr]()
	unmarshalType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// decode stores n into v; path is n's key path and tag the field's cidr tag.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, path, tag string) error {
	if d.budget--; d.budget < 0 {
		d.stop = true
		return d.fail(n, path, fmt.Errorf("%w: document too large (alias expansion)", ipam.ErrSyntax))
	}
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return d.fail(n, path, fmt.Errorf("%w: unknown alias", ipam.ErrSyntax))
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
		parse := ipam.ParsePrefix
		if tag == "address" {
			parse = cidr.ParseAddrPrefix
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
		a, err := ipam.ParseAddr(s)
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
			if !errors.Is(err, ipam.ErrInvalidValue) {
				err = fmt.Errorf("%w: %w", ipam.ErrInvalidValue, err)
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
			return d.fail(n, path, &ipam.EnumError{Key: key, Value: s, Allowed: allowed})
		}
		if why := printable.Problem(s); why != "" {
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
			var err error
			if r := resolveAlias(item); r.Kind == yaml.ScalarNode && r.Tag == "!!null" {
				err = d.invalid(item, path+"["+strconv.Itoa(i)+"]", "empty list entry")
			} else {
				err = d.decode(item, s.Index(i), path+"["+strconv.Itoa(i)+"]", tag)
			}
			if err := d.keep(err); err != nil {
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
		err := d.decode(kn, key, path, "")
		if err == nil && m.MapIndex(key).IsValid() {
			err = d.fail(kn, path+"."+kn.Value, fmt.Errorf("%w: key %q repeated", ipam.ErrSyntax, kn.Value))
		}
		val := reflect.New(t.Elem()).Elem()
		if err == nil {
			if err = d.decode(vn, val, path+"."+kn.Value, ""); err == nil {
				m.SetMapIndex(key, val)
			}
		}
		if err := d.keep(err); err != nil {
			return err
		}
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
				if err := d.keep(d.decodeStruct(resolveAlias(src), v, path)); err != nil {
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
		if err := d.keep(d.structField(kn, vn, v, path, sub, fields, seen)); err != nil {
			return err
		}
	}
	return nil
}

// explicitZero returns sizing's error for a 0 written out in a field where
// the zero value means "unset" (maxPods, maxCount, defaults.overlayMaxNodes:
// [sizing.ExplicitZero]): a plan that states 0 asks for a value out of
// range, not for the default. It is nil for other fields and other values.
func explicitZero(t reflect.Type, key string, fv reflect.Value, n *yaml.Node) error {
	if fv.Kind() != reflect.Int || fv.Int() != 0 || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return nil
	}
	switch t {
	case reflect.TypeFor[ipam.AgentPool](), reflect.TypeFor[sizing.Pool]():
		return sizing.ExplicitZero(key)
	case reflect.TypeFor[sizing.Defaults]():
		return sizing.ExplicitZero("defaults." + key)
	}
	return nil
}

// structField decodes the key kn and value vn of a struct's mapping into
// the field of v the key names.
func (d *decoder) structField(kn, vn *yaml.Node, v reflect.Value, path, sub string, fields map[string]field, seen map[string]bool) error {
	key := kn.Value
	if kn.Kind != yaml.ScalarNode {
		return d.fail(kn, path, fmt.Errorf("%w: a key must be a string", ipam.ErrSyntax))
	}
	f, ok := fields[key]
	if !ok {
		if printable.Problem(key) != "" {
			sub = path // the key is quoted in the message, not written raw into the path
		}
		return d.fail(kn, sub, fmt.Errorf("%w %q%s", ipam.ErrUnknownField, key, suggest(key, fields)))
	}
	if seen[key] {
		return d.fail(kn, sub, fmt.Errorf("%w: key %q repeated", ipam.ErrSyntax, key))
	}
	seen[key] = true
	fv := v.FieldByIndex(f.index)
	if err := d.decode(vn, fv, sub, f.tag); err != nil {
		return err
	}
	if err := explicitZero(v.Type(), key, fv, resolveAlias(vn)); err != nil {
		return d.fail(vn, sub, fmt.Errorf("%w: %w", ipam.ErrInvalidValue, err))
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
