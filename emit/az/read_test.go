package az_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/cidrplan/cidrplan/emit/internal/emittest"
)

// command is one az command of the script: its subcommand words, its flags
// and the variable its output is assigned to.
type command struct {
	assign string
	argv   []string // every word after az, as the shell passes them
	words  []string
	flags  map[string][]string
}

func (c command) is(sub string) bool { return strings.Join(c.words, " ") == sub }

// flag returns the value of a flag given once, "" when absent.
func (c command) flag(name string) string {
	if v := c.flags[name]; len(v) > 0 {
		return v[0]
	}
	return ""
}

func (c command) has(name string) bool { _, ok := c.flags[name]; return ok }

// read parses the script back into what it deploys.
func read(t *testing.T, src []byte) emittest.Deployed {
	t.Helper()
	var d emittest.Deployed
	subnets := map[string]string{} // variable → "vnet/subnet"
	ref := func(word string) string {
		if word == "" {
			return ""
		}
		ref, ok := subnets[strings.TrimPrefix(word, "$")]
		if !ok || !strings.HasPrefix(word, "$") {
			t.Errorf("%q is not a subnet ID variable set before", word)
		}
		return ref
	}
	clusters := map[string]int{}
	for _, c := range commands(t, string(src)) {
		switch {
		case c.is("network vnet create"):
			d.VNets = append(d.VNets, emittest.VNet{Name: c.flag("--name"), AddressSpace: c.flags["--address-prefixes"]})
			checkPlaced(t, c)
		case c.is("network vnet subnet create"):
			v := &d.VNets[len(d.VNets)-1]
			if c.flag("--vnet-name") != v.Name {
				t.Errorf("subnet %s created in VNet %s, not after it", c.flag("--name"), c.flag("--vnet-name"))
			}
			v.Subnets = append(v.Subnets, emittest.Subnet{Name: c.flag("--name"), Prefixes: c.flags["--address-prefixes"],
				Delegation: c.flag("--delegations")})
			subnets[c.assign] = v.Name + "/" + c.flag("--name")
		case c.is("aks create"):
			checkPlaced(t, c)
			cl := emittest.Cluster{
				Name: c.flag("--name"), KubernetesVersion: c.flag("--kubernetes-version"),
				Private: c.has("--enable-private-cluster"), VNetIntegration: c.has("--enable-apiserver-vnet-integration"),
				APIServerSubnet: ref(c.flag("--apiserver-subnet-id")),
				Plugin:          c.flag("--network-plugin"), PluginMode: c.flag("--network-plugin-mode"),
				Policy: c.flag("--network-policy"), Dataplane: c.flag("--network-dataplane"),
				PodCIDRs:     oneOrMany(c.flag("--pod-cidr"), c.flag("--pod-cidrs")),
				ServiceCIDRs: oneOrMany(c.flag("--service-cidr"), c.flag("--service-cidrs")),
				DNSServiceIP: c.flag("--dns-service-ip"),
				IPFamilies:   oneOrMany("", c.flag("--ip-families")),
			}
			pool := readPool(t, c, ref)
			pool.Name, pool.Mode, pool.OSType = c.flag("--nodepool-name"), "System", "Linux"
			cl.Default = pool.Name
			cl.Pools = append(cl.Pools, pool)
			clusters[cl.Name] = len(d.Clusters)
			d.Clusters = append(d.Clusters, cl)
		case c.is("aks nodepool update"):
			cl := &d.Clusters[clusters[c.flag("--cluster-name")]]
			for i := range cl.Pools {
				if cl.Pools[i].Name == c.flag("--name") {
					cl.Pools[i].MaxSurge = c.flag("--max-surge")
					if u := c.flag("--max-unavailable"); u != "" {
						cl.Pools[i].MaxUnavailable = u
					}
				}
			}
		case c.is("aks nodepool add"):
			cl := &d.Clusters[clusters[c.flag("--cluster-name")]]
			pool := readPool(t, c, ref)
			pool.Name, pool.Mode, pool.OSType = c.flag("--name"), c.flag("--mode"), c.flag("--os-type")
			pool.MaxSurge = c.flag("--max-surge")
			if u := c.flag("--max-unavailable"); u != "" {
				pool.MaxUnavailable = u
			}
			cl.Pools = append(cl.Pools, pool)
		default:
			t.Errorf("unexpected command az %s", strings.Join(c.words, " "))
		}
	}
	d.SortPools()
	return d
}

