package azure_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cidrplan/cidrplan/ipam/azure"
)

// templateOf wraps resources and variables into a template, one member a
// line so that lines are predictable: variables start on line 4.
func templateOf(variables, resources string) string {
	return "{\n" +
		`"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",` + "\n" +
		`"parameters": {"name": {"type": "string", "defaultValue": "net"}, "size": {"type": "string"}},` + "\n" +
		`"variables": {` + variables + "},\n" +
		`"resources": [` + resources + "]\n}"
}

const vnetResource = `{"type": "Microsoft.Network/virtualNetworks", "name": "[parameters('name')]",
  "properties": {"addressSpace": {"addressPrefixes": ["10.1.0.0/16"]},
  "subnets": [{"name": "nodes", "properties": {"addressPrefix": "10.1.0.0/24"}}]}}`

func clusterResource(subnet string) string {
	return `{"type": "Microsoft.ContainerService/managedClusters", "name": "aks",
  "properties": {"networkProfile": {"networkPlugin": "azure"}, "agentPoolProfiles": [
  {"name": "a", "count": 1, "vmSize": "[parameters('size')]", "vnetSubnetID": "` + subnet + `"},
  {"name": "b", "count": 1, "vnetSubnetID": "` + subnet + `"}]}}`
}

// TestTemplateErrors checks that an expression outside the evaluated subset
// is reported once, where it is written (a variable's definition, however
// many pools use it), with its JSON path and line; and that a parameter
// without a value matters only where a field the import reads uses it.
func TestTemplateErrors(t *testing.T) {
	tests := []struct {
		name      string
		variables string
		subnet    string
		want      []azure.Error // File, Path, Line, Value, Kind
	}{
		{"unsupported function in a variable", `"sub": "[reference(parameters('name')).subnets[0].id]"`,
			"[variables('sub')]", []azure.Error{{Path: "variables.sub", Line: 4,
				Value: "[reference(parameters('name')).subnets[0].id]", Kind: azure.ErrTemplateExpression}}},
		{"malformed expression in a field", "", "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'net' 'nodes')]",
			[]azure.Error{
				{Path: "resources[1].properties.agentPoolProfiles[0].vnetSubnetID", Line: 10,
					Value: "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'net' 'nodes')]", Kind: azure.ErrTemplateExpression},
				{Path: "resources[1].properties.agentPoolProfiles[1].vnetSubnetID", Line: 11,
					Value: "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'net' 'nodes')]", Kind: azure.ErrTemplateExpression},
			}},
		{"variable referring to itself", `"sub": "[variables('sub')]"`, "[variables('sub')]",
			[]azure.Error{{Path: "variables.sub", Line: 4, Kind: azure.ErrTemplateExpression}}},
		{"undeclared parameter", "", "[parameters('nope')]", []azure.Error{
			{Path: "resources[1].properties.agentPoolProfiles[0].vnetSubnetID", Line: 10, Value: "[parameters('nope')]", Kind: azure.ErrTemplateExpression},
			{Path: "resources[1].properties.agentPoolProfiles[1].vnetSubnetID", Line: 11, Value: "[parameters('nope')]", Kind: azure.ErrTemplateExpression},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := templateOf(tt.variables, vnetResource+",\n"+clusterResource(tt.subnet))
			_, err := azure.ParseTemplate([]byte(in), "t.json", azure.Parameters{})
			if err == nil {
				t.Fatal("ParseTemplate succeeded")
			}
			var got []azure.Error
			for _, e := range unjoin(err) {
				var ae *azure.Error
				if !errors.As(e, &ae) {
					t.Fatalf("error %v is no *azure.Error", e)
				}
				if !errors.Is(e, azure.ErrTemplateExpression) {
					t.Errorf("error %v does not match ErrTemplateExpression", e)
				}
				got = append(got, azure.Error{Path: ae.Path, Line: ae.Line, Value: ae.Value, Kind: ae.Kind})
			}
			if diff := cmp.Diff(tt.want, got, cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
				t.Errorf("errors (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		if _, single := err.(*azure.Error); !single {
			return j.Unwrap()
		}
	}
	return []error{err}
}

// TestTemplateEvaluates checks the functions and forms of the evaluated
// subset through the subnet ID a pool names.
func TestTemplateEvaluates(t *testing.T) {
	const id = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.Network/virtualNetworks/net/subnets/nodes"
	tests := []struct {
		name, variables, subnet, want string
	}{
		{"resourceId", "", "[resourceId('Microsoft.Network/virtualNetworks/subnets', parameters('name'), 'nodes')]", "net/nodes"},
		{"resourceId with a group", "", "[resourceId('rg-x', 'Microsoft.Network/virtualNetworks/subnets', 'other', 'nodes')]", "other/nodes"},
		{"concat", "", "[concat(subscription().id, '/resourceGroups/', resourceGroup().name, '/providers/Microsoft.Network/virtualNetworks/', parameters('name'), '/subnets/nodes')]", "net/nodes"},
		{"format", `"v": "[format('{0}/subnets/{1}', resourceId('Microsoft.Network/virtualNetworks', 'net'), 'nodes')]"`, "[variables('v')]", "net/nodes"},
		{"literal", "", id, "net/nodes"},
		{"object property", `"ids": {"nodes": "` + id + `"}`, "[variables('ids').nodes]", "net/nodes"},
		{"array index", `"ids": ["x", "` + id + `"]`, "[variables('ids')[1]]", "net/nodes"},
		{"quotes and spaces", "", "[ concat( '/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/it''s' , '/subnets/nodes' ) ]", "it's/nodes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := templateOf(tt.variables, vnetResource+",\n"+clusterResource(tt.subnet))
			rs, err := azure.ParseTemplate([]byte(in), "t.json", azure.Parameters{})
			if err == nil {
				plan, perr := rs.Plan()
				if perr != nil {
					t.Fatal(perr)
				}
				if got := plan.Clusters[0].AgentPoolProfiles[1].VNetSubnet; got != tt.want {
					t.Errorf("pool subnet = %q, want %q", got, tt.want)
				}
				return
			}
			// Pool a's vmSize has no value: it is not read, so no error.
			t.Fatalf("ParseTemplate: %v", err)
		})
	}
}
