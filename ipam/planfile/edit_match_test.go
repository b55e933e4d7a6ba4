package planfile

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"
)

// Fill never adds an entry of the file again beside itself: entries are
// matched by name as Parse reads it (also through a merge key), unnamed
// ones by their position among the unnamed, a name given twice by its
// position among its namesakes; an unnamed entry gets no name: "".
func TestFillMatchesEntries(t *testing.T) {
	const vnets = "vnets: [{name: v, addressSpace: [10.1.0.0/16], subnets: [{name: n, addressPrefixes: [10.1.0.0/24], purpose: node}]}]\n"
	const cluster = "clusters:\n  - name: c\n    vnet: v\n    defaults: {maxSurge: 10%}\n" +
		"    networkProfile: {networkPlugin: azure, networkDataplane: azure, ipFamilies: [IPv4], serviceCidr: 10.0.0.0/16, dnsServiceIP: 10.0.0.10}\n"
	tests := []struct {
		name, in, want string
	}{
		{
			name: "unnamed range to avoid",
			in:   "avoid:\n  - prefixes: [10.0.0.0/12] # on-premises\n" + vnets,
			want: "avoid:\n  - source: other\n    prefixes: [10.0.0.0/12] # on-premises\n" + vnets,
		},
		{
			name: "unnamed ranges by position",
			in:   "avoid:\n  - {prefixes: [10.0.0.0/12]}\n  - {name: hub, prefixes: [10.16.0.0/16]}\n  - {source: peering, prefixes: [10.32.0.0/16]}\n" + vnets,
			want: "avoid:\n  - {source: other, prefixes: [10.0.0.0/12]}\n  - {name: hub, source: other, prefixes: [10.16.0.0/16]}\n  - {source: peering, prefixes: [10.32.0.0/16]}\n" + vnets,
		},
		{
			name: "unnamed pools",
			in:   vnets + cluster + "    agentPoolProfiles:\n      - {count: 1, vnetSubnet: n}\n      - {count: 2, vnetSubnet: n}\n",
			want: vnets + cluster + "    agentPoolProfiles:\n      - {osType: Linux, count: 1, maxPods: 30, maxSurge: 10%, vnetSubnet: n, mode: System}\n" +
				"      - {osType: Linux, count: 2, maxPods: 30, maxSurge: 10%, maxUnavailable: \"0\", vnetSubnet: n, mode: User}\n",
		},
		{
			name: "null and empty names",
			in:   vnets + cluster + "    agentPoolProfiles:\n      - {name: ~, count: 1, vnetSubnet: n}\n      - {name: \"\", count: 2, vnetSubnet: n}\n",
			want: vnets + cluster + "    agentPoolProfiles:\n      - {name: ~, osType: Linux, count: 1, maxPods: 30, maxSurge: 10%, vnetSubnet: n, mode: System}\n" +
				"      - {name: \"\", osType: Linux, count: 2, maxPods: 30, maxSurge: 10%, maxUnavailable: \"0\", vnetSubnet: n, mode: User}\n",
		},
		{
			name: "a name given twice",
			in:   vnets + cluster + "    agentPoolProfiles:\n      - {name: p, count: 1, vnetSubnet: n}\n      - {name: p, count: 2, vnetSubnet: n}\n",
			want: vnets + cluster + "    agentPoolProfiles:\n      - {name: p, osType: Linux, count: 1, maxPods: 30, maxSurge: 10%, vnetSubnet: n, mode: System}\n" +
				"      - {name: p, osType: Linux, count: 2, maxPods: 30, maxSurge: 10%, maxUnavailable: \"0\", vnetSubnet: n, mode: User}\n",
		},
		{
			name: "named by a merge key",
			in: vnets + cluster + "    agentPoolProfiles:\n      - &q {name: q, count: 1, vnetSubnet: n}\n      - &p {name: p, count: 1, vnetSubnet: n}\n" +
				"  - name: d\n    agentPoolProfiles:\n      - {name: s, count: 1, vnetSubnet: n}\n      - {<<: [*q, *p], count: 2}\n",
			want: vnets + cluster + "    agentPoolProfiles:\n" +
				"      - &q {name: q, osType: Linux, count: 1, maxPods: 30, maxSurge: 10%, vnetSubnet: n, mode: System}\n" +
				"      - &p {name: p, osType: Linux, count: 1, maxPods: 30, maxSurge: 10%, maxUnavailable: \"0\", vnetSubnet: n, mode: User}\n" +
				"  - name: d\n    vnet: v\n    defaults:\n      maxSurge: 10%\n    networkProfile:\n      networkPlugin: azure\n      networkDataplane: azure\n" +
				"      ipFamilies:\n        - IPv4\n      serviceCidr: 10.0.0.0/16\n      dnsServiceIP: 10.0.0.10\n    agentPoolProfiles:\n" +
				"      - {name: s, osType: Linux, count: 1, maxPods: 30, maxSurge: 10%, vnetSubnet: n, mode: System}\n" +
				"      - {<<: [*q, *p], osType: Linux, count: 2, maxPods: 30, maxSurge: 10%, maxUnavailable: \"0\", mode: User}\n",
		},
		{
			name: "unnamed cluster in JSON",
			in:   "{\n  \"vnets\": [{\"name\": \"v\", \"addressSpace\": [\"10.1.0.0/16\"], \"subnets\": [{\"name\": \"n\", \"addressPrefixes\": [\"10.1.0.0/24\"], \"purpose\": \"node\"}]}],\n  \"clusters\": [\n    {\n      \"agentPoolProfiles\": [{\"name\": \"p\", \"osType\": \"Linux\", \"count\": 1, \"maxPods\": 30, \"maxSurge\": \"10%\", \"vnetSubnet\": \"n\", \"mode\": \"System\"}]\n    }\n  ]\n}\n",
			want: "{\n  \"vnets\": [{\"name\": \"v\", \"addressSpace\": [\"10.1.0.0/16\"], \"subnets\": [{\"name\": \"n\", \"addressPrefixes\": [\"10.1.0.0/24\"], \"purpose\": \"node\"}]}],\n  \"clusters\": [\n    {\n" +
				"      \"vnet\": \"v\",\n      \"defaults\": {\n        \"maxSurge\": \"10%\"\n      },\n      \"networkProfile\": {\n        \"networkPlugin\": \"azure\",\n        \"networkDataplane\": \"azure\",\n" +
				"        \"ipFamilies\": [\n          \"IPv4\"\n        ],\n        \"serviceCidr\": \"10.0.0.0/16\",\n        \"dnsServiceIP\": \"10.0.0.10\"\n      },\n" +
				"      \"agentPoolProfiles\": [{\"name\": \"p\", \"osType\": \"Linux\", \"count\": 1, \"maxPods\": 30, \"maxSurge\": \"10%\", \"vnetSubnet\": \"n\", \"mode\": \"System\"}]\n    }\n  ]\n}\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse([]byte(tt.in), "plan")
			if err != nil {
				t.Fatal(err)
			}
			done, _ := p.Complete() // an unnamed pool or cluster is a finding: the plan is completed all the same
			out, err := Fill([]byte(tt.in), "plan", done, "")
			if err != nil {
				t.Fatalf("Fill: %v", err)
			}
			if diff := cmp.Diff(tt.want, string(out)); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
			back, err := Parse(out, "filled")
			if err != nil {
				t.Fatalf("the filled plan does not load: %v", err)
			}
			if diff := cmp.Diff(done, bothSpellings(back), cmpNet); diff != "" {
				t.Errorf("filled plan (-completed +filled):\n%s", diff)
			}
		})
	}
}

