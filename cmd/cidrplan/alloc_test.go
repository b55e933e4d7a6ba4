package main

import (
	"encoding/json"
	"net/netip"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestAlloc(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		want     []string
		wantCode int
	}{
		{"first fit around used ranges", []string{"--within", "10.10.0.0/16", "--avoid", "10.10.0.0/21,10.10.9.0/26", "--prefix-length", "24", "--count", "3"},
			[]string{"10.10.8.0/24", "10.10.10.0/24", "10.10.11.0/24"}, exitOK},
		{"repeated avoid flags", []string{"--within", "10.0.0.0/8", "--avoid", "10.0.0.0/16", "--avoid", "10.1.0.0/16", "--prefix-length", "/16"},
			[]string{"10.2.0.0/16"}, exitOK},
		{"spokes from a slash 12", []string{"--within", "10.64.0.0/12", "--prefix-length", "18", "--count", "5"},
			[]string{"10.64.0.0/18", "10.64.64.0/18", "10.64.128.0/18", "10.64.192.0/18", "10.65.0.0/18"}, exitOK},
		{"IPv6", []string{"--within", "fd00:60::/48", "--avoid", "fd00:60::/64", "--prefix-length", "64", "--count", "2"},
			[]string{"fd00:60:0:1::/64", "fd00:60:0:2::/64"}, exitOK},
		{"in a plan's VNet, clear of its subnets", []string{"--plan", "../../examples/plans/classic-cni.yaml", "--in-vnet", "prod-vnet", "--prefix-length", "24", "--count", "2"},
			[]string{"10.10.10.0/24", "10.10.11.0/24"}, exitOK},
		{"within a range, clear of the plan's service CIDR", []string{"--plan", "../../examples/plans/classic-cni.yaml", "--within", "10.0.0.0/14", "--prefix-length", "16", "--count", "2"},
			[]string{"10.1.0.0/16", "10.2.0.0/16"}, exitOK},
		{"plan and avoid", []string{"--plan", "../../examples/plans/classic-cni.yaml", "--in-vnet", "prod-vnet", "--avoid", "10.10.10.0/23", "--prefix-length", "24"},
			[]string{"10.10.12.0/24"}, exitOK},
		{"avoid of the other family is irrelevant", []string{"--within", "10.0.0.0/24", "--avoid", "fd00::/8", "--prefix-length", "25", "--count", "2"},
			[]string{"10.0.0.0/25", "10.0.0.128/25"}, exitOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := cli(t, append([]string{"alloc", "-o", "json"}, tt.args...)...)
			if code != tt.wantCode {
				t.Fatalf("exit status %d, want %d; stderr %s", code, tt.wantCode, stderr)
			}
			var got struct {
				Prefixes []netip.Prefix `json:"prefixes"`
			}
			if err := json.Unmarshal([]byte(stdout), &got); err != nil {
				t.Fatalf("%v\n%s", err, stdout)
			}
			var want []netip.Prefix
			for _, s := range tt.want {
				want = append(want, netip.MustParsePrefix(s))
			}
			if diff := cmp.Diff(want, got.Prefixes, cmpopts.EquateComparable(netip.Prefix{})); diff != "" {
				t.Errorf("alloc %v (-want +got):\n%s", tt.args, diff)
			}
		})
	}
}

func TestAllocTable(t *testing.T) {
	stdout, _, code := cli(t, "alloc", "--within", "10.10.0.0/16", "--avoid", "10.10.0.0/21", "--prefix-length", "24", "--count", "2")
	if code != exitOK {
		t.Fatalf("exit status %d", code)
	}
	golden(t, "alloc", stdout)
}

func TestAllocDoesNotFit(t *testing.T) {
	stdout, stderr, code := cli(t, "alloc", "--within", "10.0.0.0/12", "--prefix-length", "16", "--count", "50")
	wantOneLineError(t, stdout, stderr, code, exitFailure, "10.0.0.0/12 has room for only 16 free /16 prefixes, not 50")
}

