package ipam_test

// Tests that pin rules of docs/aks-rules.md that no other test states on
// its own, through the public API. Each names the public source of its
// rule; the document names the test back.

import (
	"fmt"
	"net/netip"
	"slices"
	"testing"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// rulePlan returns a valid overlay plan: VNet hub (10.1.0.0/16) with
// subnet aks (10.1.0.0/22), cluster prod with explicit pod and service
// ranges and one pool of three nodes in aks.
func rulePlan() *ipam.Plan {
	return &ipam.Plan{
		VNets: []ipam.VNet{{
			Name:         "hub",
			AddressSpace: []netip.Prefix{netip.MustParsePrefix("10.1.0.0/16")},
			Subnets:      []ipam.Subnet{{Name: "aks", AddressPrefixes: []netip.Prefix{netip.MustParsePrefix("10.1.0.0/22")}}},
		}},
		Clusters: []ipam.Cluster{{
			Name: "prod",
			NetworkProfile: ipam.NetworkProfile{
				NetworkPlugin:     sizing.PluginAzure,
				NetworkPluginMode: sizing.PluginModeOverlay,
				PodCIDR:           netip.MustParsePrefix("10.244.0.0/16"),
				ServiceCIDR:       netip.MustParsePrefix("10.0.0.0/16"),
				DNSServiceIP:      netip.MustParseAddr("10.0.0.10"),
			},
			AgentPoolProfiles: []ipam.AgentPool{{Pool: sizing.Pool{Name: "system", Count: 3, VNetSubnet: "aks"}}},
		}},
	}
}

// ruleFields returns the fields of the findings of p with the given code,
// sorted; nil when there are none. Codes are compared as text so that the
// test does not depend on how the code type is declared.
func ruleFields(p *ipam.Plan, code string) []string {
	var out []string
	for _, f := range p.Validate() {
		if fmt.Sprint(f.Code) == code {
			out = append(out, f.Field)
		}
	}
	slices.Sort(out)
	return out
}

// The ranges an Azure VNet may not hold. Source: the Azure virtual network
// FAQ, articles/virtual-network/virtual-networks-faq.md in
// MicrosoftDocs/azure-docs ("You cannot add the following address ranges":
// multicast, broadcast, loopback, link-local, the internal DNS address).
func TestRuleVNetForbiddenRanges(t *testing.T) {
	code := string(ipam.CodeVNetForbiddenRange)
	const field = "vnets[edge].addressSpace[0]"
	tests := []struct {
		name  string
		space string
		want  []string
	}{
		{"multicast", "224.0.0.0/4", []string{field}},
		{"inside multicast", "239.1.0.0/16", []string{field}},
		{"broadcast", "255.255.255.255/32", []string{field}},
		{"loopback", "127.0.0.0/8", []string{field}},
		{"link-local", "169.254.0.0/16", []string{field}},
		{"internal DNS address", "168.63.129.16/32", []string{field}},
		{"a range holding the internal DNS address", "168.63.0.0/16", []string{field}},
		{"private range", "10.2.0.0/16", nil},
		{"shared address space", "100.64.0.0/16", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := rulePlan()
			p.VNets = append(p.VNets, ipam.VNet{Name: "edge", AddressSpace: []netip.Prefix{netip.MustParsePrefix(tt.space)}})
			if diff := cmp.Diff(tt.want, ruleFields(p, code)); diff != "" {
				t.Errorf("%s findings (-want +got)\n%s", code, diff)
			}
		})
	}
}

// The ranges AKS reserves, tested by overlap against a cluster's service
// range, pod range and VNet. Source: articles/aks/configure-kubenet.md ("AKS
// clusters can't use 169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16, or
// 192.0.2.0/24 for the Kubernetes service address range, pod address range,
// or cluster virtual network address range"). 169.254.0.0/16 in a VNet is
// already forbidden by Azure (TestRuleVNetForbiddenRanges).
func TestRuleAKSReservedRanges(t *testing.T) {
	code := string(ipam.CodeReservedRangeOverlap)
	const (
		service = "clusters[prod].networkProfile.serviceCidr"
		pod     = "clusters[prod].networkProfile.podCidr"
		vnet    = "vnets[hub].addressSpace[1]"
	)
	setService := func(cidr string) func(*ipam.Plan) {
		return func(p *ipam.Plan) {
			np := &p.Clusters[0].NetworkProfile
			np.ServiceCIDR = netip.MustParsePrefix(cidr)
			np.DNSServiceIP = np.ServiceCIDR.Addr()
			for range 10 { // the conventional .10 address
				np.DNSServiceIP = np.DNSServiceIP.Next()
			}
		}
	}
	setPod := func(cidr string) func(*ipam.Plan) {
		return func(p *ipam.Plan) { p.Clusters[0].NetworkProfile.PodCIDR = netip.MustParsePrefix(cidr) }
	}
	addSpace := func(cidr string) func(*ipam.Plan) {
		return func(p *ipam.Plan) {
			p.VNets[0].AddressSpace = append(p.VNets[0].AddressSpace, netip.MustParsePrefix(cidr))
		}
	}
	tests := []struct {
		name   string
		mutate func(*ipam.Plan)
		want   []string
	}{
		{"service link-local", setService("169.254.0.0/16"), []string{service}},
		{"service 172.30", setService("172.30.0.0/16"), []string{service}},
		{"service 172.31", setService("172.31.0.0/16"), []string{service}},
		{"service TEST-NET-1", setService("192.0.2.0/24"), []string{service}},
		{"service inside 172.31", setService("172.31.128.0/20"), []string{service}},
		{"service next to 172.30", setService("172.29.0.0/16"), nil},
		{"pod link-local", setPod("169.254.0.0/16"), []string{pod}},
		{"pod 172.30", setPod("172.30.0.0/16"), []string{pod}},
		{"pod 172.31", setPod("172.31.0.0/16"), []string{pod}},
		{"pod TEST-NET-1", setPod("192.0.2.0/24"), []string{pod}},
		{"pod 172.16 slash 12 holds two reserved ranges, one finding", setPod("172.16.0.0/12"), []string{pod}},
		{"vnet 172.30", addSpace("172.30.0.0/16"), []string{vnet}},
		{"vnet 172.31", addSpace("172.31.0.0/16"), []string{vnet}},
		{"vnet TEST-NET-1", addSpace("192.0.2.0/24"), []string{vnet}},
		{"vnet 172.20", addSpace("172.20.0.0/16"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := rulePlan()
			tt.mutate(p)
			if diff := cmp.Diff(tt.want, ruleFields(p, code)); diff != "" {
				t.Errorf("%s findings (-want +got)\n%s", code, diff)
			}
		})
	}
}

