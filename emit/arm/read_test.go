package arm_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/cidrplan/cidrplan/emit/internal/emittest"
)

// read parses an emitted template back into what it deploys, evaluating
// the expressions the template may hold: parameters('...') and
// resourceId(...) with literal arguments.
func read(t *testing.T, src []byte) emittest.Deployed {
	t.Helper()
	var tmpl struct {
		Schema    string `json:"$schema"`
		Resources []struct {
			Type       string          `json:"type"`
			Name       string          `json:"name"`
			Location   string          `json:"location"`
			DependsOn  []string        `json:"dependsOn"`
			Properties json.RawMessage `json:"properties"`
		} `json:"resources"`
	}
	if err := json.Unmarshal(src, &tmpl); err != nil {
		t.Fatalf("template is not JSON: %v", err)
	}
	var d emittest.Deployed
	vnets := map[string]bool{}
	for _, r := range tmpl.Resources {
		if got := eval(t, r.Location); got != "param:location" {
			t.Errorf("%s %s: location %q, want parameters('location')", r.Type, r.Name, r.Location)
		}
		name := literal(r.Name)
		switch r.Type {
		case "Microsoft.Network/virtualNetworks":
			var p struct {
				AddressSpace struct{ AddressPrefixes []string } `json:"addressSpace"`
				Subnets      []struct {
					Name       string
					Properties struct {
						AddressPrefixes []string
						Delegations     []struct {
							Properties struct{ ServiceName string }
						}
					}
				}
			}
			unmarshal(t, r.Properties, &p)
			v := emittest.VNet{Name: name, AddressSpace: literals(p.AddressSpace.AddressPrefixes)}
			for _, s := range p.Subnets {
				sn := emittest.Subnet{Name: literal(s.Name), Prefixes: literals(s.Properties.AddressPrefixes)}
				for _, dl := range s.Properties.Delegations {
					sn.Delegation = literal(dl.Properties.ServiceName)
				}
				v.Subnets = append(v.Subnets, sn)
			}
			vnets[v.Name] = true
			d.VNets = append(d.VNets, v)
		case "Microsoft.ContainerService/managedClusters":
			d.Clusters = append(d.Clusters, readCluster(t, name, r.Properties, r.DependsOn, vnets))
		default:
			t.Errorf("unexpected resource type %s", r.Type)
		}
	}
	d.SortPools()
	return d
}

