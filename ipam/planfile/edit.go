package planfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"

	"github.com/cidrplan/cidrplan/internal/input"
	"github.com/cidrplan/cidrplan/ipam"
	"go.yaml.in/yaml/v3"
)

// Fill returns the plan file data (YAML or JSON, named name in errors)
// with what p holds and data leaves out added, and everything data has
// kept: its comments, blank lines, key order, flow style, anchors and
// values. It is how
// a completed plan ([ipam.Plan.Complete]) is written back into the user's
// file: only the keys p fills are added, each after the key p puts before
// it, in the style of its parent; list entries (VNets, subnets,
// clusters, pools, ranges to avoid) are matched by name, unnamed ones by
// their place among the unnamed, so that no entry of data is added again,
// and new ones appended; a value data gives is never replaced, and a key data
// gives through a YAML merge key ("<<") is not added again. A value is
// stated once: of a singular and its list (podCidr and podCidrs,
// serviceCidr and serviceCidrs: the fields with a firstOf tag), the one
// data gives stays alone, and when data gives neither only the singular
// is added, or only the list when it holds more than one entry.
//
// The result is in format f, or in data's own when f is "": data that is
// JSON stays JSON, its text kept byte for byte and what is added written
// in as the members beside it are laid out; YAML (also YAML that starts
// with "{", as a flow mapping does) stays YAML and
// keeps its indentation width and whether its block lists are indented
// under their key or written flush with it (the first such list decides
// for the whole document: the encoder has one setting). JSON turned into
// YAML loses its flow style; YAML turned into JSON its comments and
// anchors. The output keeps data's
// line ends (CR LF or LF, as its first line ends) and UTF-8 byte order
// mark. UTF-16 data gives UTF-8 without one: UTF-16 plan files come from
// Windows PowerShell 5.1 redirecting output, and that redirection encodes
// what it is given as UTF-16 again. An unknown format is an error
// matching [ErrFormat]; data that does not parse, an *[ipam.ParseError]
// as [Parse] reports it.
func Fill(data []byte, name string, p *ipam.Plan, f Format) ([]byte, error) {
	text, err := input.Text(data)
	if err != nil {
		var ee *input.EncodingError
		errors.As(err, &ee)
		return nil, &ipam.ParseError{File: name, Line: ee.Line, Err: fmt.Errorf("%w: %s", ipam.ErrSyntax, ee.Reason)}
	}
	// A lone CR ends a line too (YAML reads it so; in JSON it is white
	// space either way): made LF like CR LF, so that a filled file, filled
	// again, stays as it is.
	text = bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n"))
	text = bytes.ReplaceAll(text, []byte("\r"), []byte("\n"))
	jf, isJSON := readJSONFile(text)
	if f == "" {
		f = YAML
		if isJSON {
			f = JSON
		}
	}
	if f != YAML && f != JSON {
		return nil, fmt.Errorf("%w %q (want %s or %s)", ErrFormat, string(f), YAML, JSON)
	}
	var doc *yaml.Node
	if isJSON {
		doc = &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{jf.root}}
	} else if doc, err = parseDocument(text, name); err != nil {
		return nil, err
	}
	wantYAML, err := Marshal(p, YAML)
	if err != nil {
		return nil, err
	}
	want, err := parseDocument(wantYAML, "completed plan")
	if err != nil {
		return nil, err
	}
	var looks map[*yaml.Node]lineLook
	if !isJSON {
		looks = lineLooks(doc, text)
	}
	fl := filler{given: map[*yaml.Node]bool{}, types: &decoder{}, wants: map[*yaml.Node]*yaml.Node{}, added: new([]addition)}
	fl.record(doc)
	if root := doc.Content[0]; root.Kind == yaml.ScalarNode {
		// A null document ("null", "~", a bare tag), which Parse reads as an
		// empty plan: the completed plan replaces it, keeping its comments;
		// written back as it is, a bare "!" would become an empty file, which
		// is no plan.
		fl.replace(root, want.Content[0], reflect.TypeFor[ipam.Plan]())
	}
	fl.fill(doc.Content[0], want.Content[0], reflect.TypeFor[ipam.Plan]())
	fl.unshare(doc)
	var b bytes.Buffer
	switch {
	case f == JSON && isJSON:
		return input.LayoutOf(data).Apply(jf.write()), nil
	case f == JSON:
		fl.textScalars(doc.Content[0], reflect.TypeFor[ipam.Plan](), 0)
		w := jsonWriter{indent: "  ", spaced: true}
		w.write(&b, doc.Content[0], "", false)
		b.WriteByte('\n')
		return input.LayoutOf(data).Apply(b.Bytes()), nil
	}
	width := 2
	if isJSON {
		blockStyle(doc)
	} else if w := yamlIndent(doc.Content[0]); w > 0 {
		width = w
	}
	spellFlowNulls(doc, false)
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(width)
	if flush, _ := flushLists(doc.Content[0]); flush && !isJSON {
		enc.CompactSeqIndent()
	}
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return input.LayoutOf(data).Apply(withLineLooks(b.Bytes(), doc, looks, text)), nil
}

