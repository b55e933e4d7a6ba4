package planfile

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A null, which Parse reads as absent ("subnets:" with nothing after it,
// a placeholder to be filled in), takes the completed value, in the style
// of its place; its comment stays.
func TestFillNulls(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{
			name: "block YAML",
			in:   "vnets:\n  - name: v\n    addressSpace: [10.1.0.0/16]\n    subnets:\nclusters:\n  - name: c\n    networkProfile: # soon\n    agentPoolProfiles: [{name: p, count: 1}]\n",
			want: "vnets:\n  - name: v\n    addressSpace: [10.1.0.0/16]\n    subnets:\n      - name: c-nodes\n        addressPrefixes:\n          - 10.1.0.0/25\n        purpose: node\n" +
				"clusters:\n  - name: c\n    vnet: v\n    defaults:\n      maxSurge: 10%\n    networkProfile: # soon\n      networkPlugin: azure\n      networkDataplane: azure\n" +
				"      ipFamilies:\n        - IPv4\n      serviceCidr: 10.0.0.0/16\n      dnsServiceIP: 10.0.0.10\n" +
				"    agentPoolProfiles: [{name: p, osType: Linux, count: 1, maxPods: 30, maxSurge: 10%, vnetSubnet: c-nodes, mode: System}]\n",
		},
		{
			name: "flow YAML",
			in:   "vnets: [{name: v, addressSpace: [10.1.0.0/16], subnets: ~}]\nclusters:\n  - {name: c, networkProfile: null, agentPoolProfiles: [{name: p, count: 1, maxSurge: }]}\n",
			want: "vnets: [{name: v, addressSpace: [10.1.0.0/16], subnets: [{name: c-nodes, addressPrefixes: [10.1.0.0/25], purpose: node}]}]\nclusters:\n" +
				"  - {name: c, vnet: v, defaults: {maxSurge: 10%}, networkProfile: {networkPlugin: azure, networkDataplane: azure, ipFamilies: [IPv4], serviceCidr: 10.0.0.0/16, dnsServiceIP: 10.0.0.10}, " +
				"agentPoolProfiles: [{name: p, osType: Linux, count: 1, maxPods: 30, maxSurge: 10%, vnetSubnet: c-nodes, mode: System}]}\n",
		},
		{
			name: "JSON",
			in:   "{\n  \"vnets\": [\n    {\n      \"name\": \"v\",\n      \"addressSpace\": [\"10.1.0.0/16\"],\n      \"subnets\": null\n    }\n  ],\n  \"clusters\": [{\"name\": \"c\", \"networkProfile\": null, \"agentPoolProfiles\": [{\"name\": \"p\", \"count\": 1, \"maxSurge\": null}]}]\n}\n",
			want: "{\n  \"vnets\": [\n    {\n      \"name\": \"v\",\n      \"addressSpace\": [\"10.1.0.0/16\"],\n      \"subnets\": [\n        {\n          \"name\": \"c-nodes\",\n          \"addressPrefixes\": [\n            \"10.1.0.0/25\"\n          ],\n          \"purpose\": \"node\"\n        }\n      ]\n    }\n  ],\n" +
				"  \"clusters\": [{\"name\": \"c\", \"vnet\": \"v\", \"defaults\": {\"maxSurge\": \"10%\"}, \"networkProfile\": {\"networkPlugin\": \"azure\", \"networkDataplane\": \"azure\", \"ipFamilies\": [\"IPv4\"], \"serviceCidr\": \"10.0.0.0/16\", \"dnsServiceIP\": \"10.0.0.10\"}, " +
				"\"agentPoolProfiles\": [{\"name\": \"p\", \"osType\": \"Linux\", \"count\": 1, \"maxPods\": 30, \"maxSurge\": \"10%\", \"vnetSubnet\": \"c-nodes\", \"mode\": \"System\"}]}]\n}\n",
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
