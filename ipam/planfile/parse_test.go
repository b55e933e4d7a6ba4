package planfile

import (
	"errors"
	"net/netip"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var pfx = netip.MustParsePrefix

// cmpNet lets cmp compare the plan's netip and surge values.
var cmpNet = cmp.Options{
	cmpopts.EquateComparable(netip.Addr{}, netip.Prefix{}, sizing.Surge{}),
}

func TestLoad(t *testing.T) {
	p, err := Load("../testdata/classic-cni.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := ipam.AgentPool{
		Pool: sizing.Pool{Name: "apps", EnableAutoScaling: true, MaxCount: 40, MaxPods: 30,
			MaxSurge: sizing.MustParseSurge("33%"), VNetSubnet: "aks-nodes"},
		MinCount: 3,
	}
	if diff := cmp.Diff(want, p.Clusters[0].AgentPoolProfiles[1], cmpNet); diff != "" {
		t.Errorf("pool apps (-want +got):\n%s", diff)
	}
	if got, want := p.Clusters[0].NetworkProfile.ServiceCIDR, pfx("10.0.0.0/16"); got != want {
		t.Errorf("serviceCidr = %v, want %v", got, want)
	}
	if got := p.Avoid[1].Source; got != ipam.SourceOnPremises {
		t.Errorf("avoid[1].source = %q, want onPremises", got)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		wantErr  error
		wantLine int
		wantText string // a substring of the message
	}{
		{"unknown key", "vnets:\n  - name: a\n    adressSpace: [10.0.0.0/8]\n", ipam.ErrUnknownField, 3, `vnets[a].adressSpace`},
		{"unknown top key", "name: x\nclusterz: []\n", ipam.ErrUnknownField, 2, `"clusterz"`},
		{"case of key", "clusters:\n  - name: c\n    networkProfile:\n      serviceCIDR: 10.0.0.0/16\n", ipam.ErrUnknownField, 4, `did you mean "serviceCidr"`},
		{"host bits", "clusters:\n  - name: c\n    networkProfile:\n      serviceCidr: 10.2.0.1/24\n", ipam.ErrHostBits, 4, `"10.2.0.1/24": host bits set (want 10.2.0.0/24) (CidrStringParseError)`},
		{"bad cidr", "vnets:\n  - name: a\n    addressSpace:\n      - 10.0.0.0/8\n      - 10.300.0.0/16\n", ipam.ErrInvalidPrefix, 5, `vnets[a].addressSpace[1]`},
		{"4in6", "vnets:\n  - name: a\n    addressSpace: ['::ffff:10.0.0.0/104']\n", ipam.Err4in6, 3, "IPv4-mapped"},
		{"bad dns", "clusters:\n  - name: c\n    networkProfile:\n      dnsServiceIP: 10.0.0.300\n", ipam.ErrInvalidAddr, 4, "dnsServiceIP"},
		{"bad enum", "clusters:\n  - name: c\n    networkProfile:\n      networkPlugin: Azure\n", ipam.ErrInvalidValue, 4, "want one of azure, kubenet, none"},
		{"bad purpose", "vnets:\n  - name: a\n    subnets:\n      - name: s\n        purpose: nodes\n", ipam.ErrInvalidValue, 5, `purpose "nodes"`},
		{"bad surge", "clusters:\n  - name: c\n    agentPoolProfiles:\n      - name: p\n        maxSurge: 150%\n", ipam.ErrInvalidValue, 5, "maxSurge"},
		{"bad int", "clusters:\n  - name: c\n    agentPoolProfiles:\n      - name: p\n        count: three\n", ipam.ErrInvalidValue, 5, "want an integer"},
		{"bad bool", "clusters:\n  - name: c\n    production: yes\n", ipam.ErrInvalidValue, 3, "want true or false"},
		{"list expected", "vnets:\n  - name: a\n    addressSpace: 10.0.0.0/8\n", ipam.ErrInvalidValue, 3, "want a list"},
		{"repeated key", "name: a\nname: b\n", ipam.ErrSyntax, 2, "repeated"},
		{"syntax", "vnets:\n  - name: a\n   addressSpace: [\n", ipam.ErrSyntax, 0, ""},
		{"empty", "", ipam.ErrSyntax, 0, "empty plan"},
		{"two documents", "name: a\n---\nname: b\n", ipam.ErrSyntax, 2, "more than one"},
		{"json unknown", "{\n  \"vnets\": [\n    {\"name\": \"a\",\n     \"subnetz\": []}\n  ]\n}\n", ipam.ErrUnknownField, 4, "subnetz"},
		{"json host bits", "{\"clusters\": [{\"name\": \"c\",\n \"networkProfile\": {\n\t\"podCidr\": \"10.244.0.1/16\"}}]}", ipam.ErrHostBits, 3, "want 10.244.0.0/16"},
		{"not a mapping", "- a\n- b\n", ipam.ErrInvalidValue, 1, "want a mapping"},
		{"ESC in cluster name", "clusters:\n  - name: \"c\\e[31m\"\n", ipam.ErrInvalidValue, 2, `control character U+001B`},
		{"ESC in json name", `{"vnets": [{"name": "a\u001b[2J"}]}`, ipam.ErrInvalidValue, 1, `vnets[0].name`},
		{"bidi override in subnet name", "vnets:\n  - name: a\n    subnets:\n      - name: \"s\u202eevil\"\n", ipam.ErrInvalidValue, 4, `formatting character U+202E`},
		{"newline in reference", "clusters:\n  - name: c\n    vnet: \"hub\\nx\"\n", ipam.ErrInvalidValue, 3, `control character U+000A`},
		{"invalid UTF-8 in json name", "{\"vnets\": [{\"name\": \"a\xff\"}]}", ipam.ErrInvalidValue, 1, `invalid UTF-8`},
		{"invalid UTF-8 in yaml name", "vnets:\n  - name: a\xff\n", ipam.ErrInvalidValue, 2, `invalid UTF-8`},
		{"ESC in unknown key", `{"vnets": [{"na\u001bme": "a"}]}`, ipam.ErrUnknownField, 1, `"na\x1bme"`},
		{"bad max pods model", "clusters:\n  - name: c\n    defaults:\n      maxPods:\n        classic: 30\n", ipam.ErrInvalidValue, 5, "classic"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.in), "plan.yaml")
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Parse() error = %v, want %v", err, tt.wantErr)
			}
			var pe *ipam.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse() error %T is not a *ipam.ParseError", err)
			}
			if tt.wantLine != 0 && pe.Line != tt.wantLine {
				t.Errorf("line = %d, want %d (%v)", pe.Line, tt.wantLine, err)
			}
			if tt.wantLine == 0 && tt.name == "syntax" && pe.Line == 0 {
				t.Errorf("syntax error without a line: %v", err)
			}
			if strings.ContainsFunc(err.Error(), unicode.IsControl) {
				t.Errorf("error %q holds a raw control character", err)
			}
			if !strings.Contains(err.Error(), tt.wantText) {
				t.Errorf("error %q does not contain %q", err, tt.wantText)
			}
			if tt.wantLine > 0 && !strings.Contains(err.Error(), "plan.yaml:") {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
}

