package ipam_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/planfile"
)

// TestReportAgreesWithCheck holds report and upgrade to check on every
// bundled plan: a range whose peak does not fit is exactly a capacity error
// of check naming that range, and the report's peak and usable are the
// numbers check's message says; a limit a step passes is check's finding
// for that limit.
func TestReportAgreesWithCheck(t *testing.T) {
	plans, _ := filepath.Glob("testdata/*.yaml")
	examples, _ := filepath.Glob("../examples/plans/*.yaml")
	for _, path := range append(plans, examples...) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			p, err := planfile.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			r, err := p.Report(ipam.ReportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			capacity := map[string]bool{} // messages of check's capacity errors not yet matched
			has := map[ipam.Code]bool{}
			for _, f := range r.Findings {
				has[f.Code] = true
				if f.Code == ipam.CodeInsufficientSubnetSize || f.Code == ipam.CodeInsufficientPodCIDR {
					if strings.HasPrefix(f.Message, "Pre-allocated IPs ") {
						capacity[f.Message] = true
					}
				}
			}
			for _, rr := range r.Ranges {
				head := fmt.Sprintf("Pre-allocated IPs %v exceeds IPs available %v in ", rr.Peak, rr.Usable)
				found := ""
				for m := range capacity {
					if strings.HasPrefix(m, head) && strings.Contains(m, rr.Prefix.String()) {
						found = m
					}
				}
				if rr.Headroom.IsNegative() != (found != "") {
					t.Errorf("range %s %s: headroom %v, check's capacity error %q", rr.Kind, rr.Name, rr.Headroom, found)
				}
				delete(capacity, found)
			}
			for m := range capacity {
				t.Errorf("check reports %q, which no report range matches", m)
			}
			passes, unsized := map[ipam.CapacityKind]bool{}, false
			for _, c := range r.Upgrade.Clusters {
				unsized = unsized || c.Error != ""
				for _, s := range c.Steps {
					for _, ur := range s.Ranges {
						if !ur.Fits {
							passes[ur.Kind] = true
						}
					}
				}
			}
			negative := map[ipam.CapacityKind]bool{}
			for _, rr := range r.Ranges {
				negative[rr.Kind] = negative[rr.Kind] || rr.Headroom.IsNegative()
			}
			for _, k := range []ipam.CapacityKind{ipam.CapacityNodeSubnet, ipam.CapacityPodSubnet, ipam.CapacityPodCIDR} {
				if passes[k] != negative[k] {
					t.Errorf("%s: a step that does not fit %v, a report range short %v", k, passes[k], negative[k])
				}
			}
			for k, code := range map[ipam.CapacityKind]ipam.Code{ipam.CapacityPoolNodes: ipam.CodePoolNodeLimit,
				ipam.CapacityRoutes: ipam.CodeKubenetUpgradeRoutes, ipam.CapacityClusterNodes: ipam.CodeClusterNodeLimitAtUpgrade} {
				// A cluster that can't be sized (a pool past the cap at steady
				// state) has no steps: check's finding stands alone there.
				if passes[k] != has[code] && !(has[code] && unsized) {
					t.Errorf("%s: a step past the limit %v, check's %s %v", k, passes[k], code, has[code])
				}
			}
		})
	}
}
