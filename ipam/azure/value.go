package azure

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/netip"
	"slices"
	"strconv"
	"strings"

	"github.com/cidrplan/cidrplan/cidr"
	"github.com/cidrplan/cidrplan/internal/input"
	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
)

// reader collects the errors met while reading one file. Reading goes on
// after an error (the value reads as absent), so one pass reports every
// unresolved template expression and every bad field.
type reader struct {
	file string
	errs []error
	// evaluated: the values are a template's, expressions evaluated and
	// escapes undone ("[[x]" read as "[x]"); strings are taken as they are.
	evaluated bool
}

func (r *reader) add(e *Error) {
	for _, old := range r.errs {
		if old.Error() == e.Error() {
			return
		}
	}
	if len(r.errs) < ipam.MaxInputErrors {
		r.errs = append(r.errs, e)
	}
}

func (r *reader) fail(path string, kind error, value, detail string, cause error) {
	r.add(&Error{File: r.file, Path: path, Kind: kind, Value: value, Detail: detail, Err: cause})
}

func (r *reader) err() error { return errors.Join(r.errs...) }

// decode parses data as one JSON value, numbers kept as text. data may be
// UTF-8 with or without a byte order mark, or UTF-16 with one. A syntax
// error carries the line; a truncated file says so.
func decode(file string, data []byte) (any, error) {
	data, err := input.Text(data)
	if err != nil {
		var ee *input.EncodingError
		errors.As(err, &ee)
		return nil, &Error{File: file, Kind: ErrSyntax, Line: ee.Line, Detail: ee.Reason}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	err = dec.Decode(&v)
	if err == nil {
		var extra any
		if dec.Decode(&extra) == io.EOF {
			return v, nil
		}
		return nil, &Error{File: file, Kind: ErrSyntax, Line: lineOf(data, dec.InputOffset()),
			Detail: "data after the JSON value"}
	}
	e := &Error{File: file, Kind: ErrSyntax, Err: err, Path: syntaxPath(data)}
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		e.Line = lineOf(data, se.Offset)
	case err == io.EOF:
		e.Err, e.Detail = nil, "empty file"
	case err == io.ErrUnexpectedEOF:
		e.Line = lineOf(data, int64(len(data)))
		e.Err, e.Detail = nil, "the file ends inside a JSON value (truncated?)"
	}
	return nil, e
}

func lineOf(data []byte, off int64) int {
	off = min(max(off, 0), int64(len(data)))
	return 1 + bytes.Count(data[:off], []byte("\n"))
}

// val is a JSON value with its path in the file. The zero val (v == nil) is
// an absent or null value: every accessor returns the zero result for it.
type val struct {
	r    *reader
	v    any
	path string
}

func (x val) absent() bool { return x.v == nil }

func (x val) child(name string, v any) val {
	p := name
	if x.path != "" {
		p = x.path + "." + name
	}
	return val{r: x.r, v: v, path: p}
}

func (x val) object() (map[string]any, bool) {
	if x.v == nil {
		return nil, false
	}
	m, ok := x.v.(map[string]any)
	if !ok {
		x.wrongType("an object")
	}
	return m, ok
}

func (x val) wrongType(want string) {
	if b, ok := x.v.(badExpr); ok {
		x.r.add(b.err)
		return
	}
	if s, ok := x.v.(string); ok && isTemplateExpression(s) {
		x.r.fail(x.path, ErrTemplateExpression, s, "", nil)
		return
	}
	x.r.fail(x.path, ErrInvalidValue, describe(x.v), "want "+want, nil)
}

