package planfile

import (
	"bytes"
	"errors"
	"net/netip"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// fillBack completes the plan in data, fills it into data in format f and
// reads the result back.
func fillBack(t *testing.T, data []byte, f Format) (done, back *ipam.Plan, out []byte) {
	t.Helper()
	p, err := Parse(data, "plan")
	if err != nil {
		t.Fatal(err)
	}
	done, _ = p.Complete()
	if done == nil {
		t.Fatal("Complete gave no plan")
	}
	out, err = Fill(data, "plan", done, f)
	if err != nil {
		t.Fatalf("Fill: %v", err)
	}
	back, err = Parse(out, "filled")
	if err != nil {
		t.Fatalf("the filled plan does not load: %v\n%s", err, out)
	}
	return done, bothSpellings(back), out
}

// bothSpellings returns p with podCidr/podCidrs and
// serviceCidr/serviceCidrs each stated under both spellings, as a
// completed plan states them: the file states each once.
func bothSpellings(p *ipam.Plan) *ipam.Plan {
	both := func(single *netip.Prefix, plural *[]netip.Prefix) {
		switch {
		case len(*plural) == 0 && single.IsValid():
			*plural = []netip.Prefix{*single}
		case len(*plural) > 0 && !single.IsValid():
			*single = (*plural)[0]
		}
	}
	for i := range p.Clusters {
		np := &p.Clusters[i].NetworkProfile
		both(&np.PodCIDR, &np.PodCIDRs)
		both(&np.ServiceCIDR, &np.ServiceCIDRs)
	}
	return p
}

// Filling a completed plan into its file gives the completed plan: every
// example, in its own format and converted.
func TestFillGivesCompletedPlan(t *testing.T) {
	files, _ := filepath.Glob("../../examples/plans/*.yaml")
	if len(files) < 5 {
		t.Fatalf("%d example plans, want at least 5", len(files))
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []Format{"", JSON, YAML} {
			t.Run(filepath.Base(file)+"-"+string(f), func(t *testing.T) {
				done, back, _ := fillBack(t, data, f)
				if diff := cmp.Diff(done, back, cmpNet); diff != "" {
					t.Errorf("filled plan (-completed +filled):\n%s", diff)
				}
			})
		}
	}
}

// Fill keeps the file: comments, order, flow style, indentation, anchors;
// it adds no key a merge key brings.
func TestFillKeepsFile(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		keep   []string // lines of the output, in order
		absent []string // what the output must not hold
		want   string   // the whole output, when given
	}{
		{
			name:   "podCidr alone",
			in:     "vnets: [{name: v, addressSpace: [10.1.0.0/16], subnets: [{name: n}]}]\nclusters:\n  - name: c\n    networkProfile:\n      networkPluginMode: overlay\n      podCidr: 192.168.0.0/16\n    agentPoolProfiles: [{name: p, count: 1, vnetSubnet: n}]\n",
			keep:   []string{"      podCidr: 192.168.0.0/16", "      serviceCidr: 10.0.0.0/16"},
			absent: []string{"podCidrs", "serviceCidrs"},
		},
		{
			name:   "plurals alone",
			in:     "vnets: [{name: v, addressSpace: [10.1.0.0/16], subnets: [{name: n}]}]\nclusters:\n  - name: c\n    networkProfile:\n      networkPluginMode: overlay\n      podCidrs: [192.168.0.0/16]\n      serviceCidrs: [10.2.0.0/16]\n    agentPoolProfiles: [{name: p, count: 1, vnetSubnet: n}]\n",
			keep:   []string{"      podCidrs: [192.168.0.0/16]", "      serviceCidrs: [10.2.0.0/16]", "      dnsServiceIP: 10.2.0.10"},
			absent: []string{"podCidr:", "serviceCidr:"},
		},
		{
			name:   "dual stack states lists",
			in:     "vnets: [{name: v, addressSpace: [10.1.0.0/16, fd00:1::/48], subnets: [{name: n}]}]\nclusters:\n  - name: c\n    networkProfile:\n      networkPluginMode: overlay\n      ipFamilies: [IPv4, IPv6]\n    agentPoolProfiles: [{name: p, count: 1, vnetSubnet: n}]\n",
			keep:   []string{"      podCidrs:", "      serviceCidrs:"},
			absent: []string{"podCidr:", "serviceCidr:"},
		},
		{
			name: "comments and order",
			in: "# head\nclusters: # the clusters\n  - name: c\n    # the profile\n    networkProfile: {networkPolicy: azure, networkPlugin: azure}\n" +
				"    agentPoolProfiles:\n      - {name: p, count: 2, maxPods: 30, vnetSubnet: v/n} # one pool\nvnets:\n  - name: v\n    addressSpace: [10.1.0.0/16]\n    subnets: [{name: n}]\n",
			keep: []string{"# head", "clusters: # the clusters", "    # the profile", "networkPolicy: azure, networkPlugin: azure",
				"      - {name: p, osType: Linux, count: 2, maxPods: 30, maxSurge: 10%, vnetSubnet: v/n, mode: System} # one pool",
				"vnets:", "    subnets: [{name: n, addressPrefixes: [10.1.0.0/25], purpose: node}]"},
		},
		{
			name: "four spaces",
			in:   "vnets:\n    -   name: v\n        addressSpace:\n            - 10.1.0.0/16\n        subnets:\n            -   name: n\nclusters:\n    -   name: c\n        agentPoolProfiles:\n            -   name: p\n                count: 1\n                maxPods: 30\n                vnetSubnet: n\n",
			keep: []string{"    - name: v", "      networkProfile:", "        networkPlugin: azure"},
		},
		{
			name: "merge key",
			in: "vnets: [{name: v, addressSpace: [10.1.0.0/16], subnets: [{name: n}]}]\n" +
				"clusters:\n  - name: c\n    agentPoolProfiles:\n      - &pool {name: a, count: 2, maxPods: 30, maxSurge: \"1\", vnetSubnet: n}\n" +
				"      - <<: *pool\n        name: b\n",
			keep: []string{"      - &pool {name: a, osType: Linux, count: 2, maxPods: 30, maxSurge: \"1\", vnetSubnet: n, mode: System}",
				"      - <<: *pool", "        name: b", "        maxUnavailable: \"0\"", "        mode: User"},
		},
		{
			name: "one-line JSON",
			in:   `{"vnets": [{"name": "v", "addressSpace": ["10.1.0.0/16"], "subnets": [{"name": "n"}]}], "clusters": [{"name": "c", "agentPoolProfiles": [{"name": "p", "count": 1, "maxPods": 30, "vnetSubnet": "n"}]}]}`,
			want: `{"vnets": [{"name": "v", "addressSpace": ["10.1.0.0/16"], "subnets": [{"name": "n", "addressPrefixes": ["10.1.0.0/25"], "purpose": "node"}]}], "clusters": [{"name": "c", "vnet": "v", "defaults": {"maxSurge": "10%"}, "networkProfile": {"networkPlugin": "azure", "networkDataplane": "azure", "ipFamilies": ["IPv4"], "serviceCidr": "10.0.0.0/16", "dnsServiceIP": "10.0.0.10"}, "agentPoolProfiles": [{"name": "p", "osType": "Linux", "count": 1, "maxPods": 30, "maxSurge": "10%", "vnetSubnet": "n", "mode": "System"}]}]}` + "\n",
		},
		{
			name: "compact JSON",
			in:   `{"vnets":[{"name":"v","addressSpace":["10.1.0.0/16"],"subnets":[{"name":"n"}]}],"clusters":[{"name":"c","agentPoolProfiles":[{"name":"p","count":1,"maxPods":30,"vnetSubnet":"n"}]}]}`,
			want: `{"vnets":[{"name":"v","addressSpace":["10.1.0.0/16"],"subnets":[{"name":"n","addressPrefixes":["10.1.0.0/25"],"purpose":"node"}]}],"clusters":[{"name":"c","vnet":"v","defaults":{"maxSurge":"10%"},"networkProfile":{"networkPlugin":"azure","networkDataplane":"azure","ipFamilies":["IPv4"],"serviceCidr":"10.0.0.0/16","dnsServiceIP":"10.0.0.10"},"agentPoolProfiles":[{"name":"p","osType":"Linux","count":1,"maxPods":30,"maxSurge":"10%","vnetSubnet":"n","mode":"System"}]}]}` + "\n",
		},
		{
			name: "JSON with tabs and CRLF",
			in:   "{\r\n\t\"vnets\": [{\"name\": \"v\", \"addressSpace\": [\"10.1.0.0/16\"], \"subnets\": [{\"name\": \"n\"}]}],\r\n\t\"clusters\": [\r\n\t\t{\"name\": \"c\", \"agentPoolProfiles\": [{\"name\": \"p\", \"count\": 1, \"maxPods\": 30, \"vnetSubnet\": \"n\"}]}\r\n\t]\r\n}\r\n",
			keep: []string{"{", "\t\"vnets\": [{\"name\": \"v\", \"addressSpace\": [\"10.1.0.0/16\"], \"subnets\": [{\"name\": \"n\", \"addressPrefixes\": [\"10.1.0.0/25\"], \"purpose\": \"node\"}]}],", "\t\"clusters\": [", "\t]", "}"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done, back, out := fillBack(t, []byte(tt.in), "")
			if diff := cmp.Diff(done, back, cmpNet); diff != "" {
				t.Errorf("filled plan (-completed +filled):\n%s", diff)
			}
			if tt.want != "" {
				if diff := cmp.Diff(tt.want, string(out)); diff != "" {
					t.Errorf("output (-want +got):\n%s", diff)
				}
			}
			for _, a := range tt.absent {
				if strings.Contains(string(out), a) {
					t.Errorf("output holds %q:\n%s", a, out)
				}
			}
			rest := strings.Split(string(out), "\n")
			for _, line := range tt.keep {
				i := 0
				for i < len(rest) && !strings.Contains(rest[i], line) {
					i++
				}
				if i == len(rest) {
					t.Errorf("output lacks %q after the lines before it:\n%s", line, out)
					break
				}
				rest = rest[i+1:]
			}
		})
	}
}

