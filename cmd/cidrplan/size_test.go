package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/cidrplan/cidrplan/sizing"
	"github.com/google/go-cmp/cmp"
)

// sizeJSON is the documented -o json shape of size; decoding into int
// fields fails if a count is printed as a string.
type sizeJSON struct {
	Model      string     `json:"model"`
	MaxPods    int        `json:"maxPods"`
	Nodes      int        `json:"nodes"`
	Surge      int        `json:"surge"`
	PeakNodes  int        `json:"peakNodes"`
	MaxNodes   *int       `json:"maxNodes"`
	Pods       *int       `json:"pods"`
	NodeSubnet *rangeJSON `json:"nodeSubnet"`
	PodSubnet  *rangeJSON `json:"podSubnet"`
	PodCIDR    *rangeJSON `json:"podCIDR"`
	PodCIDRv6  *rangeJSON `json:"podCIDRv6"`
}

type rangeJSON struct {
	Addresses       int   `json:"addresses"`
	PerNode         int   `json:"perNode"`
	MinPrefixLength int   `json:"minPrefixLength"`
	MaxNodes        *int  `json:"maxNodes"`
	Pods            *int  `json:"pods"`
	Fits            *bool `json:"fits"`
}

func intp(n int) *int    { return &n }
func boolp(b bool) *bool { return &b }

func sizeOut(t *testing.T, args ...string) (sizeJSON, int) {
	t.Helper()
	stdout, stderr, code := cli(t, append([]string{"size", "-o", "json"}, args...)...)
	if code == exitUsage {
		t.Fatalf("size %v: exit 2: %s", args, stderr)
	}
	var got sizeJSON
	var loose map[string]any
	if err := json.Unmarshal([]byte(stdout), &loose); err != nil {
		t.Fatalf("size %v: output is not JSON: %v\n%s", args, err, stdout)
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("size %v: %v\n%s", args, err, stdout)
	}
	return got, code
}