// A YAML file is told from JSON by whether it is JSON, not by its first
// byte: a YAML flow mapping keeps its comments and stays YAML.
func TestFillTellsYAMLFromJSON(t *testing.T) {
	tests := []struct {
		name, in string
		f        Format
		want     string
	}{
		{
			name: "flow mapping with a comment",
			in:   "{name: x, avoid: [{name: hub, prefixes: [10.16.0.0/16]}]} # the hub\n",
			want: "{name: x, avoid: [{name: hub, source: other, prefixes: [10.16.0.0/16]}]} # the hub\n",
		},
		{
			name: "JSON with a comment is YAML",
			in:   "# mine\n{\"avoid\": [{\"name\": \"hub\", \"prefixes\": [\"10.16.0.0/16\"]}]}\n",
			want: "# mine\n{\"avoid\": [{\"name\": \"hub\", source: other, \"prefixes\": [\"10.16.0.0/16\"]}]}\n",
		},
		{
			name: "flow mapping as JSON",
			in:   "{name: x, avoid: [{name: hub, prefixes: [10.16.0.0/16]}]} # the hub\n",
			f:    JSON,
			want: "{\n  \"name\": \"x\",\n  \"avoid\": [\n    {\n      \"name\": \"hub\",\n      \"source\": \"other\",\n      \"prefixes\": [\n        \"10.16.0.0/16\"\n      ]\n    }\n  ]\n}\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse([]byte(tt.in), "plan")
			if err != nil {
				t.Fatal(err)
			}
			done, err := p.Complete()
			if err != nil {
				t.Fatal(err)
			}
			out, err := Fill([]byte(tt.in), "plan", done, tt.f)
			if err != nil {
				t.Fatalf("Fill: %v", err)
			}
			if diff := cmp.Diff(tt.want, string(out)); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
		})
	}
}

// TestNamedByMergeOrder: a name brought by a list of merge sources is the
// earliest source's, as Parse reads it (TestParseMergeListPrecedence).
func TestNamedByMergeOrder(t *testing.T) {
	tests := []struct{ in, want string }{
		{"{<<: [*q, *p]}", "q"},
		{"{<<: [*p, *q]}", "p"},
		{"{<<: [*p, *q], name: own}", "own"},
		{"{<<: *p}", "p"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var doc yaml.Node
			src := "a: [&q {name: q}, &p {name: p}]\nb: " + tt.in + "\n"
			if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
				t.Fatal(err)
			}
			got := ""
			if v := namedBy(doc.Content[0].Content[3], 0); v != nil {
				got = v.Value
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("namedBy(%s) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}
