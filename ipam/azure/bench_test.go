package azure_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/cidrplan/cidrplan/ipam/azure"
)

// largeExports returns an az network vnet list of vnets VNets with subnets
// subnets each, and an az aks list with one 3-pool cluster per VNet.
func largeExports(vnets, subnets int) (vnetList, aksList []byte) {
	var vs, cs []map[string]any
	for i := range vnets {
		id := fmt.Sprintf("/subscriptions/s/resourceGroups/rg-%d/providers/Microsoft.Network/virtualNetworks/vnet-%d", i, i)
		var subs []map[string]any
		for j := range subnets {
			subs = append(subs, map[string]any{"name": fmt.Sprintf("snet-%d", j), "id": fmt.Sprintf("%s/subnets/snet-%d", id, j),
				"addressPrefix": fmt.Sprintf("10.%d.%d.0/24", i%256, j%256), "delegations": []any{}})
		}
		vs = append(vs, map[string]any{"name": fmt.Sprintf("vnet-%d", i), "id": id, "type": "Microsoft.Network/virtualNetworks",
			"addressSpace": map[string]any{"addressPrefixes": []string{fmt.Sprintf("10.%d.0.0/16", i%256)}}, "subnets": subs})
		var pools []map[string]any
		for p := range 3 {
			pools = append(pools, map[string]any{"name": fmt.Sprintf("pool%d", p), "count": 3, "maxPods": 30, "osType": "Linux",
				"upgradeSettings": map[string]any{"maxSurge": "33%"},
				"vnetSubnetId":    fmt.Sprintf("%s/subnets/snet-%d", id, p%subnets)})
		}
		cs = append(cs, map[string]any{"name": fmt.Sprintf("aks-%d", i), "type": "Microsoft.ContainerService/ManagedClusters",
			"id":                fmt.Sprintf("/subscriptions/s/resourceGroups/rg-%d/providers/Microsoft.ContainerService/managedClusters/aks-%d", i, i),
			"networkProfile":    map[string]any{"networkPlugin": "azure", "serviceCidr": "172.16.0.0/16", "dnsServiceIp": "172.16.0.10"},
			"agentPoolProfiles": pools})
	}
	vnetList, _ = json.Marshal(vs)
	aksList, _ = json.Marshal(cs)
	return vnetList, aksList
}

// BenchmarkImport parses an az network vnet list and an az aks list and
// resolves them into a plan.
func BenchmarkImport(b *testing.B) {
	for _, size := range []struct{ vnets, subnets int }{{10, 20}, {100, 20}, {1000, 20}} {
		vnets, clusters := largeExports(size.vnets, size.subnets)
		b.Run(fmt.Sprintf("vnets=%d/subnets=%d", size.vnets, size.subnets), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(vnets) + len(clusters)))
			for b.Loop() {
				rs, err := azure.ParseVNet(vnets, "vnets.json")
				if err != nil {
					b.Fatal(err)
				}
				c, err := azure.ParseAKS(clusters, "aks.json")
				if err != nil {
					b.Fatal(err)
				}
				rs.Add(c)
				plan, err := rs.Plan()
				if err != nil || len(plan.Clusters) != size.vnets {
					b.Fatal(err)
				}
			}
		})
	}
}
