package ipam

import (
	"encoding/json"
	"errors"
	"net/netip"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFixValues pins the values each kind of fix proposes, next to its
// words: a free service CIDR with its DNS service IP, a DNS service IP, a
// free pod CIDR, a free subnet prefix; none for a fix that names no value.
func TestFixValues(t *testing.T) {
	const np = "clusters[prod].networkProfile."
	tests := []struct {
		name   string
		change func(p *Plan)
		code   Code
		want   []FixValue // of the finding with code
	}{
		{"dns service IP outside the service CIDR", func(p *Plan) {
			p.Clusters[0].NetworkProfile.ServiceCIDR = pfx("10.0.0.0/16")
			p.Clusters[0].NetworkProfile.DNSServiceIP = netip.MustParseAddr("10.9.0.10")
		}, CodeDNSServiceIPOutOfServiceCIDR, []FixValue{{np + "dnsServiceIP", "10.0.0.10"}}},
		{"dns service IP on the kubernetes service", func(p *Plan) {
			p.Clusters[0].NetworkProfile.ServiceCIDR = pfx("10.0.0.0/16")
			p.Clusters[0].NetworkProfile.DNSServiceIP = netip.MustParseAddr("10.0.0.1")
		}, CodeDNSServiceIPReserved, []FixValue{{np + "dnsServiceIP", "10.0.0.10"}}},
		{"service CIDR over a subnet", func(p *Plan) {
			p.Clusters[0].NetworkProfile.ServiceCIDR = pfx("10.1.0.0/16")
			p.Clusters[0].NetworkProfile.DNSServiceIP = netip.MustParseAddr("10.1.0.10")
		}, CodeServiceCIDROverlapExistingSubnetsCIDR, []FixValue{{np + "serviceCidr", "10.0.0.0/16"}, {np + "dnsServiceIP", "10.0.0.10"}}},
		// Both the DNS finding and the overlap would set dnsServiceIP: the DNS
		// fix follows the move, so applying either or both agrees.
		{"dns service IP outside a service CIDR that must move", func(p *Plan) {
			p.Clusters[0].NetworkProfile.ServiceCIDR = pfx("10.1.0.0/16")
			p.Clusters[0].NetworkProfile.DNSServiceIP = netip.MustParseAddr("10.9.0.10")
		}, CodeDNSServiceIPOutOfServiceCIDR, []FixValue{{np + "serviceCidr", "10.0.0.0/16"}, {np + "dnsServiceIP", "10.0.0.10"}}},
		{"dns service IP reserved in a service CIDR that must move", func(p *Plan) {
			p.Clusters[0].NetworkProfile.ServiceCIDR = pfx("10.1.0.0/16")
			p.Clusters[0].NetworkProfile.DNSServiceIP = netip.MustParseAddr("10.1.0.1")
		}, CodeDNSServiceIPReserved, []FixValue{{np + "serviceCidr", "10.0.0.0/16"}, {np + "dnsServiceIP", "10.0.0.10"}}},
		{"kubenet pod CIDR too small", func(p *Plan) {
			p.Clusters[0].NetworkProfile = NetworkProfile{NetworkPlugin: PluginKubenet, PodCIDR: pfx("10.244.0.0/24")}
		}, CodeInsufficientPodCIDR, []FixValue{{np + "podCidr", "10.244.4.0/22"}}},
		{"subnet too small", func(p *Plan) {
			p.VNets[0].Subnets[0].AddressPrefixes = []netip.Prefix{pfx("10.1.0.0/28")}
		}, CodeInsufficientSubnetSize, []FixValue{{"vnets[hub].subnets[aks].addressPrefixes", "10.1.1.0/24"}}},
		{"no value to propose", func(p *Plan) {
			p.Clusters[0].AgentPoolProfiles[0].MaxPods = 251
		}, CodeInvalidMaxPods, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := basePlan()
			tt.change(p)
			fs := withCodes(p.Validate(), tt.code)
			if len(fs) != 1 {
				t.Fatalf("findings %s = %v, want one", tt.code, fs)
			}
			if diff := cmp.Diff(tt.want, fs[0].FixValues.All()); diff != "" {
				t.Errorf("FixValues of %s (-want +got):\n%s", fs[0], diff)
			}
			checkFixValuesNamed(t, fs)
		})
	}
}

func TestFixValuesJSON(t *testing.T) {
	two := FixValuesOf(FixValue{"a", "10.0.0.0/16"}, FixValue{"b", "10.0.0.10"})
	tests := []struct {
		name    string
		in      string
		want    FixValues
		wantErr error
	}{
		{"two", `[{"field":"a","value":"10.0.0.0/16"},{"field":"b","value":"10.0.0.10"}]`, two, nil},
		{"empty", `[]`, FixValues{}, nil},
		{"null", `null`, FixValues{}, nil},
		{"not a list", `{"field":"a"}`, FixValues{}, ErrInvalidValue},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got FixValues
			err := json.Unmarshal([]byte(tt.in), &got)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Unmarshal(%s) error = %v, want %v", tt.in, err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("Unmarshal(%s) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
	// A finding without values omits the key; with values it round-trips.
	for _, f := range []Finding{{Code: "X", Message: "m"}, {Code: "X", Message: "m", Fix: "f", FixValues: two}} {
		b, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		var back Finding
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if back != f {
			t.Errorf("round trip of %s: %s gives %s", f, b, back)
		}
	}
	if got, want := two.String(), "a=10.0.0.0/16, b=10.0.0.10"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if !FixValuesOf().IsZero() || FixValuesOf().All() != nil {
		t.Error("FixValuesOf() is not the zero FixValues")
	}
}
