package addrmap_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
)

// namedPlan is a one-VNet, one-cluster plan whose VNet, subnet, cluster and
// avoided range all carry name.
func namedPlan(name string) *ipam.Plan {
	return &ipam.Plan{
		Name: name,
		VNets: []ipam.VNet{{Name: name, AddressSpace: pfxs("10.1.0.0/16"),
			Subnets: []ipam.Subnet{{Name: name, AddressPrefixes: pfxs("10.1.0.0/24"), Purpose: ipam.PurposeNode}}}},
		Clusters: []ipam.Cluster{{Name: name, VNet: name, NetworkProfile: ipam.NetworkProfile{
			NetworkPlugin: ipam.PluginAzure, NetworkPluginMode: ipam.PluginModeOverlay, PodCIDR: pfx("10.1.0.0/23"),
		}, AgentPoolProfiles: []ipam.AgentPool{{Pool: sizing.Pool{Name: "sys", Count: 3, VNetSubnet: name}}}}},
		Avoid: []ipam.AvoidRange{{Name: name, Source: ipam.SourceOnPremises, Prefixes: pfxs("10.1.0.128/25")}},
	}
}

// checkHostileName renders a plan named name in every format and reports
// output an XML parser would reject or a terminal would obey.
func checkHostileName(t *testing.T, name string) {
	t.Helper()
	p := namedPlan(name)
	if err := wellFormed(render(t, "svg", p)); err != nil {
		t.Errorf("SVG for name %q: %v", name, err)
	}
	if err := wellFormed(svgElement.Find(render(t, "html", p))); err != nil {
		t.Errorf("inline SVG for name %q: %v", name, err)
	}
	txt := render(t, "txt", p)
	for _, r := range string(bytes.ReplaceAll(txt, []byte("\n"), nil)) {
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
			t.Errorf("text map for name %q holds %U:\n%s", name, r, txt)
			break
		}
	}
}

// Names with terminal escapes, XML specials, bidi overrides and bytes that
// are not UTF-8 still give well-formed SVG and inert text, and the
// printable part of the name stays visible.
func TestHostileNames(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		visible string // must appear in the text map
	}{
		{"terminal escape", "v\x1b[31mRED", "v\uFFFD[31mRED"},
		{"xml specials", `a<b&"c'>`, `a<b&"c'>`},
		{"cdata end and comment", "n]]><!--", "n]]><!--"},
		{"bidi override", "abc\u202Edef", "abc\uFFFDdef"},
		{"not utf-8", "x\xff\xfey", "x\uFFFD\uFFFDy"},
		{"tab and newline", "a\tb\nc", "a\uFFFDb\uFFFDc"},
		{"nul", "a\x00b", "a\uFFFDb"},
		{"noncharacter", "a\uFFFEb", "a\uFFFDb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkHostileName(t, tt.in)
			if txt := string(render(t, "txt", namedPlan(tt.in))); !strings.Contains(txt, tt.visible) {
				t.Errorf("text map does not show %q:\n%s", tt.visible, txt)
			}
		})
	}
}

func FuzzNames(f *testing.F) {
	for _, s := range []string{"hub", "v\x1b[2J", "<svg>", "\u202E", "\xc3", "a]]>b", "&amp;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		checkHostileName(t, name)
	})
}