// parseDocument parses one YAML (or JSON) document into its document
// node.
func parseDocument(text []byte, name string) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		return nil, syntaxError(name, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, &ipam.ParseError{File: name, Err: fmt.Errorf("%w: empty plan", ipam.ErrSyntax)}
	}
	return &doc, nil
}

// filler adds to a plan file's node tree what the completed plan holds.
type filler struct {
	// given holds the keys of the file as written, so that a key a merge
	// key brings counts only when the file gives it, not when the fill
	// added it to the mapping merged.
	given map[*yaml.Node]bool
	// types knows the plan's fields by their keys.
	types *decoder
	// wants holds what each value of the file stands for in the completed
	// plan, and added what was added to anchored mappings: see unshare.
	wants map[*yaml.Node]*yaml.Node
	added *[]addition
}

func (fl filler) record(n *yaml.Node) {
	if n.Kind == yaml.MappingNode {
		for i := 0; i < len(n.Content); i += 2 {
			fl.given[n.Content[i]] = true
		}
	}
	for _, c := range n.Content {
		fl.record(c)
	}
}

// fill adds to have what want holds and have lacks; t is the Go type
// both stand for, nil when unknown. A null in have, which Parse reads as
// absent ("subnets:" with nothing after it, left to be filled in), takes
// want's value.
func (fl filler) fill(have, want *yaml.Node, t reflect.Type) {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	fl.wants[have] = want
	switch {
	case isNull(have) && !isNull(want) && !isEmptyString(want):
		fl.replace(have, want, t)
	case have.Kind == yaml.MappingNode && want.Kind == yaml.MappingNode:
		fl.fillMapping(have, want, t)
	case have.Kind == yaml.SequenceNode && want.Kind == yaml.SequenceNode:
		if t != nil && t.Kind() == reflect.Slice {
			t = t.Elem()
		} else {
			t = nil
		}
		fl.fillSequence(have, want, t)
	}
}

// fillMapping adds the keys of want that have lacks, each after the last
// key of have that want has before it (first, when none is, but after
// the merge keys have starts with), but not a
// key that states again what have says under another (podCidrs of one
// entry when have gives podCidr, podCidr when have gives podCidrs), nor an
// empty string, which says what a missing key says (the name of an
// unnamed entry).
func (fl filler) fillMapping(have, want *yaml.Node, t reflect.Type) {
	at := 0
	for at+1 < len(have.Content) && have.Content[at].ShortTag() == "!!merge" {
		at += 2 // after the merge keys that lead, as the keys they bring
	}
	for i := 0; i+1 < len(want.Content); i += 2 {
		k, v := want.Content[i], want.Content[i+1]
		if j := keyIndex(have, k.Value); j >= 0 {
			fl.fill(have.Content[j+1], v, fl.fieldType(t, k.Value)) // an alias is left alone: others share it
			at = max(at, j+2)
			continue
		}
		if fl.has(have, k.Value) || fl.restates(have, want, k.Value, v, t) || isEmptyString(v) {
			continue
		}
		have.Content = slices.Insert(have.Content, at, k, fl.fresh(v, fl.fieldType(t, k.Value)))
		if have.Anchor != "" {
			*fl.added = append(*fl.added, addition{to: have, key: k})
		}
		at += 2
	}
}

// replace makes have, a null of the file, the value want of type t holds,
// filled as fresh fills it; have's comments stay.
func (fl filler) replace(have, want *yaml.Node, t reflect.Type) {
	head, line, foot := have.HeadComment, have.LineComment, have.FootComment
	*have = *fl.fresh(want, t)
	have.HeadComment, have.LineComment, have.FootComment = head, line, foot
}

// isNull reports whether n is a null scalar (an alias is not: others
// share it).
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// fresh returns want, a value of type t the file lacks, as fill adds it:
// a mapping or list is filled into an empty one of its style, so that it
// too states each value once.
func (fl filler) fresh(want *yaml.Node, t reflect.Type) *yaml.Node {
	if want.Kind != yaml.MappingNode && want.Kind != yaml.SequenceNode {
		return want
	}
	n := *want
	n.Content = nil
	fl.fill(&n, want, t)
	return &n
}

