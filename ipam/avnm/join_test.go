package avnm_test

import (
	"net/netip"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/avnm"
	"github.com/cidrplan/cidrplan/ipam/planfile"
)

// joinPlan has a VNet the pool allocated (hub), one partly in another's
// allocation (straddle), one in the child pool (child), one outside the
// pool (outside); the overlay cluster's service CIDR is the pool's static
// CIDR, its pod CIDR lies outside the pool.
const joinPlan = `name: join
vnets:
  - name: hub
    addressSpace: [10.0.0.0/22]
    subnets:
      - {name: nodes, addressPrefixes: [10.0.0.0/24], purpose: node}
  - name: straddle
    addressSpace: [10.0.8.0/23]
  - name: child
    addressSpace: [10.0.64.0/24]
  - name: outside
    addressSpace: [10.1.0.0/24]
clusters:
  - name: c
    vnet: hub
    networkProfile: {networkPlugin: azure, networkPluginMode: overlay, networkPolicy: cilium, networkDataplane: cilium,
      podCidr: 192.168.0.0/16, serviceCidr: 10.0.4.0/24, dnsServiceIP: 10.0.4.10}
    agentPoolProfiles:
      - {name: system, mode: System, count: 3, vnetSubnet: nodes}
`

func loadFile(t *testing.T, path string) *avnm.Usage {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	u, err := avnm.ParseUsage(data, path)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestJoin(t *testing.T) {
	p, err := planfile.Parse([]byte(joinPlan), "join.yaml")
	if err != nil {
		t.Fatal(err)
	}
	u := loadFile(t, "testdata/pool-child.json")
	q, pool := u.Join(p, "pool")
	want := []ipam.AvoidRange{
		{Name: "pool: allocated", Source: ipam.SourceAVNMPool, Prefixes: prefixes("10.0.8.0/24")},
		{Name: "pool: child pool child", Source: ipam.SourceAVNMPool, Prefixes: prefixes("10.0.64.0/18")},
	}
	opts := cmpopts.EquateComparable(netip.Prefix{})
	if diff := cmp.Diff(want, q.Avoid, opts); diff != "" {
		t.Errorf("avoid ranges (-want +got)\n%s", diff)
	}
	if again, _ := u.Join(q, "pool"); !cmp.Equal(q.Avoid, again.Avoid, opts) {
		t.Errorf("joining twice: %v, want the pool's ranges once: %v", again.Avoid, q.Avoid)
	}
	if len(p.Avoid) != 0 {
		t.Errorf("Join modified the plan: %v", p.Avoid)
	}
	wantPool := ipam.AddressPool{Name: "pool", Space: prefixes("10.0.0.0/16"), Own: prefixes("10.0.0.0/22", "10.0.4.0/24")}
	if diff := cmp.Diff(wantPool, pool, opts); diff != "" {
		t.Errorf("pool (-want +got)\n%s", diff)
	}

	type key struct {
		Code  ipam.Code
		Field string
	}
	var got []key
	for _, f := range append(q.Validate(), q.CheckAddressPool(pool)...) {
		switch f.Code {
		case ipam.CodeAVNMPrefixInUse, ipam.CodeAVNMPrefixOutsidePool, ipam.CodeAVNMAllocationAssumed:
			got = append(got, key{f.Code, f.Field})
		}
	}
	wantFindings := []key{
		{ipam.CodeAVNMPrefixInUse, "vnets[straddle].addressSpace[0]"},
		{ipam.CodeAVNMPrefixInUse, "vnets[child].addressSpace[0]"},
		{ipam.CodeAVNMPrefixOutsidePool, "vnets[outside].addressSpace[0]"},
		{ipam.CodeAVNMAllocationAssumed, "vnets[hub].addressSpace[0]"},
		{ipam.CodeAVNMAllocationAssumed, "clusters[c].networkProfile.serviceCidr"},
	}
	sortKeys := cmpopts.SortSlices(func(a, b key) bool { return a.Field < b.Field })
	if diff := cmp.Diff(wantFindings, got, sortKeys); diff != "" {
		t.Errorf("findings (-want +got)\n%s", diff)
	}
}

// TestJoinStatic: a static CIDR that is not the plan's own stays in the way.
func TestJoinStatic(t *testing.T) {
	p, err := planfile.Parse([]byte(joinPlan), "join.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p.Clusters[0].NetworkProfile.ServiceCIDR = netip.MustParsePrefix("172.16.0.0/16")
	p.Clusters[0].NetworkProfile.DNSServiceIP = netip.MustParsePrefix("172.16.0.10/32").Addr()
	q, _ := loadFile(t, "testdata/pool-child.json").Join(p, "pool")
	want := ipam.AvoidRange{Name: "pool: static CIDRs", Source: ipam.SourceAVNMPool, Prefixes: prefixes("10.0.4.0/24")}
	if diff := cmp.Diff(want, q.Avoid[1], cmpopts.EquateComparable(netip.Prefix{})); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

// TestCompleteWithin: new pod and service CIDRs come from the pool's
// available prefixes, lowest first, clear of what the pool has in use.
func TestCompleteWithin(t *testing.T) {
	p, err := planfile.Parse([]byte(`name: new
vnets:
  - name: hub
    addressSpace: [10.0.0.0/22]
clusters:
  - name: c
    vnet: hub
    networkProfile: {networkPlugin: azure, networkPluginMode: overlay, networkPolicy: cilium, networkDataplane: cilium}
    agentPoolProfiles:
      - {name: system, mode: System, count: 3}
`), "new.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// 10.0.0.0/22 is the hub's allocation, 10.1.0.0/16 another VNet's.
	u, err := avnm.ParseUsage([]byte(`{"addressPrefixes": ["10.0.0.0/14"],
		"allocatedAddressPrefixes": ["10.0.0.0/22", "10.1.0.0/16"],
		"availableAddressPrefixes": ["10.0.4.0/22", "10.0.8.0/21", "10.0.16.0/20", "10.0.32.0/19", "10.0.64.0/18",
			"10.0.128.0/17", "10.3.0.0/16", "10.2.0.0/16"]}`), "pool.json")
	if err != nil {
		t.Fatal(err)
	}
	q, pool := u.Join(p, "pool")
	done, err := q.CompleteWithin(u.Free())
	if err != nil {
		t.Fatal(err)
	}
	np := done.Clusters[0].NetworkProfile
	opts := cmpopts.EquateComparable(netip.Prefix{})
	if diff := cmp.Diff(prefixes("10.2.0.0/16"), np.PodPrefixes(), opts); diff != "" {
		t.Errorf("pod CIDR (-want +got)\n%s", diff)
	}
	if diff := cmp.Diff(prefixes("10.3.0.0/16"), np.ServicePrefixes(), opts); diff != "" {
		t.Errorf("service CIDR (-want +got)\n%s", diff)
	}
	for _, f := range done.CheckAddressPool(pool) {
		if f.Severity == ipam.SeverityError {
			t.Errorf("completed plan: %s", f)
		}
	}
}

// TestCheckOverVNetAllocation: a pod or service CIDR over the pool's
// allocation to a VNet of the plan is in use all the same (no static CIDR
// can hold it back), so check reports it as AvnmPrefixInUse instead of
// taking it as a static CIDR of the plan.
func TestCheckOverVNetAllocation(t *testing.T) {
	tests := []struct {
		name string
		pod  string
		want []string // the fields of AvnmPrefixInUse; AvnmAllocationAssumed stays on the VNet
	}{
		{"inside the VNet's allocation", "10.0.2.0/23", []string{"clusters[c].networkProfile.podCidr"}},
		{"over part of it", "10.0.0.0/21", []string{"clusters[c].networkProfile.podCidr"}},
		{"clear of it", "192.168.0.0/16", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := planfile.Parse([]byte(joinPlan), "join.yaml")
			if err != nil {
				t.Fatal(err)
			}
			p.Clusters[0].NetworkProfile.PodCIDR = netip.MustParsePrefix(tt.pod)
			q, pool := loadFile(t, "testdata/pool-child.json").Join(p, "pool")
			var got []string
			for _, f := range q.CheckAddressPool(pool) {
				switch {
				case f.Code == ipam.CodeAVNMPrefixInUse:
					got = append(got, f.Field)
				case f.Code == ipam.CodeAVNMAllocationAssumed && f.Field == "clusters[c].networkProfile.podCidr":
					t.Errorf("the pod CIDR is taken as the pool's: %s", f)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("AvnmPrefixInUse fields (-want +got)\n%s", diff)
			}
		})
	}
}
