package azure_test

import (
	"errors"
	"net/netip"
	"testing"

	"github.com/cidrplan/cidrplan/ipam/azure"
	"github.com/cidrplan/cidrplan/sizing"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// An export reads the same in UTF-16 and with a UTF-8 byte order mark;
// UTF-16 that does not transcode is a syntax error with its line.
func TestParseEncodings(t *testing.T) {
	const doc = "{\n \"name\": \"c\",\n \"agentPoolProfiles\": [{\"name\": \"p\", \"count\": 1}]\n}\n"
	want, err := azure.ParseAKS([]byte(doc), "aks.json")
	if err != nil {
		t.Fatal(err)
	}
	le := []byte{0xff, 0xfe}
	for _, c := range doc {
		le = append(le, byte(c), 0)
	}
	for name, in := range map[string][]byte{"utf-8 bom": append([]byte("\xef\xbb\xbf"), doc...), "utf-16le": le} {
		got, err := azure.ParseAKS(in, "aks.json")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if diff := cmp.Diff(want, got, cmpopts.EquateComparable(netip.Addr{}, netip.Prefix{}, sizing.Surge{}),
			cmpopts.IgnoreUnexported(azure.Resources{}, azure.Cluster{}, azure.Pool{})); diff != "" {
			t.Errorf("%s (-utf-8 +got):\n%s", name, diff)
		}
	}
	_, err = azure.ParseAKS(append(le, 'x'), "aks.json")
	var e *azure.Error
	if !errors.As(err, &e) || !errors.Is(err, azure.ErrSyntax) || e.Line != 5 {
		t.Errorf("odd UTF-16: err = %v, want a syntax error on line 5", err)
	}
}
