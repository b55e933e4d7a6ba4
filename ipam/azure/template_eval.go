package azure

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Placeholders stand for what a template learns only when it is deployed:
// resourceGroup() and subscription() properties, and so the resource IDs
// resourceId() builds. They are kept as text, in the ID shape az prints.
const (
	placeholderSubscription  = "{subscriptionId}"
	placeholderResourceGroup = "{resourceGroup}"
	placeholderLocation      = "{location}"
	placeholderTenant        = "{tenantId}"
)

// Bounds on evaluation, so a hostile template can't grow without end:
// strings and arrays an expression builds, and chains of variables and
// parameters that refer to each other.
const (
	maxValueLen  = 1 << 20
	maxRefDepth  = 64
	maxTreeDepth = 64
)

// templateEnv evaluates the expressions of one template. Parameters and
// variables are evaluated once, when first used; an error in one is
// reported at its definition, once, whichever fields use it.
type templateEnv struct {
	file   string
	lines  *lineIndex
	params map[string]definition // by lower-case name
	given  map[string]any        // from parameters files, by lower-case name
	vars   map[string]definition
	done   map[string]evaluated // "p:name" / "v:name"
	depth  int
}

type definition struct {
	name string
	v    any    // the defaultValue or the variable's value; nil: none
	path string // JSON path of v
}

type evaluated struct {
	v   any
	err *Error
}

// evalString evaluates s, read at path: an expression's value, or s
// itself with a leading "[[" unescaped.
func (e *templateEnv) evalString(s, path string) (any, *Error) {
	if !isTemplateExpression(s) {
		return unescapeTemplate(s), nil
	}
	n, err := parseExpr(s[1 : len(s)-1])
	if err == nil {
		var v any
		if v, err = e.eval(n); err == nil {
			return v, nil
		}
	}
	if te, ok := err.(*Error); ok {
		return nil, te
	}
	if xe, ok := err.(*exprError); ok {
		xe.pos++ // counted from the "[" of s
	}
	return nil, e.fail(path, s, err.Error())
}

func (e *templateEnv) fail(path, expr, detail string) *Error {
	return &Error{File: e.file, Path: path, Line: e.lines.line(path), Kind: ErrTemplateExpression,
		Value: expr, Detail: detail}
}

// evalTree evaluates every string of v, a JSON value read at path. The
// first error stops it.
func (e *templateEnv) evalTree(v any, path string, depth int) (any, *Error) {
	if depth > maxTreeDepth {
		return nil, e.fail(path, "", "value nested more than "+strconv.Itoa(maxTreeDepth)+" deep")
	}
	switch v := v.(type) {
	case string:
		return e.evalString(v, path)
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			y, err := e.evalTree(x, joinPath(path, k), depth+1)
			if err != nil {
				return nil, err
			}
			out[k] = y
		}
		return out, nil
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			y, err := e.evalTree(x, path+"["+strconv.Itoa(i)+"]", depth+1)
			if err != nil {
				return nil, err
			}
			out[i] = y
		}
		return out, nil
	}
	return v, nil
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// eval returns the value of n: a string, an int64 or json.Number, a bool,
// a map[string]any or a []any. Its error is an *exprError, or the *Error
// of a parameter or variable n uses.
func (e *templateEnv) eval(n exprNode) (any, error) {
	switch n := n.(type) {
	case litNode:
		return n.v, nil
	case propNode:
		x, err := e.eval(n.x)
		if err != nil {
			return nil, err
		}
		m, ok := x.(map[string]any)
		if !ok {
			return nil, &exprError{n.pos, "." + n.name + " of a " + typeName(x)}
		}
		if v, ok := lookup(m, n.name); ok {
			return v, nil
		}
		return nil, &exprError{n.pos, "no property " + strconv.Quote(n.name)}
	case indexNode:
		return e.index(n)
	case callNode:
		return e.call(n)
	}
	return nil, &exprError{0, "unknown expression"}
}

