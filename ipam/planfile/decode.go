package planfile

import (
	"encoding"
	"errors"
	"fmt"
	"maps"
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

// decoder maps the values of a source onto ipam.Plan values by the
// fields' json names. An error in one value does not stop it: the value is
// left unset, the error kept, and decoding goes on with the next entry or
// key, so one pass reports every independent mistake (up to
// ipam.MaxInputErrors).
type decoder struct {
	file  string
	src   source
	types map[reflect.Type]*typeInfo
	// scratch holds lists for decodeSlice to reuse, by type; prefixes
	// decodePrefixes'.
	scratch  map[reflect.Type][]reflect.Value
	prefixes []netip.Prefix
	errs     []error
	steps    []pathStep // see path
	stop     bool       // ipam.MaxInputErrors or the alias budget is spent: decode no further
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

func (d *decoder) fail(line int, p path, err error) error {
	return &ipam.ParseError{File: d.file, Line: line, Path: d.pathString(p), Err: err}
}

func (d *decoder) invalid(line int, p path, format string, args ...any) error {
	return d.fail(line, p, fmt.Errorf("%w: "+format, append([]any{ipam.ErrInvalidValue}, args...)...))
}

// skipValue reads past the next value (of a key whose value is not wanted).
func (d *decoder) skipValue() {
	if v := d.src.next(); v.entered {
		d.src.skip()
	}
}

// leave reads past the rest of v when next entered it.
func (d *decoder) leave(v value) {
	if v.entered {
		d.src.skip()
	}
}

var (
	prefixType    = reflect.TypeFor[netip.Prefix]()
	prefixesType  = reflect.TypeFor[[]netip.Prefix]()
	addrType      = reflect.TypeFor[netip.Addr]()
	unmarshalType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// typeInfo is what the decoder needs to know of a Go type, found once.
type typeInfo struct {
	kind    decodeKind
	enumKey string   // a string enumeration's key (enumOf)
	allowed []string // its spellings
	fields  map[string]field
	byAt    []field     // the fields by field.at
	infos   []*typeInfo // the fields' typeInfo by field.at, found when first decoded
	names   []string    // the fields' json names, sorted (for suggest)
	name    []int       // a struct's field "name" of kind string, or nil
	// byKey caches a JSON key's field by its value.key: 0 not looked up,
	// -1 no field, else field.at+1.
	byKey []int
	// slab is a list type's block that carve cuts short lists from;
	// prefixSlab a list of prefixes' (carvePrefixes).
	slab       reflect.Value
	prefixSlab []netip.Prefix
}

type decodeKind uint8

const (
	kindOther decodeKind = iota
	kindPrefix
	kindAddr
	kindText
	kindString
	kindInt
	kindBool
	kindSlice
	kindMap
	kindStruct
)

func (d *decoder) info(t reflect.Type) *typeInfo {
	if ti := d.types[t]; ti != nil {
		return ti
	}
	ti := &typeInfo{}
	switch {
	case t == prefixType:
		ti.kind = kindPrefix
	case t == addrType:
		ti.kind = kindAddr
	case reflect.PointerTo(t).Implements(unmarshalType):
		ti.kind = kindText
	default:
		switch t.Kind() {
		case reflect.String:
			ti.kind = kindString
			ti.enumKey, ti.allowed, _ = enumOf(t)
		case reflect.Int:
			ti.kind = kindInt
		case reflect.Bool:
			ti.kind = kindBool
		case reflect.Slice:
			ti.kind = kindSlice
		case reflect.Map:
			ti.kind = kindMap
		case reflect.Struct:
			ti.kind = kindStruct
			ti.fields = fieldsOf(t)
			if len(ti.fields) > 128 {
				panic(fmt.Sprintf("planfile: %s has more than 128 fields", t))
			}
			ti.byAt = make([]field, len(ti.fields))
			ti.infos = make([]*typeInfo, len(ti.fields))
			for k, f := range ti.fields {
				ti.byAt[f.at] = f
				ti.names = append(ti.names, k)
				if k == "name" && t.FieldByIndex(f.index).Type.Kind() == reflect.String {
					ti.name = f.index
				}
			}
			slices.Sort(ti.names)
		}
	}
	if d.types == nil {
		d.types = make(map[reflect.Type]*typeInfo)
	}
	d.types[t] = ti
	return ti
}

// decode stores the value whose header is h into v; p is its key path
// and tag the field's cidr tag.
func (d *decoder) decode(h value, v reflect.Value, p path, tag string) error {
	return d.decodeAs(h, v, d.info(v.Type()), p, tag)
}

// decodeAs is decode with v's typeInfo, ti, known.
func (d *decoder) decodeAs(h value, v reflect.Value, ti *typeInfo, p path, tag string) error {
	if h.bad != "" {
		if h.stop {
			d.stop = true
		}
		return d.fail(h.line, p, fmt.Errorf("%w: %s", ipam.ErrSyntax, h.bad))
	}
	if h.isNull() {
		return nil // absent
	}
	switch ti.kind {
	case kindPrefix:
		pf, err := d.prefix(h, p, tag)
		if err != nil {
			return err
		}
		*v.Addr().Interface().(*netip.Prefix) = pf
	case kindAddr:
		s, err := d.scalar(h, p, "an IP address")
		if err != nil {
			return err
		}
		a, err := ipam.ParseAddr(s)
		if err != nil {
			return d.fail(h.line, p, err)
		}
		*v.Addr().Interface().(*netip.Addr) = a
	case kindText:
		if err := d.scalarKind(h, p, "a string"); err != nil {
			return err
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText(h.bytes()); err != nil {
			if !errors.Is(err, ipam.ErrInvalidValue) {
				err = fmt.Errorf("%w: %w", ipam.ErrInvalidValue, err)
			}
			return d.fail(h.line, p, err)
		}
		if v.Kind() == reflect.String && h.is(v.String()) {
			v.SetString(d.src.retain(h)) // one copy of every spelling
		}
	case kindString:
		if err := d.scalarKind(h, p, "a string"); err != nil {
			return err
		}
		s := d.src.retain(h)
		if ti.allowed != nil && !slices.Contains(ti.allowed, s) {
			return d.fail(h.line, p, &ipam.EnumError{Key: ti.enumKey, Value: s, Allowed: ti.allowed})
		}
		if why := printable.Problem(s); why != "" {
			return d.invalid(h.line, p, "%q: names and references may not hold %s", s, why)
		}
		v.SetString(s)
	case kindInt:
		if err := d.scalarKind(h, p, "an integer"); err != nil {
			return err
		}
		i, err := strconv.Atoi(string(h.bytes()))
		if err != nil || h.tag != "!!int" {
			return d.invalid(h.line, p, "%q: want an integer", h.str())
		}
		v.SetInt(int64(i))
	case kindBool:
		if err := d.scalarKind(h, p, "true or false"); err != nil {
			return err
		}
		if !h.is("true") && !h.is("false") {
			return d.invalid(h.line, p, "%q: want true or false", h.str())
		}
		v.SetBool(h.is("true"))
	case kindSlice:
		return d.decodeSlice(h, v, ti, p, tag)
	case kindMap:
		return d.decodeMap(h, v, p)
	case kindStruct:
		return d.decodeStruct(h, v, p)
	default:
		d.leave(h)
		return d.invalid(h.line, p, "unsupported field type %s", v.Type())
	}
	return nil
}

// prefix returns the prefix h, a scalar, spells; tag is its field's cidr
// tag.
func (d *decoder) prefix(h value, p path, tag string) (netip.Prefix, error) {
	s, err := d.scalar(h, p, "a CIDR")
	if err != nil {
		return netip.Prefix{}, err
	}
	parse := ipam.ParsePrefix
	if tag == "address" {
		parse = cidr.ParseAddrPrefix
	}
	pf, err := parse(s)
	if err != nil {
		return netip.Prefix{}, d.fail(h.line, p, err)
	}
	return pf, nil
}

// scalar returns the text of h, a scalar, else an error naming want.
func (d *decoder) scalar(h value, p path, want string) (string, error) {
	if err := d.scalarKind(h, p, want); err != nil {
		return "", err
	}
	return h.str(), nil
}

// scalarKind is nil when h is a scalar, else an error naming want.
func (d *decoder) scalarKind(h value, p path, want string) error {
	if h.kind != yaml.ScalarNode {
		d.leave(h)
		return d.invalid(h.line, p, "want %s, not a %s", want, kindName(h.kind))
	}
	return nil
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

func (d *decoder) decodeSlice(h value, v reflect.Value, ti *typeInfo, p path, tag string) error {
	if h.kind != yaml.SequenceNode {
		d.leave(h)
		return d.invalid(h.line, p, "want a list")
	}
	t := v.Type()
	if h.node == nil && t == prefixesType {
		return d.decodePrefixes(v, ti, p, tag)
	}
	var s reflect.Value
	if h.node != nil {
		n := len(h.node.Content)
		s = reflect.MakeSlice(t, n, n)
	} else {
		// The length is known at the end: entries go to a scratch list,
		// reused through the document, then into a list of their number.
		s = d.takeScratch(t)
		defer d.putScratch(t, s)
	}
	elem := d.info(t.Elem())
	for i := 0; d.src.more(); i++ {
		at := d.enter(p, pathStep{kind: pathIndex, index: i})
		if h.node == nil {
			if i >= s.Cap() {
				s.Grow(1)
			}
			s.SetLen(i + 1)
			s.Index(i).SetZero()
		}
		item := s.Index(i)
		ih := d.src.next()
		first := len(d.errs)
		var err error
		if ih.isNull() {
			err = d.invalid(ih.aliasLine, at, "empty list entry")
		} else {
			err = d.decodeAs(ih, item, elem, at, tag)
		}
		err = d.keep(err)
		if elem.name != nil {
			d.nameEntries(d.errs[first:], at, item.FieldByIndex(elem.name).String())
		}
		if err != nil {
			return err
		}
	}
	if h.node == nil {
		exact := ti.carve(t, s.Len())
		reflect.Copy(exact, s)
		s = exact
	}
	v.Set(s)
	return nil
}

// decodePrefixes is decodeSlice for a JSON list of prefixes, the plan's
// most numerous list (every subnet has one), with no reflection per entry.
func (d *decoder) decodePrefixes(v reflect.Value, ti *typeInfo, p path, tag string) error {
	list := d.prefixes[:0]
	var err error
	for i := 0; d.src.more(); i++ {
		at := d.enter(p, pathStep{kind: pathIndex, index: i})
		ih := d.src.next()
		var pf netip.Prefix
		if ih.isNull() {
			err = d.invalid(ih.aliasLine, at, "empty list entry")
		} else {
			pf, err = d.prefix(ih, at, tag)
		}
		list = append(list, pf)
		if err = d.keep(err); err != nil {
			break
		}
	}
	d.prefixes = list
	if err != nil {
		return err
	}
	*v.Addr().Interface().(*[]netip.Prefix) = ti.carvePrefixes(list)
	return nil
}

// carvePrefixes is carve for a list of prefixes: a copy of list whose
// capacity is its length.
func (ti *typeInfo) carvePrefixes(list []netip.Prefix) []netip.Prefix {
	n := len(list)
	if n == 0 || n > slabMaxEntry {
		out := make([]netip.Prefix, n)
		copy(out, list)
		return out
	}
	if cap(ti.prefixSlab)-len(ti.prefixSlab) < n {
		ti.prefixSlab = make([]netip.Prefix, 0, min(max(2*cap(ti.prefixSlab), 4*slabMaxEntry), maxSlabLen))
	}
	at := len(ti.prefixSlab)
	ti.prefixSlab = append(ti.prefixSlab, list...)
	return ti.prefixSlab[at : at+n : at+n]
}

// Short lists (a subnet's one prefix) are cut from blocks of entries, one
// allocation for many lists; the blocks grow with the plan, up to
// maxSlabLen entries.
const (
	maxSlabLen   = 512
	slabMaxEntry = 4 // longer lists get an allocation of their own
)

// carve returns a list of type t (ti's) and length n whose capacity is n,
// so that appending to it never writes into another list's entries.
func (ti *typeInfo) carve(t reflect.Type, n int) reflect.Value {
	if n == 0 || n > slabMaxEntry {
		return reflect.MakeSlice(t, n, n)
	}
	if !ti.slab.IsValid() || ti.slab.Cap()-ti.slab.Len() < n {
		size := 4 * slabMaxEntry
		if ti.slab.IsValid() {
			size = min(2*ti.slab.Cap(), maxSlabLen)
		}
		ti.slab = reflect.MakeSlice(t, 0, size)
	}
	at := ti.slab.Len()
	ti.slab = ti.slab.Slice(0, at+n)
	return ti.slab.Slice3(at, at+n, at+n)
}

// takeScratch returns an empty settable list of type t for decodeSlice to
// grow (putScratch gives it back).
func (d *decoder) takeScratch(t reflect.Type) reflect.Value {
	if l := d.scratch[t]; len(l) > 0 {
		s := l[len(l)-1]
		d.scratch[t] = l[:len(l)-1]
		s.SetLen(0)
		return s
	}
	return reflect.New(t).Elem()
}

func (d *decoder) putScratch(t reflect.Type, s reflect.Value) {
	if d.scratch == nil {
		d.scratch = make(map[reflect.Type][]reflect.Value)
	}
	d.scratch[t] = append(d.scratch[t], s)
}

func (d *decoder) decodeMap(h value, v reflect.Value, p path) error {
	if h.kind != yaml.MappingNode {
		d.leave(h)
		return d.invalid(h.line, p, "want a mapping")
	}
	t := v.Type()
	m := reflect.MakeMap(t)
	for {
		kh, ok := d.src.key()
		if !ok {
			break
		}
		if kh.kind == yaml.AliasNode { // a key is decoded as any value: aliases are followed
			n := resolveAlias(kh.node)
			kh = value{kind: n.Kind, tag: n.Tag, text: n.Value, line: n.Line, aliasLine: n.Line, node: n}
		}
		key := reflect.New(t.Key()).Elem()
		err := d.decode(kh, key, p, "")
		at := d.enter(p, pathStep{kind: pathMapKey, key: kh.str()})
		if err == nil && m.MapIndex(key).IsValid() {
			err = d.fail(kh.line, at, fmt.Errorf("%w: key %q repeated", ipam.ErrSyntax, kh.str()))
		}
		if err == nil {
			val := reflect.New(t.Elem()).Elem()
			if err = d.decode(d.src.next(), val, at, ""); err == nil {
				m.SetMapIndex(key, val)
			}
		} else {
			d.skipValue()
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
	at    int    // its number, for the set of keys seen
	// firstOf is the json name of the list whose first entry this field
	// states again (podCidr of podCidrs), from its firstOf tag.
	firstOf string
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
					out[k] = field{index: append([]int{i}, sub.index...), tag: sub.tag, firstOf: sub.firstOf}
				}
			}
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = field{index: []int{i}, tag: f.Tag.Get("cidr"), firstOf: f.Tag.Get("firstOf")}
	}
	for i, k := range slices.Sorted(maps.Keys(out)) {
		f := out[k]
		f.at = i
		out[k] = f
	}
	return out
}

// seenSet is the set of a struct's fields a mapping has set.
type seenSet [2]uint64

func (s *seenSet) add(i int) (added bool) {
	w, b := i/64, uint64(1)<<(i%64)
	if s[w]&b != 0 {
		return false
	}
	s[w] |= b
	return true
}

func (d *decoder) decodeStruct(h value, v reflect.Value, p path) error {
	if h.kind != yaml.MappingNode {
		d.leave(h)
		return d.invalid(h.line, p, "want a mapping, not a %s", kindName(h.kind))
	}
	ti := d.info(v.Type())
	// YAML merge keys (<<: *base) apply first; keys written out override.
	// Of a list of sources (<<: [*a, *b]) an earlier one overrides a later
	// one, as the merge key's spec and yaml.v3 have it, so the last is
	// decoded first.
	if n := h.node; n != nil {
		ns := d.src.(*nodeSource)
		for i := 0; i+1 < len(n.Content); i += 2 {
			if kn, vn := n.Content[i], resolveAlias(n.Content[i+1]); kn.Tag == "!!merge" {
				srcs := []*yaml.Node{vn}
				if vn.Kind == yaml.SequenceNode {
					srcs = vn.Content
				}
				for _, src := range slices.Backward(srcs) {
					src = resolveAlias(src)
					if err := d.keep(d.decodeStruct(ns.open(src, src.Line), v, p)); err != nil {
						return err
					}
				}
			}
		}
	}
	var seen seenSet
	for {
		kh, ok := d.src.key()
		if !ok {
			return nil
		}
		if kh.tag == "!!merge" {
			continue
		}
		if err := d.keep(d.structField(kh, v, p, ti, &seen)); err != nil {
			return err
		}
	}
}

// field returns the field the key kh names.
func (ti *typeInfo) field(kh value) (field, bool) {
	if kh.key == 0 {
		f, ok := ti.fields[kh.text]
		return f, ok
	}
	i := int(kh.key - 1)
	if i >= len(ti.byKey) {
		ti.byKey = append(ti.byKey, make([]int, i+1-len(ti.byKey))...)
	}
	switch at := ti.byKey[i]; at {
	case -1:
		return field{}, false
	case 0:
		f, ok := ti.fields[kh.text]
		ti.byKey[i] = -1
		if ok {
			ti.byKey[i] = f.at + 1
		}
		return f, ok
	default:
		return ti.byAt[at-1], true
	}
}

// explicitZero returns sizing's error for a 0 written out in a field where
// the zero value means "unset" (maxPods, maxCount, defaults.overlayMaxNodes:
// [sizing.ExplicitZero]): a plan that states 0 asks for a value out of
// range, not for the default. It is nil for other fields and other values.
func explicitZero(t reflect.Type, key string, fv reflect.Value, h value) error {
	if fv.Kind() != reflect.Int || fv.Int() != 0 || h.kind != yaml.ScalarNode || h.tag == "!!null" {
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

// structField decodes the member with key kh (and the value that follows
// it) into the field of v the key names.
func (d *decoder) structField(kh value, v reflect.Value, p path, ti *typeInfo, seen *seenSet) error {
	key := kh.text
	if kh.kind != yaml.ScalarNode {
		d.skipValue()
		return d.fail(kh.line, p, fmt.Errorf("%w: a key must be a string", ipam.ErrSyntax))
	}
	sub := d.enter(p, pathStep{kind: pathField, key: key})
	f, ok := ti.field(kh)
	if !ok {
		d.skipValue()
		if printable.Problem(key) != "" {
			sub = p // the key is quoted in the message, not written raw into the path
		}
		return d.fail(kh.line, sub, fmt.Errorf("%w %q%s", ipam.ErrUnknownField, key, suggest(key, ti.names)))
	}
	if !seen.add(f.at) {
		d.skipValue()
		return d.fail(kh.line, sub, fmt.Errorf("%w: key %q repeated", ipam.ErrSyntax, key))
	}
	fv := v.FieldByIndex(f.index)
	fi := ti.infos[f.at]
	if fi == nil {
		fi = d.info(fv.Type())
		ti.infos[f.at] = fi
	}
	vh := d.src.next()
	if err := d.decodeAs(vh, fv, fi, sub, f.tag); err != nil {
		return err
	}
	if err := explicitZero(v.Type(), key, fv, vh); err != nil {
		return d.fail(vh.line, sub, fmt.Errorf("%w: %w", ipam.ErrInvalidValue, err))
	}
	return nil
}

// suggest proposes the known key that differs from key only in case, or
// that key is a known key's prefix, as " (did you mean \"x\"?)".
// names are the known keys, sorted.
func suggest(key string, names []string) string {
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
