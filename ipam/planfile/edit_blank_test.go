package planfile

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The blank lines of a YAML file stay where they were (before the key or
// entry they came before, above its head comment), its comments in their
// columns, its document markers.
func TestFillKeepsBlankLines(t *testing.T) {
	const profile = "    networkProfile: {networkPlugin: azure, networkDataplane: azure, ipFamilies: [IPv4], serviceCidr: 10.0.0.0/16, dnsServiceIP: 10.0.0.10}\n"
	tests := []struct {
		name, in, want string
	}{
		{
			name: "between sections and entries",
			in: "# plan\n\nname: x\n\n\nvnets:\n  - name: v\n    addressSpace: [10.1.0.0/16]\n    subnets:\n      - name: a\n\n      - name: b\n\n" +
				"# the clusters\nclusters:\n  - name: c\n    vnet: v\n    defaults: {maxSurge: 10%}\n" + profile +
				"    agentPoolProfiles:\n      - {name: p, count: 1, maxPods: 30, vnetSubnet: a}\n\n      # the apps\n      - {name: q, count: 1, maxPods: 30, vnetSubnet: b}\n",
			want: "# plan\n\nname: x\n\n\nvnets:\n  - name: v\n    addressSpace: [10.1.0.0/16]\n    subnets:\n      - name: a\n        addressPrefixes:\n          - 10.1.0.0/25\n        purpose: node\n\n" +
				"      - name: b\n        addressPrefixes:\n          - 10.1.0.128/25\n        purpose: node\n\n" +
				"# the clusters\nclusters:\n  - name: c\n    vnet: v\n    defaults: {maxSurge: 10%}\n" + profile +
				"    agentPoolProfiles:\n      - {name: p, osType: Linux, count: 1, maxPods: 30, maxSurge: 10%, vnetSubnet: a, mode: System}\n\n" +
				"      # the apps\n      - {name: q, osType: Linux, count: 1, maxPods: 30, maxSurge: 10%, maxUnavailable: \"0\", vnetSubnet: b, mode: User}\n",
		},
		{
			name: "CRLF",
			in:   "name: x\r\n\r\navoid:\r\n  - name: hub\r\n    prefixes: [10.2.0.0/16]\r\n\r\n  - name: spoke\r\n    prefixes: [10.3.0.0/16]\r\n",
			want: "name: x\r\n\r\navoid:\r\n  - name: hub\r\n    source: other\r\n    prefixes: [10.2.0.0/16]\r\n\r\n  - name: spoke\r\n    source: other\r\n    prefixes: [10.3.0.0/16]\r\n",
		},
		{
			name: "aligned comments and document markers",
			in:   "---\n# head\nname: x      # the plan\navoid:       # ranges\n  - name: hub  # peered\n    prefixes: [10.2.0.0/16]\n  - {name: dc, prefixes: [10.3.0.0/16]}\t# on-premises\n...\n",
			want: "---\n# head\nname: x      # the plan\navoid:       # ranges\n  - name: hub  # peered\n    source: other\n    prefixes: [10.2.0.0/16]\n  - {name: dc, source: other, prefixes: [10.3.0.0/16]}\t# on-premises\n...\n",
		},
		{
			name: "none in a flow collection",
			in:   "avoid: [\n  {name: hub, prefixes: [10.2.0.0/16]},\n\n  {name: spoke, prefixes: [10.3.0.0/16]}]\n",
			want: "avoid: [{name: hub, source: other, prefixes: [10.2.0.0/16]}, {name: spoke, source: other, prefixes: [10.3.0.0/16]}]\n",
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
