package ipam_test

import (
	"path/filepath"
	"testing"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/planfile"
	"github.com/google/go-cmp/cmp"
)

// The reported overlaps carry exactly Validate's findings about them: every
// one of them is among Validate's findings, and Overlaps names both ranges.
func TestOverlapsAreValidateFindings(t *testing.T) {
	paths, err := filepath.Glob("testdata/*.yaml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no sample plans: %v", err)
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			p, err := planfile.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			found := map[ipam.Finding]bool{}
			for _, f := range p.Validate() {
				found[f] = true
			}
			for _, o := range p.Overlaps() {
				switch {
				case o.Allowed && o.Code != "":
					t.Errorf("allowed overlap with a code: %+v", o)
				case !o.Allowed && !found[o.Finding]:
					t.Errorf("overlap finding not among Validate's: %s", o.Finding)
				case !o.Subject.Prefix.Overlaps(o.Other.Prefix):
					t.Errorf("overlap of ranges that share no address: %+v", o)
				case o.Field != o.Subject.Field:
					t.Errorf("finding on %s, subject %s", o.Field, o.Subject.Field)
				}
			}
		})
	}
}

// Allowed overlaps say why; reported ones are never allowed.
func TestOverlapsAllowed(t *testing.T) {
	p, err := planfile.Parse([]byte(`
vnets:
  - name: hub
    addressSpace: [10.1.0.0/16]
    subnets:
      - name: aks
        addressPrefixes: [10.1.0.0/22]
avoid:
  - name: hub-again
    source: peering
    prefixes: [10.1.0.0/16]
clusters:
  - name: a
    networkProfile: {networkPlugin: azure, networkPluginMode: overlay, networkPolicy: cilium, podCidr: 10.244.0.0/16}
    agentPoolProfiles: [{name: sys, count: 3, vnetSubnet: aks}]
  - name: b
    networkProfile: {networkPlugin: azure, networkPluginMode: overlay, networkPolicy: cilium, podCidr: 10.244.0.0/16}
    agentPoolProfiles: [{name: sys, count: 3, vnetSubnet: aks}]
`), "plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	type verdict struct {
		Subject, Other ipam.RangeKind
		Allowed        bool
		Code           ipam.Code
	}
	var got []verdict
	for _, o := range p.Overlaps() {
		got = append(got, verdict{o.Subject.Kind, o.Other.Kind, o.Allowed, o.Code})
		if o.Allowed && o.Message == "" {
			t.Errorf("allowed overlap without a reason: %+v", o)
		}
	}
	want := []verdict{
		{ipam.RangeAvoid, ipam.RangeVNetSpace, true, ""},
		{ipam.RangePodCIDR, ipam.RangePodCIDR, true, ""},
		{ipam.RangeServiceCIDR, ipam.RangeServiceCIDR, true, ""},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Overlaps() (-want +got):\n%s", diff)
	}
}
