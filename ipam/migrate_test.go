package ipam_test

import (
	"errors"
	"net/netip"
	"strings"
	"testing"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/planfile"
	"github.com/cidrplan/cidrplan/sizing"
	"github.com/google/go-cmp/cmp"
)

// migrationPlan is one cluster "c" in VNet 10.1.0.0/16 (nodes
// 10.1.0.0/20), edited by edit.
func migrationPlan(edit func(c *ipam.Cluster)) *ipam.Plan {
	p := &ipam.Plan{
		VNets: []ipam.VNet{{Name: "v", AddressSpace: []netip.Prefix{netip.MustParsePrefix("10.1.0.0/16")},
			Subnets: []ipam.Subnet{{Name: "nodes", AddressPrefixes: []netip.Prefix{netip.MustParsePrefix("10.1.0.0/20")}}}}},
		Clusters: []ipam.Cluster{{
			Name: "c", VNet: "v", KubernetesVersion: "1.30", ResourceGroup: "rg",
			Identity: ipam.Identity{Type: ipam.IdentityUserAssigned},
			NetworkProfile: ipam.NetworkProfile{NetworkPlugin: ipam.PluginKubenet, NetworkPolicy: ipam.PolicyNone,
				PodCIDR: netip.MustParsePrefix("10.244.0.0/16"), ServiceCIDR: netip.MustParsePrefix("10.0.0.0/16"),
				DNSServiceIP: netip.MustParseAddr("10.0.0.10")},
			AgentPoolProfiles: []ipam.AgentPool{{Pool: sizing.Pool{Name: "system", Count: 3, VNetSubnet: "nodes", MaxSurge: sizing.MustParseSurge("1")}}},
		}},
	}
	if edit != nil {
		edit(&p.Clusters[0])
	}
	return p
}

func nodeSubnet(c *ipam.Cluster) {
	c.NetworkProfile.NetworkPlugin, c.NetworkProfile.PodCIDR = ipam.PluginAzure, netip.Prefix{}
}

func codesOf(ns []ipam.MigrationNote) []ipam.Code {
	var out []ipam.Code
	for _, n := range ns {
		out = append(out, n.Code)
	}
	return out
}

func commandsOf(ss []ipam.MigrationStep) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Command)
	}
	return out
}

const (
	listNodePools = `az aks nodepool list --resource-group rg --cluster-name c --query "[].{pool:name,state:provisioningState,image:nodeImageVersion}" -o table`
	getNNC        = "kubectl get nnc -n kube-system"
)

