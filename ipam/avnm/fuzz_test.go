package avnm_test

import (
	"encoding/json"
	"errors"
	"net/netip"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/cidrplan/cidrplan/ipam/avnm"
	"github.com/cidrplan/cidrplan/sizing"
)

// FuzzParseUsage: ParseUsage never panics; an error is an *avnm.Error
// naming the file; a usage it accepts has strict prefixes (masked, not
// 4in6), encodes to JSON that parses back to the same usage, and allocates
// only inside its available prefixes, clear of what it has in use.
func FuzzParseUsage(f *testing.F) {
	for _, path := range []string{"testdata/pool-usage.json", "testdata/pool-child.json"} {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{`{}`, `null`, `{"addressPrefixes": ["fd00::/8"], "totalNumberOfIPAddresses": "1329227995784915872903807060280344576"}`,
		`{"addressPrefixes": ["10.0.0.0/8"], "availableAddressPrefixes": ["10.0.0.0/9", "10.128.0.0/9"], "childPools": [{"resourceId": "/x", "addressPrefixes": null}]}`,
		`{"addressPrefixes": ["::ffff:10.0.0.0/104"]}`, `{"addressPrefixes": ["10.0.0.1/8"]}`, `{"addressPrefixes": [1]}`} {
		f.Add([]byte(s))
	}
	opts := cmp.Options{cmpopts.EquateComparable(netip.Prefix{}), cmp.Comparer(func(a, b sizing.Count) bool { return a == b }), cmpopts.EquateEmpty()}
	f.Fuzz(func(t *testing.T, data []byte) {
		u, err := avnm.ParseUsage(data, "u.json")
		if err != nil {
			var ae *avnm.Error
			if !errors.As(err, &ae) || ae.File != "u.json" {
				t.Fatalf("error %v is not an *avnm.Error naming u.json", err)
			}
			return
		}
		if len(u.AddressPrefixes) == 0 {
			t.Fatal("accepted a usage without address prefixes")
		}
		all := [][]netip.Prefix{u.AddressPrefixes, u.AllocatedAddressPrefixes, u.ReservedAddressPrefixes, u.AvailableAddressPrefixes}
		for _, c := range u.ChildPools {
			all = append(all, c.AddressPrefixes)
		}
		for _, ps := range all {
			for _, p := range ps {
				if !p.IsValid() || p != p.Masked() || p.Addr().Is4In6() {
					t.Fatalf("accepted prefix %v", p)
				}
			}
		}
		back, err := json.Marshal(u)
		if err != nil {
			t.Fatal(err)
		}
		again, err := avnm.ParseUsage(back, "u.json")
		if err != nil {
			t.Fatalf("re-encoded usage %s: %v", back, err)
		}
		if diff := cmp.Diff(u, again, opts); diff != "" {
			t.Fatalf("round trip (-parsed +re-parsed):\n%s", diff)
		}
		for _, bits := range []int{24, 28, 64, 120} {
			got, err := u.Allocate(bits, 2)
			var ne *avnm.NoSpaceError
			if errors.As(err, &ne) {
				continue
			}
			if err != nil {
				t.Fatalf("Allocate(%d, 2): %v", bits, err)
			}
			for _, p := range got {
				inside := false
				for _, a := range u.AvailableAddressPrefixes {
					inside = inside || a.Bits() <= p.Bits() && a.Contains(p.Addr())
				}
				for _, r := range u.InUse() {
					if r.Contains(p.Addr()) || p.Contains(r.From()) {
						t.Fatalf("Allocate(%d) gave %s, which is in use (%s)", bits, p, r)
					}
				}
				if !inside {
					t.Fatalf("Allocate(%d) gave %s, outside the available prefixes", bits, p)
				}
			}
		}
	})
}
