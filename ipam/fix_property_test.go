package ipam_test

import (
	"fmt"
	"math/rand/v2"
	"net/netip"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/planfile"
)

// A fix never proposes a value that cidrplan itself then warns about
// (issue 11, item 12): for every finding of the bundled plans, and of
// seeded random breakages of them, whose fix proposes values (a service or
// pod CIDR, a DNS service IP, a subnet prefix: Finding.FixValues), each
// value is applied to its field and the plan checked again. The fixed
// fields must get no error or warning they did not have before, and the
// finding fixed must be gone.
func TestFixesCheckClean(t *testing.T) {
	applied := 0
	for _, path := range bundledPlans(t) {
		p, err := planfile.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(path), func(t *testing.T) { applied += checkFixes(t, p) })
	}
	// The bundled broken plans have fixes with values, or the test passes
	// vacuously.
	if applied == 0 {
		t.Error("no finding of the bundled plans proposes a value")
	}
}

// TestFixesCheckCleanRandom breaks the bundled plans at random (seeded):
// service and pod CIDRs, DNS service IPs and subnet prefixes replaced by
// ranges of the plan itself, reserved ranges, /12s and random private
// ranges, pools grown; then checks every fix as TestFixesCheckClean does.
func TestFixesCheckCleanRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	plans := bundledPlans(t)
	n := 300
	if testing.Short() {
		n = 10
	}
	applied := 0
	defer func() {
		if applied < n {
			t.Errorf("%d fixes with values applied over %d broken plans, want at least one a plan", applied, n)
		}
	}()
	for i := range n {
		path := plans[r.IntN(len(plans))]
		p, err := planfile.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		what := breakPlan(r, p)
		t.Run(fmt.Sprintf("%d-%s", i, filepath.Base(path)), func(t *testing.T) {
			t.Logf("broken: %s", what)
			applied += checkFixes(t, p)
		})
	}
}

// bundledPlans lists the example plans and the plans of ipam's testdata.
func bundledPlans(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, glob := range []string{"../examples/plans/*.yaml", "testdata/*.yaml"} {
		m, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m...)
	}
	if len(out) == 0 {
		t.Fatal("no bundled plans")
	}
	return out
}

// checkFixes applies the values each fix of p's findings proposes
// (Finding.FixValues) to a clone of p and checks the fixed fields again;
// it returns how many fixes it applied.
func checkFixes(t *testing.T, p *ipam.Plan) (applied int) {
	t.Helper()
	before := p.Validate()
	for _, f := range before {
		sets := f.FixValues.All()
		if len(sets) == 0 {
			continue
		}
		applied++
		q := p.Clone()
		var fields []string
		for _, s := range sets {
			field, err := applyFix(q, s)
			if err != nil {
				t.Errorf("%s: can't apply fix: %v", f, err)
				continue
			}
			fields = append(fields, field)
		}
		after := q.Validate()
		for _, g := range after {
			if g.Severity == ipam.SeverityInfo || !slices.ContainsFunc(fields, func(fl string) bool { return samePlace(g.Field, fl) }) {
				continue
			}
			had := slices.ContainsFunc(before, func(b ipam.Finding) bool {
				return b.Code == g.Code && b.Field == g.Field && b != f
			})
			if !had {
				t.Errorf("the fix of\n  %s\ndraws\n  %s", f, g)
			}
		}
		if slices.ContainsFunc(after, func(g ipam.Finding) bool { return g.Code == f.Code && g.Field == f.Field && g.Message == f.Message }) {
			t.Errorf("the fix of\n  %s\nleaves it in place", f)
		}
	}
	return applied
}

// samePlace reports whether finding field a concerns plan field b: the same
// path, or one inside the other (a subnet's addressPrefixes and its
// addressPrefixes[0]; a service CIDR and its DNS service IP are separate).
func samePlace(a, b string) bool {
	return a == b || strings.HasPrefix(a, b+"[") || strings.HasPrefix(b, a+"[")
}

