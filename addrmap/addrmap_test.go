package addrmap_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"math/rand/v2"
	"net/netip"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cidrplan/cidrplan/addrmap"
	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func pfx(s string) netip.Prefix { return netip.MustParsePrefix(s) }

func pfxs(ss ...string) []netip.Prefix {
	out := make([]netip.Prefix, len(ss))
	for i, s := range ss {
		out[i] = pfx(s)
	}
	return out
}

// samplePlan has a bit of everything: a /29 in a /8, an on-premises range
// that overlaps a subnet, a peered VNet, a pod CIDR outside the VNet, the
// default service CIDR shared by two clusters, and an IPv6 space.
func samplePlan() *ipam.Plan {
	return &ipam.Plan{
		Name: "sample",
		VNets: []ipam.VNet{{
			Name:         "hub",
			AddressSpace: pfxs("10.0.0.0/8", "fd00:10::/48"),
			Subnets: []ipam.Subnet{
				{Name: "aks-nodes", AddressPrefixes: pfxs("10.1.0.0/16"), Purpose: ipam.PurposeNode},
				{Name: "aks-pods", AddressPrefixes: pfxs("10.8.0.0/14"), Purpose: ipam.PurposePod},
				{Name: "AzureBastionSubnet", AddressPrefixes: pfxs("10.20.30.0/26"), Purpose: ipam.PurposeBastion},
				{Name: "nva", AddressPrefixes: pfxs("10.20.30.64/29")},
				{Name: "v6", AddressPrefixes: pfxs("fd00:10:0:1::/64")},
			},
		}},
		Clusters: []ipam.Cluster{
			{Name: "prod", VNet: "hub", NetworkProfile: ipam.NetworkProfile{
				NetworkPlugin: ipam.PluginAzure, NetworkPluginMode: ipam.PluginModeOverlay,
				PodCIDR: pfx("192.168.0.0/16"),
			}, AgentPoolProfiles: []ipam.AgentPool{{Pool: sizing.Pool{Name: "sys", Count: 3, VNetSubnet: "aks-nodes"}}}},
			{Name: "dev", VNet: "hub", NetworkProfile: ipam.NetworkProfile{
				NetworkPlugin: ipam.PluginAzure, DockerBridgeCIDR: netip.MustParsePrefix("172.17.0.1/16"),
			}, AgentPoolProfiles: []ipam.AgentPool{{Pool: sizing.Pool{Name: "sys", Count: 3, VNetSubnet: "aks-nodes", PodSubnet: "aks-pods"}}}},
		},
		Avoid: []ipam.AvoidRange{
			{Name: "dc-west", Source: ipam.SourceOnPremises, Prefixes: pfxs("10.1.128.0/20")},
			{Name: "spoke", Source: ipam.SourcePeering, Prefixes: pfxs("172.16.0.0/12")},
		},
	}
}

func render(t *testing.T, format string, p *ipam.Plan) []byte {
	t.Helper()
	var buf bytes.Buffer
	var err error
	switch format {
	case "svg":
		err = addrmap.SVG(&buf, p)
	case "html":
		err = addrmap.HTML(&buf, p)
	case "txt":
		err = addrmap.Text(&buf, p, 64)
	}
	if err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	for _, format := range []string{"svg", "html", "txt"} {
		t.Run(format, func(t *testing.T) {
			got := render(t, format, samplePlan())
			path := filepath.Join("testdata", "sample."+format)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s differs from %s (-want +got):\n%s", format, path, diff)
			}
			if again := render(t, format, samplePlan()); !bytes.Equal(again, got) {
				t.Errorf("%s output is not deterministic", format)
			}
		})
	}
}

