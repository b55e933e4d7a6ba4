package planfile

import (
	"testing"
)

// Positions.Of finds a finding's field in YAML and JSON plans: the key,
// the list entry by name or index, or the nearest ancestor of a default.
func TestPositionsOf(t *testing.T) {
	const yamlPlan = `vnets:
  - name: hub
    addressSpace:
      - 10.0.0.0/16
    subnets:
      - name: aks.nodes
        addressPrefixes: [10.0.0.0/22]
clusters:
  - name: prod
    networkProfile:
      serviceCidr: 10.2.0.0/16
    agentPoolProfiles:
      - name: system
        count: 3
      - count: 2
`
	const jsonPlan = `{
  "vnets": [{"name": "hub", "addressSpace": ["10.0.0.0/16"],
    "subnets": [{"name": "aks.nodes", "addressPrefixes": ["10.0.0.0/22"]}]}],
  "clusters": [
    {"name": "prod",
     "networkProfile": {"serviceCidr": "10.2.0.0/16"},
     "agentPoolProfiles": [{"name": "system", "count": 3}, {"count": 2}]}]
}`
	type pos struct{ Line, Column int }
	tests := []struct {
		field          string
		wantYAML, want pos // want: JSON
	}{
		{"vnets[hub].addressSpace[0]", pos{4, 9}, pos{2, 46}},
		{"vnets[hub].subnets[aks.nodes].addressPrefixes[0]", pos{7, 27}, pos{3, 59}},
		{"vnets[hub].subnets[aks.nodes].delegation", pos{6, 9}, pos{3, 17}},
		{"clusters[prod].networkProfile.serviceCidr", pos{11, 7}, pos{6, 25}},
		{"clusters[prod].networkProfile.podCidr", pos{10, 5}, pos{6, 6}},
		{"clusters[prod].agentPoolProfiles[system].maxPods", pos{13, 9}, pos{7, 28}},
		{"clusters[prod].agentPoolProfiles[1].count", pos{15, 9}, pos{7, 61}},
		{"clusters[prod].defaults.maxSurge", pos{9, 5}, pos{5, 5}},
		{"clusters[other].networkProfile", pos{8, 1}, pos{4, 3}},
		{"avoid[x]", pos{1, 1}, pos{1, 1}},
		{"", pos{1, 1}, pos{1, 1}},
	}
	for _, format := range []string{"yaml", "json"} {
		doc := yamlPlan
		if format == "json" {
			doc = jsonPlan
		}
		_, ps, err := ParseWithPositions([]byte(doc), "p."+format)
		if err != nil {
			t.Fatal(err)
		}
		for _, tt := range tests {
			want := tt.wantYAML
			if format == "json" {
				want = tt.want
			}
			if l, c := ps.Of(tt.field); l != want.Line || c != want.Column {
				t.Errorf("%s: Of(%q) = %d:%d, want %d:%d", format, tt.field, l, c, want.Line, want.Column)
			}
		}
	}
	var none *Positions
	if l, c := none.Of("vnets"); l != 0 || c != 0 {
		t.Errorf("nil Positions: %d:%d, want 0:0", l, c)
	}
}
