package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2/hclwrite"
)

func TestRun(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		`resource "azurerm_virtual_network" "spoke" {`,
		`address_prefixes     = ["10.20.0.0/22"]`,
		`vnet_subnet_id = azurerm_subnet.spoke_aks-nodes.id`,
		`pod_cidr            = "192.168.0.0/16"`,
		`dns_service_ip      = "172.16.0.10"`,
		`resource "azurerm_kubernetes_cluster_node_pool" "payments_apps" {`,
		`kubernetes_cluster_id = azurerm_kubernetes_cluster.payments.id`,
		`max_count             = 20`,
		`max_surge = "33%"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if formatted := hclwrite.Format(out.Bytes()); !bytes.Equal(formatted, out.Bytes()) {
		t.Error("output is not formatted as terraform fmt formats it")
	}
}