func TestParseAnchorsAndMerge(t *testing.T) {
	in := `
x-pool: &pool
  count: 3
  maxPods: 50
  vnetSubnet: aks
clusters:
  - name: c
    agentPoolProfiles:
      - <<: *pool
        name: a
      - <<: *pool
        name: b
        count: 5
`
	_, err := Parse([]byte(in), "x")
	if !errors.Is(err, ipam.ErrUnknownField) {
		t.Fatalf("top-level x-pool: error = %v, want ipam.ErrUnknownField", err)
	}
	in = strings.Replace(in, "x-pool: &pool\n  count: 3\n  maxPods: 50\n  vnetSubnet: aks\n", "", 1)
	in = strings.Replace(in, "      - <<: *pool\n        name: a\n", "      - &pool\n        name: a\n        count: 3\n        maxPods: 50\n        vnetSubnet: aks\n", 1)
	p, err := Parse([]byte(in), "x")
	if err != nil {
		t.Fatal(err)
	}
	pools := p.Clusters[0].AgentPoolProfiles
	got := []int{pools[0].Count, pools[0].MaxPods, pools[1].Count, pools[1].MaxPods}
	if diff := cmp.Diff([]int{3, 50, 5, 50}, got); diff != "" {
		t.Errorf("count/maxPods of a, b (-want +got):\n%s", diff)
	}
	if pools[1].Name != "b" || pools[1].VNetSubnet != "aks" {
		t.Errorf("pool b = %+v, want name b merged with vnetSubnet aks", pools[1])
	}
}

