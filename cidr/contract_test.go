package cidr_test

import (
	"errors"
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"testing"

	"github.com/cidrplan/cidrplan/cidr"
	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/azure"
	"github.com/cidrplan/cidrplan/ipam/planfile"
	"github.com/cidrplan/cidrplan/overlap"
	"github.com/cidrplan/cidrplan/sizing"
	"github.com/google/go-cmp/cmp"
)

// TestSentinelsSharedAcrossPackages pins the contract of one sentinel per
// condition: whichever package's entry point notices host bits or an
// IPv4-mapped prefix, errors.Is matches cidr's sentinel and the one that
// package documents.
func TestSentinelsSharedAcrossPackages(t *testing.T) {
	cluster := sizing.Cluster{Network: sizing.Network{Plugin: sizing.PluginAzure}, Pools: []sizing.Pool{{Name: "np", Count: 3}}}
	nodeSubnet := sizing.RangeKey{Kind: sizing.NodeSubnet, Name: sizing.DefaultNodeSubnet, Family: sizing.IPv4}
	entryPoints := []struct {
		name     string
		call     func(s string) error
		hostBits error // the package's sentinel for host bits
		mapped   error // the package's sentinel for 4in6
	}{
		{"overlap.Tree.Insert", func(s string) error {
			var tr overlap.Tree[int]
			return tr.Insert(netip.MustParsePrefix(s), 1)
		}, overlap.ErrHostBits, overlap.ErrMappedIPv6},
		{"overlap.CheckPrefix", func(s string) error {
			return overlap.CheckPrefix(netip.MustParsePrefix(s))
		}, overlap.ErrHostBits, overlap.ErrMappedIPv6},
		{"sizing.Cluster.Fit", func(s string) error {
			_, err := cluster.Fit(nodeSubnet, netip.MustParsePrefix(s))
			return err
		}, sizing.ErrPrefix, sizing.ErrPrefix},
		{"sizing.PodCIDRNodes", func(s string) error {
			_, err := sizing.PodCIDRNodes(netip.MustParsePrefix(s))
			return err
		}, sizing.ErrPrefix, sizing.ErrPrefix},
		{"ipam.ParsePrefix", func(s string) error {
			_, err := ipam.ParsePrefix(s)
			return err
		}, ipam.ErrHostBits, ipam.Err4in6},
		{"ipam.NewAllocator", func(s string) error {
			_, err := ipam.NewAllocator(netip.MustParsePrefix(s))
			return err
		}, ipam.ErrBadAllocRequest, ipam.ErrBadAllocRequest},
		{"planfile.Parse", func(s string) error {
			_, err := planfile.Parse([]byte("vnets:\n  - name: v\n    addressSpace: ['"+s+"']\n"), "plan.yaml")
			return err
		}, ipam.ErrHostBits, ipam.Err4in6},
		{"azure.ParseAKS", func(s string) error {
			_, err := azure.ParseAKS([]byte(`{"name":"a","networkProfile":{"podCidr":"`+s+`"}}`), "aks.json")
			return err
		}, azure.ErrInvalidValue, azure.ErrInvalidValue},
	}
	inputs := []struct {
		name   string
		in     string
		shared error
		own    func(hostBits, mapped error) error
	}{
		{"host bits", "10.0.0.1/16", cidr.ErrHostBits, func(h, _ error) error { return h }},
		{"mapped", "::ffff:10.0.0.0/112", cidr.ErrMappedIPv6, func(_, m error) error { return m }},
	}
	for _, ep := range entryPoints {
		for _, in := range inputs {
			t.Run(ep.name+" "+in.name, func(t *testing.T) {
				err := ep.call(in.in)
				own := in.own(ep.hostBits, ep.mapped)
				if !errors.Is(err, in.shared) || !errors.Is(err, own) {
					t.Errorf("%s(%q) = %v; want it to match both %q and %q", ep.name, in.in, err, in.shared, own)
				}
			})
		}
	}
}

// TestPackageSentinelsAreCIDRs pins that the prefix sentinels the packages
// export are cidr's values, not copies with the same text.
func TestPackageSentinelsAreCIDRs(t *testing.T) {
	tests := []struct {
		name string
		got  error
		want error
	}{
		{"overlap.ErrInvalidPrefix", overlap.ErrInvalidPrefix, cidr.ErrInvalidPrefix},
		{"overlap.ErrHostBits", overlap.ErrHostBits, cidr.ErrHostBits},
		{"overlap.ErrMappedIPv6", overlap.ErrMappedIPv6, cidr.ErrMappedIPv6},
		{"overlap.ErrInvalidRange", overlap.ErrInvalidRange, cidr.ErrInvalidRange},
		{"ipam.ErrInvalidPrefix", ipam.ErrInvalidPrefix, cidr.ErrInvalidPrefix},
		{"ipam.ErrInvalidAddr", ipam.ErrInvalidAddr, cidr.ErrInvalidAddr},
		{"ipam.ErrHostBits", ipam.ErrHostBits, cidr.ErrHostBits},
		{"ipam.Err4in6", ipam.Err4in6, cidr.ErrMappedIPv6},
		{"ipam.ErrTooLarge", ipam.ErrTooLarge, cidr.ErrInputTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("%s = %s, a value other than cidr's %s", tt.name, fmt.Sprint(tt.got), tt.want)
			}
		})
	}
}

// TestInputTooLargeSharedAcrossReaders pins that every reader of the
// module reports an input over its limit as the one error type, found by
// errors.As under cidr's name and ipam's alias, matching both sentinels.
func TestInputTooLargeSharedAcrossReaders(t *testing.T) {
	dir := t.TempDir()
	// A sparse file one byte over the default limit: refused from its
	// size before it is read.
	huge := filepath.Join(dir, "plan.yaml")
	if err := os.WriteFile(huge, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, cidr.DefaultMaxInputSize+1); err != nil {
		t.Fatal(err)
	}
	small := filepath.Join(dir, "aks.json")
	if err := os.WriteFile(small, []byte(`{"name":"a"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		call func() error
		want cidr.InputTooLargeError
	}{
		{"planfile.Load", func() error {
			_, err := planfile.Load(huge)
			return err
		}, cidr.InputTooLargeError{Name: huge, Limit: ipam.DefaultMaxInputSize}},
		{"azure.Import", func() error {
			_, err := azure.Import(azure.Sources{AKS: []string{small}, MaxInputSize: 4})
			return err
		}, cidr.InputTooLargeError{Name: small, Limit: 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			if !errors.Is(err, cidr.ErrInputTooLarge) || !errors.Is(err, ipam.ErrTooLarge) {
				t.Fatalf("%s = %v; want it to match cidr.ErrInputTooLarge and ipam.ErrTooLarge", tt.name, err)
			}
			var tl *ipam.TooLargeError // the alias: the same type as *cidr.InputTooLargeError
			if !errors.As(err, &tl) {
				t.Fatalf("%s = %#v; want an *ipam.TooLargeError", tt.name, err)
			}
			if diff := cmp.Diff(tt.want, *tl); diff != "" {
				t.Errorf("%s: error (-want +got)\n%s", tt.name, diff)
			}
		})
	}
}
