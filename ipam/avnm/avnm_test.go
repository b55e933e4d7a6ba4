package avnm_test

import (
	"errors"
	"net/netip"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"go4.org/netipx"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/avnm"
	"github.com/cidrplan/cidrplan/sizing"
)

func load(t *testing.T) *avnm.Usage {
	t.Helper()
	data, err := os.ReadFile("testdata/pool-usage.json")
	if err != nil {
		t.Fatal(err)
	}
	u, err := avnm.ParseUsage(data, "pool-usage.json")
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func prefixes(ss ...string) []netip.Prefix {
	var out []netip.Prefix
	for _, s := range ss {
		out = append(out, netip.MustParsePrefix(s))
	}
	return out
}

func TestParseUsage(t *testing.T) {
	u := load(t)
	if diff := cmp.Diff(prefixes("10.0.0.0/16"), u.AddressPrefixes, cmpopts.EquateComparable(netip.Prefix{})); diff != "" {
		t.Errorf("AddressPrefixes (-want +got)\n%s", diff)
	}
	if u.TotalNumberOfIPAddresses.String() != "65536" || u.NumberOfReservedIPAddresses.String() != "256" {
		t.Errorf("counts %s and %s, want 65536 and 256", u.TotalNumberOfIPAddresses, u.NumberOfReservedIPAddresses)
	}
}

// A pool is named by its "name" key, else by its file's base name.
func TestParseUsageName(t *testing.T) {
	tests := []struct {
		json, file, want string
	}{
		{`{"addressPrefixes": ["10.0.0.0/16"], "name": "corp"}`, "dir/u.json", "corp"},
		{`{"addressPrefixes": ["10.0.0.0/16"]}`, "dir/u.json", "u.json"},
		{`{"addressPrefixes": ["10.0.0.0/16"], "name": null}`, "u.json", "u.json"},
	}
	for _, tt := range tests {
		u, err := avnm.ParseUsage([]byte(tt.json), tt.file)
		if err != nil {
			t.Fatal(err)
		}
		if u.Name != tt.want {
			t.Errorf("ParseUsage(%s, %q).Name = %q, want %q", tt.json, tt.file, u.Name, tt.want)
		}
	}
}

func TestParseUsageExactCounts(t *testing.T) {
	// An IPv6 pool's counts exceed 2^64; az writes them as strings.
	u, err := avnm.ParseUsage([]byte(`{"addressPrefixes": ["fd00::/8"],
		"totalNumberOfIPAddresses": "1329227995784915872903807060280344576", "numberOfReservedIPAddresses": 3}`), "v6.json")
	if err != nil {
		t.Fatal(err)
	}
	want, _ := sizing.ParseCount("1329227995784915872903807060280344576")
	if u.TotalNumberOfIPAddresses != want || u.NumberOfReservedIPAddresses.String() != "3" {
		t.Errorf("counts %s and %s", u.TotalNumberOfIPAddresses, u.NumberOfReservedIPAddresses)
	}
}

func TestParseUsageErrors(t *testing.T) {
	tests := []struct {
		name    string
		json    string
		wantKey string
		wantErr error
	}{
		{"not JSON", `{`, "", avnm.ErrSyntax},
		{"not an object", `[]`, "", avnm.ErrSyntax},
		{"no prefixes", `{"childPools": []}`, "addressPrefixes", avnm.ErrSyntax},
		{"prefixes not a list", `{"addressPrefixes": "10.0.0.0/16"}`, "addressPrefixes", avnm.ErrSyntax},
		{"host bits", `{"addressPrefixes": ["10.0.0.1/16"]}`, "addressPrefixes[0]", ipam.ErrHostBits},
		{"malformed prefix", `{"addressPrefixes": ["10.0.0.0/16"], "reservedAddressPrefixes": ["nope"]}`, "reservedAddressPrefixes[0]", ipam.ErrInvalidPrefix},
		{"4in6", `{"addressPrefixes": ["::ffff:10.0.0.0/112"]}`, "addressPrefixes[0]", ipam.Err4in6},
		{"child pools as IDs", `{"addressPrefixes": ["10.0.0.0/16"], "childPools": ["/x"]}`, "childPools", avnm.ErrSyntax},
		{"child pool host bits", `{"addressPrefixes": ["10.0.0.0/16"], "childPools": [{"resourceId": "/x", "addressPrefixes": ["10.0.0.1/24"]}]}`, "childPools[0].addressPrefixes[0]", ipam.ErrHostBits},
		{"name not a string", `{"addressPrefixes": ["10.0.0.0/16"], "name": 7}`, "name", avnm.ErrSyntax},
		{"empty name", `{"addressPrefixes": ["10.0.0.0/16"], "name": ""}`, "name", avnm.ErrSyntax},
		{"bad count", `{"addressPrefixes": ["10.0.0.0/16"], "totalNumberOfIPAddresses": "-1"}`, "totalNumberOfIPAddresses", sizing.ErrCount},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := avnm.ParseUsage([]byte(tt.json), "u.json")
			var ae *avnm.Error
			if !errors.Is(err, tt.wantErr) || !errors.As(err, &ae) {
				t.Fatalf("ParseUsage = %v, want an *avnm.Error matching %v", err, tt.wantErr)
			}
			if ae.Key != tt.wantKey || ae.File != "u.json" {
				t.Errorf("error at %s %s, want u.json %s", ae.File, ae.Key, tt.wantKey)
			}
			if n := strings.Count(err.Error(), "avnm: "); n != 1 || strings.Contains(err.Error(), "ipam: ") {
				t.Errorf("error %q names a package other than once", err)
			}
		})
	}
}