// keyIndex returns the index in n.Content of the key name, or -1.
func keyIndex(n *yaml.Node, name string) int {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Kind == yaml.ScalarNode && k.Value == name {
			return i
		}
	}
	return -1
}

// has reports whether mapping n gives key name, itself or through a merge
// key.
func (fl filler) has(n *yaml.Node, name string) bool {
	return keyIndex(n, name) >= 0 || fl.merged(n, name, 0)
}

// fieldType is the type of the field of struct t whose key is name; nil
// when t is not a struct or has no such field.
func (fl filler) fieldType(t reflect.Type, name string) reflect.Type {
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	f, ok := fl.types.info(t).fields[name]
	if !ok {
		return nil
	}
	return t.FieldByIndex(f.index).Type
}

// restates reports whether key name of struct t, with value v in want,
// says nothing mapping n does not, or will once filled: name is the
// singular of a list n gives or want holds with more than one entry (the
// singular is the list's first entry), or a list of one entry whose
// singular n gives.
func (fl filler) restates(n, want *yaml.Node, name string, v *yaml.Node, t reflect.Type) bool {
	if t == nil || t.Kind() != reflect.Struct {
		return false
	}
	fields := fl.types.info(t).fields
	if f := fields[name]; f.firstOf != "" {
		if fl.has(n, f.firstOf) {
			return true
		}
		j := keyIndex(want, f.firstOf)
		return j >= 0 && len(want.Content[j+1].Content) > 1
	}
	for single, f := range fields {
		if f.firstOf == name && fl.has(n, single) {
			return v.Kind == yaml.SequenceNode && len(v.Content) <= 1
		}
	}
	return false
}

// merged reports whether mapping n gets key name, as the file gives it,
// through a merge key.
func (fl filler) merged(n *yaml.Node, name string, depth int) bool {
	if depth > 16 {
		return false
	}
	for _, s := range directMerges(n) {
		if j := keyIndex(s, name); (j >= 0 && fl.given[s.Content[j]]) || fl.merged(s, name, depth+1) {
			return true
		}
	}
	return false
}

// yamlIndent returns the indentation width of a YAML document: how far
// the first block mapping or indented block list nested in a block mapping
// is indented from its key; 0 when it has none.
func yamlIndent(n *yaml.Node) int {
	n = resolveAlias(n)
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			block := n.Style&yaml.FlowStyle == 0 && v.Style&yaml.FlowStyle == 0 && len(v.Content) > 0
			switch {
			case block && v.Kind == yaml.MappingNode && v.Content[0].Column > k.Column:
				return v.Content[0].Column - k.Column
			case block && v.Kind == yaml.SequenceNode && v.Column > k.Column:
				return v.Column - k.Column // the dash, indented
			}
			if w := yamlIndent(v); w > 0 {
				return w
			}
		}
	case yaml.SequenceNode:
		for _, e := range n.Content {
			if w := yamlIndent(e); w > 0 {
				return w
			}
		}
	}
	return 0
}

// flushLists reports whether the first block list a block mapping holds
// is written flush with its key ("vnets:" then "- name: v" at the same
// column), the style the encoder then keeps for every list of the
// document; found is false when n holds no such list.
func flushLists(n *yaml.Node) (flush, found bool) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1] // an alias's list is seen where it is written
			if n.Style&yaml.FlowStyle == 0 && v.Kind == yaml.SequenceNode && v.Style&yaml.FlowStyle == 0 && len(v.Content) > 0 {
				return v.Column == k.Column, true
			}
			if flush, found := flushLists(v); found {
				return flush, true
			}
		}
	case yaml.SequenceNode:
		for _, e := range n.Content {
			if flush, found := flushLists(e); found {
				return flush, true
			}
		}
	}
	return false, false
}

// blockStyle turns the flow style of JSON into YAML's block style, and
// leaves quoting strings to the encoder.
func blockStyle(n *yaml.Node) {
	switch n.Kind {
	case yaml.MappingNode, yaml.SequenceNode:
		n.Style = 0
	case yaml.ScalarNode:
		if n.ShortTag() == "!!str" {
			n.Style = 0
		}
	}
	for _, c := range n.Content {
		blockStyle(c)
	}
}

