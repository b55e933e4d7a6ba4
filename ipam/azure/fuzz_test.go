package azure_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cidrplan/cidrplan/ipam/azure"
	"github.com/cidrplan/cidrplan/ipam/planfile"
)

// addSeeds adds every fixture whose name starts with prefix, plus some
// truncations of each, to the corpus.
func addSeeds(f *testing.F, prefix string) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*", prefix+"*.json"))
	if len(files) == 0 {
		f.Fatalf("no fixture %s*.json", prefix)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		for _, cut := range []int{len(data) / 3, len(data) / 2, len(data) - 2} {
			f.Add(data[:cut])
		}
	}
	f.Add([]byte(`null`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"properties":null,"value":[null,1,"x",{"properties":[]}]}`))
}

// checkParse is what every parser promises on any input: no panic; an
// error is an *azure.Error naming the file; a result turns into a plan that
// marshals and loads back the same, or into an *azure.Error.
func checkParse(t *testing.T, parse parseFunc, data []byte) {
	rs, err := parse(data, "fuzz.json")
	if err != nil {
		var e *azure.Error
		if !errors.As(err, &e) || e.File != "fuzz.json" || !strings.Contains(err.Error(), "fuzz.json") {
			t.Fatalf("error %q is not an *azure.Error naming the file", err)
		}
		return
	}
	plan, pos, err := rs.PlanWithPositions()
	if err != nil {
		var e *azure.Error
		if !errors.As(err, &e) {
			t.Fatalf("Plan error %q is not an *azure.Error", err)
		}
		return
	}
	lines := 1 + strings.Count(string(data), "\n")
	for _, f := range plan.Validate() {
		file, line, col := pos.Of(f.Field)
		if file != "" && (file != "fuzz.json" || line < 1 || line > lines || col < 1) {
			t.Fatalf("finding %s is at %s:%d:%d; want fuzz.json, a line of 1..%d and a column", f.Field, file, line, col, lines)
		}
	}
	y, err := planfile.Marshal(plan, planfile.YAML)
	if err != nil {
		t.Fatalf("planfile.Marshal: %v", err)
	}
	back, err := planfile.Parse(y, "plan.yaml")
	if err != nil {
		t.Fatalf("the plan does not load back: %v\n%s", err, y)
	}
	if diff := cmp.Diff(plan, back, cmpOpts); diff != "" {
		t.Fatalf("reloaded plan differs (-import +reloaded):\n%s", diff)
	}
}

func FuzzParseAKS(f *testing.F) {
	addSeeds(f, "aks")
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, azure.ParseAKS, data) })
}

func FuzzParseVNet(f *testing.F) {
	addSeeds(f, "vnet")
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, azure.ParseVNet, data) })
}

func FuzzParseOnPrem(f *testing.F) {
	addSeeds(f, "onprem")
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, azure.ParseOnPrem, data) })
}

func FuzzParseTerraform(f *testing.F) {
	addSeeds(f, "terraform")
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, azure.ParseTerraform, data) })
}

func FuzzParseTemplate(f *testing.F) {
	addSeeds(f, "arm")
	parse := func(data []byte, file string) (*azure.Resources, error) {
		return azure.ParseTemplate(data, file, azure.Parameters{})
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, parse, data) })
}

// FuzzTemplateExpression puts an expression where a template's variable,
// parameter default and subnet ID are: evaluating it must not panic, loop
// or grow without bound, and must fail with an *azure.Error.
func FuzzTemplateExpression(f *testing.F) {
	for _, s := range []string{
		"[resourceId('Microsoft.Network/virtualNetworks/subnets', parameters('name'), 'nodes')]",
		"[concat(variables('v'), variables('v'))]",
		"[format('{0}/{1}{{', resourceGroup().id, subscription().subscriptionId)]",
		"[variables('v')[0].x['y']]",
		"[subscriptionResourceId('s', 'Microsoft.Network/virtualNetworks', 'n')]",
		"[concat(concat(concat('", "[[x]", "['it''s']", "[-12]", "[true]",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		q, err := json.Marshal(expr)
		if err != nil {
			return
		}
		in := templateOf(`"v": `+string(q)+`, "w": "[concat(variables('v'), variables('v'))]"`,
			vnetResource+",\n"+clusterResource(`[variables('w')]`)+",\n"+clusterResource(strings.Trim(string(q), `"`)))
		checkParse(t, func(data []byte, file string) (*azure.Resources, error) {
			return azure.ParseTemplate(data, file, azure.Parameters{})
		}, []byte(in))
	})
}
