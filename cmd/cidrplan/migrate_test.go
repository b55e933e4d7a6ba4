package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const migrateData = "../../ipam/testdata/migrate/"

// TestMigrateCommand runs migrate on the migration plans: the exit status
// says whether the migration is possible, and the JSON carries the library's
// verdict unchanged.
func TestMigrateCommand(t *testing.T) {
	tests := []struct {
		name         string
		args         []string
		wantCode     int
		wantBlockers []string
		wantPod      string
	}{
		{"kubenet with calico and a system identity", []string{migrateData + "kubenet-calico.yaml", "--to", "overlay"}, exitOK,
			[]string{"MigrationNetworkPolicyEnabled", "MigrationSystemAssignedIdentity"}, "10.244.0.0/16"},
		{"node subnet beside peered and on-premises ranges", []string{migrateData + "node-subnet-peered.yaml", "--cluster", "classic", "--to", "overlay"}, exitOK,
			nil, "100.64.0.0/18"},
		{"pod CIDR over the peering", []string{migrateData + "node-subnet-peered.yaml", "--to", "overlay", "--pod-cidr", "10.5.0.0/16"}, exitOK,
			[]string{"MigrationPodCidrOverlap"}, "10.5.0.0/16"},
		{"dynamic pod subnet", []string{migrateData + "dynamic-pod-subnet.yaml", "--to", "overlay"}, exitFailure,
			[]string{"MigrationDynamicPodSubnet", "MigrationNetworkPolicyEnabled"}, ""},
		{"windows pools to cilium", []string{migrateData + "overlay-windows.yaml", "--to", "cilium"}, exitFailure,
			[]string{"CiliumWindowsPools", "CiliumNodeAutoProvisioning"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := cli(t, append([]string{"migrate", "-o", "json"}, tt.args...)...)
			if code != tt.wantCode || stderr != "" {
				t.Fatalf("exit %d, stderr %q; want %d", code, stderr, tt.wantCode)
			}
			var got struct {
				Possible bool   `json:"possible"`
				PodCIDR  string `json:"podCidr"`
				Blockers []struct {
					Code string `json:"code"`
				} `json:"blockers"`
				Warnings []any `json:"warnings"`
				Steps    []struct {
					Command, Why string
				} `json:"steps"`
			}
			if err := json.Unmarshal([]byte(stdout), &got); err != nil {
				t.Fatal(err)
			}
			var codes []string
			for _, b := range got.Blockers {
				codes = append(codes, b.Code)
			}
			if diff := cmp.Diff(tt.wantBlockers, codes); diff != "" {
				t.Errorf("blockers (-want +got):\n%s", diff)
			}
			if got.PodCIDR != tt.wantPod {
				t.Errorf("podCidr = %q, want %q", got.PodCIDR, tt.wantPod)
			}
			if got.Possible != (tt.wantCode == exitOK) {
				t.Errorf("possible = %v with exit %d", got.Possible, code)
			}
			table, _, tcode := cli(t, append([]string{"migrate"}, tt.args...)...)
			if tcode != code {
				t.Errorf("table exit %d, json exit %d", tcode, code)
			}
			for _, c := range codes {
				if !strings.Contains(table, c) {
					t.Errorf("table lacks blocker %s:\n%s", c, table)
				}
			}
			for _, s := range got.Steps {
				if !strings.Contains(table, s.Command) {
					t.Errorf("table lacks step %q", s.Command)
				}
			}
		})
	}
}

func TestMigrateUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no target", []string{"migrate", migrateData + "kubenet-calico.yaml"}, "missing --to"},
		{"unknown cluster", []string{"migrate", migrateData + "kubenet-calico.yaml", "--to", "overlay", "--cluster", "nope"}, `--cluster "nope": no such cluster`},
		{"several clusters", []string{"expand", migrateData + "overlay-expand.yaml", "--nodes", "10"}, "say which cluster: --cluster grow|boxed"},
		{"ipv6 pod CIDR", []string{"migrate", migrateData + "kubenet-calico.yaml", "--to", "overlay", "--pod-cidr", "fd00::/64"}, "IPv4 pod CIDR"},
		{"no nodes", []string{"expand", migrateData + "overlay-windows.yaml"}, "missing --nodes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := cli(t, tt.args...)
			wantOneLineError(t, stdout, stderr, code, exitUsage, tt.want)
		})
	}
}

// TestExpandCommand: an expansion that fits, one blocked by a VNet (named),
// one refused for Windows pools.
func TestExpandCommand(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		want     string // in stdout, or in the one-line error
	}{
		{"fits", []string{migrateData + "overlay-expand.yaml", "--cluster", "grow", "--nodes", "40"}, exitOK,
			"az aks update --resource-group rg-grow --name grow --pod-cidr 10.244.0.0/18"},
		{"blocked by a VNet", []string{migrateData + "overlay-expand.yaml", "--cluster", "boxed", "--nodes", "100"}, exitFailure,
			"PodCidrExpansionBlocked: " + `cluster "boxed": 192.168.0.0/17, the smallest superset of 192.168.0.0/18 that holds 101 nodes with surge, overlaps other ranges; in the way: subnet boxed-vnet/nodes 192.168.64.0/22`},
		{"windows pools", []string{migrateData + "overlay-windows.yaml", "--nodes", "40"}, exitFailure,
			"PodCidrExpansionWindowsPools"},
		{"past the overlay node limit", []string{migrateData + "overlay-expand.yaml", "--cluster", "grow", "--nodes", "5001"}, exitFailure,
			"OverlayNodeLimitExceeded: " + `cluster "grow": 5,001 nodes: at most 5,000 nodes with Azure CNI Overlay [D]`},
		{"upgrade peak past the cluster limit", []string{migrateData + "overlay-expand.yaml", "--cluster", "grow", "--nodes", "4999"}, exitOK,
			"ClusterNodeLimitAtUpgrade\n    4,999 nodes + 5 of the largest pool's surge = 5,004"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := cli(t, append([]string{"expand"}, tt.args...)...)
			if tt.wantCode != exitOK {
				wantOneLineError(t, stdout, stderr, code, tt.wantCode, tt.want)
				return
			}
			if code != exitOK || stderr != "" || !strings.Contains(stdout, tt.want) {
				t.Errorf("exit %d, stderr %q, stdout:\n%s\nwant %q", code, stderr, stdout, tt.want)
			}
		})
	}
}