func TestDockerBridgeKeepsHostBits(t *testing.T) {
	p, err := Parse([]byte("clusters:\n  - name: c\n    networkProfile:\n      dockerBridgeCidr: 172.17.0.1/16\n"), "x")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := p.Clusters[0].NetworkProfile.DockerBridgeCIDR, netip.MustParsePrefix("172.17.0.1/16"); got != want {
		t.Errorf("dockerBridgeCidr = %v, want %v", got, want)
	}
}

// The decoder accepts exactly sizing's spellings of sizing's enumerations:
// a value outside them is an *ipam.EnumError listing sizing's values.
func TestParseEnumsAreSizings(t *testing.T) {
	profile := "clusters:\n  - name: c\n    networkProfile:\n      "
	pool := "clusters:\n  - name: c\n    agentPoolProfiles:\n      - name: p\n        "
	var models []string
	for _, s := range sizing.Models() {
		models = append(models, string(s.Model))
	}
	tests := []struct {
		name    string
		in      string
		wantKey string
		want    []string
	}{
		{"network plugin", profile + "networkPlugin: x\n", "networkPlugin", strs(sizing.NetworkPlugins())},
		{"network plugin mode", profile + "networkPluginMode: x\n", "networkPluginMode", strs(sizing.NetworkPluginModes())},
		{"dataplane", profile + "networkDataplane: x\n", "networkDataplane", strs(sizing.NetworkDataplanes())},
		{"network policy", profile + "networkPolicy: x\n", "networkPolicy", strs(sizing.NetworkPolicies())},
		{"ip family", profile + "ipFamilies: [x]\n", "ipFamilies", strs(sizing.IPFamilies())},
		{"os type", pool + "osType: x\n", "osType", strs(sizing.OSTypes())},
		{"pod IP allocation mode", pool + "podIpAllocationMode: x\n", "podIpAllocationMode", strs(sizing.PodIPAllocationModes())},
		{"model", "clusters:\n  - name: c\n    defaults:\n      maxPods:\n        x: 30\n", "model", models},
		{"upgrade model", "clusters:\n  - name: c\n    defaults:\n      upgrade: x\n", "upgrade", strs(sizing.UpgradeModels())},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.in), "plan.yaml")
			var ee *ipam.EnumError
			if !errors.As(err, &ee) || !errors.Is(err, ipam.ErrInvalidValue) {
				t.Fatalf("Parse() error = %v, want an *ipam.EnumError matching ErrInvalidValue", err)
			}
			if diff := cmp.Diff(ipam.EnumError{Key: tt.wantKey, Value: "x", Allowed: tt.want}, *ee); diff != "" {
				t.Errorf("EnumError (-want +got):\n%s", diff)
			}
		})
	}
}

