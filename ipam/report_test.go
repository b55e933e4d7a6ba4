package ipam

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPlanReportGrowth holds the worked examples of growth: a range's
// monthsLeft is the whole months after which its upgrade peak still fits.
func TestPlanReportGrowth(t *testing.T) {
	tests := []struct {
		name   string
		plan   *Plan
		growth string
		want   string // monthsLeft of the node subnet, as JSON
		wantBy CapacityKind
	}{
		{"1 a month in a 24 of 251: 5+1 surge then 6 7 8 nodes +1 x 31 = 186 217 248 279, 2 months",
			rulePlan(PluginAzure, "10.1.0.0/24", rulePool("system", 5, pMaxPods(30), pSurge("1"))), "1/month", "2", CapacityNodeSubnet},
		{"10% a month in a 23 of 507: 10 11 13 15 17 nodes +1 x 31 = 341 372 434 496 558, 3 months",
			rulePlan(PluginAzure, "10.1.0.0/23", rulePool("system", 10, pMaxPods(30), pSurge("1"))), "10%/month", "3", CapacityNodeSubnet},
		{"fits now but not after a month: 7+1 x 31 = 248 of 251, 8+1 x 31 = 279",
			rulePlan(PluginAzure, "10.1.0.0/24", rulePool("system", 7, pMaxPods(30), pSurge("1"))), "1/month", "0", CapacityNodeSubnet},
		{"does not fit now: 8+1 x 31 = 279 > 251 is -1",
			rulePlan(PluginAzure, "10.1.0.0/24", rulePool("system", 8, pMaxPods(30), pSurge("1"))), "1/month", "-1", CapacityNodeSubnet},
		{"lasts past ten years: 3+1 nodes of 1 address grow 1 a month, 124+1 in a 16 at 120 months",
			rulePlan(ruleOverlay, "10.1.0.0/16", rulePool("system", 3, pSurge("1"))), "1/month", "null", ""},
		{"kubenet's 400 nodes end it first: 3 + 350 nodes grow 2 + 2 a month, 353 + 4 x 11 = 397, 401 after 12 months",
			withPodCIDR(rulePlan(PluginKubenet, "10.1.0.0/22", rulePool("system", 3, pSurge("1")), rulePool("batch", 350, pSurge("1"))), "10.244.0.0/15"),
			"2/month", "11", CapacityClusterNodes},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := ParseGrowth(tt.growth)
			if err != nil {
				t.Fatal(err)
			}
			r, err := tt.plan.Report(ReportOptions{Growth: g})
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Ranges) == 0 || r.Ranges[0].MonthsLeft == nil {
				t.Fatalf("Report() ranges = %+v, want the node subnet with monthsLeft", r.Ranges)
			}
			got, _ := json.Marshal(r.Ranges[0].MonthsLeft)
			if string(got) != tt.want {
				t.Errorf("monthsLeft = %s, want %s", got, tt.want)
			}
			if r.Ranges[0].MonthsLeftBy != tt.wantBy {
				t.Errorf("monthsLeftBy = %q, want %q", r.Ranges[0].MonthsLeftBy, tt.wantBy)
			}
		})
	}
}

func TestParseGrowth(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Growth
		err  error
	}{
		{"3/month", Growth{Nodes: 3}, nil},
		{"10%/month", Growth{Percent: 10}, nil},
		{"0/month", Growth{}, ErrInvalidValue},
		{"-1/month", Growth{}, ErrInvalidValue},
		{"1.5%/month", Growth{}, ErrInvalidValue},
		{"05/month", Growth{}, ErrInvalidValue},
		{"3", Growth{}, ErrInvalidValue},
		{"3/year", Growth{}, ErrInvalidValue},
	} {
		got, err := ParseGrowth(tt.in)
		if !errors.Is(err, tt.err) || got != tt.want {
			t.Errorf("ParseGrowth(%q) = %+v, %v; want %+v, %v", tt.in, got, err, tt.want, tt.err)
		}
		if err == nil && got.String() != tt.in {
			t.Errorf("ParseGrowth(%q).String() = %q", tt.in, got.String())
		}
	}
}

