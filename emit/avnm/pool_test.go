package avnm_test

import (
	"bytes"
	"errors"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/emit/avnm"
	"github.com/cidrplan/cidrplan/emit/internal/emittest"
	"github.com/cidrplan/cidrplan/ipam"
	ipamavnm "github.com/cidrplan/cidrplan/ipam/avnm"
	"github.com/cidrplan/cidrplan/ipam/planfile"
)

func loadPool(t *testing.T, name string) *ipamavnm.Usage {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "pool", name))
	if err != nil {
		t.Fatal(err)
	}
	u, err := ipamavnm.ParseUsage(data, name)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// Each range the pool must hold back is placed in the pool by its usage:
// created inside it, not again where it is a static CIDR already, not at
// all outside it, refused partly outside it (unless forced).
func TestPool(t *testing.T) {
	p, err := planfile.Load(filepath.Join("testdata", "pool", "plan.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	mixed, only10 := loadPool(t, "usage.json"), loadPool(t, "usage-10.json")
	type placed struct {
		Prefix string
		Place  avnm.Place
	}
	places := func(u *ipamavnm.Usage) []placed {
		var out []placed
		for _, r := range avnm.Ranges(p, u) {
			out = append(out, placed{r.Prefix.String(), r.Place})
		}
		return out
	}
	want := []placed{{"10.1.0.0/16", avnm.InPool}, {"10.0.4.0/24", avnm.StaticCIDR},
		{"10.244.0.0/16", avnm.OutsidePool}, {"172.16.0.0/23", avnm.PartlyInPool}, {"192.168.0.0/16", avnm.OutsidePool}}
	if diff := cmp.Diff(want, places(mixed)); diff != "" {
		t.Errorf("Ranges (-want +got)\n%s", diff)
	}
	want[3].Place = avnm.OutsidePool
	if diff := cmp.Diff(want, places(only10)); diff != "" {
		t.Errorf("Ranges of the pool of 10.0.0.0/14 (-want +got)\n%s", diff)
	}
	for i := range want {
		want[i].Place = avnm.Unchecked
	}
	if diff := cmp.Diff(want, places(nil)); diff != "" {
		t.Errorf("Ranges without usage (-want +got)\n%s", diff)
	}

	_, err = avnm.Marshal(p, poolID, mixed, emit.Options{})
	var partly *avnm.PartlyInPoolError
	if !errors.Is(err, avnm.ErrPartlyInPool) || !errors.As(err, &partly) {
		t.Fatalf("Marshal with a range partly outside the pool = %v, want a *PartlyInPoolError", err)
	}
	if partly.Pool != "corp" || len(partly.Ranges) != 1 || partly.Ranges[0].Prefix != netip.MustParsePrefix("172.16.0.0/23") {
		t.Errorf("PartlyInPoolError = %+v, want pool corp and 172.16.0.0/23", partly)
	}
	for _, tt := range []struct {
		golden string
		usage  *ipamavnm.Usage
		opts   emit.Options
	}{
		{"checked.sh", only10, emit.Options{}},
		{"forced.sh", mixed, emit.Options{Force: true}},
	} {
		got, err := avnm.Marshal(p, poolID, tt.usage, tt.opts)
		if err != nil {
			t.Fatalf("%s: %v", tt.golden, err)
		}
		emittest.Golden(t, filepath.Join("testdata", "pool", tt.golden), got, *update)
		cmd := exec.Command("bash", "-n")
		cmd.Stdin = bytes.NewReader(got)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%s: bash -n: %v\n%s", tt.golden, err, out)
		}
	}

	// Checked as check --avnm checks it: over what the pool has allocated,
	// and a VNet outside the pool.
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "avnm", "pool-usage.json"))
	if err != nil {
		t.Fatal(err)
	}
	example, err := ipamavnm.ParseUsage(data, "pool-usage.json")
	if err != nil {
		t.Fatal(err)
	}
	_, err = avnm.Marshal(emittest.BundledPlan(t, "overlay-cilium"), poolID, example, emit.Options{})
	var invalid *emit.InvalidPlanError
	if !errors.As(err, &invalid) {
		t.Fatalf("Marshal of a plan over the pool's allocations = %v, want an *emit.InvalidPlanError", err)
	}
	var codes []ipam.Code
	for _, f := range invalid.Findings {
		codes = append(codes, f.Code)
	}
	if diff := cmp.Diff([]ipam.Code{ipam.CodeAVNMPrefixInUse, ipam.CodeAVNMPrefixOutsidePool}, codes); diff != "" {
		t.Errorf("refused for (-want +got)\n%s", diff)
	}
}