// The largest IPv4 subnet is a /2, a disputed bound: the Azure virtual
// network FAQ of 2019 (articles/virtual-network/virtual-networks-faq.md in
// MicrosoftDocs/azure-docs) said "the largest is /8"; current Azure accepts
// a /2. cidrplan takes /2, so a /8 passes.
func TestRuleSubnetLargestIsSlash2(t *testing.T) {
	code := string(ipam.CodeSubnetTooLarge)
	const field = "vnets[wide].subnets[big].addressPrefixes[0]"
	tests := []struct {
		name   string
		prefix string
		want   []string
	}{
		{"slash 1", "128.0.0.0/1", []string{field}},
		{"slash 2", "128.0.0.0/2", nil},
		{"slash 8", "128.0.0.0/8", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := rulePlan()
			pfx := netip.MustParsePrefix(tt.prefix)
			p.VNets = append(p.VNets, ipam.VNet{Name: "wide", AddressSpace: []netip.Prefix{pfx},
				Subnets: []ipam.Subnet{{Name: "big", AddressPrefixes: []netip.Prefix{pfx}}}})
			if diff := cmp.Diff(tt.want, ruleFields(p, code)); diff != "" {
				t.Errorf("%s findings (-want +got)\n%s", code, diff)
			}
		})
	}
}

// The ranges AKS fills in when a plan leaves them out. Sources:
// articles/aks/configure-kubenet.md (--service-cidr "The default value is
// 10.0.0.0/16", --dns-service-ip "The default value is 10.0.0.10",
// --pod-cidr "The default value is 10.244.0.0/16") and
// articles/aks/azure-cni-overlay.md (dual-stack: "the default value
// 10.244.0.0/16,fd12:3456:789a::/64 is used" for pods,
// "10.0.0.0/16,fd12:3456:789a:1::/108" for services).
func TestRuleDefaultRanges(t *testing.T) {
	type ranges struct {
		Pods     []netip.Prefix
		Services []netip.Prefix
		DNS      netip.Addr
	}
	pfxs := func(ss ...string) []netip.Prefix {
		var out []netip.Prefix
		for _, s := range ss {
			out = append(out, netip.MustParsePrefix(s))
		}
		return out
	}
	dns := netip.MustParseAddr("10.0.0.10")
	tests := []struct {
		name    string
		profile ipam.NetworkProfile
		want    ranges
	}{
		{"overlay", ipam.NetworkProfile{NetworkPlugin: sizing.PluginAzure, NetworkPluginMode: sizing.PluginModeOverlay},
			ranges{pfxs("10.244.0.0/16"), pfxs("10.0.0.0/16"), dns}},
		{"kubenet", ipam.NetworkProfile{NetworkPlugin: sizing.PluginKubenet},
			ranges{pfxs("10.244.0.0/16"), pfxs("10.0.0.0/16"), dns}},
		{"node subnet has no pod CIDR", ipam.NetworkProfile{NetworkPlugin: sizing.PluginAzure},
			ranges{nil, pfxs("10.0.0.0/16"), dns}},
		{"dual-stack overlay", ipam.NetworkProfile{NetworkPlugin: sizing.PluginAzure, NetworkPluginMode: sizing.PluginModeOverlay,
			IPFamilies: []sizing.IPFamily{sizing.IPv4, sizing.IPv6}},
			ranges{pfxs("10.244.0.0/16", "fd12:3456:789a::/64"), pfxs("10.0.0.0/16", "fd12:3456:789a:1::/108"), dns}},
		{"stated ranges are kept", ipam.NetworkProfile{NetworkPlugin: sizing.PluginKubenet,
			PodCIDR: netip.MustParsePrefix("10.250.0.0/16"), ServiceCIDR: netip.MustParsePrefix("10.251.0.0/16"),
			DNSServiceIP: netip.MustParseAddr("10.251.0.10")},
			ranges{pfxs("10.250.0.0/16"), pfxs("10.251.0.0/16"), netip.MustParseAddr("10.251.0.10")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &ipam.Plan{Clusters: []ipam.Cluster{{Name: "prod", NetworkProfile: tt.profile}}}
			np := p.WithDefaults().Clusters[0].NetworkProfile
			got := ranges{np.PodPrefixes(), np.ServicePrefixes(), np.DNSServiceIP}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateComparable(netip.Addr{}, netip.Prefix{})); diff != "" {
				t.Errorf("WithDefaults ranges (-want +got)\n%s", diff)
			}
		})
	}
}