var elemRe = regexp.MustCompile(`^(\w+)\[([^\]]*)\]`)

// applyFix sets s.Value at s.Field of p and returns the field set.
func applyFix(p *ipam.Plan, s ipam.FixValue) (string, error) {
	path := s.Field
	m := elemRe.FindStringSubmatch(path)
	if m == nil {
		return "", fmt.Errorf("field %q", path)
	}
	rest := strings.TrimPrefix(path[len(m[0]):], ".")
	switch m[1] {
	case "clusters":
		i := slices.IndexFunc(p.Clusters, func(c ipam.Cluster) bool { return c.Name == m[2] })
		if i < 0 {
			return "", fmt.Errorf("no cluster %q", m[2])
		}
		key, ok := strings.CutPrefix(rest, "networkProfile.")
		if !ok {
			return "", fmt.Errorf("field %q", path)
		}
		return path, setNetwork(&p.Clusters[i].NetworkProfile, key, s.Value)
	case "vnets":
		i := slices.IndexFunc(p.VNets, func(v ipam.VNet) bool { return v.Name == m[2] })
		if i < 0 {
			return "", fmt.Errorf("no VNet %q", m[2])
		}
		sm := elemRe.FindStringSubmatch(rest)
		if sm == nil || sm[1] != "subnets" {
			return "", fmt.Errorf("field %q", path)
		}
		subs := p.VNets[i].Subnets
		j := slices.IndexFunc(subs, func(sn ipam.Subnet) bool { return sn.Name == sm[2] })
		if j < 0 {
			return "", fmt.Errorf("no subnet %q", sm[2])
		}
		q, err := netip.ParsePrefix(s.Value)
		if err != nil {
			return "", err
		}
		k, err := listIndex(strings.TrimPrefix(rest[len(sm[0]):], ".addressPrefixes"))
		if err != nil {
			return "", err
		}
		if k < 0 {
			subs[j].AddressPrefixes = []netip.Prefix{q}
			return path, nil
		}
		if k >= len(subs[j].AddressPrefixes) {
			return "", fmt.Errorf("field %q: no element %d", path, k)
		}
		subs[j].AddressPrefixes[k] = q
		return path, nil
	}
	return "", fmt.Errorf("field %q", path)
}

// listIndex reads "[3]" as 3 and "" as -1 (the whole list).
func listIndex(s string) (int, error) {
	if s == "" {
		return -1, nil
	}
	if !strings.HasPrefix(s, "[") || !strings.HasSuffix(s, "]") {
		return 0, fmt.Errorf("index %q", s)
	}
	return strconv.Atoi(s[1 : len(s)-1])
}

// setNetwork sets a network profile key (serviceCidr, serviceCidrs[i],
// podCidr, podCidrs[i], dnsServiceIP) to v, keeping the single and the
// list form in step as AKS reports them.
func setNetwork(np *ipam.NetworkProfile, key, v string) error {
	if key == "dnsServiceIP" {
		a, err := netip.ParseAddr(v)
		np.DNSServiceIP = a
		return err
	}
	q, err := netip.ParsePrefix(v)
	if err != nil {
		return err
	}
	name, idx, _ := strings.Cut(key, "[")
	k := 0
	if idx != "" {
		if k, err = strconv.Atoi(strings.TrimSuffix(idx, "]")); err != nil {
			return err
		}
	}
	var single *netip.Prefix
	var list []netip.Prefix
	switch strings.TrimSuffix(name, "s") {
	case "serviceCidr":
		single, list = &np.ServiceCIDR, np.ServiceCIDRs
	case "podCidr":
		single, list = &np.PodCIDR, np.PodCIDRs
	default:
		return fmt.Errorf("key %q", key)
	}
	if k < len(list) {
		list[k] = q
	}
	if k == 0 {
		*single = q
	}
	return nil
}

