package azure_test

import (
	"errors"
	"net/netip"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/azure"
	"github.com/cidrplan/cidrplan/sizing"
)

const (
	sub      = "/subscriptions/11111111-2222-3333-4444-555555555555"
	spokeID  = sub + "/resourceGroups/rg-a/providers/Microsoft.Network/virtualNetworks/spoke"
	spoke2ID = sub + "/resourceGroups/rg-b/providers/Microsoft.Network/virtualNetworks/spoke"
)

func mustParse(t *testing.T, parse parseFunc, in string) *azure.Resources {
	t.Helper()
	rs, err := parse([]byte(in), "in.json")
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return rs
}

func planOf(t *testing.T, parts ...*azure.Resources) (*ipam.Plan, error) {
	t.Helper()
	all := &azure.Resources{}
	for _, p := range parts {
		all.Add(p)
	}
	return all.Plan()
}

func pfx(s string) netip.Prefix { return netip.MustParsePrefix(s) }

const spokeVNet = `{"name":"spoke","id":"` + spokeID + `","addressSpace":{"addressPrefixes":["10.1.0.0/16"]},
	"subnets":[{"name":"aks","id":"` + spokeID + `/subnets/aks","addressPrefix":"10.1.0.0/22"},
	           {"name":"pods","addressPrefix":"10.1.8.0/22"}]}`

