package avnm_test

import (
	"bytes"
	"errors"
	"flag"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/emit/avnm"
	"github.com/cidrplan/cidrplan/emit/internal/emittest"
	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

const poolID = "/subscriptions/sub1/resourceGroups/net-rg/providers/Microsoft.Network/networkManagers/nm/ipamPools/corp"

// TestPlans emits every test plan and checks the script against its golden
// file, against bash -n, and against the plan: every pod, service and
// on-premises range has a static CIDR, every VNet prefix an allocation of
// its size.
func TestPlans(t *testing.T) {
	for _, tp := range emittest.Plans(t) {
		t.Run(tp.Name, func(t *testing.T) {
			got, err := avnm.Marshal(tp.Plan, poolID, nil, emit.Options{Force: true})
			if err != nil {
				t.Fatal(err)
			}
			emittest.Golden(t, filepath.Join("testdata", tp.Name+".sh"), got, *update)
			cmd := exec.Command("bash", "-n")
			cmd.Stdin = bytes.NewReader(got)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("bash -n: %v\n%s", err, out)
			}
			text := string(got)
			q := tp.Plan.WithDefaults()
			for _, c := range q.Clusters {
				np := &c.NetworkProfile
				ranges := np.ServicePrefixes()
				if np.UsesPodCIDR() {
					ranges = append(ranges, np.PodPrefixes()...)
				}
				for _, p := range ranges {
					if !strings.Contains(text, "--address-prefixes "+p.String()+" \\\n") {
						t.Errorf("no static CIDR for %s of cluster %s", p, c.Name)
					}
				}
			}
			for _, a := range q.Avoid {
				for _, p := range a.Prefixes {
					if has := strings.Contains(text, "--address-prefixes "+p.String()+" \\\n"); has != (a.Source == ipam.SourceOnPremises) {
						t.Errorf("avoid range %s (%s): static CIDR %v", a.Name, a.Source, has)
					}
				}
			}
			for _, vn := range q.VNets {
				if vn.Assumed {
					continue // AKS creates it
				}
				for i, p := range vn.AddressSpace {
					n := "[" + string(rune('0'+i)) + "]"
					if !strings.Contains(text, "'"+n+".number-of-ip-addresses="+sizing.PrefixCount(p).String()+"' \\\n  \""+n+".id=$pool_id\"") {
						t.Errorf("no allocation of %s for VNet %s", p, vn.Name)
					}
				}
			}
		})
	}
}

func TestParsePoolID(t *testing.T) {
	got, err := avnm.ParsePoolID(poolID)
	if err != nil {
		t.Fatal(err)
	}
	want := avnm.Pool{ID: poolID, Subscription: "sub1", ResourceGroup: "net-rg", NetworkManager: "nm", Name: "corp"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	for _, bad := range []string{"", "corp", strings.TrimPrefix(poolID, "/"), poolID + "/x",
		strings.Replace(poolID, "ipamPools", "pools", 1), strings.Replace(poolID, "Microsoft.Network", "Microsoft.Compute", 1),
		strings.Replace(poolID, "/nm/", "//", 1)} {
		if _, err := avnm.ParsePoolID(bad); !errors.Is(err, avnm.ErrPoolID) {
			t.Errorf("ParsePoolID(%q) = %v, want ErrPoolID", bad, err)
		}
	}
	if _, err := avnm.ParsePoolID(strings.ToLower(poolID)); err != nil {
		t.Errorf("lower-case key words: %v", err)
	}
}

func TestRefuses(t *testing.T) {
	var out bytes.Buffer
	if err := avnm.Write(&out, emittest.BundledPlan(t, "incomplete"), poolID, nil, emit.Options{}); !errors.Is(err, emit.ErrUnallocated) || out.Len() > 0 {
		t.Errorf("Write of an incomplete plan = %v, wrote %d bytes", err, out.Len())
	}
	if err := avnm.Write(&out, emittest.BundledPlan(t, "classic-cni"), "corp", nil, emit.Options{}); !errors.Is(err, avnm.ErrPoolID) {
		t.Errorf("Write with a bad pool ID = %v", err)
	}
}