// TestMigrate pins each blocker and step to the sentence of
// articles/aks/update-azure-cni.md (or azure-cni-powered-by-cilium.md) it
// comes from.
func TestMigrate(t *testing.T) {
	tests := []struct {
		name         string
		edit         func(c *ipam.Cluster)
		to           ipam.MigrationTarget
		podCIDR      string
		wantPossible bool
		wantBlockers []ipam.Code
		wantWarnings []ipam.Code
		wantPod      string
		wantSteps    []string
	}{{
		// "The pod CIDR remains the same if you don't use the parameter."
		name: "kubenet keeps its pod CIDR", to: ipam.MigrateToOverlay, wantPossible: true,
		wantWarnings: []ipam.Code{ipam.CodeMigrationOneWay}, wantPod: "10.244.0.0/16",
		wantSteps: []string{"az aks update --resource-group rg --name c --network-plugin azure --network-plugin-mode overlay", getNNC, listNodePools},
	}, {
		// "the cluster must be on Kubernetes 1.27 or later"
		name: "kubernetes older than 1.27", to: ipam.MigrateToOverlay, wantPossible: true,
		edit:         func(c *ipam.Cluster) { c.KubernetesVersion = "1.26.3" },
		wantBlockers: []ipam.Code{ipam.CodeMigrationKubernetesVersion},
		wantWarnings: []ipam.Code{ipam.CodeMigrationOneWay}, wantPod: "10.244.0.0/16",
		wantSteps: []string{"az aks upgrade --resource-group rg --name c --kubernetes-version <1.27 or later>",
			"az aks update --resource-group rg --name c --network-plugin azure --network-plugin-mode overlay", getNNC, listNodePools},
	}, {
		// Network policies must not be enabled: uninstall first.
		name: "network policy uninstalled first", to: ipam.MigrateToOverlay, wantPossible: true,
		edit:         func(c *ipam.Cluster) { c.NetworkProfile.NetworkPolicy = ipam.PolicyCalico },
		wantBlockers: []ipam.Code{ipam.CodeMigrationNetworkPolicyEnabled},
		wantWarnings: []ipam.Code{ipam.CodeMigrationPolicyGap, ipam.CodeMigrationOneWay}, wantPod: "10.244.0.0/16",
		wantSteps: []string{"az aks update --resource-group rg --name c --network-policy none",
			"az aks update --resource-group rg --name c --network-plugin azure --network-plugin-mode overlay", getNNC, listNodePools},
	}, {
		// "System-assigned managed identities aren't supported."
		name: "kubenet with system-assigned identity", to: ipam.MigrateToOverlay, wantPossible: true,
		edit:         func(c *ipam.Cluster) { c.Identity.Type = ipam.IdentitySystemAssigned },
		wantBlockers: []ipam.Code{ipam.CodeMigrationSystemAssignedIdentity},
		wantWarnings: []ipam.Code{ipam.CodeMigrationOneWay}, wantPod: "10.244.0.0/16",
		wantSteps: []string{"az aks update --resource-group rg --name c --enable-managed-identity --assign-identity <user-assigned-identity-resource-id>",
			"az aks update --resource-group rg --name c --network-plugin azure --network-plugin-mode overlay", getNNC, listNodePools},
	}, {
		// Reports that changing the pod CIDR fails (Azure/AKS#5662).
		name: "kubenet pod CIDR changed", to: ipam.MigrateToOverlay, podCIDR: "10.245.0.0/16", wantPossible: true,
		wantWarnings: []ipam.Code{ipam.CodeMigrationPodCIDRChange, ipam.CodeMigrationOneWay}, wantPod: "10.245.0.0/16",
		wantSteps: []string{"az aks update --resource-group rg --name c --network-plugin azure --network-plugin-mode overlay --pod-cidr 10.245.0.0/16", getNNC, listNodePools},
	}, {
		// Must not use dynamic IP allocation: a new cluster is the way.
		name: "dynamic pod subnet", to: ipam.MigrateToOverlay,
		edit: func(c *ipam.Cluster) {
			nodeSubnet(c)
			c.AgentPoolProfiles[0].PodSubnet = "nodes"
		},
		wantBlockers: []ipam.Code{ipam.CodeMigrationDynamicPodSubnet},
		wantWarnings: []ipam.Code{ipam.CodeMigrationOneWay},
	}, {
		name: "static block pod subnet", to: ipam.MigrateToOverlay,
		edit: func(c *ipam.Cluster) {
			nodeSubnet(c)
			c.AgentPoolProfiles[0].PodSubnet, c.AgentPoolProfiles[0].PodIPAllocationMode = "nodes", ipam.StaticBlock
		},
		wantBlockers: []ipam.Code{ipam.CodeMigrationStaticPodSubnet},
		wantWarnings: []ipam.Code{ipam.CodeMigrationOneWay},
	}, {
		// Only from node subnet or kubenet.
		name: "already overlay", to: ipam.MigrateToOverlay,
		edit: func(c *ipam.Cluster) {
			c.NetworkProfile.NetworkPlugin, c.NetworkProfile.NetworkPluginMode = ipam.PluginAzure, ipam.PluginModeOverlay
		},
		wantBlockers: []ipam.Code{ipam.CodeMigrationUnsupportedSource},
	}, {
		// From node subnet "--pod-cidr is required": the lowest free private
		// /24 per node at the simultaneous peak (3 + 1 nodes: a /22), clear
		// of the service CIDR 10.0.0.0/16 and the VNet 10.1.0.0/16.
		name: "node subnet gets a proposed pod CIDR", to: ipam.MigrateToOverlay, wantPossible: true,
		edit:         nodeSubnet,
		wantWarnings: []ipam.Code{ipam.CodeMigrationOneWay}, wantPod: "10.2.0.0/22",
		wantSteps: []string{"az aks update --resource-group rg --name c --network-plugin azure --network-plugin-mode overlay --pod-cidr 10.2.0.0/22", getNNC, listNodePools},
	}, {
		// It "can't overlap with any virtual network address of the node
		// pools ... or the existing service CIDR".
		name: "given pod CIDR overlaps the VNet", to: ipam.MigrateToOverlay, podCIDR: "10.1.128.0/17", wantPossible: true,
		edit:         nodeSubnet,
		wantBlockers: []ipam.Code{ipam.CodeMigrationPodCIDROverlap},
		wantWarnings: []ipam.Code{ipam.CodeMigrationOneWay}, wantPod: "10.1.128.0/17",
		wantSteps: []string{"az aks update --resource-group rg --name c --network-plugin azure --network-plugin-mode overlay --pod-cidr 10.1.128.0/17", getNNC, listNodePools},
	}, {
		name: "given pod CIDR overlaps the service CIDR", to: ipam.MigrateToOverlay, podCIDR: "10.0.0.0/16", wantPossible: true,
		edit:         nodeSubnet,
		wantBlockers: []ipam.Code{ipam.CodeMigrationPodCIDROverlap},
		wantWarnings: []ipam.Code{ipam.CodeMigrationOneWay}, wantPod: "10.0.0.0/16",
		wantSteps: []string{"az aks update --resource-group rg --name c --network-plugin azure --network-plugin-mode overlay --pod-cidr 10.0.0.0/16", getNNC, listNodePools},
	}, {
		// "The update process triggers node pools to be reimaged
		// simultaneously": a /24 pod CIDR holds one node, not 3 + 1.
		name: "reimage peak", to: ipam.MigrateToOverlay, podCIDR: "10.200.0.0/24", wantPossible: true,
		edit:         nodeSubnet,
		wantBlockers: []ipam.Code{ipam.CodeMigrationReimagePeak},
		wantWarnings: []ipam.Code{ipam.CodeMigrationOneWay}, wantPod: "10.200.0.0/24",
		wantSteps: []string{"az aks update --resource-group rg --name c --network-plugin azure --network-plugin-mode overlay --pod-cidr 10.200.0.0/24", getNNC, listNodePools},
	}, {
		// Cilium from any Azure CNI IPAM mode directly.
		name: "cilium from node subnet", to: ipam.MigrateToCilium, wantPossible: true,
		edit:         nodeSubnet,
		wantWarnings: []ipam.Code{ipam.CodeMigrationPolicyGap},
		wantSteps: []string{"az aks update --resource-group rg --name c --network-dataplane cilium --network-policy cilium",
			"kubectl get pods -n kube-system -l k8s-app=cilium -o wide", listNodePools},
	}, {
		// Kubenet must reach overlay first: two updates, in that order.
		name: "cilium from kubenet", to: ipam.MigrateToCilium, wantPossible: true,
		wantWarnings: []ipam.Code{ipam.CodeMigrationPolicyGap, ipam.CodeMigrationOneWay}, wantPod: "10.244.0.0/16",
		wantSteps: []string{"az aks update --resource-group rg --name c --network-plugin azure --network-plugin-mode overlay", getNNC,
			"az aks update --resource-group rg --name c --network-dataplane cilium --network-policy cilium",
			"kubectl get pods -n kube-system -l k8s-app=cilium -o wide", listNodePools},
	}, {
		// Not with Windows node pools.
		name: "cilium with windows pools", to: ipam.MigrateToCilium,
		edit: func(c *ipam.Cluster) {
			nodeSubnet(c)
			c.AgentPoolProfiles = append(c.AgentPoolProfiles, ipam.AgentPool{Pool: sizing.Pool{Name: "win", OSType: ipam.Windows, Count: 1, VNetSubnet: "nodes"}})
		},
		wantBlockers: []ipam.Code{ipam.CodeCiliumWindowsPools},
		wantWarnings: []ipam.Code{ipam.CodeMigrationPolicyGap},
	}, {
		// Node auto-provisioning must be disabled for the update; Azure NPM
		// "is uninstalled and replaced".
		name: "cilium with node auto-provisioning and azure NPM", to: ipam.MigrateToCilium, wantPossible: true,
		edit: func(c *ipam.Cluster) {
			nodeSubnet(c)
			c.NodeProvisioningProfile.Mode = ipam.NodeProvisioningAuto
			c.NetworkProfile.NetworkPolicy = ipam.PolicyAzure
		},
		wantBlockers: []ipam.Code{ipam.CodeCiliumNodeAutoProvisioning},
		wantWarnings: []ipam.Code{ipam.CodeCiliumReplacesPolicy, ipam.CodeMigrationPolicyGap},
		wantSteps: []string{"az aks update --resource-group rg --name c --node-provisioning-mode Manual",
			"az aks update --resource-group rg --name c --network-dataplane cilium --network-policy cilium",
			"kubectl get pods -n kube-system -l k8s-app=cilium -o wide", listNodePools,
			"az aks update --resource-group rg --name c --node-provisioning-mode Auto"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opts ipam.MigrateOptions
			if tt.podCIDR != "" {
				opts.PodCIDR = netip.MustParsePrefix(tt.podCIDR)
			}
			got, err := migrationPlan(tt.edit).Migrate("c", tt.to, opts)
			if err != nil {
				t.Fatal(err)
			}
			if got.Possible != tt.wantPossible {
				t.Errorf("Possible = %v, want %v", got.Possible, tt.wantPossible)
			}
			if diff := cmp.Diff(tt.wantBlockers, codesOf(got.Blockers)); diff != "" {
				t.Errorf("blockers (-want +got):\n%s\n%+v", diff, got.Blockers)
			}
			if diff := cmp.Diff(tt.wantWarnings, codesOf(got.Warnings)); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantSteps, commandsOf(got.Steps)); diff != "" {
				t.Errorf("steps (-want +got):\n%s", diff)
			}
			if want := prefixOrZero(tt.wantPod); got.PodCIDR != want {
				t.Errorf("PodCIDR = %v, want %v", got.PodCIDR, want)
			}
			for _, b := range got.Blockers {
				if b.Message == "" {
					t.Errorf("blocker %s has no message", b.Code)
				}
			}
		})
	}
}