// jsonIndent returns the indentation of a JSON text: the white space
// that starts its first indented line; "" for a text on one line.
func jsonIndent(text []byte) string {
	lines := bytes.Split(bytes.TrimSpace(text), []byte("\n"))
	for _, l := range lines[1:] {
		if ws := len(l) - len(bytes.TrimLeft(l, " \t")); ws > 0 && ws < len(l) {
			return string(l[:ws])
		}
	}
	if len(lines) > 1 {
		return "  "
	}
	return ""
}

// jsonWriter writes a node tree as JSON, each level indented by indent
// more than the last (or on one line when indent is ""), spaced as JSON
// written by hand is ({"a": 1, "b": [2, 3]}) or compact
// ({"a":1,"b":[2,3]}) as spaced says. Aliases are written out and merge
// keys merged, as JSON has neither.
type jsonWriter struct {
	indent string
	spaced bool
}

// colon returns what follows a key.
func (w jsonWriter) colon() string {
	if w.spaced {
		return ": "
	}
	return ":"
}

// write writes n, whose line starts with lead, on one line when flat is
// set.
func (w jsonWriter) write(b *bytes.Buffer, n *yaml.Node, lead string, flat bool) {
	n = resolveAlias(n)
	flat = flat || w.indent == ""
	inner := lead + w.indent
	sep := func(i int, lead string) {
		switch {
		case i > 0 && flat && w.spaced:
			b.WriteString(", ")
		case i > 0:
			b.WriteByte(',')
		}
		if !flat {
			b.WriteByte('\n')
			b.WriteString(lead)
		}
	}
	switch n.Kind {
	case yaml.MappingNode:
		pairs := mergedPairs(n, 0)
		if len(pairs) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteByte('{')
		for i, kv := range pairs {
			sep(i, inner)
			writeJSONString(b, kv[0].Value)
			b.WriteString(w.colon())
			w.write(b, kv[1], inner, flat)
		}
		sep(0, lead)
		b.WriteByte('}')
	case yaml.SequenceNode:
		if len(n.Content) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteByte('[')
		for i, e := range n.Content {
			sep(i, inner)
			w.write(b, e, inner, flat)
		}
		sep(0, lead)
		b.WriteByte(']')
	default:
		writeJSONScalar(b, n)
	}
}

// mergedPairs returns the key/value pairs of mapping n with its merge keys
// replaced by the pairs they bring that n does not state itself.
func mergedPairs(n *yaml.Node, depth int) [][2]*yaml.Node {
	var own [][2]*yaml.Node
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.ShortTag() == "!!merge" && depth < 16 {
			continue
		}
		own = append(own, [2]*yaml.Node{k, v})
		seen[k.Value] = true
	}
	if depth >= 16 {
		return own
	}
	for _, s := range directMerges(n) {
		for _, kv := range mergedPairs(s, depth+1) {
			if !seen[kv[0].Value] {
				seen[kv[0].Value] = true
				own = append(own, kv)
			}
		}
	}
	return own
}

// writeJSONScalar writes a scalar by its YAML type: numbers, booleans and
// null as such, everything else as a string.
func writeJSONScalar(b *bytes.Buffer, n *yaml.Node) {
	switch n.ShortTag() {
	case "!!null":
		b.WriteString("null")
		return
	case "!!bool":
		var v bool
		if n.Decode(&v) == nil {
			b.WriteString(strconv.FormatBool(v))
			return
		}
	case "!!int":
		var v int64
		if n.Decode(&v) == nil {
			b.WriteString(strconv.FormatInt(v, 10))
			return
		}
	case "!!float":
		if json.Valid([]byte(n.Value)) {
			b.WriteString(n.Value)
			return
		}
	}
	writeJSONString(b, n.Value)
}

// writeJSONString writes s quoted, with <, > and & as they are.
func writeJSONString(b *bytes.Buffer, s string) {
	var q bytes.Buffer
	enc := json.NewEncoder(&q)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	b.Write(bytes.TrimSuffix(q.Bytes(), []byte("\n")))
}

// spellFlowNulls spells out the null values of a YAML file's flow
// collections ({name: a, pools} holds pools: null): the encoder writes an
// empty null there as nothing, which loads as an empty string, not as the
// list or object the key wants. (JSON spells its nulls, and JSON turned
// into YAML is written in block style.)
func spellFlowNulls(n *yaml.Node, flow bool) {
	flow = flow || n.Style&yaml.FlowStyle != 0
	for _, c := range n.Content {
		if flow && c.Kind == yaml.ScalarNode && c.Tag == "!!null" && c.Value == "" {
			c.Value = "null"
		}
		spellFlowNulls(c, flow)
	}
}