func TestFillErrors(t *testing.T) {
	p := &ipam.Plan{Name: "x"}
	if _, err := Fill([]byte("name: x\n"), "plan", p, "toml"); !errors.Is(err, ErrFormat) {
		t.Errorf("format toml: err = %v, want ErrFormat", err)
	}
	var pe *ipam.ParseError
	if _, err := Fill([]byte("name: [\n"), "plan", p, ""); !errors.As(err, &pe) || !errors.Is(err, ipam.ErrSyntax) || pe.File != "plan" {
		t.Errorf("malformed YAML: err = %v, want an *ipam.ParseError matching ErrSyntax", err)
	}
	if _, err := Fill([]byte{0xff, 0xfe, 'x'}, "plan", p, ""); !errors.Is(err, ipam.ErrSyntax) {
		t.Errorf("odd UTF-16: err = %v, want ErrSyntax", err)
	}
}

// FuzzFill: whatever plan Parse accepts, filling its completion back into
// it gives a plan Parse accepts, with no panic; without anchors (whose
// values all their aliases share), the completed plan itself, and as JSON
// a file that filling again leaves as it is.
func FuzzFill(f *testing.F) {
	files, _ := filepath.Glob("../../examples/plans/*.yaml")
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"vnets": [{"name": "v", "addressSpace": ["10.1.0.0/16"], "subnets": [{"name": "n"}]}], "clusters": [{"name": "c", "agentPoolProfiles": [{"name": "p", "count": 1}]}]}`))
	f.Add([]byte("pool: &p {count: 2}\nclusters: [{name: c, agentPoolProfiles: [{<<: *p, name: a}, *p]}]\n"))
	f.Add([]byte("# plan\n\nname: x\n\nvnets:\n  - name: v\n    addressSpace: [10.1.0.0/16]\n    subnets:\n\n# the clusters\nclusters:\n  - name: c\n    agentPoolProfiles:\n      - {count: 1}\n\n      # apps\n      - {name: q, count: 1}\n"))
	f.Add([]byte("{\n  \"vnets\": [\n    {\"name\": \"v\", \"addressSpace\": [\"10.1.0.0/16\"], \"subnets\": null}\n  ],\n  \"clusters\": [\n    {\"agentPoolProfiles\": [\n    ]}\n  ]\n}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(data, "fuzz")
		if err != nil {
			return
		}
		done, _ := p.Complete()
		if done == nil {
			return
		}
		for _, format := range []Format{"", JSON, YAML} {
			out, err := Fill(data, "fuzz", done, format)
			if err != nil {
				t.Fatalf("Fill %q: %v", format, err)
			}
			back, err := Parse(out, "filled")
			if err != nil {
				t.Fatalf("Fill %q gives a plan that does not load: %v\n%s", format, err, out)
			}
			if bytes.IndexByte(data, '&') >= 0 {
				continue
			}
			if diff := cmp.Diff(bothSpellings(done), bothSpellings(back), cmpNet, cmpopts.EquateEmpty()); diff != "" {
				t.Fatalf("Fill %q (-completed +filled):\n%s\n%s", format, diff, out)
			}
			if _, isJSON := readJSONFile(out); isJSON {
				again, err := Fill(out, "filled", done, "")
				if err != nil {
					t.Fatalf("Fill %q, again: %v", format, err)
				}
				if diff := cmp.Diff(string(out), string(again)); diff != "" {
					t.Fatalf("Fill %q, again, changes the JSON it filled (-once +twice):\n%s", format, diff)
				}
			}
		}
	})
}

// The firstOf tags the filler reads name the pairs ipam mirrors: a plan
// with only the singular set gets the list of it from WithDefaults.
func TestFirstOfTagsArePairsIpamMirrors(t *testing.T) {
	typ := reflect.TypeFor[ipam.NetworkProfile]()
	fields := fieldsOf(typ)
	pairs := 0
	for name, f := range fields {
		if f.firstOf == "" {
			continue
		}
		pairs++
		list, ok := fields[f.firstOf]
		if !ok {
			t.Fatalf("%s: firstOf %q names no field", name, f.firstOf)
		}
		pf := netip.MustParsePrefix("10.9.0.0/16")
		p := &ipam.Plan{Clusters: []ipam.Cluster{{Name: "c", NetworkProfile: ipam.NetworkProfile{NetworkPluginMode: ipam.PluginModeOverlay}}}}
		reflect.ValueOf(&p.Clusters[0].NetworkProfile).Elem().FieldByIndex(f.index).Set(reflect.ValueOf(pf))
		np := reflect.ValueOf(&p.WithDefaults().Clusters[0].NetworkProfile).Elem()
		if diff := cmp.Diff([]netip.Prefix{pf}, np.FieldByIndex(list.index).Interface(), cmpNet); diff != "" {
			t.Errorf("%s alone: %s (-want +got):\n%s", name, f.firstOf, diff)
		}
	}
	if pairs != 2 {
		t.Errorf("%d firstOf pairs, want 2 (podCidr, serviceCidr)", pairs)
	}
}

// A null document is an empty plan to Parse; filled, it stays a plan that
// loads, and keeps its comment.
func TestFillNullDocument(t *testing.T) {
	for in, want := range map[string]string{
		"!":           "{}\n",
		"null":        "{}\n",
		"# mine\n~\n": "# mine\n{}\n",
		"--- !\n":     "{}\n",
	} {
		p, err := Parse([]byte(in), "plan")
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		done, _ := p.Complete()
		out, err := Fill([]byte(in), "plan", done, "")
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		if diff := cmp.Diff(want, string(out)); diff != "" {
			t.Errorf("Fill(%q) (-want +got):\n%s", in, diff)
		}
		if _, err := Parse(out, "filled"); err != nil {
			t.Errorf("Fill(%q) = %q, which does not load: %v", in, out, err)
		}
	}
}