// breakPlan replaces a few ranges of p with random ones and says which.
func breakPlan(r *rand.Rand, p *ipam.Plan) string {
	var used []netip.Prefix
	for _, v := range p.VNets {
		used = append(used, v.AddressSpace...)
		for _, s := range v.Subnets {
			used = append(used, s.AddressPrefixes...)
		}
	}
	for _, c := range p.Clusters {
		used = append(used, c.NetworkProfile.ServicePrefixes()...)
		used = append(used, c.NetworkProfile.PodPrefixes()...)
	}
	candidate := func() netip.Prefix {
		switch r.IntN(5) {
		case 0:
			if len(used) > 0 {
				u := used[r.IntN(len(used))]
				if u.Addr().Is4() {
					return netip.PrefixFrom(u.Addr(), max(8, u.Bits()-r.IntN(4))).Masked()
				}
			}
		case 1:
			return []netip.Prefix{
				netip.MustParsePrefix("172.30.0.0/16"), netip.MustParsePrefix("169.254.0.0/16"),
				netip.MustParsePrefix("172.16.0.0/12"), netip.MustParsePrefix("192.0.2.0/24"),
			}[r.IntN(4)]
		case 2:
			return netip.PrefixFrom(netip.AddrFrom4([4]byte{10, byte(r.IntN(256)), 0, 0}), 12).Masked()
		}
		return netip.PrefixFrom(netip.AddrFrom4([4]byte{10, byte(r.IntN(256)), byte(r.IntN(256)), 0}), 14+r.IntN(14)).Masked()
	}
	var what []string
	for range 1 + r.IntN(3) {
		switch r.IntN(5) {
		case 4:
			if len(p.Clusters) > 0 {
				c := &p.Clusters[r.IntN(len(p.Clusters))]
				if len(c.AgentPoolProfiles) > 0 {
					ap := &c.AgentPoolProfiles[r.IntN(len(c.AgentPoolProfiles))]
					ap.Count, ap.MaxCount = ap.Count*(2+r.IntN(20)), ap.MaxCount*(2+r.IntN(5))
					what = append(what, fmt.Sprintf("pool %s/%s count %d maxCount %d", c.Name, ap.Name, ap.Count, ap.MaxCount))
				}
			}
		case 0:
			if len(p.Clusters) > 0 {
				c := &p.Clusters[r.IntN(len(p.Clusters))]
				q := candidate()
				c.NetworkProfile.ServiceCIDR, c.NetworkProfile.ServiceCIDRs = q, nil
				c.NetworkProfile.DNSServiceIP = q.Addr().Next().Next()
				what = append(what, fmt.Sprintf("cluster %s service %s", c.Name, q))
			}
		case 1:
			if len(p.Clusters) > 0 {
				c := &p.Clusters[r.IntN(len(p.Clusters))]
				q := candidate()
				if len(c.NetworkProfile.PodCIDRs) > 0 {
					c.NetworkProfile.PodCIDRs[0] = q
				}
				c.NetworkProfile.PodCIDR = q
				what = append(what, fmt.Sprintf("cluster %s pod %s", c.Name, q))
			}
		case 2:
			if len(p.Clusters) > 0 {
				c := &p.Clusters[r.IntN(len(p.Clusters))]
				if s := c.NetworkProfile.ServicePrefixes(); len(s) > 0 {
					c.NetworkProfile.DNSServiceIP = s[0].Addr().Next()
					what = append(what, fmt.Sprintf("cluster %s DNS IP %s", c.Name, c.NetworkProfile.DNSServiceIP))
				}
			}
		case 3:
			if len(p.VNets) > 0 {
				v := &p.VNets[r.IntN(len(p.VNets))]
				if len(v.Subnets) > 0 {
					s := &v.Subnets[r.IntN(len(v.Subnets))]
					q := candidate()
					if q.Bits() < 16 {
						q = netip.PrefixFrom(q.Addr(), 16+r.IntN(13)).Masked()
					}
					s.AddressPrefixes = []netip.Prefix{q}
					what = append(what, fmt.Sprintf("subnet %s/%s %s", v.Name, s.Name, q))
				}
			}
		}
	}
	return strings.Join(what, "; ")
}
