package bicep_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/cidrplan/cidrplan/emit/internal/emittest"
)

// expr is a Bicep expression read back as written (a reference).
type expr string

// resource is a resource declaration read back: symbolic name, type,
// body, and the nested existing subnets (symbolic name → name).
type resource struct {
	symbol, typ string
	body        map[string]any
	nested      map[string]string
}

// parser reads the subset of Bicep the package writes: one item a line.
type parser struct {
	t     *testing.T
	lines []string
	i     int
}

// read parses emitted Bicep back into what it deploys, following symbolic
// references.
func read(t *testing.T, src []byte) emittest.Deployed {
	t.Helper()
	p := &parser{t: t, lines: strings.Split(string(src), "\n")}
	var resources []resource
	for ; p.i < len(p.lines); p.i++ {
		line := p.lines[p.i]
		if strings.HasPrefix(line, "resource ") {
			resources = append(resources, p.resource(line))
		}
	}
	var d emittest.Deployed
	subnets := map[string]string{} // "vnet::subnet" → "vnet/subnet"
	for _, r := range resources {
		body := r.body
		if body["location"] != expr("location") {
			t.Errorf("%s: location %v, want the location parameter", r.symbol, body["location"])
		}
		props := body["properties"].(map[string]any)
		switch {
		case strings.HasPrefix(r.typ, "Microsoft.Network/virtualNetworks@"):
			v := emittest.VNet{Name: body["name"].(string),
				AddressSpace: strs(props["addressSpace"].(map[string]any)["addressPrefixes"])}
			for _, s := range props["subnets"].([]any) {
				s := s.(map[string]any)
				sp := s["properties"].(map[string]any)
				sn := emittest.Subnet{Name: s["name"].(string), Prefixes: strs(sp["addressPrefixes"])}
				if dl, ok := sp["delegations"].([]any); ok {
					sn.Delegation = dl[0].(map[string]any)["properties"].(map[string]any)["serviceName"].(string)
				}
				v.Subnets = append(v.Subnets, sn)
			}
			for sym, name := range r.nested {
				subnets[r.symbol+"::"+sym] = v.Name + "/" + name
			}
			d.VNets = append(d.VNets, v)
		case strings.HasPrefix(r.typ, "Microsoft.ContainerService/managedClusters@"):
			d.Clusters = append(d.Clusters, readCluster(t, body, subnets))
		default:
			t.Errorf("unexpected resource type %s", r.typ)
		}
	}
	d.SortPools()
	return d
}