func prefixOrZero(s string) netip.Prefix {
	if s == "" {
		return netip.Prefix{}
	}
	return netip.MustParsePrefix(s)
}

// TestMigrateFreedAddresses: a node subnet cluster's pods leave the node
// subnet: 3 nodes + 1 surge at maxPods 30 take 4 × 31 = 124 addresses at the
// peak, 4 as overlay nodes; 120 are freed.
func TestMigrateFreedAddresses(t *testing.T) {
	got, err := migrationPlan(func(c *ipam.Cluster) {
		nodeSubnet(c)
		c.AgentPoolProfiles[0].MaxPods = 30
	}).Migrate("c", ipam.MigrateToOverlay, ipam.MigrateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if want := sizing.CountFromInt(120); got.FreedAddresses != want {
		t.Errorf("FreedAddresses = %v, want %v", got.FreedAddresses, want)
	}
}

// TestMigrationSayWhichModel: the freed addresses, the pod CIDR and the
// reimage peak name the models and per-node formulas behind their
// numbers, in the words of sizing's owners.
func TestMigrationSayWhichModel(t *testing.T) {
	overlay := sizing.ModelOverlay.Spec()
	got, err := migrationPlan(func(c *ipam.Cluster) {
		nodeSubnet(c)
		c.AgentPoolProfiles[0].MaxPods = 30
	}).Migrate("c", ipam.MigrateToOverlay, ipam.MigrateOptions{PodCIDR: netip.MustParsePrefix("10.200.0.0/24")})
	if err != nil {
		t.Fatal(err)
	}
	var blockers []string
	for _, b := range got.Blockers {
		blockers = append(blockers, b.Message)
	}
	for _, tt := range []struct{ field, text, want string }{
		{"FreedSizing", got.FreedSizing, sizing.UpgradeSequential.PeakWords()},
		{"FreedSizing", got.FreedSizing, sizing.ModelNodeSubnet.Spec().Label + " at " + sizing.ModelNodeSubnet.Spec().PerNodeWords(sizing.NodeSubnet, sizing.IPv4, 30)},
		{"FreedSizing", got.FreedSizing, "less " + overlay.Label + " at " + overlay.PerNodeWords(sizing.NodeSubnet, sizing.IPv4, 30)},
		{"PodCIDRSizing", got.PodCIDRSizing, overlay.PerNodeWords(sizing.PodCIDR, sizing.IPv4, 30) + " per node under " + overlay.Label},
		{"PodCIDRSizing", got.PodCIDRSizing, sizing.UpgradeSimultaneous.PeakWords()},
		{"blocker", strings.Join(blockers, "\n"), "at the reimage peak, " + sizing.UpgradeSimultaneous.PeakWords()},
		{"blocker", strings.Join(blockers, "\n"), "under " + overlay.Label},
	} {
		if tt.want == "" || !strings.Contains(tt.text, tt.want) {
			t.Errorf("%s = %q, want it to contain %q", tt.field, tt.text, tt.want)
		}
	}
}

func TestMigrateErrors(t *testing.T) {
	tests := []struct {
		name    string
		cluster string
		to      ipam.MigrationTarget
		pod     string
		wantErr error
	}{
		{"unknown cluster", "nope", ipam.MigrateToOverlay, "", ipam.ErrUnknownCluster},
		{"unknown target", "c", "calico", "", ipam.ErrBadMigration},
		{"ipv6 pod CIDR", "c", ipam.MigrateToOverlay, "fd00::/64", ipam.ErrBadMigration},
		{"pod CIDR smaller than a node block", "c", ipam.MigrateToOverlay, "10.9.0.0/25", ipam.ErrBadMigration},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := migrationPlan(nil).Migrate(tt.cluster, tt.to, ipam.MigrateOptions{PodCIDR: prefixOrZero(tt.pod)})
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("err = %v, want %v", err, tt.wantErr)
			}
		})
	}
}