// key returns the member name of an object. It tries the exact spelling, then
// a case-insensitive match (az writes dnsServiceIp and vnetSubnetId, ARM
// dnsServiceIP and vnetSubnetID), the smallest such key first.
func (x val) key(name string) val {
	m, ok := x.object()
	if !ok {
		return x.child(name, nil)
	}
	if v, ok := m[name]; ok {
		return x.child(name, v)
	}
	var keys []string
	for k := range m {
		if strings.EqualFold(k, name) {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return x.child(name, nil)
	}
	slices.Sort(keys)
	return x.child(keys[0], m[keys[0]])
}

// has reports whether the object has a non-null member name.
func (x val) has(name string) bool {
	m, ok := x.v.(map[string]any)
	if !ok {
		return false
	}
	for k, v := range m {
		if v != nil && strings.EqualFold(k, name) {
			return true
		}
	}
	return false
}

// prop returns a resource property: from the object itself (the az CLI
// flattens properties) or else from its "properties" member (ARM/REST).
func (x val) prop(name string) val {
	if v := x.key(name); !v.absent() {
		return v
	}
	if x.has("properties") {
		return x.key("properties").key(name)
	}
	return x.key(name)
}

// at follows a dotted path of keys; "[0]" selects a list element.
func (x val) at(path ...string) val {
	for _, p := range path {
		if p == "[0]" {
			x = x.first()
			continue
		}
		x = x.key(p)
	}
	return x
}

// list returns the elements of an array; absent is an empty list.
func (x val) list() []val {
	if x.v == nil {
		return nil
	}
	a, ok := x.v.([]any)
	if !ok {
		x.wrongType("an array")
		return nil
	}
	out := make([]val, len(a))
	for i, e := range a {
		out[i] = val{r: x.r, v: e, path: x.path + "[" + strconv.Itoa(i) + "]"}
	}
	return out
}

// first returns the first element of an array (Terraform's single nested
// blocks: network_profile[0]); absent when the array is empty.
func (x val) first() val {
	l := x.list()
	if len(l) == 0 {
		return val{r: x.r, path: x.path + "[0]"}
	}
	return l[0]
}

// known returns the one of allowed that a string value spells
// (case-insensitively), else "": for values the plan keeps when it knows
// them and may leave out (identity "None", a combined identity type).
func known[T ~string](x val, allowed ...T) T {
	s, _ := x.v.(string)
	for _, a := range allowed {
		if strings.EqualFold(s, string(a)) {
			return a
		}
	}
	return ""
}

// str returns a string; absent is "". An unresolved template expression is
// reported and reads as "".
func (x val) str() string {
	if x.v == nil {
		return ""
	}
	s, ok := x.v.(string)
	if !ok {
		x.wrongType("a string")
		return ""
	}
	if x.r.evaluated {
		return s
	}
	if isTemplateExpression(s) {
		x.r.fail(x.path, ErrTemplateExpression, s, "", nil)
		return ""
	}
	return unescapeTemplate(s)
}

// integer returns a non-negative integer; absent is 0.
func (x val) integer() int {
	if x.v == nil {
		return 0
	}
	n, ok := x.v.(json.Number)
	if !ok {
		x.wrongType("an integer")
		return 0
	}
	i, err := strconv.Atoi(n.String())
	if err != nil || i < 0 || i > 1<<30 {
		x.r.fail(x.path, ErrInvalidValue, n.String(), "want a non-negative integer", nil)
		return 0
	}
	return i
}

// boolean returns a bool; absent is false.
func (x val) boolean() bool {
	if x.v == nil {
		return false
	}
	b, ok := x.v.(bool)
	if !ok {
		x.wrongType("true or false")
	}
	return b
}

// prefix parses a CIDR strictly (cidr.ParsePrefix: no host bits, no 4in6).
func (x val) prefix() netip.Prefix {
	s := x.str()
	if s == "" {
		return netip.Prefix{}
	}
	p, err := ipam.ParsePrefix(s)
	if err != nil {
		x.r.fail(x.path, ErrInvalidValue, s, "", err)
	}
	return p
}

// addressPrefix parses a CIDR whose host bits name an address (the docker
// bridge's 172.17.0.1/16).
func (x val) addressPrefix() netip.Prefix {
	s := x.str()
	if s == "" {
		return netip.Prefix{}
	}
	p, err := cidr.ParseAddrPrefix(s)
	if err != nil {
		x.r.fail(x.path, ErrInvalidValue, s, "", err)
	}
	return p
}

// prefixes parses an array of CIDRs; a single string is read as a list of
// one (Terraform's address_prefix of old provider versions).
func (x val) prefixes() []netip.Prefix {
	if _, ok := x.v.(string); ok {
		if p := x.prefix(); p.IsValid() {
			return []netip.Prefix{p}
		}
		return nil
	}
	var out []netip.Prefix
	for _, e := range x.list() {
		if p := e.prefix(); p.IsValid() {
			out = append(out, p)
		}
	}
	return out
}

func (x val) addr() netip.Addr {
	s := x.str()
	if s == "" {
		return netip.Addr{}
	}
	a, err := ipam.ParseAddr(s)
	if err != nil {
		x.r.fail(x.path, ErrInvalidValue, s, "", err)
	}
	return a
}

func (x val) surge() sizing.Surge {
	var s string
	if n, ok := x.v.(json.Number); ok {
		s = n.String()
	} else {
		s = x.str()
	}
	if s == "" {
		return sizing.Surge{}
	}
	v, err := sizing.ParseSurge(s)
	if err != nil {
		x.r.fail(x.path, ErrInvalidValue, s, "", err)
	}
	return v
}

// enum returns the string if it is one of allowed, compared exactly first
// and then case-insensitively (Terraform and older API versions write
// "Overlay", "Azure"); the result is the allowed spelling.
func enum[T ~string](x val, allowed ...T) T {
	s := x.str()
	if s == "" {
		return ""
	}
	for _, a := range allowed {
		if string(a) == s {
			return a
		}
	}
	for _, a := range allowed {
		if strings.EqualFold(string(a), s) {
			return a
		}
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = strconv.Quote(string(a))
	}
	x.r.fail(x.path, ErrInvalidValue, s, "want one of "+strings.Join(names, ", "), nil)
	return ""
}

// isTemplateExpression reports whether s is an ARM template expression:
// "[...]" but not the escaped literal "[[...".
func isTemplateExpression(s string) bool {
	return len(s) >= 2 && s[0] == '[' && s[len(s)-1] == ']' && s[1] != '['
}

// unescapeTemplate turns ARM's escaped literal "[[x]" into "[x]".
func unescapeTemplate(s string) string {
	if strings.HasPrefix(s, "[[") {
		return s[1:]
	}
	return s
}

func describe(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case json.Number:
		return v.String()
	case bool:
		return strconv.FormatBool(v)
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return ""
}