func TestAllocBadInput(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no within", []string{"--prefix-length", "24"}, "missing --within CIDR, or --plan PLAN --in-vnet NAME"},
		{"plan without in-vnet or within", []string{"--plan", "../../examples/plans/classic-cni.yaml", "--prefix-length", "26"},
			`--plan "../../examples/plans/classic-cni.yaml": say where to allocate: --in-vnet NAME (the plan's VNets: "prod-vnet") or --within CIDR`},
		{"no prefix length", []string{"--within", "10.0.0.0/8"}, "missing --prefix-length"},
		{"host bits in within", []string{"--within", "10.0.0.1/8", "--prefix-length", "24"}, `--within "10.0.0.1/8": host bits set (want 10.0.0.0/8)`},
		{"host bits in avoid", []string{"--within", "10.0.0.0/8", "--avoid", "10.1.2.3/16", "--prefix-length", "24"}, `--avoid "10.1.2.3/16": host bits set (want 10.1.0.0/16)`},
		{"bad avoid in a list", []string{"--within", "10.0.0.0/8", "--avoid", "10.1.0.0/16,nope", "--prefix-length", "24"}, `"nope": not a CIDR`},
		{"length shorter than within", []string{"--within", "10.0.0.0/12", "--prefix-length", "8"}, "--prefix-length 8: shorter than --within 10.0.0.0/12"},
		{"length longer than the family", []string{"--within", "10.0.0.0/12", "--prefix-length", "33"}, "--prefix-length 33: longer than an IPv4 address"},
		{"length not a number", []string{"--within", "10.0.0.0/12", "--prefix-length", "big"}, `--prefix-length "big": not a whole number`},
		{"in-vnet without plan", []string{"--in-vnet", "v", "--prefix-length", "24"}, "--in-vnet needs --plan"},
		{"in-vnet and within", []string{"--plan", "../../examples/plans/classic-cni.yaml", "--in-vnet", "prod-vnet", "--within", "10.0.0.0/8", "--prefix-length", "24"}, "not both"},
		{"unknown VNet", []string{"--plan", "../../examples/plans/classic-cni.yaml", "--in-vnet", "nope", "--prefix-length", "24"}, `--in-vnet "nope": no such VNet`},
		{"missing plan", []string{"--plan", "nope.yaml", "--within", "10.0.0.0/8", "--prefix-length", "24"}, `plan "nope.yaml": no such file`},
		{"count above the cap", []string{"--within", "10.0.0.0/8", "--prefix-length", "32", "--count", "65537"}, `--count "65537": must be at most 65536`},
		{"count zero", []string{"--within", "10.0.0.0/12", "--prefix-length", "24", "--count", "0"}, `--count "0": must be at least 1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := cli(t, append([]string{"alloc"}, tt.args...)...)
			wantOneLineError(t, stdout, stderr, code, exitUsage, tt.want)
		})
	}
}

func TestAllocPlanVNetFull(t *testing.T) {
	stdout, stderr, code := cli(t, "alloc", "--plan", "../../examples/plans/classic-cni.yaml", "--in-vnet", "prod-vnet", "--prefix-length", "17", "--count", "3")
	wantOneLineError(t, stdout, stderr, code, exitFailure, `VNet "prod-vnet" has room for only 1 free /17 prefix, not 3`)
}

func TestAllocYAMLMatchesJSON(t *testing.T) {
	args := []string{"alloc", "--within", "10.0.0.0/22", "--prefix-length", "24", "--count", "2"}
	y, _, _ := cli(t, append(args, "-o", "yaml")...)
	if want := "prefixes:\n  - 10.0.0.0/24\n  - 10.0.1.0/24\n"; y != want {
		t.Errorf("yaml = %q, want %q", y, want)
	}
	if strings.Contains(y, "{") {
		t.Errorf("yaml in flow style: %q", y)
	}
}