// wellFormed parses every token of an XML document.
func wellFormed(doc []byte) error {
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

var svgElement = regexp.MustCompile(`(?s)<svg xmlns.*?</svg>`)

func TestSVGIsWellFormedXML(t *testing.T) {
	if err := wellFormed(render(t, "svg", samplePlan())); err != nil {
		t.Fatalf("SVG: %v", err)
	}
	inline := svgElement.Find(render(t, "html", samplePlan()))
	if inline == nil {
		t.Fatal("HTML has no inline SVG")
	}
	if err := wellFormed(inline); err != nil {
		t.Fatalf("inline SVG: %v", err)
	}
}

var rectWidth = regexp.MustCompile(`<rect x="[0-9.]+" y="[0-9.]+" width="([0-9.]+)"[^>]*><title>nva 10\.20\.30\.64/29`)

func TestTinyRangeStaysVisibleAndLabelled(t *testing.T) {
	svg := string(render(t, "svg", samplePlan()))
	m := rectWidth.FindStringSubmatch(svg)
	if m == nil {
		t.Fatal("no rect drawn for the /29 inside the /8")
	}
	if w, _ := strconv.ParseFloat(m[1], 64); w < 2 {
		t.Errorf("the /29 is %gpx wide, want at least 2", w)
	}
	if !strings.Contains(svg, ">nva 10.20.30.64/29</text>") {
		t.Error("the /29 has no readable label")
	}
	for _, line := range strings.Split(string(render(t, "txt", samplePlan())), "\n") {
		if strings.HasPrefix(line, "  |") && strings.Contains(line, "S") {
			return
		}
	}
	t.Error("the text chart shows no cell for the small subnets")
}

func TestOverlapsNameBothRanges(t *testing.T) {
	svg := string(render(t, "svg", samplePlan()))
	for _, want := range []string{
		"overlap: VNet hub ∩ dc-west 10.1.128.0/20 (OnPremisesCidrOverlapping)",
		"overlap: prod services ∩ VNet hub 10.0.0.0/16 (ServiceCidrOverlapVnet)",
		`<g class="overlap">`,
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
	txt := string(render(t, "txt", samplePlan()))
	if !strings.Contains(txt, "VNet hub ∩ dc-west") || !strings.Contains(txt, "X") {
		t.Errorf("text chart lacks the overlap:\n%s", txt)
	}
}

func TestIPv6HasItsOwnBand(t *testing.T) {
	txt := string(render(t, "txt", samplePlan()))
	if !strings.Contains(txt, "VNet hub fd00:10::/48  (2^80 addresses, 1,208,907,372,870,555,465,154,560 free)") {
		t.Errorf("no IPv6 band:\n%s", txt)
	}
}

func TestEmptyPlans(t *testing.T) {
	for _, p := range []*ipam.Plan{nil, {}, {VNets: []ipam.VNet{{Name: "bad", AddressSpace: []netip.Prefix{{}, netip.PrefixFrom(netip.MustParseAddr("10.0.0.1"), 8)}}}}} {
		for _, format := range []string{"svg", "html", "txt"} {
			out := render(t, format, p)
			if !bytes.Contains(out, []byte("no address ranges in the plan")) {
				t.Errorf("%s of an empty plan:\n%s", format, out)
			}
		}
	}
}

func TestTextWidth(t *testing.T) {
	err := addrmap.Text(io.Discard, samplePlan(), addrmap.MinTextWidth-1)
	if !errors.Is(err, addrmap.ErrWidth) {
		t.Fatalf("Text(width %d) = %v, want ErrWidth", addrmap.MinTextWidth-1, err)
	}
}

var barLine = regexp.MustCompile(`^  \|([^|]*)\|$`)

// TestRandomPlans draws seeded random plans: the SVG always parses and every
// text bar is exactly as wide as asked.
func TestRandomPlans(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 200 {
		p := addrmap.RandomPlan(r)
		if err := wellFormed(render(t, "svg", p)); err != nil {
			t.Fatalf("plan %d: SVG: %v", i, err)
		}
		width := addrmap.MinTextWidth + r.IntN(100)
		var buf bytes.Buffer
		if err := addrmap.Text(&buf, p, width); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(buf.String(), "\n") {
			if m := barLine.FindStringSubmatch(line); m != nil && len(m[1]) != width {
				t.Fatalf("plan %d: bar %q is %d wide, want %d", i, m[1], len(m[1]), width)
			}
		}
	}
}
