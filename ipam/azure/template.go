package azure

import (
	"cmp"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/cidrplan/cidrplan/internal/input"
	"github.com/cidrplan/cidrplan/ipam"
)

const typeSubnet = "Microsoft.Network/virtualNetworks/subnets"

// Parameters are the values of a deployment's parameters files, by name
// (compared case-insensitively, as ARM does). The zero Parameters is empty
// and usable: every parameter takes its defaultValue.
type Parameters struct {
	values map[string]any
}

// ParseParameters reads an ARM deployment parameters file, as az
// deployment group create --parameters takes it:
// {"parameters": {"name": {"value": ...}}}, and adds its values to p (a
// later file's value wins). A parameter given by a Key Vault reference has
// no value here: the template's defaultValue applies. Errors are *Error:
// ErrSyntax, ErrFormat (no "parameters" object), ErrInvalidValue.
func (p *Parameters) ParseParameters(data []byte, file string) error {
	root, err := decode(file, data)
	if err != nil {
		return err
	}
	r := &reader{file: file}
	ps := val{r: r, v: root}.key("parameters")
	m, ok := ps.object()
	if !ok {
		if err := r.err(); err != nil {
			return err
		}
		return &Error{File: file, Kind: ErrFormat,
			Detail: `no "parameters" object (want an ARM deployment parameters file)`}
	}
	if p.values == nil {
		p.values = make(map[string]any, len(m))
	}
	for name := range m {
		x := ps.key(name)
		if _, ok := x.object(); !ok {
			continue
		}
		if v := x.key("value"); !v.absent() {
			p.values[strings.ToLower(name)] = v.v
		}
	}
	return r.err()
}

// ParseTemplate reads an ARM template (as az group export, az bicep build
// or a hand-written template has it) with the values of params, evaluating
// the part of the template language address plans use: parameters (a
// parameters file's value, else the defaultValue), variables, concat,
// format, resourceId and subscriptionResourceId (to the ID az prints, with
// {subscriptionId} and {resourceGroup} where the deployment decides),
// resourceGroup() and subscription() (their properties as such
// placeholders), literals and the escaped literal "[[".
//
// It reads virtual networks with their subnets, subnets declared as
// resources of their own (Microsoft.Network/virtualNetworks/subnets, at the
// top level or nested in their VNet), managed clusters and agent pools
// (also as resources of their own or nested); a resource whose condition
// is false is left out. Resources of one template are joined: a pool's
// vnetSubnetID of resourceId('Microsoft.Network/virtualNetworks/subnets',
// 'v', 's') names the template's subnet s of VNet v.
//
// An expression outside that subset, or that fails, is an *Error of kind
// ErrTemplateExpression with the expression, its JSON path and line,
// reported once where it is written: a variable's error once at the
// variable, however many fields use it. Only fields the import reads are
// evaluated, so a parameter without a value (vmSize) matters only where
// one of them uses it. Other errors are as for [ParseAKS].
func ParseTemplate(data []byte, file string, params Parameters) (*Resources, error) {
	root, err := decode(file, data)
	if err != nil {
		return nil, err
	}
	text, _ := input.Text(data) // decode succeeded, so the text is readable
	r := &reader{file: file, evaluated: true}
	doc := val{r: r, v: root}
	res := doc.key("resources")
	if _, ok := res.v.([]any); !ok {
		if err := r.err(); err != nil {
			return nil, err
		}
		return nil, &Error{File: file, Kind: ErrFormat, Path: "resources",
			Detail: "want an ARM template with a resources array"}
	}
	env := &templateEnv{file: file, lines: newLineIndex(text), given: params.values, done: make(map[string]evaluated),
		params: definitions(doc.key("parameters"), "defaultValue"), vars: definitions(doc.key("variables"), "")}
	t := &templateReader{r: r, env: env, rs: &Resources{}}
	for _, x := range res.list() {
		t.resource(x, "", "", 0)
	}
	// In file order: an error where a parameter or variable is defined
	// may be met after a field that uses it.
	slices.SortStableFunc(r.errs, func(a, b error) int { return cmp.Compare(errorLine(a), errorLine(b)) })
	if err := r.err(); err != nil {
		return nil, err
	}
	if len(t.rs.Clusters)+len(t.rs.Pools)+len(t.rs.VNets) == 0 {
		return nil, &Error{File: file, Kind: ErrFormat,
			Detail: "no virtual network, subnet, managed cluster or agent pool among the template's resources"}
	}
	return t.rs.withFile(file, env.lines), nil
}

// definitions returns a template's parameters (the member field of each
// holds the value: defaultValue) or variables (field "": the value itself).
func definitions(x val, field string) map[string]definition {
	m, _ := x.v.(map[string]any)
	out := make(map[string]definition, len(m))
	for name, v := range m {
		d := definition{name: name, path: joinPath(x.path, name), v: v}
		if field != "" {
			d.v = nil
			if o, ok := v.(map[string]any); ok {
				for k, dv := range o {
					if strings.EqualFold(k, field) {
						d.v, d.path = dv, joinPath(d.path, k)
					}
				}
			}
		}
		out[strings.ToLower(name)] = d
	}
	return out
}

