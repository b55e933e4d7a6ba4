package ipam

import (
	"net/netip"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A fix never proposes a service range that check then has something to
// say about: a /12 that overlaps gets a /13
// (docs/aks-rules.md#service-cidr-size: a /12 is disputed and warned about).
func TestServiceFixProposesCleanSize(t *testing.T) {
	tests := []struct {
		name     string
		service  netip.Prefix
		dns      netip.Addr
		wantBits int
	}{
		{"disputed /12 gets the next size that checks clean", pfx("10.240.0.0/12"), addr("10.240.0.10"), 13},
		{"clean /14 keeps its size", pfx("10.244.0.0/14"), addr("10.244.0.10"), 14},
		{"too large /8 gets the default size", pfx("10.0.0.0/8"), addr("10.0.0.10"), 16},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := overlayPlan()
			np := &p.Clusters[0].NetworkProfile
			np.ServiceCIDR, np.DNSServiceIP = tt.service, tt.dns
			var proposed netip.Prefix
			for _, f := range p.Validate() {
				if rest, ok := strings.CutPrefix(f.Fix, "use serviceCidr "); ok {
					q, err := netip.ParsePrefix(strings.Fields(rest)[0])
					if err != nil {
						t.Fatalf("fix %q: %v", f.Fix, err)
					}
					proposed = q
					break
				}
			}
			if !proposed.IsValid() {
				t.Fatalf("no finding proposes a service CIDR; findings:\n%s", p.Validate())
			}
			if diff := cmp.Diff(tt.wantBits, proposed.Bits()); diff != "" {
				t.Errorf("proposed %s, size (-want +got):\n%s", proposed, diff)
			}
			if diff := cmp.Diff([]RangeProblem(nil), CheckRange(RangeServiceCIDR, proposed)); diff != "" {
				t.Errorf("CheckRange of proposed %s (-want +got):\n%s", proposed, diff)
			}
		})
	}
}