func checkPlaced(t *testing.T, c command) {
	if c.flag("--resource-group") != "$resource_group" || c.flag("--location") != "$location" {
		t.Errorf("az %s %s: resource group %q and location %q, want the script's variables", strings.Join(c.words, " "),
			c.flag("--name"), c.flag("--resource-group"), c.flag("--location"))
	}
}

func readPool(t *testing.T, c command, ref func(string) string) emittest.Pool {
	num := func(name string) int {
		v := c.flag(name)
		if v == "" {
			return 0
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			t.Errorf("%s %q: %v", name, v, err)
		}
		return n
	}
	if c.flag("--node-vm-size") != "$vm_size" {
		t.Errorf("--node-vm-size %q, want $vm_size", c.flag("--node-vm-size"))
	}
	return emittest.Pool{
		Count: num("--node-count"), AutoScaling: c.has("--enable-cluster-autoscaler"),
		MinCount: num("--min-count"), MaxCount: num("--max-count"), MaxPods: num("--max-pods"),
		NodeSubnet: ref(c.flag("--vnet-subnet-id")), PodSubnet: ref(c.flag("--pod-subnet-id")),
		PodIPAllocationMode: c.flag("--pod-ip-allocation-mode"), MaxUnavailable: "0",
	}
}

func oneOrMany(single, list string) []string {
	if single != "" {
		return []string{single}
	}
	if list == "" {
		return nil
	}
	return strings.Split(list, ",")
}

// commands splits the script into its az commands, joining continued
// lines and reading words as the shell does.
func commands(t *testing.T, script string) []command {
	var out []command
	var logical string
	for _, line := range strings.Split(script, "\n") {
		if cont, ok := strings.CutSuffix(line, " \\"); ok {
			logical += cont + " "
			continue
		}
		logical += line
		words := shellWords(t, logical)
		logical = ""
		if len(words) == 0 {
			continue
		}
		c := command{flags: map[string][]string{}}
		if v, rest, ok := strings.Cut(words[0], "=$("); ok {
			c.assign, words[0] = v, rest
			words[len(words)-1] = strings.TrimSuffix(words[len(words)-1], ")")
		}
		if words[0] != "az" {
			continue // the header: set, the variables
		}
		c.argv = words[1:]
		i := 1
		for ; i < len(words) && !strings.HasPrefix(words[i], "--"); i++ {
			c.words = append(c.words, words[i])
		}
		for i < len(words) {
			name := words[i]
			i++
			if n, v, ok := strings.Cut(name, "="); ok {
				c.flags[n] = append(c.flags[n], v)
				continue
			}
			if _, seen := c.flags[name]; !seen {
				c.flags[name] = nil // a flag without a value counts as given
			}
			for i < len(words) && !strings.HasPrefix(words[i], "--") {
				c.flags[name] = append(c.flags[name], words[i])
				i++
			}
		}
		out = append(out, c)
	}
	return out
}

// shellWords splits a line into words as bash would, with quotes removed;
// "$name" keeps its dollar sign. Comments are dropped.
func shellWords(t *testing.T, line string) []string {
	var words []string
	var b strings.Builder
	inWord := false
	for i := 0; i < len(line); i++ {
		switch ch := line[i]; {
		case ch == '#' && !inWord:
			return words
		case ch == ' ' || ch == '\t':
			if inWord {
				words = append(words, b.String())
				b.Reset()
				inWord = false
			}
		case ch == '\'':
			end := strings.IndexByte(line[i+1:], '\'')
			if end < 0 {
				t.Fatalf("unterminated single quote in %q", line)
			}
			b.WriteString(line[i+1 : i+1+end])
			i += end + 1
			inWord = true
		case ch == '"':
			end := strings.IndexByte(line[i+1:], '"')
			if end < 0 {
				t.Fatalf("unterminated double quote in %q", line)
			}
			b.WriteString(line[i+1 : i+1+end])
			i += end + 1
			inWord = true
		case ch == '\\' && i+1 < len(line):
			b.WriteByte(line[i+1])
			i++
			inWord = true
		default:
			b.WriteByte(ch)
			inWord = true
		}
	}
	if inWord {
		words = append(words, b.String())
	}
	return words
}
