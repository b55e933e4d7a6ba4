package sizing

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"
)

func TestClusterJSONYAMLRoundTrip(t *testing.T) {
	c := Cluster{
		Network:        Network{Plugin: PluginAzure, PluginMode: PluginModeOverlay, Dataplane: DataplaneCilium, IPFamilies: []IPFamily{IPv4, IPv6}},
		Pools:          []Pool{{Name: "sys", Count: 3}, {Name: "apps", Count: 2, MaxCount: 9, EnableAutoScaling: true, MaxSurge: MustParseSurge("33%")}},
		PrivateCluster: true,
		Consumers:      map[string]Consumers{"aks-subnet": {ILBFrontEnds: 2, PrivateEndpoints: 1}},
		Defaults:       Defaults{MaxSurge: MustParseSurge("1"), MaxPods: map[Model]int{ModelOverlay: 110}, OverlayMaxNodes: 1000},
	}
	j, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var cj Cluster
	if err := json.Unmarshal(j, &cj); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(c, cj, cmpOpts); diff != "" {
		t.Errorf("json round trip (-want +got)\n%s\n%s", diff, j)
	}
	y, err := yaml.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var cy Cluster
	if err := yaml.Unmarshal(y, &cy); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(c, cy, cmpOpts); diff != "" {
		t.Errorf("yaml round trip (-want +got)\n%s\n%s", diff, y)
	}
	if d0, err := c.Demand(); err != nil {
		t.Fatal(err)
	} else if d1, _ := cy.Demand(); !cmp.Equal(d0, d1, cmpOpts) {
		t.Error("demand differs after a YAML round trip")
	}
}

func TestDemandEncodes(t *testing.T) {
	d, err := Cluster{Network: azure, Pools: []Pool{{Name: "np", Count: 50, MaxPods: 30, MaxSurge: MustParseSurge("1")}}}.Demand()
	if err != nil {
		t.Fatal(err)
	}
	j, err := json.Marshal(d.Ranges[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"kind":"nodeSubnet"`, `"name":"aks-subnet"`, `"family":"IPv4"`, `"peak":1581`, `"minPrefixLength":21`, `"maxSurge":"1"`} {
		if !strings.Contains(string(j), want) {
			t.Errorf("json lacks %s: %s", want, j)
		}
	}
	y, err := yaml.Marshal(d.Ranges[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"kind: nodeSubnet\n", "name: aks-subnet\n", "peak: 1581\n", "minPrefixLength: 21\n"} {
		if !strings.Contains(string(y), want) {
			t.Errorf("yaml lacks %q:\n%s", want, y)
		}
	}
}