// The worked examples of docs/aks-rules.md#address-demand-per-model that one
// pool can express.
func TestSizeVectors(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		want     sizeJSON
		wantCode int
	}{
		{
			name: "classic 50 nodes maxPods 30 surge 1",
			args: []string{"--network-plugin", "azure", "--node-count", "50", "--max-pods", "30", "--max-surge", "1"},
			want: sizeJSON{Model: "nodeSubnet", MaxPods: 30, Nodes: 50, Surge: 1, PeakNodes: 51,
				NodeSubnet: &rangeJSON{Addresses: 1581, PerNode: 31, MinPrefixLength: 21}},
		},
		{
			name: "same plus 10 scale-out",
			args: []string{"--network-plugin", "azure", "--node-count", "50", "--max-pods", "30", "--max-surge", "1", "--scale-out", "10"},
			want: sizeJSON{Model: "nodeSubnet", MaxPods: 30, Nodes: 50, Surge: 1, PeakNodes: 61,
				NodeSubnet: &rangeJSON{Addresses: 1891, PerNode: 31, MinPrefixLength: 21}},
		},
		{
			name: "classic slash 24 holds 8 nodes",
			args: []string{"--network-plugin", "azure", "--node-count", "3", "--max-pods", "30", "--max-surge", "0", "--max-unavailable", "1", "--node-subnet", "10.0.0.0/24"},
			want: sizeJSON{Model: "nodeSubnet", MaxPods: 30, Nodes: 3, PeakNodes: 3, MaxNodes: intp(8), Pods: intp(240),
				NodeSubnet: &rangeJSON{Addresses: 93, PerNode: 31, MinPrefixLength: 25, MaxNodes: intp(8), Pods: intp(240), Fits: boolp(true)}},
		},
		{
			name: "kubenet slash 24 node subnet holds 251 nodes",
			args: []string{"--network-plugin", "kubenet", "--node-count", "3", "--max-surge", "0", "--max-unavailable", "1", "--node-subnet", "10.0.0.0/24"},
			want: sizeJSON{Model: "kubenet", MaxPods: 110, Nodes: 3, PeakNodes: 3, MaxNodes: intp(251), Pods: intp(27610),
				NodeSubnet: &rangeJSON{Addresses: 3, PerNode: 1, MinPrefixLength: 29, MaxNodes: intp(251), Pods: intp(27610), Fits: boolp(true)},
				PodCIDR:    &rangeJSON{Addresses: 768, PerNode: 256, MinPrefixLength: 22}},
		},
		{
			name: "overlay slash 16 pod CIDR holds 256 nodes",
			args: []string{"--network-plugin-mode", "overlay", "--node-count", "3", "--max-surge", "0", "--max-unavailable", "1", "--pod-cidr", "10.244.0.0/16"},
			want: sizeJSON{Model: "overlay", MaxPods: 250, Nodes: 3, PeakNodes: 3, MaxNodes: intp(256), Pods: intp(64000),
				NodeSubnet: &rangeJSON{Addresses: 3, PerNode: 1, MinPrefixLength: 29},
				PodCIDR:    &rangeJSON{Addresses: 768, PerNode: 256, MinPrefixLength: 22, MaxNodes: intp(256), Pods: intp(64000), Fits: boolp(true)}},
		},
		{
			name: "dynamic pod subnet 100 nodes no surge",
			args: []string{"--pod-ip-allocation-mode", "DynamicIndividual", "--node-count", "100", "--max-surge", "0", "--max-unavailable", "1"},
			want: sizeJSON{Model: "podSubnetDynamic", MaxPods: 250, Nodes: 100, PeakNodes: 100,
				NodeSubnet: &rangeJSON{Addresses: 100, PerNode: 1, MinPrefixLength: 25},
				PodSubnet:  &rangeJSON{Addresses: 1600, PerNode: 16, MinPrefixLength: 21}},
		},
		{
			name: "static block maxPods 30 takes 2 blocks",
			args: []string{"--pod-ip-allocation-mode", "StaticBlock", "--node-count", "10", "--max-pods", "30", "--max-surge", "1"},
			want: sizeJSON{Model: "podSubnetStatic", MaxPods: 30, Nodes: 10, Surge: 1, PeakNodes: 11,
				NodeSubnet: &rangeJSON{Addresses: 11, PerNode: 1, MinPrefixLength: 28},
				PodSubnet:  &rangeJSON{Addresses: 352, PerNode: 32, MinPrefixLength: 23}},
		},
		{
			name: "static block maxPods 32 takes 3 blocks",
			args: []string{"--pod-ip-allocation-mode", "StaticBlock", "--node-count", "10", "--max-pods", "32", "--max-surge", "1"},
			want: sizeJSON{Model: "podSubnetStatic", MaxPods: 32, Nodes: 10, Surge: 1, PeakNodes: 11,
				NodeSubnet: &rangeJSON{Addresses: 11, PerNode: 1, MinPrefixLength: 28},
				PodSubnet:  &rangeJSON{Addresses: 528, PerNode: 48, MinPrefixLength: 22}},
		},
		{
			name: "autoscaler maximum counts instead of node count",
			args: []string{"--network-plugin", "azure", "--node-count", "3", "--max-count", "50", "--max-pods", "30", "--max-surge", "1"},
			want: sizeJSON{Model: "nodeSubnet", MaxPods: 30, Nodes: 50, Surge: 1, PeakNodes: 51,
				NodeSubnet: &rangeJSON{Addresses: 1581, PerNode: 31, MinPrefixLength: 21}},
		},
		{
			name: "az autoscaler flags",
			args: []string{"--network-plugin", "azure", "--enable-cluster-autoscaler", "--min-count", "3", "--max-count", "50", "--max-pods", "30", "--max-surge", "1"},
			want: sizeJSON{Model: "nodeSubnet", MaxPods: 30, Nodes: 50, Surge: 1, PeakNodes: 51,
				NodeSubnet: &rangeJSON{Addresses: 1581, PerNode: 31, MinPrefixLength: 21}},
		},
		{
			name: "internal load balancer IPs count in the node subnet",
			args: []string{"--network-plugin-mode", "overlay", "--node-count", "10", "--max-surge", "1", "--ilb", "5"},
			want: sizeJSON{Model: "overlay", MaxPods: 250, Nodes: 10, Surge: 1, PeakNodes: 11,
				NodeSubnet: &rangeJSON{Addresses: 16, PerNode: 1, MinPrefixLength: 27},
				PodCIDR:    &rangeJSON{Addresses: 2816, PerNode: 256, MinPrefixLength: 20}},
		},
		{
			name: "dual-stack takes a slash 80 per node from the IPv6 pod CIDR",
			args: []string{"--network-plugin-mode", "overlay", "--ip-families", "IPv4,IPv6", "--node-count", "10", "--max-surge", "1",
				"--pod-cidrs", "10.244.0.0/16,fd12:3456:789a::/64"},
			want: sizeJSON{Model: "overlay", MaxPods: 250, Nodes: 10, Surge: 1, PeakNodes: 11, MaxNodes: intp(255), Pods: intp(63750),
				NodeSubnet: &rangeJSON{Addresses: 11, PerNode: 1, MinPrefixLength: 28},
				PodCIDR:    &rangeJSON{Addresses: 11 * 256, PerNode: 256, MinPrefixLength: 20, MaxNodes: intp(255), Pods: intp(63750), Fits: boolp(true)},
				// 2^64 / 2^48 = 65,536 nodes would fit; a pool stops at 1,000 with its surge.
				PodCIDRv6: &rangeJSON{Addresses: 11 << 48, PerNode: 1 << 48, MinPrefixLength: 76, MaxNodes: intp(999), Pods: intp(249750), Fits: boolp(true)}},
		},
		{
			name: "does not fit exits 1 with the answer",
			args: []string{"--network-plugin", "azure", "--node-count", "50", "--max-pods", "30", "--max-surge", "1", "--node-subnet", "10.0.0.0/24"},
			want: sizeJSON{Model: "nodeSubnet", MaxPods: 30, Nodes: 50, Surge: 1, PeakNodes: 51, MaxNodes: intp(7), Pods: intp(210),
				NodeSubnet: &rangeJSON{Addresses: 1581, PerNode: 31, MinPrefixLength: 21, MaxNodes: intp(7), Pods: intp(210), Fits: boolp(false)}},
			wantCode: exitFailure,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, code := sizeOut(t, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit status %d, want %d", code, tt.wantCode)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("size %v (-want +got):\n%s", tt.args, diff)
			}
		})
	}
}