// TestMigrateSamples runs the migration plans of testdata/migrate.
func TestMigrateSamples(t *testing.T) {
	tests := []struct {
		file, cluster string
		to            ipam.MigrationTarget
		wantPossible  bool
		wantBlockers  []ipam.Code
		wantPod       string
	}{
		{"kubenet-calico", "legacy", ipam.MigrateToOverlay, true,
			[]ipam.Code{ipam.CodeMigrationNetworkPolicyEnabled, ipam.CodeMigrationSystemAssignedIdentity}, "10.244.0.0/16"},
		// The peered and on-premises ranges fill 10.0.0.0/8: the proposal
		// is the lowest free /18 (33 nodes + 7 surge) of 100.64.0.0/10.
		{"node-subnet-peered", "classic", ipam.MigrateToOverlay, true, nil, "100.64.0.0/18"},
		{"dynamic-pod-subnet", "dyn", ipam.MigrateToOverlay, false,
			[]ipam.Code{ipam.CodeMigrationDynamicPodSubnet, ipam.CodeMigrationNetworkPolicyEnabled}, ""},
		{"dynamic-pod-subnet", "dyn", ipam.MigrateToCilium, true, nil, ""},
		{"overlay-windows", "mixed", ipam.MigrateToCilium, false,
			[]ipam.Code{ipam.CodeCiliumWindowsPools, ipam.CodeCiliumNodeAutoProvisioning}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.file+"_"+string(tt.to), func(t *testing.T) {
			p, err := planfile.Load("testdata/migrate/" + tt.file + ".yaml")
			if err != nil {
				t.Fatal(err)
			}
			got, err := p.Migrate(tt.cluster, tt.to, ipam.MigrateOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got.Possible != tt.wantPossible {
				t.Errorf("Possible = %v, want %v", got.Possible, tt.wantPossible)
			}
			if diff := cmp.Diff(tt.wantBlockers, codesOf(got.Blockers)); diff != "" {
				t.Errorf("blockers (-want +got):\n%s", diff)
			}
			if want := prefixOrZero(tt.wantPod); got.PodCIDR != want {
				t.Errorf("PodCIDR = %v, want %v", got.PodCIDR, want)
			}
		})
	}
}