func TestAllocate(t *testing.T) {
	tests := []struct {
		name        string
		bits, count int
		used        []string
		want        []netip.Prefix
	}{
		// 10.0.4.0/24 is reserved although listed as available: never given.
		{"first /24s", 24, 4, nil, prefixes("10.0.5.0/24", "10.0.6.0/24", "10.0.7.0/24", "10.0.9.0/24")},
		{"a /22 skips the reserved /24", 22, 1, nil, prefixes("10.0.12.0/22")},
		{"clear of more used ranges", 24, 1, []string{"10.0.5.0/24"}, prefixes("10.0.6.0/24")},
		{"across available prefixes", 20, 2, nil, prefixes("10.0.16.0/20", "10.0.32.0/20")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var used []netipx.IPRange
			for _, p := range prefixes(tt.used...) {
				used = append(used, netipx.RangeOfPrefix(p))
			}
			got, err := load(t).Allocate(tt.bits, tt.count, used...)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateComparable(netip.Prefix{})); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func TestAllocateNoSpace(t *testing.T) {
	_, err := load(t).Allocate(17, 2)
	var ne *avnm.NoSpaceError
	if !errors.Is(err, ipam.ErrNoSpace) || !errors.As(err, &ne) || ne.Found != 1 {
		t.Errorf("Allocate(17, 2) = %v, want a NoSpaceError that found 1", err)
	}
	if _, err := load(t).Allocate(24, 0); !errors.Is(err, ipam.ErrBadAllocRequest) {
		t.Errorf("Allocate(24, 0) = %v, want ErrBadAllocRequest", err)
	}
}

// TestAllocateNeverInUse checks every allocation of every length against
// the pool's lists: inside an available prefix, clear of allocated and
// reserved ones, and of each other.
func TestAllocateNeverInUse(t *testing.T) {
	u := load(t)
	for bits := 16; bits <= 28; bits++ {
		got, err := u.Allocate(bits, 1<<(bits-16))
		var ne *avnm.NoSpaceError
		if errors.As(err, &ne) {
			got, err = u.Allocate(bits, ne.Found)
			if ne.Found == 0 {
				continue
			}
		}
		if err != nil {
			t.Fatalf("/%d: %v", bits, err)
		}
		var seen netipx.IPSetBuilder
		for _, p := range got {
			inside := false
			for _, a := range u.AvailableAddressPrefixes {
				inside = inside || a.Contains(p.Addr()) && a.Bits() <= p.Bits()
			}
			for _, q := range append(u.AllocatedAddressPrefixes, u.ReservedAddressPrefixes...) {
				if q.Overlaps(p) {
					t.Errorf("/%d: %s overlaps %s, which is in use", bits, p, q)
				}
			}
			s, _ := seen.IPSet()
			if !inside || s.OverlapsPrefix(p) {
				t.Errorf("/%d: %s outside the available prefixes or given twice", bits, p)
			}
			seen.AddPrefix(p)
		}
	}
}