func TestSizeFormatsAgree(t *testing.T) {
	args := []string{"size", "--network-plugin", "kubenet", "--node-count", "300", "--pod-cidr", "10.244.0.0/16", "--node-subnet", "10.0.0.0/23"}
	table, _, code := cli(t, args...)
	if code != exitFailure {
		t.Errorf("exit status %d, want 1 (the pod CIDR is too small)", code)
	}
	golden(t, "size-kubenet", table)
	yamlOut, _, _ := cli(t, append(args, "-o", "yaml")...)
	golden(t, "size-kubenet-yaml", yamlOut)
	for _, want := range []string{"addresses: 84480", "maxNodes: 232", "fits: false"} {
		if !strings.Contains(yamlOut, want) {
			t.Errorf("yaml output lacks %q:\n%s", want, yamlOut)
		}
	}
}

func TestSizeTables(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"classic", []string{"--network-plugin", "azure", "--node-count", "50", "--max-pods", "30", "--max-surge", "1", "--scale-out", "10", "--node-subnet", "10.0.0.0/21"}},
		{"overlay", []string{"--network-plugin-mode", "overlay", "--max-count", "200", "--ilb", "3", "--node-subnet", "10.0.0.0/24", "--pod-cidr", "10.244.0.0/16"}},
		{"static", []string{"--pod-ip-allocation-mode", "StaticBlock", "--node-count", "20", "--max-pods", "31", "--pod-subnet", "10.1.0.0/22"}},
		{"windows", []string{"--os-type", "Windows", "--network-plugin-mode", "overlay", "--node-count", "10", "--max-pods", "110", "--max-surge", "33%"}},
		{"no node fits", []string{"--network-plugin", "azure", "--node-count", "10", "--node-subnet", "10.1.0.0/26"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, _, _ := cli(t, append([]string{"size"}, tt.args...)...)
			golden(t, "size-"+strings.ReplaceAll(tt.name, " ", "-"), stdout)
		})
	}
}