func readCluster(t *testing.T, name string, raw json.RawMessage, dependsOn []string, vnets map[string]bool) emittest.Cluster {
	var p struct {
		KubernetesVersion string
		AgentPoolProfiles []struct {
			Name, Mode, OSType, VMSize string
			Count, MinCount, MaxCount  int
			MaxPods                    int
			EnableAutoScaling          bool
			VNetSubnetID, PodSubnetID  string
			PodIPAllocationMode        string
			UpgradeSettings            struct{ MaxSurge, MaxUnavailable string }
		}
		NetworkProfile struct {
			NetworkPlugin, NetworkPluginMode, NetworkPolicy, NetworkDataplane string
			PodCidr, ServiceCidr, DNSServiceIP                                string
			PodCidrs, ServiceCidrs, IPFamilies                                []string
		}
		APIServerAccessProfile struct {
			EnablePrivateCluster, EnableVnetIntegration bool
			SubnetID                                    string
		}
	}
	unmarshal(t, raw, &p)
	depends := map[string]bool{}
	for _, dep := range dependsOn {
		depends[strings.TrimPrefix(eval(t, dep), "vnet:")] = true
	}
	subnet := func(expr string) string {
		if expr == "" {
			return ""
		}
		ref, ok := strings.CutPrefix(eval(t, expr), "subnet:")
		if !ok {
			t.Errorf("%q is not a subnet resourceId", expr)
		}
		vnet, _, _ := strings.Cut(ref, "/")
		if !vnets[vnet] || !depends[vnet] {
			t.Errorf("cluster %s refers to a subnet of VNet %q, which is not before it in the template or not in dependsOn", name, vnet)
		}
		return ref
	}
	np := p.NetworkProfile
	c := emittest.Cluster{
		Name: name, KubernetesVersion: literal(p.KubernetesVersion),
		Private:         p.APIServerAccessProfile.EnablePrivateCluster,
		VNetIntegration: p.APIServerAccessProfile.EnableVnetIntegration,
		APIServerSubnet: subnet(p.APIServerAccessProfile.SubnetID),
		Plugin:          np.NetworkPlugin, PluginMode: np.NetworkPluginMode, Policy: np.NetworkPolicy,
		Dataplane: np.NetworkDataplane, DNSServiceIP: np.DNSServiceIP, IPFamilies: np.IPFamilies,
		PodCIDRs: oneOrMany(np.PodCidr, np.PodCidrs), ServiceCIDRs: oneOrMany(np.ServiceCidr, np.ServiceCidrs),
	}
	for _, ap := range p.AgentPoolProfiles {
		if eval(t, ap.VMSize) != "param:vmSize" {
			t.Errorf("pool %s: vmSize %q, want parameters('vmSize')", ap.Name, ap.VMSize)
		}
		pool := emittest.Pool{
			Name: literal(ap.Name), Mode: ap.Mode, OSType: ap.OSType, Count: ap.Count,
			AutoScaling: ap.EnableAutoScaling, MinCount: ap.MinCount, MaxCount: ap.MaxCount, MaxPods: ap.MaxPods,
			NodeSubnet: subnet(ap.VNetSubnetID), PodSubnet: subnet(ap.PodSubnetID),
			PodIPAllocationMode: ap.PodIPAllocationMode,
			MaxSurge:            ap.UpgradeSettings.MaxSurge, MaxUnavailable: ap.UpgradeSettings.MaxUnavailable,
		}
		if pool.MaxUnavailable == "" {
			pool.MaxUnavailable = "0"
		}
		if c.Default == "" && pool.Mode == "System" {
			c.Default = pool.Name
		}
		c.Pools = append(c.Pools, pool)
	}
	return c
}

func unmarshal(t *testing.T, raw json.RawMessage, v any) {
	t.Helper()
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatal(err)
	}
}

func oneOrMany(single string, plural []string) []string {
	if single != "" {
		return []string{single}
	}
	return plural
}

// literal undoes ARM's escape of a literal string that looks like an
// expression.
func literal(s string) string {
	if strings.HasPrefix(s, "[[") {
		return s[1:]
	}
	return s
}

func literals(ss []string) []string {
	for i, s := range ss {
		ss[i] = literal(s)
	}
	return ss
}

// eval evaluates the expressions the template may hold: "param:NAME" for
// parameters('NAME'), "vnet:NAME" and "subnet:VNET/NAME" for resourceId.
func eval(t *testing.T, expr string) string {
	t.Helper()
	body, ok := strings.CutPrefix(expr, "[")
	if !ok || strings.HasPrefix(expr, "[[") {
		t.Errorf("%q is not an expression", expr)
		return ""
	}
	body = strings.TrimSuffix(body, "]")
	fn, rest, _ := strings.Cut(body, "(")
	args := armArgs(t, strings.TrimSuffix(rest, ")"))
	switch {
	case fn == "parameters" && len(args) == 1:
		return "param:" + args[0]
	case fn == "resourceId" && len(args) == 2 && args[0] == "Microsoft.Network/virtualNetworks":
		return "vnet:" + args[1]
	case fn == "resourceId" && len(args) == 3 && args[0] == "Microsoft.Network/virtualNetworks/subnets":
		return "subnet:" + args[1] + "/" + args[2]
	}
	t.Errorf("unexpected expression %q", expr)
	return ""
}

// armArgs splits "'a', 'b”c'" into its string literals.
func armArgs(t *testing.T, s string) []string {
	var out []string
	for s != "" {
		s = strings.TrimLeft(s, ", ")
		if !strings.HasPrefix(s, "'") {
			t.Errorf("argument list %q holds something other than string literals", s)
			return out
		}
		var b strings.Builder
		i := 1
		for ; i < len(s); i++ {
			if s[i] == '\'' {
				if i+1 < len(s) && s[i+1] == '\'' {
					b.WriteByte('\'')
					i++
					continue
				}
				break
			}
			b.WriteByte(s[i])
		}
		out = append(out, b.String())
		s = s[i+1:]
	}
	return out
}
