package azure_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/azure"
	"github.com/cidrplan/cidrplan/sizing"
)

type parseFunc func([]byte, string) (*azure.Resources, error)

// TestParseErrors checks that malformed exports give an *azure.Error naming
// the file and the JSON path, matching the expected sentinels.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name     string
		parse    parseFunc
		in       string
		wantErrs []error // each must match with errors.Is
		wantPath string  // the path of the first *azure.Error
		wantLine int
	}{
		{"truncated", azure.ParseAKS, "{\n\"name\": \"a\",\n\"networkProfile\": {", []error{azure.ErrSyntax}, "networkProfile", 3},
		{"empty file", azure.ParseAKS, "", []error{azure.ErrSyntax}, "", 0},
		{"not JSON", azure.ParseVNet, "name: hub\n", []error{azure.ErrSyntax}, "", 1},
		{"bad token on line 2", azure.ParseVNet, "{\n\"name\": hub}", []error{azure.ErrSyntax}, "name", 2},
		{"cut inside a pool", azure.ParseAKS, "{\"properties\":{\"agentPoolProfiles\":[{\"name\":\"a\"},{\"name\":\"b\",\"count\":",
			[]error{azure.ErrSyntax}, "properties.agentPoolProfiles[1].count", 1},
		{"missing comma in subnets", azure.ParseVNet, "{\"subnets\":[{\"name\":\"a\"}\n{\"name\":\"b\"}]}",
			[]error{azure.ErrSyntax}, "subnets[0]", 2},
		{"trailing data", azure.ParseAKS, `{"name":"a","networkProfile":{}} {}`, []error{azure.ErrSyntax}, "", 1},
		{"no cluster", azure.ParseAKS, `{"foo": 1}`, []error{azure.ErrFormat}, "", 0},
		{"scalar file", azure.ParseAKS, `42`, []error{azure.ErrFormat}, "", 0},
		{"service CIDR host bits", azure.ParseAKS,
			`{"name":"a","networkProfile":{"serviceCidr":"10.0.0.1/16"}}`,
			[]error{azure.ErrInvalidValue, ipam.ErrHostBits}, "networkProfile.serviceCidr", 0},
		{"ARM spelling host bits", azure.ParseAKS,
			`{"name":"a","properties":{"networkProfile":{"podCIDR":"10.244.1.0/16"}}}`,
			[]error{azure.ErrInvalidValue, ipam.ErrHostBits}, "properties.networkProfile.podCIDR", 0},
		{"pod CIDR 4in6", azure.ParseAKS,
			`{"name":"a","networkProfile":{"podCidrs":["::ffff:10.0.0.0/104"]}}`,
			[]error{azure.ErrInvalidValue, ipam.Err4in6}, "networkProfile.podCidrs[0]", 0},
		{"DNS IP malformed", azure.ParseAKS,
			`{"name":"a","networkProfile":{"dnsServiceIp":"10.0.0.300"}}`,
			[]error{azure.ErrInvalidValue, ipam.ErrInvalidAddr}, "networkProfile.dnsServiceIp", 0},
		{"docker bridge malformed", azure.ParseAKS,
			`{"name":"a","networkProfile":{"dockerBridgeCidr":"172.17.0.1"}}`,
			[]error{azure.ErrInvalidValue}, "networkProfile.dockerBridgeCidr", 0},
		{"maxPods string", azure.ParseAKS,
			`{"name":"a","agentPoolProfiles":[{"name":"p","maxPods":"thirty"}]}`,
			[]error{azure.ErrInvalidValue}, "agentPoolProfiles[0].maxPods", 0},
		{"negative count", azure.ParseAKS,
			`{"name":"a","agentPoolProfiles":[{"name":"p","count":-3}]}`,
			[]error{azure.ErrInvalidValue}, "agentPoolProfiles[0].count", 0},
		{"fractional count", azure.ParseAKS,
			`{"name":"a","agentPoolProfiles":[{"name":"p","count":2.5}]}`,
			[]error{azure.ErrInvalidValue}, "agentPoolProfiles[0].count", 0},
		{"bad surge", azure.ParseAKS,
			`{"name":"a","agentPoolProfiles":[{"name":"p","upgradeSettings":{"maxSurge":"ten"}}]}`,
			[]error{azure.ErrInvalidValue, sizing.ErrSurge}, "agentPoolProfiles[0].upgradeSettings.maxSurge", 0},
		{"unknown plugin", azure.ParseAKS,
			`{"name":"a","networkProfile":{"networkPlugin":"flannel"}}`,
			[]error{azure.ErrInvalidValue}, "networkProfile.networkPlugin", 0},
		{"pool without name", azure.ParseAKS,
			`{"name":"a","agentPoolProfiles":[{"count":3}]}`,
			[]error{azure.ErrMissingField}, "agentPoolProfiles[0].name", 0},
		{"cluster without name", azure.ParseAKS,
			`{"networkProfile":{"networkPlugin":"azure"}}`,
			[]error{azure.ErrMissingField}, "name", 0},
		{"network profile not an object", azure.ParseAKS,
			`{"name":"a","networkProfile":"azure"}`,
			[]error{azure.ErrInvalidValue}, "networkProfile", 0},
		{"pools not an array", azure.ParseAKS,
			`{"name":"a","agentPoolProfiles":{"name":"p"}}`,
			[]error{azure.ErrInvalidValue}, "agentPoolProfiles", 0},
		{"template expression", azure.ParseAKS,
			`{"$schema":"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#","resources":[
			{"type":"Microsoft.ContainerService/managedClusters","name":"aks",
			 "properties":{"networkProfile":{"serviceCidr":"[parameters('serviceCidr')]"}}}]}`,
			[]error{azure.ErrTemplateExpression}, "resources[0].properties.networkProfile.serviceCidr", 0},
		{"template expression for an integer", azure.ParseAKS,
			`{"name":"a","properties":{"agentPoolProfiles":[{"name":"p","maxPods":"[variables('maxPods')]"}]}}`,
			[]error{azure.ErrTemplateExpression}, "properties.agentPoolProfiles[0].maxPods", 0},
		{"subnets not an array", azure.ParseVNet,
			`{"name":"v","addressSpace":{"addressPrefixes":["10.0.0.0/16"]},"subnets":"none"}`,
			[]error{azure.ErrInvalidValue}, "subnets", 0},
		{"subnet prefix malformed", azure.ParseVNet,
			`{"name":"v","addressSpace":{"addressPrefixes":["10.0.0.0/16"]},"subnets":[{"name":"s","addressPrefix":"10.0.0.0/33"}]}`,
			[]error{azure.ErrInvalidValue, ipam.ErrInvalidPrefix}, "subnets[0].addressPrefix", 0},
		{"address space host bits ARM", azure.ParseVNet,
			`{"name":"v","properties":{"addressSpace":{"addressPrefixes":["10.0.0.0/16","10.1.0.1/16"]}}}`,
			[]error{azure.ErrInvalidValue, ipam.ErrHostBits}, "properties.addressSpace.addressPrefixes[1]", 0},
		{"two delegations", azure.ParseVNet,
			`{"name":"v","addressSpace":{"addressPrefixes":["10.0.0.0/16"]},"subnets":[{"name":"s","addressPrefix":"10.0.0.0/24",
			"delegations":[{"serviceName":"A.B/c"},{"serviceName":"D.E/f"}]}]}`,
			[]error{azure.ErrInvalidValue}, "subnets[0].delegations", 0},
		{"peering without name", azure.ParseVNet,
			`{"name":"v","addressSpace":{"addressPrefixes":["10.0.0.0/16"]},"virtualNetworkPeerings":[{"remoteAddressSpace":{"addressPrefixes":["10.1.0.0/16"]}}]}`,
			[]error{azure.ErrMissingField}, "virtualNetworkPeerings[0].name", 0},
		{"no vnet", azure.ParseVNet, `[{"name":"x"}]`, []error{azure.ErrFormat}, "", 0},
		{"route host bits", azure.ParseOnPrem,
			`{"value":[{"addressPrefix":["10.1.2.3/16"],"source":"VirtualNetworkGateway"}]}`,
			[]error{azure.ErrInvalidValue, ipam.ErrHostBits}, "value[0].addressPrefix[0]", 0},
		{"gateway prefixes not a list", azure.ParseOnPrem,
			`{"name":"lgw","localNetworkAddressSpace":{"addressPrefixes":7}}`,
			[]error{azure.ErrInvalidValue}, "localNetworkAddressSpace.addressPrefixes", 0},
		{"no on-premises data", azure.ParseOnPrem, `{"name":"x"}`, []error{azure.ErrFormat}, "", 0},
		{"terraform without values", azure.ParseTerraform, `{"format_version":"1.0"}`, []error{azure.ErrFormat}, "", 0},
		{"terraform without azurerm", azure.ParseTerraform,
			`{"values":{"root_module":{"resources":[{"address":"null_resource.x","type":"null_resource","values":{}}]}}}`,
			[]error{azure.ErrFormat}, "", 0},
		{"terraform pod CIDR host bits", azure.ParseTerraform,
			`{"values":{"root_module":{"resources":[{"address":"azurerm_kubernetes_cluster.a","type":"azurerm_kubernetes_cluster",
			"values":{"name":"a","network_profile":[{"pod_cidr":"10.244.0.1/16"}]}}]}}}`,
			[]error{azure.ErrInvalidValue, ipam.ErrHostBits}, "values.root_module.resources[0].values.network_profile[0].pod_cidr", 0},
		{"terraform child module truncated list", azure.ParseTerraform,
			`{"values":{"root_module":{"child_modules":[{"address":"module.n","resources":[{"address":"module.n.azurerm_subnet.s",
			"type":"azurerm_subnet","values":{"name":"s","virtual_network_name":"v","address_prefixes":"10.0.0.0/8x"}}]}]}}}`,
			[]error{azure.ErrInvalidValue, ipam.ErrInvalidPrefix},
			"values.root_module.child_modules[0].resources[0].values.address_prefixes", 0},
		{"terraform node pool count wrong type", azure.ParseTerraform,
			`{"planned_values":{"root_module":{"resources":[{"address":"azurerm_kubernetes_cluster_node_pool.p",
			"type":"azurerm_kubernetes_cluster_node_pool","values":{"name":"p","node_count":"3"}}]}}}`,
			[]error{azure.ErrInvalidValue}, "planned_values.root_module.resources[0].values.node_count", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := tt.parse([]byte(tt.in), "in.json")
			if err == nil {
				t.Fatalf("no error; got %+v", rs)
			}
			for _, want := range tt.wantErrs {
				if !errors.Is(err, want) {
					t.Errorf("error %q does not match %v", err, want)
				}
			}
			var e *azure.Error
			if !errors.As(err, &e) {
				t.Fatalf("error %q is not an *azure.Error", err)
			}
			if e.File != "in.json" || !strings.Contains(err.Error(), "in.json") {
				t.Errorf("error %q does not name the file", err)
			}
			if e.Path != tt.wantPath {
				t.Errorf("Path = %q, want %q", e.Path, tt.wantPath)
			}
			if e.Line != tt.wantLine {
				t.Errorf("Line = %d, want %d", e.Line, tt.wantLine)
			}
		})
	}
}

