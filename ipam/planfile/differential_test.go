package planfile

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The JSON scanner path and the YAML parser path (which reads JSON too)
// must decode every JSON document alike: the same plan, the same errors in
// the same order with the same lines and paths, the same positions.
func TestJSONPathAgreesWithYAMLPath(t *testing.T) {
	docs := differentialDocs(t)
	for _, doc := range docs {
		t.Run(doc.name, func(t *testing.T) { compareJSONPaths(t, doc.data) })
	}
}

type namedDoc struct {
	name string
	data []byte
}

// differentialDocs are the bundled plans as JSON, indented and compact,
// and seeded random mutations of them: wrong types and values, unknown,
// missing and repeated keys, entries with and without names.
func differentialDocs(t *testing.T) []namedDoc {
	t.Helper()
	files, err := filepath.Glob("../testdata/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no plans: %v", err)
	}
	var docs []namedDoc
	rng := rand.New(rand.NewPCG(1, 2))
	for _, f := range files {
		p, err := Load(f)
		if err != nil {
			continue // a plan the loader rejects is the YAML tests' business
		}
		js, err := Marshal(p, JSON)
		if err != nil {
			t.Fatal(err)
		}
		base := filepath.Base(f)
		docs = append(docs, namedDoc{base, js})
		var tree any
		if err := json.Unmarshal(js, &tree); err != nil {
			t.Fatal(err)
		}
		compact, _ := json.Marshal(tree)
		docs = append(docs, namedDoc{base + "/compact", compact})
		for i := range 40 {
			m := mutate(rng, deepCopy(tree), 1+rng.IntN(4))
			out, err := json.MarshalIndent(m, "", strings.Repeat(" ", rng.IntN(3)))
			if err != nil {
				t.Fatal(err)
			}
			if rng.IntN(4) == 0 {
				out = repeatKey(rng, out)
			}
			docs = append(docs, namedDoc{fmt.Sprintf("%s/mutation%d", base, i), out})
		}
	}
	return docs
}

func compareJSONPaths(t *testing.T, data []byte) {
	t.Helper()
	if !looksLikeJSON(data) || checkJSON(data) != nil {
		t.Fatalf("not JSON as the scanner reads it:\n%s", data)
	}
	viaJSON, posJSON, errJSON := parse(data, "p.json", true, false)
	viaYAML, posYAML, errYAML := parse(data, "p.json", true, true)
	if diff := cmp.Diff(errorLines(errYAML), errorLines(errJSON)); diff != "" {
		t.Fatalf("errors (-yaml +json):\n%s\n%s", diff, data)
	}
	if diff := cmp.Diff(viaYAML, viaJSON, cmpNet); diff != "" {
		t.Fatalf("plan (-yaml +json):\n%s", diff)
	}
	if viaJSON == nil {
		return
	}
	fields := []string{"", "vnets", "clusters", "avoid", "vnets[0]", "clusters[0].agentPoolProfiles[1]", "vnets[nope].subnets"}
	for _, f := range viaJSON.Validate() {
		fields = append(fields, f.Field, f.Field+".name", f.Field+"[0]")
	}
	for _, f := range fields {
		yl, yc := posYAML.Of(f)
		jl, jc := posJSON.Of(f)
		if yl != jl || yc != jc {
			t.Errorf("Of(%q): YAML path %d:%d, JSON path %d:%d", f, yl, yc, jl, jc)
		}
	}
}

// errorLines lists the errors joined in err, one string each.
func errorLines(err error) []string {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []string
		for _, e := range j.Unwrap() {
			out = append(out, e.Error())
		}
		return out
	}
	return []string{err.Error()}
}

func deepCopy(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = deepCopy(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = deepCopy(x)
		}
		return out
	}
	return v
}

// replacements are values a mutation puts where another was.
var replacements = []any{
	"x", "", "10.0.0.1/8", "10.0.0.0/8", "::ffff:10.0.0.0/104", "fd00::/64", "10.0.0.10", "bad\u001bname",
	0.0, 3.0, 2.5, 1e40, -1.0, true, false, nil, map[string]any{}, []any{}, []any{"10.1.0.0/16", nil},
	map[string]any{"name": "n", "count": 3.0}, "azure", "overlay", "System",
}

// mutate changes n random places of v (a plan as generic JSON values).
func mutate(rng *rand.Rand, v any, n int) any {
	for range n {
		v = mutateOne(rng, v)
	}
	return v
}

func mutateOne(rng *rand.Rand, v any) any {
	switch x := v.(type) {
	case map[string]any:
		keys := slices.Sorted(func(yield func(string) bool) {
			for k := range x {
				if !yield(k) {
					return
				}
			}
		})
		switch r := rng.IntN(10); {
		case r == 0 || len(keys) == 0:
			x[[]string{"extra", "Name", "vnetSubent", "serviceCIDR", "maxpods"}[rng.IntN(5)]] = replacements[rng.IntN(len(replacements))]
		case r == 1:
			delete(x, keys[rng.IntN(len(keys))])
		default:
			k := keys[rng.IntN(len(keys))]
			x[k] = mutateOne(rng, x[k])
		}
		return x
	case []any:
		if len(x) == 0 || rng.IntN(6) == 0 {
			return append(x, replacements[rng.IntN(len(replacements))])
		}
		i := rng.IntN(len(x))
		x[i] = mutateOne(rng, x[i])
		return x
	}
	if rng.IntN(3) == 0 {
		return v // a leaf reached: sometimes left as it is
	}
	return replacements[rng.IntN(len(replacements))]
}

// repeatKey writes the first key of a random object in out twice.
func repeatKey(rng *rand.Rand, out []byte) []byte {
	var starts []int
	for i := 0; i+1 < len(out); i++ {
		if out[i] == '{' && out[i+1] != '}' {
			starts = append(starts, i)
		}
	}
	if len(starts) == 0 {
		return out
	}
	at := starts[rng.IntN(len(starts))]
	var tree any
	dec := json.NewDecoder(strings.NewReader(string(out[at:])))
	if dec.Decode(&tree) != nil {
		return out
	}
	m, ok := tree.(map[string]any)
	if !ok || len(m) == 0 {
		return out
	}
	k := slices.Sorted(func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	})[0]
	v, _ := json.Marshal(m[k])
	dup := fmt.Sprintf("{%q: %s, ", k, v)
	return slices.Concat(out[:at], []byte(dup), out[at+1:])
}
