package main

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRun(t *testing.T) {
	var out strings.Builder
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	want := `proposed plan: 2 errors
  DnsServiceIpOutOfServiceCidr clusters[payments].networkProfile.dnsServiceIP
    The DNS service IP 10.0.0.10 is out of the range defined by service CIDR 10.20.0.0/16.
    fix: use serviceCidr 10.0.0.0/16 and dnsServiceIP 10.0.0.10
  ServiceCidrOverlapExistingSubnetsCidr clusters[payments].networkProfile.serviceCidr
    service CIDR 10.20.0.0/16 of cluster "payments" overlaps subnet "aks-nodes" (10.20.0.0/22) of VNet "spoke"
    fix: use serviceCidr 10.0.0.0/16 and dnsServiceIP 10.0.0.10
fixed plan: 0 errors
`
	if diff := cmp.Diff(want, out.String()); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
}