// TestTemplateExpressionsAllReported checks that one pass reports every
// unresolved expression, each naming its field and quoting the expression.
func TestTemplateExpressionsAllReported(t *testing.T) {
	in := `{"$schema":"x","resources":[{"type":"Microsoft.ContainerService/managedClusters","name":"[parameters('name')]",
		"properties":{"networkProfile":{"podCidr":"[parameters('pods')]","dnsServiceIP":"[variables('dns')]"}}}]}`
	_, err := azure.ParseAKS([]byte(in), "main.json")
	var got []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var ae *azure.Error
		if !errors.As(e, &ae) || !errors.Is(e, azure.ErrTemplateExpression) {
			t.Fatalf("error %q is not a template expression *azure.Error", e)
		}
		got = append(got, ae.Path+" "+ae.Value)
	}
	want := []string{
		"resources[0].name [parameters('name')]",
		"resources[0].properties.networkProfile.podCidr [parameters('pods')]",
		"resources[0].properties.networkProfile.dnsServiceIP [variables('dns')]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("template errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if msg := err.Error(); !strings.Contains(msg, `main.json: resources[0].properties.networkProfile.podCidr: unresolved template expression "[parameters('pods')]"`) {
		t.Errorf("message %q does not name file, field and expression", msg)
	}
}

// TestErrorMessageOnePackageName checks that a wrapped cidr or sizing cause
// is given by its reason, after the value it quotes: one package name and
// one quoted input per line; Message is the same without "azure: ".
func TestErrorMessageOnePackageName(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"host bits", `{"name":"a","networkProfile":{"serviceCidr":"10.0.0.1/16"}}`,
			`azure: in.json: networkProfile.serviceCidr: invalid value "10.0.0.1/16": host bits set (want 10.0.0.0/16)`},
		{"surge above 100 percent", `{"name":"a","agentPoolProfiles":[{"name":"p","upgradeSettings":{"maxSurge":"150%"}}]}`,
			`azure: in.json: agentPoolProfiles[0].upgradeSettings.maxSurge: invalid value "150%": invalid surge: percent above 100%`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := azure.ParseAKS([]byte(tt.in), "in.json")
			if err == nil || err.Error() != tt.want {
				t.Errorf("err = %v\nwant  %s", err, tt.want)
			}
			var ae *azure.Error
			if !errors.As(err, &ae) || "azure: "+ae.Message() != tt.want {
				t.Errorf("Message of %#v is not the error without its package name", err)
			}
		})
	}
}
