package ipam

import (
	"net/netip"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCheckRange(t *testing.T) {
	type hit struct {
		Code     Code
		Severity Severity
	}
	tests := []struct {
		name string
		kind RangeKind
		p    string
		want []hit
	}{
		{"subnet slash29 is the smallest", RangeSubnet, "10.0.0.0/29", nil},
		{"subnet slash30", RangeSubnet, "10.0.0.0/30", []hit{{CodeSubnetTooSmall, SeverityError}}},
		{"subnet slash2 is the largest", RangeSubnet, "0.0.0.0/2", nil},
		{"subnet slash1", RangeSubnet, "0.0.0.0/1", []hit{{CodeSubnetTooLarge, SeverityError}}},
		{"IPv6 subnet slash64", RangeSubnet, "fd00::/64", nil},
		{"IPv6 subnet slash80", RangeSubnet, "fd00::/80", []hit{{CodeIPv6SubnetSize, SeverityError}}},
		{"subnet in reserved space is the VNet's business", RangeSubnet, "172.30.0.0/24", nil},
		{"service slash16", RangeServiceCIDR, "10.0.0.0/16", nil},
		{"service slash12 disputed", RangeServiceCIDR, "10.0.0.0/12", []hit{{CodeServiceCIDRSizeDisputed, SeverityWarning}}},
		{"service slash8", RangeServiceCIDR, "10.0.0.0/8", []hit{{CodeServiceCIDRTooLarge, SeverityError}}},
		{"IPv6 service slash108", RangeServiceCIDR, "fd00::/108", nil},
		{"IPv6 service slash64", RangeServiceCIDR, "fd00::/64", []hit{{CodeServiceCIDRTooLarge, SeverityError}}},
		{"service public", RangeServiceCIDR, "20.0.0.0/16", []hit{{CodeServiceCIDRPublic, SeverityError}}},
		{"service multicast", RangeServiceCIDR, "224.0.0.0/16", []hit{{CodeServiceCIDRMulticast, SeverityError}}},
		{"service reserved, not public", RangeServiceCIDR, "172.30.0.0/16", []hit{{CodeReservedRangeOverlap, SeverityError}}},
		{"pod default", RangePodCIDR, "10.244.0.0/16", nil},
		{"pod public", RangePodCIDR, "20.0.0.0/16", []hit{{CodePublicRangeAsPrivate, SeverityWarning}}},
		{"pod over 172.30 and 172.31", RangePodCIDR, "172.16.0.0/12", []hit{{CodeReservedRangeOverlap, SeverityError}}},
		{"pod everything", RangePodCIDR, "0.0.0.0/0", []hit{
			{CodePodCIDRMulticast, SeverityError},
			{CodeReservedRangeOverlap, SeverityError}, // one problem listing every reserved range
		}},
		{"IPv6 pod multicast", RangePodCIDR, "ff00::/16", []hit{{CodePodCIDRMulticast, SeverityError}}},
		{"VNet space has no single-range problems here", RangeVNetSpace, "0.0.0.0/0", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []hit
			for _, pr := range CheckRange(tt.kind, netip.MustParsePrefix(tt.p)) {
				got = append(got, hit{pr.Code, pr.Severity})
				if pr.Severity == SeverityError && pr.Fix == "" {
					t.Errorf("error %s without a fix", pr.Code)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("CheckRange(%s, %s) (-want +got):\n%s", tt.kind, tt.p, diff)
			}
		})
	}
	if got := CheckRange(RangePodCIDR, netip.Prefix{}); got != nil {
		t.Errorf("CheckRange of the zero prefix = %v, want nil", got)
	}
}
