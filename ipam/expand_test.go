package ipam_test

import (
	"errors"
	"net/netip"
	"testing"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/planfile"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestExpand pins the rules of articles/aks/azure-cni-overlay-pod-expand.md:
// "The new pod CIDR must be a larger superset that contains the complete
// original range"; Linux only; no IPv6; not via --pod-cidrs.
func TestExpand(t *testing.T) {
	tests := []struct {
		name, file, cluster string
		nodes               int
		want                ipam.Expansion
		wantCode            ipam.Code
		wantWay             []netip.Prefix
		wantErr             error
	}{{
		// 40 nodes + the apps pool's surge of 5 = 45 /24s: a /18.
		name: "fits", file: "overlay-expand", cluster: "grow", nodes: 40,
		want: ipam.Expansion{Cluster: "grow", From: netip.MustParsePrefix("10.244.0.0/20"), To: netip.MustParsePrefix("10.244.0.0/18"), Nodes: 40,
			Steps: []ipam.MigrationStep{
				{Command: "az aks update --resource-group rg-grow --name grow --pod-cidr 10.244.0.0/18", Why: "grows the pod CIDR to a superset of 10.244.0.0/20 (az 2.48.0 or later)"},
				{Command: "kubectl get nnc -n kube-system", Why: "every node's NodeNetworkConfig shows the new pod CIDR"}}},
	}, {
		name: "already holds", file: "overlay-expand", cluster: "grow", nodes: 5,
		want: ipam.Expansion{Cluster: "grow", From: netip.MustParsePrefix("10.244.0.0/20"), To: netip.MustParsePrefix("10.244.0.0/20"), Nodes: 5,
			Steps: []ipam.MigrationStep{}},
	}, {
		// 192.168.0.0/17 would cover the cluster's own node subnet.
		name: "blocked by a VNet", file: "overlay-expand", cluster: "boxed", nodes: 100,
		wantErr: ipam.ErrExpansionRefused, wantCode: ipam.CodeExpansionBlocked,
		wantWay: []netip.Prefix{netip.MustParsePrefix("192.168.64.0/22")},
	}, {
		// The grown cluster is held to its model's node limit
		// (docs/aks-rules.md#azure-cni-overlay-node-limit): 5,000 [D].
		name: "past the overlay node limit", file: "overlay-expand", cluster: "grow", nodes: 5001,
		wantErr: ipam.ErrExpansionRefused, wantCode: ipam.CodeOverlayNodeLimit,
	}, {
		// 4,999 nodes + the apps pool's surge of 5 pass 5,000 at the
		// upgrade peak, where AKS blocks upgrades
		// (docs/aks-rules.md#upgrades-are-blocked-at-5000-nodes): a warning;
		// 5,004 /24s take a /11.
		name: "upgrade peak past the cluster limit", file: "overlay-expand", cluster: "grow", nodes: 4999,
		want: ipam.Expansion{Cluster: "grow", From: netip.MustParsePrefix("10.244.0.0/20"), To: netip.MustParsePrefix("10.224.0.0/11"), Nodes: 4999,
			Steps: []ipam.MigrationStep{
				{Command: "az aks update --resource-group rg-grow --name grow --pod-cidr 10.224.0.0/11", Why: "grows the pod CIDR to a superset of 10.244.0.0/20 (az 2.48.0 or later)"},
				{Command: "kubectl get nnc -n kube-system", Why: "every node's NodeNetworkConfig shows the new pod CIDR"}},
			Warnings: []ipam.MigrationNote{{Code: ipam.CodeClusterNodeLimitAtUpgrade,
				Message: "4,999 nodes + 5 of the largest pool's surge = 5,004 at the peak of a sequential upgrade, past the 5,000-node cluster limit, where AKS blocks upgrades: lower maxSurge (maxUnavailable upgrades in place) or split the nodes over several clusters"}}},
	}, {
		name: "windows pools", file: "overlay-windows", cluster: "mixed", nodes: 40,
		wantErr: ipam.ErrExpansionRefused, wantCode: ipam.CodeExpansionWindowsPools,
	}, {
		name: "not overlay", file: "kubenet-calico", cluster: "legacy", nodes: 40,
		wantErr: ipam.ErrExpansionRefused, wantCode: ipam.CodeExpansionNotOverlay,
	}, {
		name: "no nodes", file: "overlay-expand", cluster: "grow", nodes: 0, wantErr: ipam.ErrBadMigration,
	}, {
		name: "unknown cluster", file: "overlay-expand", cluster: "nope", nodes: 3, wantErr: ipam.ErrUnknownCluster,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := planfile.Load("testdata/migrate/" + tt.file + ".yaml")
			if err != nil {
				t.Fatal(err)
			}
			got, err := p.Expand(tt.cluster, tt.nodes)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				var ee *ipam.ExpansionError
				if errors.As(err, &ee) {
					var way []netip.Prefix
					for _, r := range ee.InTheWay {
						way = append(way, r.Prefix)
					}
					if ee.Code != tt.wantCode {
						t.Errorf("Code = %s, want %s", ee.Code, tt.wantCode)
					}
					if diff := cmp.Diff(tt.wantWay, way, cmpopts.EquateComparable(netip.Prefix{})); diff != "" {
						t.Errorf("in the way (-want +got):\n%s", diff)
					}
				}
				return
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateComparable(netip.Prefix{})); diff != "" {
				t.Errorf("Expand (-want +got):\n%s", diff)
			}
		})
	}
}

// TestExpandSeveralPodCIDRs: a dual-stack cluster has two pod CIDRs.
func TestExpandSeveralPodCIDRs(t *testing.T) {
	p := migrationPlan(func(c *ipam.Cluster) {
		nodeSubnet(c)
		c.NetworkProfile.NetworkPluginMode = ipam.PluginModeOverlay
		c.NetworkProfile.IPFamilies = []ipam.IPFamily{ipam.IPv4, ipam.IPv6}
		c.NetworkProfile.PodCIDRs = []netip.Prefix{netip.MustParsePrefix("10.244.0.0/16"), netip.MustParsePrefix("fd00:10:244::/64")}
	})
	_, err := p.Expand("c", 1000)
	var ee *ipam.ExpansionError
	if !errors.As(err, &ee) || ee.Code != ipam.CodeExpansionNotSingleIPv4 {
		t.Errorf("err = %v, want %s", err, ipam.CodeExpansionNotSingleIPv4)
	}
}
