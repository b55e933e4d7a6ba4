package ipam

import (
	"net/netip"
	"slices"
	"strings"
	"testing"
)

var addr = netip.MustParseAddr

// overlayPlan returns a valid overlay cluster plan with explicit ranges.
func overlayPlan() *Plan {
	p := basePlan()
	np := &p.Clusters[0].NetworkProfile
	np.NetworkPluginMode = PluginModeOverlay
	np.PodCIDR = pfx("10.244.0.0/16")
	np.ServiceCIDR = pfx("10.0.0.0/16")
	np.DNSServiceIP = addr("10.0.0.10")
	return p
}

// dualStackPlan returns a valid dual-stack overlay plan.
func dualStackPlan() *Plan {
	p := overlayPlan()
	p.VNets[0].AddressSpace = append(p.VNets[0].AddressSpace, pfx("fd00:1::/48"))
	p.VNets[0].Subnets[0].AddressPrefixes = append(p.VNets[0].Subnets[0].AddressPrefixes, pfx("fd00:1::/64"))
	np := &p.Clusters[0].NetworkProfile
	np.IPFamilies = []IPFamily{IPv4, IPv6}
	// Azure and Calico network policies aren't supported with dual-stack.
	np.NetworkPolicy, np.NetworkDataplane = PolicyCilium, DataplaneCilium
	np.PodCIDR, np.ServiceCIDR = netip.Prefix{}, netip.Prefix{}
	np.PodCIDRs = []netip.Prefix{pfx("10.244.0.0/16"), pfx("fd12:3456:789a::/64")}
	np.ServiceCIDRs = []netip.Prefix{pfx("10.0.0.0/16"), pfx("fd12:3456:789a:1::/108")}
	return p
}

// hasFinding reports whether fs holds a finding with the severity and code
// whose field ends with field.
func hasFinding(fs Findings, sev Severity, code Code, field string) bool {
	return slices.ContainsFunc(fs, func(f Finding) bool {
		return f.Severity == sev && f.Code == code && strings.HasSuffix(f.Field, field)
	})
}

