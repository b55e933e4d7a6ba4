package ipam_test

import (
	"net/netip"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/planfile"
)

// An overlap with what an AVNM pool has in use reads as a sentence built
// from the pool's name and the use, the pool's prefixes listed once per
// use; a name AvoidName did not write is worded as any range to avoid.
func TestPoolInUseMessage(t *testing.T) {
	p, err := planfile.Parse([]byte(`name: t
clusters:
  - name: platform
    networkProfile: {networkPlugin: azure, networkPluginMode: overlay, podCidr: 192.168.0.0/16, serviceCidr: 10.0.0.0/16, dnsServiceIP: 10.0.0.10}
`), "t.yaml")
	if err != nil {
		t.Fatal(err)
	}
	avoid := func(name string, ps ...string) ipam.AvoidRange {
		a := ipam.AvoidRange{Name: name, Source: ipam.SourceAVNMPool}
		for _, s := range ps {
			a.Prefixes = append(a.Prefixes, netip.MustParsePrefix(s))
		}
		return a
	}
	tests := []struct {
		name  string
		avoid []ipam.AvoidRange
		want  string
	}{
		{"allocated and static", []ipam.AvoidRange{
			avoid(ipam.PoolInUse{Pool: "corp", Use: ipam.PoolAllocated}.AvoidName(), "10.0.0.0/22", "10.0.8.0/24"),
			avoid(ipam.PoolInUse{Pool: "corp", Use: ipam.PoolStaticCIDRs}.AvoidName(), "10.0.4.0/24")},
			`service CIDR 10.0.0.0/16 of cluster "platform" overlaps prefixes AVNM pool "corp" has allocated (10.0.0.0/22, 10.0.8.0/24) and the static CIDRs of AVNM pool "corp" (10.0.4.0/24)`},
		{"child pool", []ipam.AvoidRange{
			avoid(ipam.PoolInUse{Pool: "corp", Use: ipam.PoolChild, Child: "team-a"}.AvoidName(), "10.0.16.0/20")},
			`service CIDR 10.0.0.0/16 of cluster "platform" overlaps child pool "team-a" of AVNM pool "corp" (10.0.16.0/20)`},
		{"pool named like a file path", []ipam.AvoidRange{
			avoid("dir/pool: with colon.json: allocated", "10.0.1.0/24")},
			`service CIDR 10.0.0.0/16 of cluster "platform" overlaps prefixes AVNM pool "dir/pool: with colon.json" has allocated (10.0.1.0/24)`},
		{"name edited by hand", []ipam.AvoidRange{avoid("held for the DMZ", "10.0.2.0/24")},
			`service CIDR 10.0.0.0/16 of cluster "platform" overlaps avnmPool range "held for the DMZ" (10.0.2.0/24)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := p.Clone()
			q.Avoid = tt.avoid
			var got []string
			for _, f := range q.Validate() {
				if f.Code == ipam.CodeAVNMPrefixInUse {
					got = append(got, f.Message)
				}
			}
			if diff := cmp.Diff([]string{tt.want}, got); diff != "" {
				t.Errorf("AvnmPrefixInUse messages (-want +got)\n%s", diff)
			}
		})
	}
}