func (e *templateEnv) index(n indexNode) (any, error) {
	x, err := e.eval(n.x)
	if err != nil {
		return nil, err
	}
	i, err := e.eval(n.i)
	if err != nil {
		return nil, err
	}
	switch x := x.(type) {
	case []any:
		k, ok := toInt(i)
		if !ok || k < 0 || k >= int64(len(x)) {
			return nil, &exprError{n.pos, fmt.Sprintf("index %v out of range (%d elements)", i, len(x))}
		}
		return x[k], nil
	case map[string]any:
		if k, ok := i.(string); ok {
			if v, ok := lookup(x, k); ok {
				return v, nil
			}
		}
		return nil, &exprError{n.pos, fmt.Sprintf("no property %v", i)}
	}
	return nil, &exprError{n.pos, "[] of a " + typeName(x)}
}

// lookup finds a member by name, case-insensitively as ARM does.
func lookup(m map[string]any, name string) (any, bool) {
	if v, ok := m[name]; ok {
		return v, true
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		if strings.EqualFold(k, name) {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil, false
	}
	slices.Sort(keys)
	return m[keys[0]], true
}

func (e *templateEnv) call(n callNode) (any, error) {
	args := make([]any, len(n.args))
	for i, a := range n.args {
		v, err := e.eval(a)
		if err != nil {
			return nil, err
		}
		args[i] = v
	}
	bad := func(reason string) error { return &exprError{n.pos, n.name + ": " + reason} }
	switch strings.ToLower(n.name) {
	case "parameters", "variables":
		if len(args) != 1 {
			return nil, bad("want one argument")
		}
		name, ok := args[0].(string)
		if !ok {
			return nil, bad("want a name")
		}
		return e.ref(strings.ToLower(n.name), name, n.pos)
	case "concat":
		return concat(args, bad)
	case "format":
		return format(args, bad)
	case "resourceid":
		return resourceIDOf(args, true, bad)
	case "subscriptionresourceid":
		return resourceIDOf(args, false, bad)
	case "resourcegroup":
		return map[string]any{
			"id":       "/subscriptions/" + placeholderSubscription + "/resourceGroups/" + placeholderResourceGroup,
			"name":     placeholderResourceGroup,
			"type":     "Microsoft.Resources/resourceGroups",
			"location": placeholderLocation,
		}, nil
	case "subscription":
		return map[string]any{
			"id":             "/subscriptions/" + placeholderSubscription,
			"subscriptionId": placeholderSubscription,
			"tenantId":       placeholderTenant,
			"displayName":    placeholderSubscription,
		}, nil
	}
	return nil, &exprError{n.pos, "function " + strconv.Quote(n.name) + " is not one cidrplan evaluates " +
		"(parameters, variables, concat, format, resourceId, subscriptionResourceId, resourceGroup, subscription)"}
}

// ref returns a parameter's or a variable's value.
func (e *templateEnv) ref(kind, name string, pos int) (any, error) {
	key := kind[:1] + ":" + strings.ToLower(name)
	if r, ok := e.done[key]; ok {
		if r.err != nil {
			return nil, r.err
		}
		return r.v, nil
	}
	if kind == "parameters" {
		if v, ok := e.given[strings.ToLower(name)]; ok {
			return v, nil
		}
	}
	defs := e.vars
	if kind == "parameters" {
		defs = e.params
	}
	d, ok := defs[strings.ToLower(name)]
	if !ok {
		return nil, &exprError{pos, "the template declares no " + strings.TrimSuffix(kind, "s") + " " + strconv.Quote(name)}
	}
	if d.v == nil {
		return nil, &exprError{pos, "parameter " + strconv.Quote(name) + " has no value (give it with --parameters)"}
	}
	if e.depth >= maxRefDepth {
		return nil, &exprError{pos, "parameters and variables refer to each other more than " + strconv.Itoa(maxRefDepth) + " deep"}
	}
	e.done[key] = evaluated{err: e.fail(d.path, "", kind[:len(kind)-1]+" "+strconv.Quote(name)+" refers to itself")}
	e.depth++
	v, err := e.evalTree(d.v, d.path, 0)
	e.depth--
	e.done[key] = evaluated{v: v, err: err}
	if err != nil {
		return nil, err
	}
	return v, nil
}

func concat(args []any, bad func(string) error) (any, error) {
	if len(args) > 0 {
		if _, ok := args[0].([]any); ok {
			var out []any
			for _, a := range args {
				l, ok := a.([]any)
				if !ok {
					return nil, bad("arrays and " + typeName(a) + " mixed")
				}
				if len(out)+len(l) > maxValueLen {
					return nil, bad("result too long")
				}
				out = append(out, l...)
			}
			return out, nil
		}
	}
	var b strings.Builder
	for _, a := range args {
		s, ok := scalarText(a)
		if !ok {
			return nil, bad("want strings or arrays, not a " + typeName(a))
		}
		if b.Len()+len(s) > maxValueLen {
			return nil, bad("result longer than " + strconv.Itoa(maxValueLen) + " bytes")
		}
		b.WriteString(s)
	}
	return b.String(), nil
}

// format is .NET composite formatting, as ARM's format(): "{0}" is the
// first argument after the format, "{{" and "}}" are braces. Format
// specifiers ("{0:N}") are not evaluated.
func format(args []any, bad func(string) error) (any, error) {
	if len(args) == 0 {
		return nil, bad("want a format string")
	}
	f, ok := args[0].(string)
	if !ok {
		return nil, bad("want a format string")
	}
	var b strings.Builder
	for i := 0; i < len(f); i++ {
		c := f[i]
		switch {
		case (c == '{' || c == '}') && i+1 < len(f) && f[i+1] == c:
			b.WriteByte(c)
			i++
		case c == '{':
			j := strings.IndexByte(f[i:], '}')
			if j < 0 {
				return nil, bad("{ not closed")
			}
			k, err := strconv.Atoi(f[i+1 : i+j])
			if err != nil || k < 0 || k+1 >= len(args) {
				return nil, bad("bad placeholder " + strconv.Quote(f[i:i+j+1]))
			}
			s, ok := scalarText(args[k+1])
			if !ok {
				return nil, bad("cannot format a " + typeName(args[k+1]))
			}
			b.WriteString(s)
			i += j
		case c == '}':
			return nil, bad("} without {")
		default:
			b.WriteByte(c)
		}
		if b.Len() > maxValueLen {
			return nil, bad("result longer than " + strconv.Itoa(maxValueLen) + " bytes")
		}
	}
	return b.String(), nil
}

// resourceIDOf is resourceId([subscriptionId], [resourceGroupName], type,
// name...) (inGroup) or subscriptionResourceId([subscriptionId], type,
// name...): the ID az prints, with placeholders for what the deployment
// decides.
func resourceIDOf(args []any, inGroup bool, bad func(string) error) (any, error) {
	strs := make([]string, len(args))
	for i, a := range args {
		s, ok := scalarText(a)
		if !ok {
			return nil, bad("want strings, not a " + typeName(a))
		}
		strs[i] = s
	}
	at := slices.IndexFunc(strs, isResourceType)
	leading := 1
	if inGroup {
		leading = 2
	}
	if at < 0 || at > leading {
		return nil, bad("want a resource type such as 'Microsoft.Network/virtualNetworks'")
	}
	types := strings.Split(strs[at], "/")[1:]
	names := strs[at+1:]
	if len(names) != len(types) {
		return nil, bad(fmt.Sprintf("type %q wants %d names, got %d", strs[at], len(types), len(names)))
	}
	sub, group := placeholderSubscription, placeholderResourceGroup
	switch {
	case inGroup && at == 2:
		sub, group = strs[0], strs[1]
	case inGroup && at == 1:
		group = strs[0]
	case !inGroup && at == 1:
		sub = strs[0]
	}
	id := "/subscriptions/" + sub
	if inGroup {
		id += "/resourceGroups/" + group
	}
	id += "/providers/" + strings.Split(strs[at], "/")[0]
	for i, t := range types {
		id += "/" + t + "/" + names[i]
	}
	return id, nil
}

// isResourceType reports whether s looks like "Namespace.Provider/type[/type...]".
func isResourceType(s string) bool {
	ns, rest, ok := strings.Cut(s, "/")
	return ok && strings.Contains(ns, ".") && rest != "" && !strings.Contains(rest, "//")
}

func scalarText(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case int64:
		return strconv.FormatInt(v, 10), true
	case json.Number:
		return v.String(), true
	case bool:
		if v {
			return "True", true // as ARM prints a bool in a string
		}
		return "False", true
	}
	return "", false
}

func toInt(v any) (int64, bool) {
	switch v := v.(type) {
	case int64:
		return v, true
	case json.Number:
		n, err := v.Int64()
		return n, err == nil
	}
	return 0, false
}

func typeName(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case int64, json.Number:
		return "number"
	case bool:
		return "bool"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return "null"
}