func TestRangeRules(t *testing.T) {
	type rule struct {
		name   string
		base   func() *Plan
		mutate func(p *Plan)
		sev    Severity
		code   Code
		field  string // suffix of the finding's field
		want   bool   // whether the finding must be present
	}
	np := func(p *Plan) *NetworkProfile { return &p.Clusters[0].NetworkProfile }
	subnet := func(p *Plan) *Subnet { return &p.VNets[0].Subnets[0] }
	setService := func(svc, dns string) func(*Plan) {
		return func(p *Plan) {
			np(p).ServiceCIDR = pfx(svc)
			np(p).DNSServiceIP = addr(dns)
		}
	}
	addSubnet := func(name, prefix string) func(*Plan) {
		return func(p *Plan) {
			p.VNets[0].Subnets = append(p.VNets[0].Subnets, Subnet{Name: name, AddressPrefixes: []netip.Prefix{pfx(prefix)}})
		}
	}
	addSubnetNoPrefix := func(name string) func(*Plan) {
		return func(p *Plan) { p.VNets[0].Subnets = append(p.VNets[0].Subnets, Subnet{Name: name}) }
	}
	E, W := SeverityError, SeverityWarning
	tests := []rule{
		{"default service and dns valid", basePlan, setService("10.0.0.0/16", "10.0.0.10"), E, CodeDNSServiceIPOutOfServiceCIDR, "dnsServiceIP", false},
		{"dns outside service", basePlan, setService("10.200.0.0/16", "10.0.0.10"), E, CodeDNSServiceIPOutOfServiceCIDR, "networkProfile.dnsServiceIP", true},
		{"dns first host", basePlan, setService("10.0.0.0/16", "10.0.0.1"), E, CodeDNSServiceIPReserved, "networkProfile.dnsServiceIP", true},
		{"dns network address", basePlan, setService("10.0.0.0/16", "10.0.0.0"), E, CodeDNSServiceIPReserved, "networkProfile.dnsServiceIP", true},
		{"dns broadcast", basePlan, setService("10.0.0.0/24", "10.0.0.255"), E, CodeDNSServiceIPReserved, "networkProfile.dnsServiceIP", true},
		{"dns second host fine", basePlan, setService("10.0.0.0/24", "10.0.0.2"), E, CodeDNSServiceIPReserved, "dnsServiceIP", false},
		{"service without dns", basePlan, func(p *Plan) { np(p).ServiceCIDR = pfx("10.3.0.0/16") }, E, CodeDNSServiceIPWithoutServiceCIDR, "networkProfile.dnsServiceIP", true},
		{"dns without service", basePlan, func(p *Plan) { np(p).DNSServiceIP = addr("10.0.0.10") }, E, CodeDNSServiceIPWithoutServiceCIDR, "networkProfile.serviceCidr", true},
		{"service host bits", basePlan, setService("10.2.0.1/24", "10.2.0.10"), E, CodeCIDRStringParseError, "networkProfile.serviceCidr", true},
		{"service /8 too large", basePlan, setService("10.0.0.0/8", "10.0.0.10"), E, CodeServiceCIDRTooLarge, "networkProfile.serviceCidr", true},
		{"service /12 warns", basePlan, setService("10.0.0.0/12", "10.0.0.10"), W, CodeServiceCIDRSizeDisputed, "networkProfile.serviceCidr", true},
		{"service /13 fine", basePlan, setService("10.0.0.0/13", "10.0.0.10"), W, CodeServiceCIDRSizeDisputed, "serviceCidr", false},
		{"service reserved 172.30", basePlan, setService("172.30.0.0/16", "172.30.0.10"), E, CodeReservedRangeOverlap, "networkProfile.serviceCidr", true},
		{"service reserved 169.254", basePlan, setService("169.254.0.0/16", "169.254.0.10"), E, CodeReservedRangeOverlap, "networkProfile.serviceCidr", true},
		{"service 172.16/12 contains reserved", basePlan, setService("172.16.0.0/12", "172.16.0.10"), E, CodeReservedRangeOverlap, "networkProfile.serviceCidr", true},
		{"service public", basePlan, setService("20.0.0.0/16", "20.0.0.10"), E, CodeServiceCIDRPublic, "networkProfile.serviceCidr", true},
		{"service multicast", basePlan, setService("224.1.0.0/16", "224.1.0.10"), E, CodeServiceCIDRMulticast, "networkProfile.serviceCidr", true},
		{"service link-local not also public", basePlan, setService("169.254.0.0/16", "169.254.0.10"), E, CodeServiceCIDRPublic, "serviceCidr", false},
		{"service TEST-NET-1 not also public", basePlan, setService("192.0.2.0/24", "192.0.2.10"), E, CodeServiceCIDRPublic, "serviceCidr", false},
		{"service TEST-NET-1 reserved", basePlan, setService("192.0.2.0/24", "192.0.2.10"), E, CodeReservedRangeOverlap, "networkProfile.serviceCidr", true},
		{"service 169/8 public and reserved", basePlan, setService("169.0.0.0/12", "169.0.0.10"), E, CodeServiceCIDRPublic, "networkProfile.serviceCidr", true},
		{"pod TEST-NET-1 not also public", overlayPlan, func(p *Plan) { np(p).PodCIDR = pfx("192.0.2.0/24") }, W, CodePublicRangeAsPrivate, "podCidr", false},
		{"vnet TEST-NET-1 not also public", basePlan, func(p *Plan) { p.VNets[0].AddressSpace = append(p.VNets[0].AddressSpace, pfx("192.0.2.0/24")) }, W, CodePublicRangeAsPrivate, "addressSpace[1]", false},
		{"ipv6 pod ::/0 not a service code", dualStackPlan, func(p *Plan) { np(p).PodCIDRs[1] = pfx("::/0") }, E, CodeServiceCIDRMulticast, "podCIDRs[1]", false},
		{"service cgnat private", basePlan, setService("100.64.0.0/16", "100.64.0.10"), E, CodeServiceCIDRPublic, "serviceCidr", false},
		{"pod reserved 169.254", overlayPlan, func(p *Plan) { np(p).PodCIDR = pfx("169.254.0.0/16") }, E, CodeReservedRangeOverlap, "networkProfile.podCidr", true},
		{"pod 172.16/12 contains reserved", overlayPlan, func(p *Plan) { np(p).PodCIDR = pfx("172.16.0.0/12") }, E, CodeReservedRangeOverlap, "networkProfile.podCidr", true},
		{"pod fine", overlayPlan, func(p *Plan) {}, E, CodeReservedRangeOverlap, "podCidr", false},
		{"pod public warns", overlayPlan, func(p *Plan) { np(p).PodCIDR = pfx("40.0.0.0/16") }, W, CodePublicRangeAsPrivate, "networkProfile.podCidr", true},
		{"pod cidr on classic unused", basePlan, func(p *Plan) { np(p).PodCIDR = pfx("10.244.0.0/16") }, W, CodePodCIDRNotUsed, "networkProfile.podCidr", true},
		{"vnet reserved 192.0.2", basePlan, func(p *Plan) { p.VNets[0].AddressSpace = append(p.VNets[0].AddressSpace, pfx("192.0.2.0/24")) }, E, CodeReservedRangeOverlap, "vnets[hub].addressSpace[1]", true},
		{"vnet loopback forbidden", basePlan, func(p *Plan) { p.VNets[0].AddressSpace = append(p.VNets[0].AddressSpace, pfx("127.0.0.0/8")) }, E, CodeVNetForbiddenRange, "vnets[hub].addressSpace[1]", true},
		{"vnet wireserver forbidden", basePlan, func(p *Plan) { p.VNets[0].AddressSpace = append(p.VNets[0].AddressSpace, pfx("168.63.129.16/32")) }, E, CodeVNetForbiddenRange, "vnets[hub].addressSpace[1]", true},
		{"vnet cgnat fine", basePlan, func(p *Plan) { p.VNets[0].AddressSpace = append(p.VNets[0].AddressSpace, pfx("100.64.0.0/16")) }, E, CodeVNetForbiddenRange, "addressSpace[1]", false},
		{"vnet public warns", basePlan, func(p *Plan) { p.VNets[0].AddressSpace = append(p.VNets[0].AddressSpace, pfx("20.1.0.0/16")) }, W, CodePublicRangeAsPrivate, "vnets[hub].addressSpace[1]", true},
		{"vnet larger than /8", basePlan, func(p *Plan) { p.VNets[0].AddressSpace = []netip.Prefix{pfx("10.0.0.0/7")} }, E, CodeVNetTooLarge, "vnets[hub].addressSpace[0]", true},
		{"vnet without space", basePlan, func(p *Plan) { p.VNets[0].AddressSpace = nil }, E, CodeMissingRange, "vnets[hub].addressSpace", true},
		{"subnet /29 fine", basePlan, addSubnet("small", "10.1.8.0/29"), E, CodeSubnetTooSmall, "subnets[small].addressPrefixes[0]", false},
		{"subnet /30 too small", basePlan, addSubnet("small", "10.1.8.0/30"), E, CodeSubnetTooSmall, "vnets[hub].subnets[small].addressPrefixes[0]", true},
		{"ipv6 subnet /64 fine", dualStackPlan, func(p *Plan) {}, E, CodeIPv6SubnetSize, "addressPrefixes[1]", false},
		{"ipv6 subnet /80", dualStackPlan, func(p *Plan) { subnet(p).AddressPrefixes[1] = pfx("fd00:1::/80") }, E, CodeIPv6SubnetSize, "vnets[hub].subnets[aks].addressPrefixes[1]", true},
		{"ipv6 service /64 too large", dualStackPlan, func(p *Plan) { np(p).ServiceCIDRs[1] = pfx("fd12:3456:789a:1::/64") }, E, CodeServiceCIDRTooLarge, "networkProfile.serviceCidrs[1]", true},
		{"subnet outside vnet", basePlan, addSubnet("stray", "10.2.0.0/24"), E, CodeSubnetOutsideVNet, "vnets[hub].subnets[stray].addressPrefixes[0]", true},
		{"subnet inside vnet", basePlan, addSubnet("ok", "10.1.4.0/24"), E, CodeSubnetOutsideVNet, "subnets[ok].addressPrefixes[0]", false},
		{"docker bridge warns", basePlan, func(p *Plan) { np(p).DockerBridgeCIDR = pfx("172.17.0.1/16") }, W, CodeDockerBridgeSet, "networkProfile.dockerBridgeCidr", true},
		{"podCidr disagrees with podCidrs", overlayPlan, func(p *Plan) { np(p).PodCIDRs = []netip.Prefix{pfx("10.245.0.0/16")} }, E, CodeCIDRMismatch, "networkProfile.podCidr", true},
		{"default service warns", func() *Plan { p := basePlan(); return p }, func(p *Plan) {}, W, CodeCommonRangeCollision, "networkProfile.serviceCidr", true},
		{"explicit service quiet", basePlan, setService("10.0.0.0/16", "10.0.0.10"), W, CodeCommonRangeCollision, "networkProfile.serviceCidr", false},
		{"zero prefix in list", basePlan, func(p *Plan) { subnet(p).AddressPrefixes = append(subnet(p).AddressPrefixes, netip.Prefix{}) }, E, CodeCIDRStringParseError, "vnets[hub].subnets[aks].addressPrefixes[1]", true},
		{"4in6 dns", basePlan, setService("10.0.0.0/16", "::ffff:10.0.0.10"), E, CodeCIDRStringParseError, "networkProfile.dnsServiceIP", true},
		{"4in6 docker bridge", basePlan, func(p *Plan) { np(p).DockerBridgeCIDR = pfx("::ffff:172.17.0.1/112") }, E, CodeCIDRStringParseError, "networkProfile.dockerBridgeCidr", true},
		{"4in6 vnet", basePlan, func(p *Plan) { p.VNets[0].AddressSpace[0] = pfx("::ffff:10.1.0.0/112") }, E, CodeCIDRStringParseError, "vnets[hub].addressSpace[0]", true},
		{"unknown subnet", basePlan, func(p *Plan) { p.Clusters[0].AgentPoolProfiles[0].VNetSubnet = "nope" }, E, CodeUnknownSubnet, "clusters[prod].agentPoolProfiles[system].vnetSubnet", true},
		{"unknown vnet", basePlan, func(p *Plan) { p.Clusters[0].VNet = "nope" }, E, CodeUnknownVNet, "clusters[prod].vnet", true},
		{"qualified subnet", basePlan, func(p *Plan) { p.Clusters[0].AgentPoolProfiles[0].VNetSubnet = "hub/aks" }, E, CodeUnknownSubnet, "vnetSubnet", false},
		{"pool without node subnet", basePlan, func(p *Plan) { p.Clusters[0].AgentPoolProfiles[0].VNetSubnet = "" }, E, CodeMissingRange, "clusters[prod].agentPoolProfiles[system].vnetSubnet", true},
		{"used subnet without prefix", basePlan, func(p *Plan) { subnet(p).AddressPrefixes = nil }, E, CodeMissingRange, "vnets[hub].subnets[aks].addressPrefixes", true},
		{"unused subnet without prefix", basePlan, addSubnetNoPrefix("spare"), W, CodeMissingRange, "vnets[hub].subnets[spare].addressPrefixes", true},
		{"subnet with prefix", basePlan, func(p *Plan) {}, E, CodeMissingRange, "addressPrefixes", false},
		{"bad purpose", basePlan, func(p *Plan) { subnet(p).Purpose = "nodes" }, E, CodeInvalidValue, "vnets[hub].subnets[aks].purpose", true},
		{"bad source", basePlan, func(p *Plan) { p.Avoid = []AvoidRange{{Name: "x", Source: "vpn"}} }, E, CodeInvalidValue, "avoid[x].source", true},
		{"bad policy", basePlan, func(p *Plan) { np(p).NetworkPolicy = "Calico" }, E, CodeInvalidValue, "clusters[prod].networkProfile.networkPolicy", true},
		{"kubernetes version abc", basePlan, func(p *Plan) { p.Clusters[0].KubernetesVersion = "abc" }, E, CodeInvalidKubernetesVersion, "clusters[prod].kubernetesVersion", true},
		{"kubernetes version 1", basePlan, func(p *Plan) { p.Clusters[0].KubernetesVersion = "1" }, E, CodeInvalidKubernetesVersion, "clusters[prod].kubernetesVersion", true},
		{"kubernetes version 1.33.2.1", basePlan, func(p *Plan) { p.Clusters[0].KubernetesVersion = "1.33.2.1" }, E, CodeInvalidKubernetesVersion, "clusters[prod].kubernetesVersion", true},
		{"kubernetes version 1.+3", basePlan, func(p *Plan) { p.Clusters[0].KubernetesVersion = "1.+3" }, E, CodeInvalidKubernetesVersion, "clusters[prod].kubernetesVersion", true},
		{"kubernetes version 1..3", basePlan, func(p *Plan) { p.Clusters[0].KubernetesVersion = "1..3" }, E, CodeInvalidKubernetesVersion, "clusters[prod].kubernetesVersion", true},
		{"kubernetes version 1.33", basePlan, func(p *Plan) { p.Clusters[0].KubernetesVersion = "1.33" }, E, CodeInvalidKubernetesVersion, "kubernetesVersion", false},
		{"kubernetes version 1.33.2", basePlan, func(p *Plan) { p.Clusters[0].KubernetesVersion = "1.33.2" }, E, CodeInvalidKubernetesVersion, "kubernetesVersion", false},
		{"kubernetes version v1.33.2", basePlan, func(p *Plan) { p.Clusters[0].KubernetesVersion = "v1.33.2" }, E, CodeInvalidKubernetesVersion, "kubernetesVersion", false},
		{"control character name not in field path", basePlan, func(p *Plan) {
			p.Clusters[0].Name = "prod\x1b[31m"
			p.Clusters[0].AgentPoolProfiles[0].VNetSubnet = "nope"
		}, E, CodeUnknownSubnet, "clusters[0].agentPoolProfiles[system].vnetSubnet", true},
		{"bidi override name not in field path", basePlan, func(p *Plan) {
			p.Clusters[0].AgentPoolProfiles[0].Name = "sys\u202etem"
			p.Clusters[0].AgentPoolProfiles[0].VNetSubnet = "nope"
		}, E, CodeUnknownSubnet, "clusters[prod].agentPoolProfiles[0].vnetSubnet", true},
		{"good purpose", basePlan, func(p *Plan) { subnet(p).Purpose = PurposeNode }, E, CodeInvalidValue, "", false},
		{"duplicate subnet", basePlan, addSubnet("aks", "10.1.8.0/24"), E, CodeDuplicateName, "vnets[hub].subnets[aks].name", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.base()
			tt.mutate(p)
			fs := p.Validate()
			if got := hasFinding(fs, tt.sev, tt.code, tt.field); got != tt.want {
				t.Errorf("finding %s %s at …%s present = %v, want %v; findings:\n%s", tt.sev, tt.code, tt.field, got, tt.want, fs)
			}
			for _, f := range fs {
				if f.Severity == SeverityError && f.Fix == "" {
					t.Errorf("error without a fix: %s", f)
				}
			}
		})
	}
}