// TestPlanReportRanges: capacity in addresses, headroom signed, pools'
// most nodes with every step fitting.
func TestPlanReportRanges(t *testing.T) {
	type rng struct{ Kind, Name, Prefix, Usable, Steady, Peak, Headroom string }
	tests := []struct {
		name      string
		plan      *Plan
		want      []rng
		wantPools []string // cluster/pool nodes -> maxNodes, limited by kind name peak/usable
	}{
		{
			name: "a 23 of 507 with pools of 7 and 7 at 31: steady 434, peak 434 + 4 x 31 = 558, headroom -51; a grows to 4, b to 5",
			plan: rulePlan(PluginAzure, "10.1.0.0/23", rulePool("a", 7, pMaxPods(30), pSurge("2")), rulePool("b", 7, pMaxPods(30), pSurge("4"))),
			want: []rng{{"nodeSubnet", "aks", "10.1.0.0/23", "507", "434", "558", "-51"}},
			// a at n with b's step (n + 7 + 4) x 31 ≤ 507: n ≤ 5; b at n: (7 + n + min(4, n)) x 31 ≤ 507: n ≤ 5, and a's step 7+2+5 fits.
			wantPools: []string{
				"prod/a 7 -> 5, limited by nodeSubnet aks (6 + 7 + 4) x 31 = 527/507",
				"prod/b 7 -> 5, limited by nodeSubnet aks (7 + 6 + 4) x 31 = 527/507",
			},
		},
		{
			name: "an overlay pod CIDR 22 is 1024 addresses: 3 nodes x 256 = 768 steady, 4 x 256 = 1024 peak, headroom 0",
			plan: withPodCIDR(rulePlan(ruleOverlay, "10.1.0.0/24", rulePool("system", 3, pSurge("1"))), "10.244.0.0/22"),
			want: []rng{
				{"nodeSubnet", "aks", "10.1.0.0/24", "251", "3", "4", "247"},
				{"podCIDR", "IPv4 pod CIDR", "10.244.0.0/22", "1024", "768", "1024", "0"},
			},
			wantPools: []string{"prod/system 3 -> 3, limited by podCIDR IPv4 pod CIDR (4 + 1) x 256 = 1280/1024"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := tt.plan.Report(ReportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var got []rng
			for _, x := range r.Ranges {
				got = append(got, rng{string(x.Kind), x.Name, x.Prefix.String(), x.Usable.String(), x.Steady.String(), x.Peak.String(), x.Headroom.String()})
				if x.MonthsLeft != nil {
					t.Errorf("range %s has monthsLeft without growth", x.Name)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ranges (-want +got):\n%s", diff)
			}
			var pools []string
			for _, p := range r.Pools {
				why := "nothing"
				if l := p.LimitedBy; l != nil {
					why = fmt.Sprintf("%s %s %v/%v", l.Kind, l.Name, l.Peak, l.Usable)
				}
				pools = append(pools, fmt.Sprintf("%s/%s %d -> %d, limited by %s", p.Cluster, p.Pool, p.Nodes, p.MaxNodes, why))
			}
			// The arithmetic in wantPools is for people: compare the numbers.
			for k := range tt.wantPools {
				if i := strings.Index(tt.wantPools[k], " ("); i >= 0 {
					if j := strings.LastIndex(tt.wantPools[k], "= "); j > i {
						tt.wantPools[k] = tt.wantPools[k][:i] + " " + tt.wantPools[k][j+2:]
					}
				}
			}
			if diff := cmp.Diff(tt.wantPools, pools); diff != "" {
				t.Errorf("pools (-want +got):\n%s", diff)
			}
		})
	}
}
