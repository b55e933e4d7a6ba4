package planfile

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A JSON plan is filled in its own text: what Fill adds goes where it
// belongs, laid out as its neighbours are, and every byte of the file
// stays (white space, escapes, a line break before a
// colon, tabs before the value).
func TestFillJSONInPlace(t *testing.T) {
	const vnets = `"vnets": [{"name": "v", "addressSpace": ["10.1.0.0/16"], "subnets": [{"name": "n", "addressPrefixes": ["10.1.0.0/24"], "purpose": "node"}]}]`
	const profile = `"networkProfile": {"networkPlugin": "azure", "networkDataplane": "azure", "ipFamilies": ["IPv4"], "serviceCidr": "10.0.0.0/16", "dnsServiceIP": "10.0.0.10"}`
	tests := []struct {
		name, in, want string
	}{
		{
			name: "after the last member, indented",
			in: "{\n  " + vnets + ",\n  \"clusters\": [\n    {\n      \"name\": \"c\",\n      \"vnet\": \"v\",\n      \"defaults\": {\"maxSurge\": \"10%\"},\n" +
				"      \"agentPoolProfiles\": [{\"name\": \"p\", \"osType\": \"Linux\", \"count\": 1, \"maxPods\": 30, \"maxSurge\": \"10%\", \"vnetSubnet\": \"n\", \"mode\": \"System\"}]\n    }\n  ]\n}\n",
			want: "{\n  " + vnets + ",\n  \"clusters\": [\n    {\n      \"name\": \"c\",\n      \"vnet\": \"v\",\n      \"defaults\": {\"maxSurge\": \"10%\"},\n" +
				"      \"networkProfile\": {\n        \"networkPlugin\": \"azure\",\n        \"networkDataplane\": \"azure\",\n        \"ipFamilies\": [\n          \"IPv4\"\n        ],\n" +
				"        \"serviceCidr\": \"10.0.0.0/16\",\n        \"dnsServiceIP\": \"10.0.0.10\"\n      },\n" +
				"      \"agentPoolProfiles\": [{\"name\": \"p\", \"osType\": \"Linux\", \"count\": 1, \"maxPods\": 30, \"maxSurge\": \"10%\", \"vnetSubnet\": \"n\", \"mode\": \"System\"}]\n    }\n  ]\n}\n",
		},
		{
			name: "before the first member",
			in:   "{" + vnets + ", \"clusters\": [{\"defaults\": {\"maxSurge\": \"10%\"}, " + profile + ", \"agentPoolProfiles\": [{\"name\": \"p\", \"osType\": \"Linux\", \"count\": 1, \"maxPods\": 30, \"maxSurge\": \"10%\", \"vnetSubnet\": \"n\", \"mode\": \"System\"}]}]}",
			want: "{" + vnets + ", \"clusters\": [{\"vnet\": \"v\", \"defaults\": {\"maxSurge\": \"10%\"}, " + profile + ", \"agentPoolProfiles\": [{\"name\": \"p\", \"osType\": \"Linux\", \"count\": 1, \"maxPods\": 30, \"maxSurge\": \"10%\", \"vnetSubnet\": \"n\", \"mode\": \"System\"}]}]}\n",
		},
		{
			name: "one member on its own line",
			in:   "{\n\t\"vnets\": [{\"name\": \"v\", \"addressSpace\": [\"10.1.0.0/16\"], \"subnets\": [{\"name\": \"n\", \"addressPrefixes\": [\"10.1.0.0/24\"]}]}]\n}",
			want: "{\n\t\"vnets\": [{\"name\": \"v\", \"addressSpace\": [\"10.1.0.0/16\"], \"subnets\": [{\"name\": \"n\", \"addressPrefixes\": [\"10.1.0.0/24\"], \"purpose\": \"other\"}]}]\n}\n",
		},
		{
			name: "into an empty list",
			in:   `{"vnets": [{"name": "v", "addressSpace": ["10.1.0.0/16"], "subnets": []}], "clusters": [{"name": "c", "vnet": "v", "defaults": {"maxSurge": "10%"}, ` + profile + `, "agentPoolProfiles": [{"name": "p", "osType": "Linux", "count": 1, "maxPods": 30, "maxSurge": "10%", "mode": "System"}]}]}`,
			want: `{"vnets": [{"name": "v", "addressSpace": ["10.1.0.0/16"], "subnets": [{"name": "c-nodes", "addressPrefixes": ["10.1.0.0/25"], "purpose": "node"}]}], "clusters": [{"name": "c", "vnet": "v", "defaults": {"maxSurge": "10%"}, ` + profile + `, "agentPoolProfiles": [{"name": "p", "osType": "Linux", "count": 1, "maxPods": 30, "maxSurge": "10%", "vnetSubnet": "c-nodes", "mode": "System"}]}]}` + "\n",
		},
		{
			name: "into an empty list that spans lines",
			in: "{\n  \"avoid\": [\n    {\"name\": \"hub\", \"prefixes\": [\"10.2.0.0/16\"]}\n  ],\n  \"vnets\": [\n    {\n      \"name\": \"v\",\n      \"addressSpace\": [\"10.1.0.0/16\"],\n      \"subnets\": [\n      ]\n    }\n  ],\n" +
				"  \"clusters\": [{\"name\": \"c\", \"vnet\": \"v\", \"defaults\": {\"maxSurge\": \"10%\"}, " + profile + ", \"agentPoolProfiles\": [{\"name\": \"p\", \"osType\": \"Linux\", \"count\": 1, \"maxPods\": 30, \"maxSurge\": \"10%\", \"mode\": \"System\"}]}]\n}\n",
			want: "{\n  \"avoid\": [\n    {\"name\": \"hub\", \"source\": \"other\", \"prefixes\": [\"10.2.0.0/16\"]}\n  ],\n  \"vnets\": [\n    {\n      \"name\": \"v\",\n      \"addressSpace\": [\"10.1.0.0/16\"],\n      \"subnets\": [\n" +
				"        {\n          \"name\": \"c-nodes\",\n          \"addressPrefixes\": [\n            \"10.1.0.0/25\"\n          ],\n          \"purpose\": \"node\"\n        }\n      ]\n    }\n  ],\n" +
				"  \"clusters\": [{\"name\": \"c\", \"vnet\": \"v\", \"defaults\": {\"maxSurge\": \"10%\"}, " + profile + ", \"agentPoolProfiles\": [{\"name\": \"p\", \"osType\": \"Linux\", \"count\": 1, \"maxPods\": 30, \"maxSurge\": \"10%\", \"vnetSubnet\": \"c-nodes\", \"mode\": \"System\"}]}]\n}\n",
		},
		{
			name: "escapes and odd white space stay",
			in:   "\t{\"vnets\"\n: [{\"name\": \"\\u0076\", \"addressSpace\": [\"10.1.0.0/16\"], \"subnets\": [{\"name\": \"n\", \"addressPrefixes\": [\"10.1.0.0/24\"], \"purpose\" :\"node\"}]}],\n \"clusters\": [{\"name\": \"c\", \"agentPoolProfiles\": [{\"name\": \"p\", \"count\": 1, \"maxPods\": 30, \"vnetSubnet\": \"n\"}]}]}  \n\n",
			want: "\t{\"vnets\"\n: [{\"name\": \"\\u0076\", \"addressSpace\": [\"10.1.0.0/16\"], \"subnets\": [{\"name\": \"n\", \"addressPrefixes\": [\"10.1.0.0/24\"], \"purpose\" :\"node\"}]}],\n \"clusters\": [{\"name\": \"c\", \"vnet\": \"v\", \"defaults\": {\"maxSurge\": \"10%\"}, " + profile + ", \"agentPoolProfiles\": [{\"name\": \"p\", \"osType\": \"Linux\", \"count\": 1, \"maxPods\": 30, \"maxSurge\": \"10%\", \"vnetSubnet\": \"n\", \"mode\": \"System\"}]}]}  \n\n",
		},
		{
			name: "a blank line between members is the separator",
			in:   "{\n  \"name\": \"x\",\n\n  \"vnets\": [{\"name\": \"v\", \"addressSpace\": [\"10.1.0.0/16\"], \"subnets\": [{\"name\": \"n\"}]}]\n}\n",
			want: "{\n  \"name\": \"x\",\n\n  \"vnets\": [{\"name\": \"v\", \"addressSpace\": [\"10.1.0.0/16\"], \"subnets\": [{\"name\": \"n\", \"purpose\": \"other\"}]}]\n}\n",
		},
		{
			name: "CRLF and a byte order mark",
			in:   "\ufeff{\r\n  \"vnets\": [{\"name\": \"v\", \"addressSpace\": [\"10.1.0.0/16\"], \"subnets\": [{\"name\": \"n\"}]}]\r\n}\r\n",
			want: "\ufeff{\r\n  \"vnets\": [{\"name\": \"v\", \"addressSpace\": [\"10.1.0.0/16\"], \"subnets\": [{\"name\": \"n\", \"purpose\": \"other\"}]}]\r\n}\r\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done, back, out := fillBack(t, []byte(tt.in), "")
			if diff := cmp.Diff(done, back, cmpNet); diff != "" {
				t.Errorf("filled plan (-completed +filled):\n%s", diff)
			}
			if diff := cmp.Diff(tt.want, string(out)); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
		})
	}
}

// YAML written as JSON keeps the text of what Parse reads as text: YAML
// reads "00" as an integer and "True" as a boolean, Parse as names.
func TestFillYAMLAsJSONKeepsText(t *testing.T) {
	in := "name: 00\navoid: [{name: True, source: other, prefixes: [10.1.0.0/16]}]\n"
	want := "{\n  \"name\": \"00\",\n  \"avoid\": [\n    {\n      \"name\": \"True\",\n      \"source\": \"other\",\n      \"prefixes\": [\n        \"10.1.0.0/16\"\n      ]\n    }\n  ]\n}\n"
	done, back, out := fillBack(t, []byte(in), JSON)
	if diff := cmp.Diff(done, back, cmpNet); diff != "" {
		t.Errorf("filled plan (-completed +filled):\n%s", diff)
	}
	if diff := cmp.Diff(want, string(out)); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
}
