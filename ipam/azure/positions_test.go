package azure_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cidrplan/cidrplan/ipam/azure"
	"github.com/google/go-cmp/cmp"
)

// Positions name the export file, and the line and column of the JSON
// value a plan field was read from: the key of an az or Terraform value,
// the expression of a template's, the nearest object for a default.
func TestPositions(t *testing.T) {
	type want struct {
		file   string // base name; "" for no position
		needle string // unique text whose start is the position
	}
	tests := []struct {
		name string
		dir  string
		at   map[string]want
	}{
		{"az exports", "pod-subnet", map[string]want{
			"clusters[aks-podsubnet].agentPoolProfiles[static].maxPods":    {"aks.json", `"maxPods": 31`},
			"clusters[aks-podsubnet].agentPoolProfiles[static].maxSurge":   {"aks.json", `"maxSurge": "2"`},
			"clusters[aks-podsubnet].agentPoolProfiles[static].podSubnet":  {"aks.json", `"podSubnetId": "/subscriptions/3f2b8c1e-7d4a-4e6b-9c21-5a8f0d3e9b47/resourceGroups/rg-net-ps/providers/Microsoft.Network/virtualNetworks/vnet-ps/subnets/snet-pods-static"`},
			"clusters[aks-podsubnet].agentPoolProfiles[STATIC].scaleOut":   {"aks.json", `{` + "\n" + `      "count": 10,`},
			"clusters[aks-podsubnet].apiServerAccessProfile.subnet":        {"aks.json", `"subnetId"`},
			"vnets[vnet-ps].subnets[snet-nodes].addressPrefixes[0]":        {"vnet.json", `"addressPrefix": "10.20.0.0/24"`},
			"vnets[vnet-ps].addressSpace":                                  {"vnet.json", `"addressPrefixes": ["10.20.0.0/16"]`},
			"avoid[--avoid].prefixes[0]":                                   {},
			"clusters[no-such-cluster].networkProfile.serviceCidr":         {},
			"clusters[aks-podsubnet].networkProfile.serviceCidrs[1]":       {"aks.json", `"serviceCidrs"`},
			"clusters[aks-podsubnet].networkProfile.networkPolicy.unknown": {"aks.json", `"networkPolicy"`},
		}},
		{"template with parameters", "arm-parameters", map[string]want{
			"vnets[vnet-prod].addressSpace[0]":                            {"arm.json", `"addressPrefixes": "[parameters('vnetAddressSpace')]"`},
			"vnets[vnet-prod].subnets[nodes].addressPrefixes[0]":          {"arm.json", `"addressPrefix": "[parameters('nodeSubnet')]"`},
			"clusters[aks-prod].agentPoolProfiles[system].count":          {"arm.json", `"count": "[parameters('systemCount')]"`},
			"clusters[aks-prod].networkProfile.serviceCidr":               {"arm.json", `"serviceCidr": "[variables('network').serviceCidr]"`},
			"clusters[aks-prod].agentPoolProfiles[batch].count":           {"arm.json", `"count": 10`},
			"clusters[aks-prod].defaults.maxSurge":                        {"arm.json", "{\n      \"type\": \"Microsoft.ContainerService/managedClusters\""},
			"clusters[aks-prod].agentPoolProfiles[system].vnetSubnet":     {"arm.json", `"vnetSubnetID": "[variables('nodeSubnetId')]"` + "\n          }\n        ]"},
			"clusters[aks-prod].agentPoolProfiles[system].maxUnavailable": {"arm.json", `{` + "\n" + `            "name": "system"`},
		}},
		{"ranges to avoid", "hub-peerings", map[string]want{
			"avoid[lgw-datacenter-ams].prefixes[1]":           {"onprem-lgw.json", `"192.168.10.0/24"`},
			"avoid[vnet-hub/hub-to-spoke-shared].prefixes[0]": {"vnet-hub.json", `"10.61.0.0/16"] }`},
			"avoid[vnet-hub/hub-to-spoke-shared].prefixes[1]": {"vnet-hub.json", `"addressPrefixes": ["10.61.0.0/16"] }`},
			"avoid[onprem-routes].prefixes[0]":                {"onprem-routes.json", "{\n  \"nextLink\""},
			"avoid[vnet-hub/hub-to-spoke-shared].source":      {"vnet-hub.json", "{\n      \"allowGatewayTransit\": true,\n      \"name\": \"hub-to-spoke-shared\""},
		}},
		{"terraform state", "terraform-peering", map[string]want{
			"avoid[vnet-spoke/spoke-to-hub].prefixes[0]":             {"terraform.json", "\"values\": {\n            \"allow_forwarded_traffic\""},
			"vnets[vnet-spoke].subnets[snet-aks].addressPrefixes[0]": {"terraform.json", `"10.60.0.0/22"`},
			"vnets[vnet-spoke].addressSpace[0]":                      {"terraform.json", `"10.60.0.0/16"`},
			"clusters[aks-spoke].networkProfile.serviceCidr":         {"terraform.json", `"service_cidr"`},
			"clusters[aks-spoke].agentPoolProfiles[system].count":    {"terraform.json", `"node_count"`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join("testdata", tt.dir)
			_, pos, err := azure.ImportWithPositions(sourcesIn(t, dir))
			if err != nil {
				t.Fatal(err)
			}
			for field, w := range tt.at {
				file, line, col := pos.Of(field)
				got := place{filepath.Base(file), line, col}
				if file == "" {
					got.file = ""
				}
				var wantAt place
				if w.file != "" {
					wantAt = placeOf(t, filepath.Join(dir, w.file), w.needle)
				}
				if diff := cmp.Diff(wantAt, got, cmp.AllowUnexported(place{})); diff != "" {
					t.Errorf("Of(%q) (-want +got):\n%s", field, diff)
				}
			}
		})
	}
	var none *azure.Positions
	if file, line, col := none.Of("clusters[c]"); file != "" || line != 0 || col != 0 {
		t.Errorf("nil Positions: %q %d:%d, want nothing", file, line, col)
	}
}

type place struct {
	file      string
	line, col int
}

// placeOf returns where needle, which must occur once, starts in the file.
func placeOf(t *testing.T, path, needle string) place {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	if n := strings.Count(text, needle); n != 1 {
		t.Fatalf("%s holds %q %d times, want once", path, needle, n)
	}
	i := strings.Index(text, needle)
	lineStart := strings.LastIndexByte(text[:i], '\n') + 1
	return place{filepath.Base(path), 1 + strings.Count(text[:i], "\n"), 1 + len([]rune(text[lineStart:i]))}
}
