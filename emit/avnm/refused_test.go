package avnm_test

import (
	"errors"
	"fmt"
	"net/netip"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/emit/avnm"
	"github.com/cidrplan/cidrplan/ipam"
	ipamavnm "github.com/cidrplan/cidrplan/ipam/avnm"
	"github.com/cidrplan/cidrplan/ipam/planfile"
)

// twoClusters is a plan of two overlay clusters in the VNet the pool of
// usage.json has allocated, with the given pod and service CIDRs.
func twoClusters(t *testing.T, podA, svcA, podB, svcB string) *ipam.Plan {
	t.Helper()
	cluster := func(name, pod, svc string) string {
		dns := netip.MustParsePrefix(svc).Addr().Next().Next().Next().Next().Next().Next().Next().Next().Next().Next()
		return fmt.Sprintf(`  - name: %s
    vnet: spoke
    kubernetesVersion: "1.33"
    networkProfile:
      networkPlugin: azure
      networkPluginMode: overlay
      podCidr: %s
      serviceCidr: %s
      dnsServiceIP: %s
    agentPoolProfiles:
      - name: system
        mode: System
        count: 3
        vnetSubnet: nodes
`, name, pod, svc, dns)
	}
	src := `name: refused
vnets:
  - name: spoke
    addressSpace: [10.0.16.0/20]
    subnets:
      - name: nodes
        addressPrefixes: [10.0.16.0/22]
clusters:
` + cluster("a", podA, svcA) + cluster("b", podB, svcB)
	p, err := planfile.Parse([]byte(src), "refused.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// placedRange is what TestRefusedPlaces compares of a Range.
type placedRange struct {
	Prefix netip.Prefix
	Place  avnm.Place
	Taken  []netip.Prefix
	Within netip.Prefix
}

// Azure refuses a static CIDR over what the pool has in use, and one over
// another static CIDR of the same script: such ranges are placed InUse
// (with the part in use) and Nested (with the range they lie in).
func TestRefusedPlaces(t *testing.T) {
	mixed := loadPool(t, "usage.json")
	pf := netip.MustParsePrefix
	tests := []struct {
		name                   string
		podA, svcA, podB, svcB string
		usage                  *ipamavnm.Usage
		want                   []placedRange
	}{
		{"over a VNet allocation and a static CIDR", "10.0.16.0/21", "10.0.4.0/22", "10.1.0.0/16", "10.2.0.0/24", mixed, []placedRange{
			{pf("10.0.16.0/21"), avnm.InUse, []netip.Prefix{pf("10.0.16.0/21")}, netip.Prefix{}},
			{pf("10.0.4.0/22"), avnm.InUse, []netip.Prefix{pf("10.0.4.0/24")}, netip.Prefix{}},
			{pf("10.1.0.0/16"), avnm.InPool, nil, netip.Prefix{}},
			{pf("10.2.0.0/24"), avnm.InPool, nil, netip.Prefix{}},
		}},
		{"nested, larger first", "10.1.0.0/16", "10.2.0.0/24", "10.1.0.0/17", "10.2.0.0/25", mixed, []placedRange{
			{pf("10.1.0.0/16"), avnm.InPool, nil, netip.Prefix{}},
			{pf("10.2.0.0/24"), avnm.InPool, nil, netip.Prefix{}},
			{pf("10.1.0.0/17"), avnm.Nested, nil, pf("10.1.0.0/16")},
			{pf("10.2.0.0/25"), avnm.Nested, nil, pf("10.2.0.0/24")},
		}},
		{"nested, smaller first, unchecked", "10.1.128.0/18", "10.2.0.0/24", "10.1.0.0/16", "10.3.0.0/24", nil, []placedRange{
			{pf("10.1.128.0/18"), avnm.Nested, nil, pf("10.1.0.0/16")},
			{pf("10.2.0.0/24"), avnm.Unchecked, nil, netip.Prefix{}},
			{pf("10.1.0.0/16"), avnm.Unchecked, nil, netip.Prefix{}},
			{pf("10.3.0.0/24"), avnm.Unchecked, nil, netip.Prefix{}},
		}},
		{"inside a range that is not created", "10.0.0.0/16", "10.2.0.0/24", "10.0.32.0/19", "10.3.0.0/24", mixed, []placedRange{
			{pf("10.0.0.0/16"), avnm.InUse, []netip.Prefix{pf("10.0.4.0/24"), pf("10.0.16.0/20")}, netip.Prefix{}},
			{pf("10.2.0.0/24"), avnm.InPool, nil, netip.Prefix{}},
			{pf("10.0.32.0/19"), avnm.InPool, nil, netip.Prefix{}},
			{pf("10.3.0.0/24"), avnm.InPool, nil, netip.Prefix{}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []placedRange
			for _, r := range avnm.Ranges(twoClusters(t, tt.podA, tt.svcA, tt.podB, tt.svcB), tt.usage) {
				got = append(got, placedRange{r.Prefix, r.Place, r.Taken, r.Within})
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateComparable(netip.Prefix{})); diff != "" {
				t.Errorf("Ranges (-want +got)\n%s", diff)
			}
		})
	}
}

// Unforced, a range Azure refuses as a static CIDR refuses the plan: as
// check --avnm refuses it (over a VNet's allocation), or as emit finds it
// (over a static CIDR check takes as another cluster's service CIDR);
// forced, the script leaves it out with a comment that says why, and
// creates no static CIDR inside another.
func TestRefusedMarshal(t *testing.T) {
	pf := netip.MustParsePrefix
	tests := []struct {
		name        string
		plan        *ipam.Plan
		usage       string
		wantCheck   []ipam.Code    // the codes of the *emit.InvalidPlanError
		wantInUse   []netip.Prefix // the ranges of the *InUseError
		wantPartly  []netip.Prefix // the ranges of the *PartlyInPoolError
		forcedHas   []string
		forcedLacks []string
	}{
		{"in the VNet's allocation", twoClusters(t, "10.0.24.0/21", "10.2.0.0/24", "10.1.0.0/16", "10.3.0.0/24"), "usage.json",
			[]ipam.Code{ipam.CodeAVNMPrefixInUse}, nil, nil,
			[]string{`# 10.0.24.0/21 (pod CIDR of cluster "a") is over what pool "corp" has in use (10.0.24.0/21): Azure refuses it as a static CIDR`,
				"--address-prefixes 10.1.0.0/16"},
			[]string{"--address-prefixes 10.0.24.0/21"}},
		{"over a static CIDR check takes as another cluster's", twoClusters(t, "10.0.4.0/22", "10.2.0.0/24", "10.1.0.0/16", "10.0.4.0/24"), "usage.json",
			nil, []netip.Prefix{pf("10.0.4.0/22")}, nil,
			[]string{`# 10.0.4.0/22 (pod CIDR of cluster "a") is over what pool "corp" has in use (10.0.4.0/24)`, "--address-prefixes 10.1.0.0/16"},
			[]string{"--address-prefixes 10.0.4.0/22"}},
		{"that and partly outside", twoClusters(t, "10.0.4.0/22", "172.16.0.0/23", "10.1.0.0/16", "10.0.4.0/24"), "usage.json",
			nil, []netip.Prefix{pf("10.0.4.0/22")}, []netip.Prefix{pf("172.16.0.0/23")},
			[]string{`# 172.16.0.0/23 (service CIDR of cluster "a") is partly outside`},
			[]string{"--address-prefixes 10.0.4.0/22", "--address-prefixes 172.16.0.0/23"}},
		{"nested", twoClusters(t, "10.1.0.0/16", "10.2.0.0/24", "10.1.0.0/17", "10.3.0.0/24"), "usage.json",
			nil, nil, nil,
			[]string{`# 10.1.0.0/17 (pod CIDR of cluster "b") lies in 10.1.0.0/16, held back by its static CIDR`, "--address-prefixes 10.1.0.0/16"},
			[]string{"--address-prefixes 10.1.0.0/17"}},
	}
	prefixes := func(rs []avnm.Range) []netip.Prefix {
		var out []netip.Prefix
		for _, r := range rs {
			out = append(out, r.Prefix)
		}
		return out
	}
	opt := cmpopts.EquateComparable(netip.Prefix{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			usage := loadPool(t, tt.usage)
			_, err := avnm.Marshal(tt.plan, poolID, usage, emit.Options{})
			var invalid *emit.InvalidPlanError
			var used *avnm.InUseError
			var partly *avnm.PartlyInPoolError
			switch {
			case tt.wantCheck == nil && tt.wantInUse == nil && tt.wantPartly == nil:
				if err != nil {
					t.Fatalf("Marshal = %v, want no error", err)
				}
			case tt.wantCheck != nil && !errors.As(err, &invalid):
				t.Fatalf("Marshal = %v, want an *emit.InvalidPlanError", err)
			case tt.wantInUse != nil && !(errors.Is(err, avnm.ErrInUse) && errors.As(err, &used)):
				t.Fatalf("Marshal = %v, want an *InUseError", err)
			case tt.wantPartly != nil && !(errors.Is(err, avnm.ErrPartlyInPool) && errors.As(err, &partly)):
				t.Fatalf("Marshal = %v, want a *PartlyInPoolError", err)
			}
			if invalid != nil {
				if diff := cmp.Diff(tt.wantCheck, invalid.Findings.Codes()); diff != "" {
					t.Errorf("refused for (-want +got)\n%s", diff)
				}
			}
			if used != nil {
				if diff := cmp.Diff(tt.wantInUse, prefixes(used.Ranges), opt); diff != "" || used.Pool != "corp" {
					t.Errorf("InUseError of pool %q (-want +got)\n%s", used.Pool, diff)
				}
			}
			if partly != nil {
				if diff := cmp.Diff(tt.wantPartly, prefixes(partly.Ranges), opt); diff != "" {
					t.Errorf("PartlyInPoolError (-want +got)\n%s", diff)
				}
			}

			got, err := avnm.Marshal(tt.plan, poolID, usage, emit.Options{Force: true})
			if err != nil {
				t.Fatalf("forced: %v", err)
			}
			script := string(got)
			for _, s := range tt.forcedHas {
				if !strings.Contains(script, s) {
					t.Errorf("forced script lacks %q:\n%s", s, script)
				}
			}
			for _, s := range tt.forcedLacks {
				if strings.Contains(script, s) {
					t.Errorf("forced script has %q:\n%s", s, script)
				}
			}
		})
	}
}
