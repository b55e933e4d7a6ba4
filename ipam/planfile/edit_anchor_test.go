package planfile

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A key Fill would add to an anchored mapping that a mapping merging it,
// or an alias of it, must not take on is left out (its default then
// applies where the anchor is): no overlayMaxNodes reaches a cluster that
// is not overlay, no maxUnavailable or User mode a System pool.
func TestFillUnsharesAnchors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{
			name: "merged defaults",
			in: "vnets: [{name: v, addressSpace: [10.1.0.0/16], subnets: [{name: a, addressPrefixes: [10.1.0.0/24]}, {name: b, addressPrefixes: [10.1.1.0/24]}]}]\nclusters:\n" +
				"  - name: overlay\n    vnet: v\n    defaults: &d {maxSurge: 10%}\n    networkProfile: {networkPlugin: azure, networkPluginMode: overlay}\n    agentPoolProfiles: [{name: p, count: 1, vnetSubnet: a}]\n" +
				"  - name: classic\n    vnet: v\n    defaults: {<<: *d}\n    networkProfile: {networkPlugin: azure}\n    agentPoolProfiles: [{name: p, count: 1, maxPods: 30, vnetSubnet: b}]\n",
			want: "vnets: [{name: v, addressSpace: [10.1.0.0/16], subnets: [{name: a, addressPrefixes: [10.1.0.0/24], purpose: node}, {name: b, addressPrefixes: [10.1.1.0/24], purpose: node}]}]\nclusters:\n" +
				"  - name: overlay\n    vnet: v\n    defaults: &d {maxSurge: 10%}\n" +
				"    networkProfile: {networkPlugin: azure, networkPluginMode: overlay, networkDataplane: azure, ipFamilies: [IPv4], podCidr: 10.244.0.0/16, serviceCidr: 10.0.0.0/16, dnsServiceIP: 10.0.0.10}\n" +
				"    agentPoolProfiles: [{name: p, osType: Linux, count: 1, maxPods: 250, maxSurge: 10%, vnetSubnet: a, mode: System}]\n" +
				"  - name: classic\n    vnet: v\n    defaults: {<<: *d}\n    networkProfile: {networkPlugin: azure, networkDataplane: azure, ipFamilies: [IPv4], serviceCidr: 10.0.0.0/16, dnsServiceIP: 10.0.0.10}\n" +
				"    agentPoolProfiles: [{name: p, osType: Linux, count: 1, maxPods: 30, maxSurge: 10%, vnetSubnet: b, mode: System}]\n",
		},
		{
			name: "aliased pool",
			in: "vnets: [{name: v, addressSpace: [10.1.0.0/16], subnets: [{name: a, addressPrefixes: [10.1.0.0/24]}]}]\nclusters:\n" +
				"  - name: one\n    vnet: v\n    defaults: {maxSurge: 10%, overlayMaxNodes: 5000}\n    networkProfile: {networkPlugin: azure, networkPluginMode: overlay}\n" +
				"    agentPoolProfiles:\n      - {name: sys, count: 1, vnetSubnet: a}\n      - &apps {name: apps, count: 2, vnetSubnet: a}\n" +
				"  - name: two\n    vnet: v\n    defaults: {maxSurge: 10%, overlayMaxNodes: 5000}\n    networkProfile: {networkPlugin: azure, networkPluginMode: overlay}\n    agentPoolProfiles: [*apps]\n",
			want: "vnets: [{name: v, addressSpace: [10.1.0.0/16], subnets: [{name: a, addressPrefixes: [10.1.0.0/24], purpose: node}]}]\nclusters:\n" +
				"  - name: one\n    vnet: v\n    defaults: {maxSurge: 10%, overlayMaxNodes: 5000}\n" +
				"    networkProfile: {networkPlugin: azure, networkPluginMode: overlay, networkDataplane: azure, ipFamilies: [IPv4], podCidr: 10.244.0.0/16, serviceCidr: 10.0.0.0/16, dnsServiceIP: 10.0.0.10}\n" +
				"    agentPoolProfiles:\n      - {name: sys, osType: Linux, count: 1, maxPods: 250, maxSurge: 10%, vnetSubnet: a, mode: System}\n" +
				"      - &apps {name: apps, osType: Linux, count: 2, maxPods: 250, maxSurge: 10%, vnetSubnet: a}\n" +
				"  - name: two\n    vnet: v\n    defaults: {maxSurge: 10%, overlayMaxNodes: 5000}\n" +
				"    networkProfile: {networkPlugin: azure, networkPluginMode: overlay, networkDataplane: azure, ipFamilies: [IPv4], podCidr: 10.244.0.0/16, serviceCidr: 10.0.0.0/16, dnsServiceIP: 10.0.0.10}\n" +
				"    agentPoolProfiles: [*apps]\n",
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
			if diff := cmp.Diff(done, bothSpellings(back.WithDefaults()), cmpNet); diff != "" {
				t.Errorf("filled plan with its defaults (-completed +filled):\n%s", diff)
			}
		})
	}
}
