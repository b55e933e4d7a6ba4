package emit_test

import (
	"errors"
	"fmt"
	"net/netip"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/planfile"
	"github.com/cidrplan/cidrplan/sizing"
)

func loadPlan(t *testing.T, name string) *ipam.Plan {
	t.Helper()
	p, err := planfile.Load("../examples/plans/" + name + ".yaml")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestResolveUnallocated(t *testing.T) {
	_, err := emit.Resolve(loadPlan(t, "incomplete"), emit.Options{Force: true})
	var ue *emit.UnallocatedError
	if !errors.Is(err, emit.ErrUnallocated) || !errors.As(err, &ue) {
		t.Fatalf("Resolve = %v, want an *UnallocatedError", err)
	}
	want := []string{
		"clusters[team].networkProfile.dnsServiceIP",
		"clusters[team].networkProfile.podCidr",
		"clusters[team].networkProfile.serviceCidr",
		"vnets[team-vnet].subnets[apps-nodes].addressPrefixes",
		"vnets[team-vnet].subnets[system-nodes].addressPrefixes",
	}
	if diff := cmp.Diff(want, ue.Fields); diff != "" {
		t.Errorf("Fields (-want +got):\n%s", diff)
	}
}

// TestResolveCompleted holds emit and complete together: what complete
// fills in is exactly what emit asks for.
func TestResolveCompleted(t *testing.T) {
	q, err := loadPlan(t, "incomplete").Complete()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := emit.Resolve(q, emit.Options{}); err != nil {
		t.Errorf("Resolve of the completed plan = %v", err)
	}
}

func TestResolveErrors(t *testing.T) {
	classic := func(edit func(p *ipam.Plan)) *ipam.Plan {
		p := loadPlan(t, "classic-cni")
		edit(p)
		return p
	}
	tests := []struct {
		name      string
		plan      *ipam.Plan
		opts      emit.Options
		wantErr   error
		wantField string
	}{
		{"nil plan", nil, emit.Options{}, ipam.ErrInvalidPlan, ""},
		{"error findings", loadPlan(t, "broken"), emit.Options{}, ipam.ErrInvalidPlan, ""},
		{"unknown subnet forced", classic(func(p *ipam.Plan) {
			p.Clusters[0].AgentPoolProfiles[1].VNetSubnet = "nowhere"
		}), emit.Options{Force: true}, emit.ErrUnresolved, "clusters[prod].agentPoolProfiles[apps].vnetSubnet"},
		{"unknown pod subnet forced", classic(func(p *ipam.Plan) {
			p.Clusters[0].AgentPoolProfiles[0].PodSubnet = "nowhere"
		}), emit.Options{Force: true}, emit.ErrUnresolved, "clusters[prod].agentPoolProfiles[system].podSubnet"},
		{"unknown VNet forced", classic(func(p *ipam.Plan) {
			p.Clusters[0].VNet = "elsewhere"
		}), emit.Options{Force: true}, emit.ErrUnresolved, "clusters[prod].vnet"},
		{"no System pool forced", classic(func(p *ipam.Plan) {
			p.Clusters[0].AgentPoolProfiles[0].Mode = "User"
		}), emit.Options{Force: true}, emit.ErrNoSystemPool, "clusters[prod].agentPoolProfiles"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := emit.Resolve(tt.plan, tt.opts)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Resolve = %v, want an error matching %v", err, tt.wantErr)
			}
			var ee *emit.Error
			if tt.wantField != "" && (!errors.As(err, &ee) || ee.Field != tt.wantField) {
				t.Errorf("Resolve = %v, want an *emit.Error at %s", err, tt.wantField)
			}
		})
	}
}