func readCluster(t *testing.T, body map[string]any, subnets map[string]string) emittest.Cluster {
	props := body["properties"].(map[string]any)
	np := props["networkProfile"].(map[string]any)
	access, _ := props["apiServerAccessProfile"].(map[string]any)
	ref := func(v any) string {
		if v == nil {
			return ""
		}
		e, ok := v.(expr)
		target, found := subnets[strings.TrimSuffix(string(e), ".id")]
		if !ok || !found || !strings.HasSuffix(string(e), ".id") {
			t.Errorf("%v is not the id of a subnet declared before", v)
		}
		return target
	}
	s := func(m map[string]any, k string) string { v, _ := m[k].(string); return v }
	b := func(m map[string]any, k string) bool { v, _ := m[k].(bool); return v }
	n := func(m map[string]any, k string) int { v, _ := m[k].(int); return v }
	c := emittest.Cluster{
		Name: s(body, "name"), KubernetesVersion: s(props, "kubernetesVersion"),
		Private: b(access, "enablePrivateCluster"), VNetIntegration: b(access, "enableVnetIntegration"),
		APIServerSubnet: ref(access["subnetId"]),
		Plugin:          s(np, "networkPlugin"), PluginMode: s(np, "networkPluginMode"),
		Policy: s(np, "networkPolicy"), Dataplane: s(np, "networkDataplane"),
		PodCIDRs: oneOrMany(s(np, "podCidr"), np["podCidrs"]), ServiceCIDRs: oneOrMany(s(np, "serviceCidr"), np["serviceCidrs"]),
		DNSServiceIP: s(np, "dnsServiceIP"), IPFamilies: strs(np["ipFamilies"]),
	}
	for _, ap := range props["agentPoolProfiles"].([]any) {
		ap := ap.(map[string]any)
		if ap["vmSize"] != expr("vmSize") {
			t.Errorf("pool %s: vmSize %v, want the vmSize parameter", ap["name"], ap["vmSize"])
		}
		upgrade, _ := ap["upgradeSettings"].(map[string]any)
		pool := emittest.Pool{
			Name: s(ap, "name"), Mode: s(ap, "mode"), OSType: s(ap, "osType"), Count: n(ap, "count"),
			AutoScaling: b(ap, "enableAutoScaling"), MinCount: n(ap, "minCount"), MaxCount: n(ap, "maxCount"),
			MaxPods: n(ap, "maxPods"), NodeSubnet: ref(ap["vnetSubnetID"]), PodSubnet: ref(ap["podSubnetID"]),
			PodIPAllocationMode: s(ap, "podIPAllocationMode"),
			MaxSurge:            s(upgrade, "maxSurge"), MaxUnavailable: s(upgrade, "maxUnavailable"),
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

func strs(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, e := range list {
		out = append(out, e.(string))
	}
	return out
}

func oneOrMany(single string, plural any) []string {
	if single != "" {
		return []string{single}
	}
	return strs(plural)
}

// resource parses "resource SYMBOL 'TYPE' [existing] = {" and its body.
func (p *parser) resource(line string) resource {
	fields := strings.Fields(strings.TrimSpace(line))
	if len(fields) < 5 || fields[len(fields)-1] != "{" {
		p.t.Fatalf("line %d: unexpected resource line %q", p.i+1, line)
	}
	r := resource{symbol: fields[1], typ: strings.Trim(fields[2], "'"), nested: map[string]string{}}
	p.i++
	r.body = p.object(&r)
	return r
}

// object parses the lines of an object up to its closing brace; nested
// resources are recorded in r.
func (p *parser) object(r *resource) map[string]any {
	out := map[string]any{}
	for ; p.i < len(p.lines); p.i++ {
		line := strings.TrimSpace(p.lines[p.i])
		switch {
		case line == "}":
			return out
		case line == "":
		case strings.HasPrefix(line, "resource "):
			nested := p.resource(line)
			r.nested[nested.symbol] = nested.body["name"].(string)
		default:
			key, rest, ok := strings.Cut(line, ": ")
			if !ok {
				p.t.Fatalf("line %d: %q is not key: value", p.i+1, line)
			}
			out[key] = p.value(rest, r)
		}
	}
	p.t.Fatal("unterminated object")
	return nil
}

func (p *parser) array(r *resource) []any {
	out := []any{}
	for ; p.i < len(p.lines); p.i++ {
		line := strings.TrimSpace(p.lines[p.i])
		if line == "]" {
			return out
		}
		out = append(out, p.value(line, r))
	}
	p.t.Fatal("unterminated array")
	return nil
}

func (p *parser) value(s string, r *resource) any {
	switch {
	case s == "{":
		p.i++
		return p.object(r)
	case s == "[":
		p.i++
		return p.array(r)
	case strings.HasPrefix(s, "'"):
		return p.str(s)
	case s == "true" || s == "false":
		return s == "true"
	}
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return expr(s)
}

// str unquotes a Bicep string literal.
func (p *parser) str(s string) string {
	if len(s) < 2 || !strings.HasSuffix(s, "'") {
		p.t.Fatalf("line %d: unterminated string %s", p.i+1, s)
	}
	body := s[1 : len(s)-1]
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c == '\'' {
			p.t.Fatalf("line %d: unescaped quote in %s", p.i+1, s)
		}
		if c == '$' && i+1 < len(body) && body[i+1] == '{' {
			p.t.Fatalf("line %d: unescaped interpolation in %s", p.i+1, s)
		}
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		switch body[i] {
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			end := strings.IndexByte(body[i:], '}')
			r, err := strconv.ParseInt(body[i+2:i+end], 16, 32)
			if err != nil {
				p.t.Fatalf("line %d: bad escape in %s", p.i+1, s)
			}
			b.WriteRune(rune(r))
			i += end
		default: // \\ \' \$
			b.WriteByte(body[i])
		}
	}
	return b.String()
}