func TestValidBasePlans(t *testing.T) {
	for name, p := range map[string]*Plan{"classic": basePlan(), "overlay": overlayPlan(), "dual-stack": dualStackPlan()} {
		if fs := p.Validate(); fs.HasErrors() {
			t.Errorf("%s plan has errors:\n%v", name, fs.Filter(SeverityError))
		}
	}
}

// TestRangeFindingWording checks the wording of range findings: reserved
// ranges named once and cleanly, fixes and advice in the offending range's
// family, codes naming the range kind they concern.
func TestRangeFindingWording(t *testing.T) {
	np := func(p *Plan) *NetworkProfile { return &p.Clusters[0].NetworkProfile }
	tests := []struct {
		name    string
		base    func() *Plan
		mutate  func(p *Plan)
		code    Code
		field   string // suffix of the finding's field
		want    []string
		notWant []string // in message or fix
	}{
		{"link-local service named cleanly", basePlan, func(p *Plan) {
			np(p).ServiceCIDR, np(p).DNSServiceIP = pfx("169.254.0.0/16"), addr("169.254.0.10")
		}, CodeReservedRangeOverlap, "networkProfile.serviceCidr", []string{"169.254.0.0/16 (link-local, reserved by AKS)"}, []string{"(("}},
		{"TEST-NET-1 vnet outside clusters not called public", basePlan, func(p *Plan) {
			p.VNets = append(p.VNets, VNet{Name: "spare", AddressSpace: []netip.Prefix{pfx("192.0.2.0/24")}})
		}, CodePublicRangeAsPrivate, "vnets[spare].addressSpace[0]", []string{"TEST-NET-1, reserved by AKS", "not private address space"}, []string{"is public address space"}},
		{"TEST-NET-1 cluster vnet named", basePlan, func(p *Plan) {
			p.VNets[0].AddressSpace = append(p.VNets[0].AddressSpace, pfx("192.0.2.0/24"))
		}, CodeReservedRangeOverlap, "vnets[hub].addressSpace[1]", []string{"192.0.2.0/24 (TEST-NET-1, reserved by AKS)"}, nil},
		{"ipv6 vnet public cites ULA", dualStackPlan, func(p *Plan) {
			p.VNets[0].AddressSpace = append(p.VNets[0].AddressSpace, pfx("2001:db8::/48"))
		}, CodePublicRangeAsPrivate, "vnets[hub].addressSpace[2]", []string{"unique local addresses (fc00::/7, RFC 4193)"}, []string{"RFC 1918"}},
		{"ipv4 vnet public cites RFC 1918", basePlan, func(p *Plan) {
			p.VNets[0].AddressSpace = append(p.VNets[0].AddressSpace, pfx("20.1.0.0/16"))
		}, CodePublicRangeAsPrivate, "vnets[hub].addressSpace[1]", []string{"RFC 1918"}, []string{"RFC 4193"}},
		{"ipv6 pod ::/0 multicast", dualStackPlan, func(p *Plan) { np(p).PodCIDRs[1] = pfx("::/0") },
			CodePodCIDRMulticast, "networkProfile.podCidrs[1]", []string{"fd12:3456:789a::/64", "overlaps multicast address space ff00::/8"}, []string{"10.", "is multicast"}},
		{"ipv4 pod multicast", overlayPlan, func(p *Plan) { np(p).PodCIDR = pfx("224.1.0.0/16") },
			CodePodCIDRMulticast, "networkProfile.podCidr", []string{DefaultPodCIDR().String(), "is multicast address space"}, nil},
		{"ipv6 service multicast", dualStackPlan, func(p *Plan) { np(p).ServiceCIDRs[1] = pfx("ff05::/108") },
			CodeServiceCIDRMulticast, "networkProfile.serviceCidrs[1]", []string{"fd12:3456:789a:1::/108"}, []string{"10."}},
		{"ipv6 service overlapping pod gets ipv6 fix", dualStackPlan, func(p *Plan) {
			np(p).PodCIDRs[1] = pfx("fd12:3456:789a::/48")
		}, CodePodCIDROverlapServiceCIDR, "networkProfile.serviceCidrs[1]", []string{"use serviceCidr fd"}, []string{"10.", "dnsServiceIP"}},
		{"invalid kubernetes version quoted", basePlan, func(p *Plan) { p.Clusters[0].KubernetesVersion = "abc" },
			CodeInvalidKubernetesVersion, "clusters[prod].kubernetesVersion", []string{`kubernetesVersion "abc"`, "1.33.2"}, nil},
		{"ipv4 service overlapping pod gets ipv4 fix", overlayPlan, func(p *Plan) {
			np(p).ServiceCIDR, np(p).DNSServiceIP = pfx("10.244.0.0/16"), addr("10.244.0.10")
		}, CodePodCIDROverlapServiceCIDR, "networkProfile.serviceCidr", []string{"use serviceCidr 10.", "dnsServiceIP 10."}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.base()
			tt.mutate(p)
			fs := p.Validate()
			i := slices.IndexFunc(fs, func(f Finding) bool { return f.Code == tt.code && strings.HasSuffix(f.Field, tt.field) })
			if i < 0 {
				t.Fatalf("no %s finding at …%s; findings:\n%s", tt.code, tt.field, fs)
			}
			text := fs[i].Message + " | fix: " + fs[i].Fix
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("finding %q lacks %q", text, w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(text, w) {
					t.Errorf("finding %q contains %q", text, w)
				}
			}
		})
	}
}