type templateReader struct {
	r   *reader
	env *templateEnv
	rs  *Resources
}

// maxNesting bounds resources nested in resources.
const maxNesting = 8

// resource reads one resource, nested in a parent of type and name
// parentType and parentName ("" at the top level), and its nested
// resources.
func (t *templateReader) resource(x val, parentType, parentName string, depth int) {
	if _, ok := x.object(); !ok || depth > maxNesting {
		return
	}
	ev := t.evaluate(x)
	if c := ev.key("condition"); !c.absent() {
		if b, ok := c.v.(bool); ok && !b {
			return
		}
	}
	typ, name := ev.key("type").str(), ev.key("name").str()
	if parentType != "" {
		if !strings.Contains(strings.SplitN(typ, "/", 2)[0], ".") {
			typ = parentType + "/" + typ
		}
		if !strings.Contains(name, "/") {
			name = parentName + "/" + name
		}
	}
	m, _ := ev.v.(map[string]any)
	m["name"] = name
	switch {
	case strings.EqualFold(typ, typeVNet):
		v := readVNet(ev)
		v.ID = templateID(typeVNet, name)
		t.rs.VNets = append(t.rs.VNets, v)
	case strings.EqualFold(typ, typeSubnet):
		vnet, subnet, ok := strings.Cut(name, "/")
		if !ok || vnet == "" || subnet == "" {
			t.r.fail(joinPath(ev.path, "name"), ErrInvalidValue, name, "want VNET/SUBNET for a subnet resource", nil)
			break
		}
		m["name"] = subnet
		s, _, fields := readSubnet(ev)
		id := templateID(typeVNet, vnet)
		v := VNet{ID: id, Partial: true, At: origin(ev), VNet: ipam.VNet{Name: vnet,
			Subnets: []ipam.Subnet{s}}, SubnetIDs: []string{id + "/subnets/" + s.Name}}
		v.fields.nest(subnetField(s.Name), origin(ev), fields)
		t.rs.VNets = append(t.rs.VNets, v)
	case strings.EqualFold(typ, typeManagedCluster):
		t.rs.Clusters = append(t.rs.Clusters, readCluster(ev))
	case strings.EqualFold(typ, typeAgentPool):
		t.rs.Pools = append(t.rs.Pools, readStandalonePool(ev))
	}
	for _, c := range x.key("resources").list() {
		t.resource(c, typ, name, depth+1)
	}
}

// evaluate returns x with every expression replaced by its value, except
// nested resources (read on their own); an expression in error is replaced
// by a badExpr, which the reader reports when it reads that field.
func (t *templateReader) evaluate(x val) val {
	m := x.v.(map[string]any)
	out := make(map[string]any, len(m))
	for k, v := range m {
		if strings.EqualFold(k, "resources") {
			continue
		}
		out[k] = t.tree(v, joinPath(x.path, k), 0)
	}
	return val{r: x.r, v: out, path: x.path}
}

func (t *templateReader) tree(v any, path string, depth int) any {
	if depth > maxTreeDepth {
		return badExpr{t.env.fail(path, "", "value nested more than "+strconv.Itoa(maxTreeDepth)+" deep")}
	}
	switch v := v.(type) {
	case string:
		got, err := t.env.evalString(v, path)
		if err != nil {
			return badExpr{err}
		}
		return jsonValue(got)
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = t.tree(x, joinPath(path, k), depth+1)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = t.tree(x, path+"["+strconv.Itoa(i)+"]", depth+1)
		}
		return out
	}
	return v
}

// jsonValue turns an evaluated value into what decode gives: numbers as
// json.Number.
func jsonValue(v any) any {
	switch v := v.(type) {
	case int64:
		return json.Number(strconv.FormatInt(v, 10))
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = jsonValue(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = jsonValue(x)
		}
		return out
	}
	return v
}

// badExpr stands in the evaluated template for an expression in error; the
// reader reports err when a field it reads holds one.
type badExpr struct{ err *Error }

// templateID is the ID resourceId(typ, names...) gives for a resource of
// the template, names joined by "/" in name.
func templateID(typ, name string) string {
	args := []any{typ}
	for _, n := range strings.Split(name, "/") {
		args = append(args, n)
	}
	id, err := resourceIDOf(args, true, func(s string) error { return errors.New(s) })
	if err != nil {
		return ""
	}
	return id.(string)
}

// errorLine is the line of an *Error, for sorting; errors without a line
// go last.
func errorLine(err error) int {
	if e, ok := err.(*Error); ok && e.Line > 0 {
		return e.Line
	}
	return math.MaxInt
}