func TestResolveDefaults(t *testing.T) {
	p := loadPlan(t, "kubenet-limits") // leaves maxPods to the default
	d, err := emit.Resolve(p, emit.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := &d.Plan.Clusters[0]
	want := c.Defaults.EffectiveMaxPods(sizing.ModelKubenet)
	for _, ap := range c.AgentPoolProfiles {
		if ap.MaxPods != want {
			t.Errorf("pool %s: maxPods %d, want sizing's default %d", ap.Name, ap.MaxPods, want)
		}
	}
	if p.Clusters[0].AgentPoolProfiles[0].MaxPods != 0 {
		t.Error("Resolve modified the plan")
	}
	vn, sn := d.Subnet(d.Clusters[0].NodeSubnets[0])
	if vn.Name != "batch-vnet" || sn.AddressPrefixes[0] != netip.MustParsePrefix("10.50.0.0/23") {
		t.Errorf("Subnet = %s/%s, want batch-vnet/aks-nodes", vn.Name, sn.Name)
	}
}

func TestInitialCount(t *testing.T) {
	tests := []struct {
		name string
		pool ipam.AgentPool
		want int
	}{
		{"fixed", ipam.AgentPool{Pool: sizing.Pool{Count: 3}}, 3},
		{"autoscaled with count", ipam.AgentPool{Pool: sizing.Pool{Count: 4, EnableAutoScaling: true, MaxCount: 9}, MinCount: 2}, 4},
		{"autoscaled without count", ipam.AgentPool{Pool: sizing.Pool{EnableAutoScaling: true, MaxCount: 9}, MinCount: 2}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := emit.InitialCount(&tt.pool); got != tt.want {
				t.Errorf("InitialCount = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestDelegationOf(t *testing.T) {
	if _, ok := emit.DelegationOf(""); ok {
		t.Error("DelegationOf(\"\") is a delegation")
	}
	got, _ := emit.DelegationOf("Microsoft.Web/serverFarms")
	want := emit.Delegation{Name: "Microsoft.Web.serverFarms", Service: "Microsoft.Web/serverFarms"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

// A pod CIDR the network model ignores (check's PodCidrNotUsed) is not
// deployed; one the model uses is.
func TestResolvePodCIDRs(t *testing.T) {
	const plan = `
vnets:
  - name: spoke
    addressSpace: [10.50.0.0/16]
    subnets:
      - {name: nodes, addressPrefixes: [10.50.0.0/23]}
clusters:
  - name: app
    networkProfile:
      networkPlugin: %s%s
      podCidr: 10.244.0.0/16
      serviceCidr: 10.2.0.0/16
      dnsServiceIP: 10.2.0.10
    agentPoolProfiles:
      - {name: sys, mode: System, count: 3, vnetSubnet: spoke/nodes}
`
	for _, tc := range []struct {
		plugin, mode string
		want         []netip.Prefix
	}{
		{"azure", "", nil},
		{"azure", "\n      networkPluginMode: overlay", []netip.Prefix{netip.MustParsePrefix("10.244.0.0/16")}},
		{"kubenet", "", []netip.Prefix{netip.MustParsePrefix("10.244.0.0/16")}},
	} {
		p, err := planfile.Parse([]byte(fmt.Sprintf(plan, tc.plugin, tc.mode)), "plan.yaml")
		if err != nil {
			t.Fatal(err)
		}
		d, err := emit.Resolve(p, emit.Options{})
		if err != nil {
			t.Fatalf("%s%s: %v", tc.plugin, tc.mode, err)
		}
		if diff := cmp.Diff(tc.want, d.Plan.Clusters[0].NetworkProfile.PodPrefixes(), cmpopts.EquateComparable(netip.Prefix{})); diff != "" {
			t.Errorf("%s%s: pod CIDRs (-want +got):\n%s", tc.plugin, tc.mode, diff)
		}
	}
}

func TestGenerated(t *testing.T) {
	for name, want := range map[string]string{
		"":     "Generated by cidrplan from a plan",
		"prod": `Generated by cidrplan from plan "prod"`,
	} {
		d := &emit.Deployment{Plan: &ipam.Plan{Name: name}}
		if got := d.Generated(); got != want {
			t.Errorf("Generated() for plan name %q = %q, want %q", name, got, want)
		}
	}
}