func TestSizeBadInput(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"max pods not a number", []string{"--max-pods", "abc"}, `--max-pods "abc": not a whole number`},
		{"negative node count", []string{"--node-count", "-3"}, `--node-count "-3": must be 0 or more`},
		{"surge above 100 percent", []string{"--max-surge", "150%"}, `--max-surge "150%": percent above 100%`},
		{"surge not a number", []string{"--max-surge", "lots"}, `--max-surge "lots"`},
		{"host bits", []string{"--node-subnet", "10.0.0.1/24"}, `--node-subnet "10.0.0.1/24": host bits set (want 10.0.0.0/24)`},
		{"not a CIDR", []string{"--pod-cidr", "10.244.0.0"}, `--pod-cidr "10.244.0.0": not a CIDR`},
		{"IPv4-mapped IPv6", []string{"--node-subnet", "::ffff:10.0.0.0/120"}, `IPv4-mapped`},
		{"max pods above 250", []string{"--max-pods", "251"}, `--max-pods "251"`},
		{"max pods below 10", []string{"--max-pods", "9"}, `--max-pods "9"`},
		{"too few pods in the pool", []string{"--max-pods", "10", "--node-count", "2"}, `maxPods × 2 nodes = 20 < 30`},
		{"kubenet above 400 nodes", []string{"--network-plugin", "kubenet", "--node-count", "401"}, `400`},
		{"pool above 1000 nodes", []string{"--node-count", "1001"}, `--node-count "1001"`},
		{"pool and surge above 1000 nodes", []string{"--node-count", "950", "--max-surge", "10%"}, `> 1,000 (limit: AKS's 1,000 nodes per pool, surge included): AKS rejects the upgrade before it starts`},
		{"windows on kubenet", []string{"--os-type", "Windows", "--network-plugin", "kubenet"}, `--os-type "Windows"`},
		{"windows on cilium", []string{"--os-type", "Windows", "--network-plugin-mode", "overlay", "--network-dataplane", "cilium"}, `Cilium`},
		{"unknown plugin", []string{"--network-plugin", "calico"}, `--network-plugin "calico": want one of azure, kubenet, none`},
		{"unknown flag", []string{"--nodes", "3"}, `unknown flag "--nodes"`},
		{"flag without value", []string{"--max-pods"}, `flag --max-pods needs a value`},
		{"subnet too small", []string{"--node-subnet", "10.0.0.0/30"}, `--node-subnet "10.0.0.0/30"`},
		{"IPv6 node subnet", []string{"--node-subnet", "fd00::/64"}, `--node-subnet "fd00::/64"`},
		{"pod CIDR on classic CNI", []string{"--network-plugin", "azure", "--pod-cidr", "10.244.0.0/16"}, `no pod CIDR`},
		{"IPv6 pod CIDR without dual-stack", []string{"--network-plugin-mode", "overlay", "--pod-cidrs", "fd12::/64"}, `IPv6 needs --ip-families IPv4,IPv6`},
		{"two IPv4 pod CIDRs", []string{"--network-plugin-mode", "overlay", "--pod-cidr", "10.244.0.0/16", "--pod-cidrs", "10.245.0.0/16"}, `two IPv4 pod CIDRs`},
		{"dual-stack on the node subnet", []string{"--network-plugin", "azure", "--ip-families", "IPv4,IPv6"}, `--ip-families`},
		{"IPv6 pod CIDR longer than a slash 80", []string{"--network-plugin-mode", "overlay", "--ip-families", "IPv4,IPv6", "--pod-cidrs", "fd12::/96"}, `"fd12::/96"`},
		{"max pods 0", []string{"--max-pods", "0"}, `--max-pods "0": maxPods out of range: want 10–250`},
		{"max count 0", []string{"--max-count", "0"}, `--max-count "0": inconsistent node count: the autoscaler's maxCount is 1–1,000`},
		{"max count 0 with the autoscaler", []string{"--enable-cluster-autoscaler", "--max-count", "0"}, `--max-count "0"`},
		{"surge 0 without unavailable", []string{"--max-surge", "0"}, `--max-surge "0": maxSurge and maxUnavailable both zero`},
		{"System pool with max unavailable", []string{"--mode", "System", "--max-surge", "0", "--max-unavailable", "1"},
			`--max-unavailable "1": invalid for the pool mode: you can't set maxUnavailable on a System pool`},
		{"Windows System pool", []string{"--mode", "System", "--os-type", "Windows"}, `--mode "System": windows pool not supported here: System pools run Linux`},
		{"unknown mode", []string{"--mode", "system"}, `--mode "system": want one of System, User, spelled exactly (did you mean "System"?)`},
		{"autoscaler without maximum", []string{"--enable-cluster-autoscaler", "--min-count", "1"}, "--enable-cluster-autoscaler needs --max-count"},
		{"minimum above maximum", []string{"--min-count", "10", "--max-count", "5"}, "--min-count 10: above --max-count 5"},
		{"positional argument", []string{"50"}, `unexpected argument "50"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := cli(t, append([]string{"size"}, tt.args...)...)
			wantOneLineError(t, stdout, stderr, code, exitUsage, tt.want)
		})
	}
}

// cidrplan size sizes what az aks create makes: no --network-plugin is Azure
// CNI Overlay, --network-plugin azure alone the node subnet, a pod subnet
// flag Azure CNI with a pod subnet; a User pool unless --mode says System.
// Source: articles/aks/azure-cni-overlay.md ("If you don't specify
// --network-plugin, AKS defaults to Azure CNI Overlay").
func TestSizeDefaultsAsAzAksCreate(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		wantModel sizing.Model
		wantMode  sizing.PoolMode
	}{
		{"no network plugin", nil, sizing.ModelOverlay, sizing.ModeUser},
		{"azure alone", []string{"--network-plugin", "azure"}, sizing.ModelNodeSubnet, sizing.ModeUser},
		{"azure overlay", []string{"--network-plugin", "azure", "--network-plugin-mode", "overlay"}, sizing.ModelOverlay, sizing.ModeUser},
		{"overlay mode alone", []string{"--network-plugin-mode", "overlay"}, sizing.ModelOverlay, sizing.ModeUser},
		{"pod subnet allocation mode", []string{"--pod-ip-allocation-mode", "StaticBlock"}, sizing.ModelPodSubnetStatic, sizing.ModeUser},
		{"pod subnet", []string{"--pod-subnet", "10.1.0.0/22"}, sizing.ModelPodSubnetDynamic, sizing.ModeUser},
		{"kubenet", []string{"--network-plugin", "kubenet"}, sizing.ModelKubenet, sizing.ModeUser},
		{"System pool", []string{"--mode", "System"}, sizing.ModelOverlay, sizing.ModeSystem},
		{"User pool upgraded in place", []string{"--mode", "User", "--max-surge", "0", "--max-unavailable", "1"}, sizing.ModelOverlay, sizing.ModeUser},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := cli(t, append([]string{"size", "-o", "json"}, tt.args...)...)
			if code != exitOK {
				t.Fatalf("exit status %d: %s", code, stderr)
			}
			var got struct {
				Model sizing.Model    `json:"model"`
				Mode  sizing.PoolMode `json:"mode"`
			}
			if err := json.Unmarshal([]byte(stdout), &got); err != nil {
				t.Fatal(err)
			}
			if got.Model != tt.wantModel || got.Mode != tt.wantMode {
				t.Errorf("size %v: model %s, mode %s; want %s, %s", tt.args, got.Model, got.Mode, tt.wantModel, tt.wantMode)
			}
		})
	}
}
