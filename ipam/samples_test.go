package ipam_test

// Tests over the sample plans in testdata, read with planfile (an external
// test package: planfile imports ipam).

import (
	"net/netip"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/planfile"
	"github.com/cidrplan/cidrplan/sizing"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// cmpNet lets cmp compare the plan's netip and surge values.
var cmpNet = cmp.Options{
	cmpopts.EquateComparable(netip.Addr{}, netip.Prefix{}, sizing.Surge{}),
}

// TestWithDefaultsIdempotent checks that filling defaults twice changes
// nothing and leaves the input alone, on every sample plan.
func TestWithDefaultsIdempotent(t *testing.T) {
	plans, _ := filepath.Glob("testdata/*.yaml")
	for _, path := range plans {
		p, err := planfile.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		before := p.Clone()
		once := p.WithDefaults()
		if diff := cmp.Diff(once, once.WithDefaults(), cmpNet); diff != "" {
			t.Errorf("%s: WithDefaults not idempotent (-once +twice):\n%s", path, diff)
		}
		if diff := cmp.Diff(before, p, cmpNet); diff != "" {
			t.Errorf("%s: WithDefaults modified its receiver (-before +after):\n%s", path, diff)
		}
	}
}

// TestRuleFixtures loads the plans in testdata/rules through the YAML
// loader and checks which of these rules fire, where.
func TestRuleFixtures(t *testing.T) {
	type hit struct {
		Severity ipam.Severity
		Code     ipam.Code
		Field    string
	}
	tests := []struct {
		file string
		want []hit
	}{
		{"shared-subnet.yaml", []hit{
			{ipam.SeverityError, ipam.CodeKubenetSubnetShared, "vnets[hub].subnets[aks]"},
			{ipam.SeverityError, ipam.CodeInsufficientSubnetSize, "vnets[hub].subnets[aks].addressPrefixes"},
			{ipam.SeverityError, ipam.CodeSubnetIsDelegated, "vnets[hub].subnets[aks].delegation"},
			{ipam.SeverityInfo, ipam.CodeKubenetRetiring, "clusters[dev].networkProfile.networkPlugin"},
		}},
		{"special-subnets.yaml", []hit{
			{ipam.SeverityError, ipam.CodeBastionSubnetTooSmall, "vnets[hub].subnets[AzureBastionSubnet].addressPrefixes[0]"},
			{ipam.SeverityError, ipam.CodeAPIServerSubnetTooSmall, "vnets[hub].subnets[apiserver].addressPrefixes[0]"},
			{ipam.SeverityError, ipam.CodeAPIServerSubnetDelegated, "vnets[hub].subnets[apiserver].delegation"},
			{ipam.SeverityWarning, ipam.CodeWindowsWithoutSurge, "clusters[prod].agentPoolProfiles[win].maxSurge"},
			{ipam.SeverityWarning, ipam.CodeBastionUndersized, "clusters[prod].wantsBastion"},
			{ipam.SeverityWarning, ipam.CodeAppGatewaySubnetSize, "vnets[hub].subnets[appgw].addressPrefixes[0]"},
		}},
	}
	for _, tc := range tests {
		t.Run(strings.TrimSuffix(tc.file, ".yaml"), func(t *testing.T) {
			p, err := planfile.Load("testdata/rules/" + tc.file)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			var got []hit
			for _, f := range ipam.WithCodes(p.Validate(), ipam.RuleCodes...) {
				got = append(got, hit{f.Severity, f.Code, f.Field})
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