// TestSubnetReferences checks how vnetSubnetId and podSubnetId are matched:
// case-insensitively, by the subnet's own ID or by VNet ID + name, and what
// an ID of no imported VNet becomes.
func TestSubnetReferences(t *testing.T) {
	tests := []struct {
		name     string
		subnetID string
		want     string
		wantErr  error
	}{
		{"exact ID", spokeID + "/subnets/aks", "spoke/aks", nil},
		{"lower-case resourcegroups", sub + "/resourcegroups/RG-A/providers/microsoft.network/virtualnetworks/SPOKE/subnets/AKS", "spoke/aks", nil},
		{"subnet without own ID", spokeID + "/subnets/pods", "spoke/pods", nil},
		{"VNet not imported", sub + "/resourceGroups/rg-x/providers/Microsoft.Network/virtualNetworks/other/subnets/nodes", "other/nodes", nil},
		{"same VNet name in another group", spoke2ID + "/subnets/aks", "spoke@rg-b/aks", nil},
		{"not a subnet ID", "aks-subnet", "", azure.ErrInvalidValue},
		{"VNet ID without subnet", spokeID, "", azure.ErrInvalidValue},
	}
	vnet := mustParse(t, azure.ParseVNet, spokeVNet)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			aks := mustParse(t, azure.ParseAKS, `{"name":"c","networkProfile":{"networkPlugin":"azure"},
				"agentPoolProfiles":[{"name":"p","count":3,"vnetSubnetId":"`+tt.subnetID+`"}]}`)
			plan, err := planOf(t, aks, vnet)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if got := plan.Clusters[0].AgentPoolProfiles[0].VNetSubnet; got != tt.want {
				t.Errorf("vnetSubnet = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestUnimportedVNetReportedByValidate checks the documented outcome of a
// pool whose subnet no imported VNet holds: a VnetNotFound finding.
func TestUnimportedVNetReportedByValidate(t *testing.T) {
	aks := mustParse(t, azure.ParseAKS, `{"name":"c","networkProfile":{"networkPlugin":"azure"},
		"agentPoolProfiles":[{"name":"p","count":3,"vnetSubnetId":"`+spoke2ID+`/subnets/aks"}]}`)
	plan, err := planOf(t, aks)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(plan.Validate().Codes(), ipam.CodeUnknownVNet) {
		t.Errorf("findings %v lack %s", plan.Validate().Codes(), ipam.CodeUnknownVNet)
	}
}

// TestPoolAttachment checks where az aks nodepool list pools go.
func TestPoolAttachment(t *testing.T) {
	clusterA := `{"name":"a","id":"` + sub + `/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/a",
		"networkProfile":{"networkPlugin":"azure"},"agentPoolProfiles":[{"name":"sys","count":3,"vnetSubnetId":"` + spokeID + `/subnets/aks"}]}`
	clusterB := `{"name":"b","networkProfile":{"networkPlugin":"azure"},
		"agentPoolProfiles":[{"name":"sys","count":3,"vnetSubnetId":"` + spoke2ID + `/subnets/aks"}]}`
	tests := []struct {
		name     string
		clusters []string
		pools    string
		want     map[string][]string // cluster → pool names
		wantErr  error
	}{
		{"by pool ID", []string{clusterA, clusterB},
			`[{"name":"x","count":2,"id":"` + sub + `/resourcegroups/RG/providers/Microsoft.ContainerService/managedClusters/A/agentPools/x"}]`,
			map[string][]string{"a": {"sys", "x"}, "b": {"sys"}}, nil},
		{"only cluster", []string{clusterB}, `[{"name":"x","count":2,"osType":"Linux"}]`,
			map[string][]string{"b": {"sys", "x"}}, nil},
		{"by VNet", []string{clusterA, clusterB}, `[{"name":"x","osType":"Linux","vnetSubnetId":"` + spoke2ID + `/subnets/other"}]`,
			map[string][]string{"a": {"sys"}, "b": {"sys", "x"}}, nil},
		{"same pool twice kept once", []string{clusterB},
			`[{"name":"sys","count":3,"vnetSubnetId":"` + spoke2ID + `/subnets/AKS"}]`,
			map[string][]string{"b": {"sys"}}, nil},
		{"same pool differing", []string{clusterB},
			`[{"name":"sys","count":4,"osType":"Linux","vnetSubnetId":"` + spoke2ID + `/subnets/aks"}]`, nil, azure.ErrConflict},
		{"ambiguous", []string{clusterA, clusterB}, `[{"name":"x","osType":"Linux"}]`, nil, azure.ErrNoCluster},
		{"no cluster", nil, `[{"name":"x","osType":"Linux"}]`, nil, azure.ErrNoCluster},
		{"cluster not imported", []string{clusterB},
			`[{"name":"x","id":"` + sub + `/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/zz/agentPools/x"}]`,
			nil, azure.ErrNoCluster},
		{"template child resource", []string{`{"$schema":"x","resources":[{"type":"Microsoft.ContainerService/managedClusters",
			"name":"t","properties":{"networkProfile":{"networkPlugin":"kubenet"}}}]}`, clusterB},
			`{"$schema":"x","resources":[{"type":"Microsoft.ContainerService/managedClusters/agentPools","name":"t/gpu",
			"properties":{"count":1,"vmSize":"Standard_NC6s_v3"}}]}`,
			map[string][]string{"t": {"gpu"}, "b": {"sys"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var parts []*azure.Resources
			for _, c := range tt.clusters {
				parts = append(parts, mustParse(t, azure.ParseAKS, c))
			}
			parts = append(parts, mustParse(t, azure.ParseAKS, tt.pools))
			plan, err := planOf(t, parts...)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			got := make(map[string][]string)
			for _, c := range plan.Clusters {
				got[c.Name] = []string{}
				for _, p := range c.AgentPoolProfiles {
					got[c.Name] = append(got[c.Name], p.Name)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("pools (-want +got):\n%s", diff)
			}
		})
	}
}

// TestVNetMerge checks that two exports of one VNet become one and that
// disagreeing exports are an error.
func TestVNetMerge(t *testing.T) {
	other := `[{"name":"spoke","id":"` + sub + `/resourcegroups/RG-A/providers/Microsoft.Network/virtualNetworks/spoke",
		"addressSpace":{"addressPrefixes":["10.1.0.0/16"]},
		"subnets":[{"name":"aks","addressPrefix":"10.1.0.0/22"},{"name":"extra","addressPrefix":"10.1.12.0/24"}]}]`
	plan, err := planOf(t, mustParse(t, azure.ParseVNet, spokeVNet), mustParse(t, azure.ParseVNet, other))
	if err != nil {
		t.Fatal(err)
	}
	want := []ipam.VNet{{Name: "spoke", AddressSpace: []netip.Prefix{pfx("10.1.0.0/16")}, Subnets: []ipam.Subnet{
		{Name: "aks", AddressPrefixes: []netip.Prefix{pfx("10.1.0.0/22")}},
		{Name: "pods", AddressPrefixes: []netip.Prefix{pfx("10.1.8.0/22")}},
		{Name: "extra", AddressPrefixes: []netip.Prefix{pfx("10.1.12.0/24")}},
	}}}
	if diff := cmp.Diff(want, plan.VNets, cmpOpts); diff != "" {
		t.Errorf("VNets (-want +got):\n%s", diff)
	}

	for _, bad := range []string{
		`{"name":"spoke","id":"` + spokeID + `","addressSpace":{"addressPrefixes":["10.9.0.0/16"]}}`,
		`{"name":"spoke","id":"` + spokeID + `","addressSpace":{"addressPrefixes":["10.1.0.0/16"]},"subnets":[{"name":"AKS","addressPrefix":"10.1.4.0/22"}]}`,
	} {
		_, err := planOf(t, mustParse(t, azure.ParseVNet, spokeVNet), mustParse(t, azure.ParseVNet, bad))
		if !errors.Is(err, azure.ErrConflict) {
			t.Errorf("err = %v, want ErrConflict", err)
		}
	}
}

// TestPeeringsAndNames checks ranges to avoid from peerings (skipped when the
// remote VNet is imported, kept once when repeated) and names made unique.
func TestPeeringsAndNames(t *testing.T) {
	hubID := sub + "/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/hub"
	vnets := `[
	 {"name":"spoke","id":"` + spokeID + `","addressSpace":{"addressPrefixes":["10.1.0.0/16"]},
	  "virtualNetworkPeerings":[{"name":"to-hub","remoteVirtualNetwork":{"id":"` + hubID + `"},"remoteAddressSpace":{"addressPrefixes":["10.0.0.0/22"]}}]},
	 {"name":"spoke","id":"` + spoke2ID + `","addressSpace":{"addressPrefixes":["10.2.0.0/16"]},
	  "virtualNetworkPeerings":[{"name":"to-hub","remoteVirtualNetwork":{"id":"` + hubID + `"},"remoteAddressSpace":{"addressPrefixes":["10.0.0.0/22"]}},
	                            {"name":"to-a","remoteVirtualNetwork":{"id":"` + spokeID + `"},"remoteAddressSpace":{"addressPrefixes":["10.1.0.0/16"]}}]}]`
	plan, err := planOf(t, mustParse(t, azure.ParseVNet, vnets))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, v := range plan.VNets {
		names = append(names, v.Name)
	}
	if diff := cmp.Diff([]string{"spoke@rg-a", "spoke@rg-b"}, names); diff != "" {
		t.Errorf("VNet names (-want +got):\n%s", diff)
	}
	want := []ipam.AvoidRange{{Name: "spoke@rg-a/to-hub", Source: ipam.SourcePeering, Prefixes: []netip.Prefix{pfx("10.0.0.0/22")}}}
	if diff := cmp.Diff(want, plan.Avoid, cmpOpts); diff != "" {
		t.Errorf("avoid (-want +got):\n%s", diff)
	}
}

// TestSpellings checks that az, ARM and old-API spellings read the same.
func TestSpellings(t *testing.T) {
	az := `{"name":"c","networkProfile":{"networkPlugin":"azure","networkPluginMode":"overlay","dnsServiceIp":"10.0.0.10",
		"serviceCidr":"10.0.0.0/16","podCidr":"10.244.0.0/16"},
		"agentPoolProfiles":[{"name":"p","count":3,"maxPods":null,"osType":"Linux","upgradeSettings":{"maxSurge":"33%"}}]}`
	arm := `{"name":"c","type":"Microsoft.ContainerService/managedClusters","properties":{"networkProfile":{"networkPlugin":"Azure",
		"networkPluginMode":"Overlay","dnsServiceIP":"10.0.0.10","serviceCIDR":"10.0.0.0/16","podCIDR":"10.244.0.0/16"},
		"agentPoolProfiles":[{"name":"p","count":3,"osType":"linux","upgradeSettings":{"maxSurge":"33%"}}]}}`
	a, err := planOf(t, mustParse(t, azure.ParseAKS, az))
	if err != nil {
		t.Fatal(err)
	}
	b, err := planOf(t, mustParse(t, azure.ParseAKS, arm))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(a, b, cmpOpts); diff != "" {
		t.Errorf("az and ARM spellings differ (-az +arm):\n%s", diff)
	}
	// No vnetSubnetId: the pool is on the AKS-managed VNet, assumed.
	want := ipam.AgentPool{Pool: sizing.Pool{Name: "p", Count: 3, OSType: ipam.Linux, MaxSurge: sizing.MustParseSurge("33%"),
		VNetSubnet: "aks-vnet-c/aks-subnet"}}
	if diff := cmp.Diff(want, a.Clusters[0].AgentPoolProfiles[0], cmpOpts); diff != "" {
		t.Errorf("pool (-want +got):\n%s", diff)
	}
}

// TestTemplateEscapedLiteral checks that "[[" is ARM's escaped literal, not
// an expression.
func TestTemplateEscapedLiteral(t *testing.T) {
	plan, err := planOf(t, mustParse(t, azure.ParseAKS, `{"name":"[[literal]","networkProfile":{"networkPlugin":"azure"}}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := plan.Clusters[0].Name; got != "[literal]" {
		t.Errorf("name = %q, want [literal]", got)
	}
}

// TestOnPremRoutes checks which effective routes count as on-premises.
func TestOnPremRoutes(t *testing.T) {
	rs := mustParse(t, azure.ParseOnPrem, `[
		{"addressPrefix":["10.60.0.0/16"],"source":"Default","nextHopType":"VnetLocal"},
		{"addressPrefix":["172.16.0.0/12","172.16.0.0/12"],"source":"VirtualNetworkGateway"},
		{"addressPrefix":["0.0.0.0/0"],"source":"VirtualNetworkGateway"},
		{"addressPrefix":["10.200.0.0/16"],"source":"virtualnetworkgateway"},
		{"addressPrefix":["192.168.0.0/16"],"source":"User","nextHopType":"VirtualAppliance"}]`)
	want := []ipam.AvoidRange{{Name: "in", Source: ipam.SourceOnPremises,
		Prefixes: []netip.Prefix{pfx("172.16.0.0/12"), pfx("10.200.0.0/16")}}}
	if diff := cmp.Diff(want, rs.Avoid, cmpOpts); diff != "" {
		t.Errorf("avoid (-want +got):\n%s", diff)
	}
}

// TestTerraformProvider3 checks the azurerm 3.x spellings (enable_auto_scaling,
// ebpf_data_plane, address_prefix, inline subnets) and name resolution of a
// subnet whose IDs are unknown.
func TestTerraformProvider3(t *testing.T) {
	in := `{"values":{"root_module":{"resources":[
	 {"address":"azurerm_virtual_network.v","type":"azurerm_virtual_network","values":{"name":"v","resource_group_name":"rg",
	  "address_space":["10.5.0.0/16"],"subnet":[{"name":"inline","address_prefix":"10.5.9.0/24","id":"x"}]}},
	 {"address":"azurerm_subnet.s","type":"azurerm_subnet","values":{"name":"s","resource_group_name":"RG","virtual_network_name":"V",
	  "address_prefixes":["10.5.0.0/22"]}},
	 {"address":"azurerm_kubernetes_cluster.c","type":"azurerm_kubernetes_cluster","values":{"name":"c",
	  "network_profile":[{"network_plugin":"azure","network_plugin_mode":"overlay","ebpf_data_plane":"cilium","pod_cidr":"10.244.0.0/16"}],
	  "default_node_pool":[{"name":"sys","enable_auto_scaling":true,"min_count":1,"max_count":5,"node_count":null}]}}]}}}`
	plan, err := planOf(t, mustParse(t, azure.ParseTerraform, in))
	if err != nil {
		t.Fatal(err)
	}
	wantVNets := []ipam.VNet{{Name: "v", AddressSpace: []netip.Prefix{pfx("10.5.0.0/16")}, Subnets: []ipam.Subnet{
		{Name: "inline", AddressPrefixes: []netip.Prefix{pfx("10.5.9.0/24")}},
		{Name: "s", AddressPrefixes: []netip.Prefix{pfx("10.5.0.0/22")}},
	}}}
	if diff := cmp.Diff(wantVNets, plan.VNets, cmpOpts); diff != "" {
		t.Errorf("VNets (-want +got):\n%s", diff)
	}
	c := plan.Clusters[0]
	if c.NetworkProfile.NetworkDataplane != ipam.DataplaneCilium || !c.AgentPoolProfiles[0].EnableAutoScaling ||
		c.AgentPoolProfiles[0].MaxCount != 5 {
		t.Errorf("cluster = %+v", c)
	}
}

// TestImportDeterministic imports the same files twice, and checks that a
// missing file is an *os.PathError.
func TestImportDeterministic(t *testing.T) {
	s := sourcesIn(t, "testdata/hub-peerings")
	a, err := azure.Import(s)
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		b, err := azure.Import(s)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(a, b, cmpOpts); diff != "" {
			t.Fatalf("second import differs:\n%s", diff)
		}
	}
	if _, err := azure.Import(azure.Sources{VNet: []string{"testdata/no-such-file.json"}}); err == nil {
		t.Error("no error for a missing file")
	}
}

// TestSameClusterTwice checks that a cluster exported twice (az aks show and
// az aks list) is kept once, and that two different exports of one cluster
// ID are a conflict.
func TestSameClusterTwice(t *testing.T) {
	id := sub + "/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c"
	show := `{"name":"c","id":"` + id + `","networkProfile":{"networkPlugin":"azure","serviceCidr":"10.0.0.0/16","dnsServiceIp":"10.0.0.10"},
		"agentPoolProfiles":[{"name":"p","count":3}]}`
	list := `[{"name":"c","id":"` + strings.ToLower(id) + `","networkProfile":{"networkPlugin":"azure","serviceCidr":"10.0.0.0/16","dnsServiceIp":"10.0.0.10"},
		"agentPoolProfiles":[{"name":"p","count":3},{"name":"q","count":2}]}]`
	plan, err := planOf(t, mustParse(t, azure.ParseAKS, show), mustParse(t, azure.ParseAKS, list))
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Clusters) != 1 || len(plan.Clusters[0].AgentPoolProfiles) != 2 {
		t.Errorf("clusters = %+v, want one with pools p and q", plan.Clusters)
	}
	other := strings.Replace(show, "10.0.0.0/16", "10.1.0.0/16", 1)
	if _, err := planOf(t, mustParse(t, azure.ParseAKS, show), mustParse(t, azure.ParseAKS, other)); !errors.Is(err, azure.ErrConflict) {
		t.Errorf("err = %v, want ErrConflict", err)
	}
}