// A bring-your-own CNI cluster needs a pod CIDR, and it is checked like any
// pod CIDR: reserved ranges, subnets, the service CIDR. Source:
// articles/aks/use-byo-cni.md ("You must specify a Pod CIDR ... The AKS
// control plane uses this range").
func TestValidateBYOCNIPodCIDR(t *testing.T) {
	codes := []Code{CodeMissingRange, CodePodCIDRNotUsed, CodeReservedRangeOverlap, CodePodCIDROverlapExistingSubnetsCIDR,
		CodePodCIDROverlapServiceCIDR}
	byo := func(pod string) *Plan {
		p := rulePlan(PluginNone, "10.1.0.0/22", rulePool("system", 3, pSurge("1")))
		np := &p.Clusters[0].NetworkProfile
		np.ServiceCIDR, np.DNSServiceIP = pfx("10.0.0.0/16"), addr("10.0.0.10")
		if pod != "" {
			np.PodCIDR = pfx(pod)
		}
		return p
	}
	const np = "clusters[prod].networkProfile."
	runRuleCases(t, []ruleCase{
		{name: "pod CIDR given", codes: codes, plan: byo("10.244.0.0/16")},
		{
			name: "no pod CIDR", codes: codes, plan: byo(""),
			want: Findings{ruleError(CodeMissingRange, np+"podCidr",
				`cluster "prod" uses bring your own CNI, node addresses only (networkPlugin none) but sets no pod CIDR; AKS needs one, as its control plane uses the range`,
				"set podCidr to a private range clear of the VNet and the service CIDR, or let cidrplan complete pick one")},
		},
		{
			name: "pod CIDR in a reserved range", codes: codes, plan: byo("172.30.0.0/16"),
			want: Findings{ruleError(CodeReservedRangeOverlap, np+"podCidr",
				`pod CIDR 172.30.0.0/16 of cluster "prod" overlaps 172.30.0.0/16 (reserved by AKS)`, "choose a pod range clear of 172.30.0.0/16")},
		},
		{
			name: "pod CIDR over the node subnet", codes: codes, plan: byo("10.1.0.0/16"),
			want: Findings{ruleError(CodePodCIDROverlapExistingSubnetsCIDR, np+"podCidr",
				`pod CIDR 10.1.0.0/16 of cluster "prod" overlaps subnet "aks" (10.1.0.0/22) of VNet "hub"`, "use podCidr 10.244.0.0/16")},
		},
		{
			name: "pod CIDR over the service CIDR", codes: codes, plan: byo("10.0.0.0/16"),
			want: Findings{ruleError(CodePodCIDROverlapServiceCIDR, np+"serviceCidr",
				`service CIDR 10.0.0.0/16 of cluster "prod" overlaps pod CIDR 10.0.0.0/16 of cluster "prod"`,
				"use serviceCidr 10.2.0.0/16 and dnsServiceIP 10.2.0.10")},
		},
	})
}