// An explicit 0 is a value: where the zero value means "unset" (maxPods,
// maxCount, defaults.overlayMaxNodes) a plan that states 0 is out of range,
// with sizing's sentinel; elsewhere 0 is kept. Null leaves the key unset.
func TestParseExplicitZero(t *testing.T) {
	pool := func(kv string) string {
		return "clusters:\n  - name: c\n    agentPoolProfiles:\n      - name: p\n        " + kv + "\n"
	}
	tests := []struct {
		name     string
		in       string
		wantErr  error // nil: parses
		wantText string
	}{
		{"maxPods 0", pool("maxPods: 0"), sizing.ErrMaxPods, `clusters[c].agentPoolProfiles[p].maxPods: invalid value: sizing: maxPods "0": maxPods out of range: want 10–250`},
		{"maxPods 10", pool("maxPods: 10"), nil, ""},
		{"maxPods null", pool("maxPods: null"), nil, ""},
		{"maxCount 0", pool("maxCount: 0"), sizing.ErrNodeCount, `maxCount "0"`},
		{"maxCount 0 in json", `{"clusters": [{"name": "c", "agentPoolProfiles": [{"name": "p", "maxCount": 0}]}]}`, sizing.ErrNodeCount, `maxCount "0"`},
		{"count 0", pool("count: 0"), nil, ""},
		{"minCount 0", pool("minCount: 0"), nil, ""},
		{"scaleOut 0", pool("scaleOut: 0"), nil, ""},
		{"overlayMaxNodes 0", "clusters:\n  - name: c\n    defaults:\n      overlayMaxNodes: 0\n", sizing.ErrNodeCount, `defaults.overlayMaxNodes "0"`},
		{"consumers 0", "vnets:\n  - name: v\n    subnets:\n      - name: s\n        consumers:\n          privateEndpoints: 0\n", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.in), "plan.yaml")
			if tt.wantErr == nil {
				if err != nil {
					t.Fatalf("Parse() = %v, want no error", err)
				}
				return
			}
			if !errors.Is(err, tt.wantErr) || !errors.Is(err, ipam.ErrInvalidValue) {
				t.Fatalf("Parse() error = %v, want %v and ipam.ErrInvalidValue", err, tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantText) {
				t.Errorf("error %q does not contain %q", err, tt.wantText)
			}
		})
	}
}

// Short lists of a JSON plan share blocks of memory: each must still be a
// list of its own, so appending to one leaves the next one as it was.
func TestShortListsAreSeparate(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"vnets": [{"name": "v", "addressSpace": ["10.0.0.0/16"], "subnets": [`)
	const n = 100 // more than one block
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"name": "s` + strconv.Itoa(i) + `", "addressPrefixes": ["10.0.` + strconv.Itoa(i) + `.0/24"]}`)
	}
	b.WriteString(`]}]}`)
	p, err := Parse([]byte(b.String()), "plan.json")
	if err != nil {
		t.Fatal(err)
	}
	subnets := p.VNets[0].Subnets
	for i := range subnets {
		if got := cap(subnets[i].AddressPrefixes); got != 1 {
			t.Fatalf("subnet %d: capacity %d, want 1", i, got)
		}
		subnets[i].AddressPrefixes = append(subnets[i].AddressPrefixes, pfx("192.168.0.0/24"))
	}
	for i := range subnets {
		want := []netip.Prefix{pfx("10.0." + strconv.Itoa(i) + ".0/24"), pfx("192.168.0.0/24")}
		if diff := cmp.Diff(want, subnets[i].AddressPrefixes, cmpNet); diff != "" {
			t.Errorf("subnet %d prefixes (-want +got):\n%s", i, diff)
		}
	}
}

// TestParseMergeListPrecedence pins how a list of merge sources applies:
// an earlier source overrides a later one and keys written out override
// both (the YAML merge key type, yaml.org/type/merge.html; yaml.v3 decodes
// the same way).
func TestParseMergeListPrecedence(t *testing.T) {
	in := `
clusters:
  - name: c
    agentPoolProfiles:
      - &a {name: a, count: 1, maxPods: 30}
      - &b {name: b, count: 2, maxPods: 40, vnetSubnet: s}
  - name: d
    agentPoolProfiles:
      - {<<: [*a, *b]}
  - name: e
    agentPoolProfiles:
      - {<<: [*b, *a], maxPods: 50}
`
	p, err := Parse([]byte(in), "x")
	if err != nil {
		t.Fatal(err)
	}
	type pool struct {
		Name, Subnet   string
		Count, MaxPods int
	}
	var got []pool
	for _, c := range p.Clusters[1:] {
		ap := c.AgentPoolProfiles[0]
		got = append(got, pool{ap.Name, ap.VNetSubnet, ap.Count, ap.MaxPods})
	}
	want := []pool{{"a", "s", 1, 30}, {"b", "s", 2, 50}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("merged pools of d, e (-want +got):\n%s", diff)
	}
}
