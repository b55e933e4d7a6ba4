package sizing

import (
	"errors"
	"math"
	"net/netip"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// poolErr is the part of an *Error a test compares: where, what and which
// sentinel (Detail is prose).
type poolErr struct {
	Pool, Field, Value string
	Err                error
}

// Huge counts must be reported as too large, never as a product that
// wrapped around (maxPods × MaxInt once read "= -30 < 30").
func TestValidateHugeCounts(t *testing.T) {
	tests := []struct {
		name string
		pool Pool
		want []poolErr
	}{
		{"count max int", Pool{Name: "np", Count: math.MaxInt, MaxPods: 30},
			[]poolErr{{Pool: "np", Field: "count", Value: "9223372036854775807", Err: ErrPoolTooLarge}}},
		{"maxCount max int", Pool{Name: "np", Count: 3, MaxCount: math.MaxInt, EnableAutoScaling: true, MaxPods: 30},
			[]poolErr{{Pool: "np", Field: "maxCount", Value: "9223372036854775807", Err: ErrPoolTooLarge}}},
		{"maxCount 1001", Pool{Name: "np", Count: 3, MaxCount: 1001, EnableAutoScaling: true, MaxPods: 10},
			[]poolErr{{Pool: "np", Field: "maxCount", Value: "1001", Err: ErrPoolTooLarge}}},
		{"maxCount 1000 plus surge", Pool{Name: "np", Count: 3, MaxCount: 1000, EnableAutoScaling: true, MaxPods: 10},
			[]poolErr{{Pool: "np", Field: "maxCount", Value: "1000", Err: ErrPoolTooLarge}}},
		{"count half max int at maxPods 250", Pool{Name: "np", Count: math.MaxInt/250 + 1, MaxPods: 250},
			[]poolErr{{Pool: "np", Field: "count", Value: "36893488147419104", Err: ErrPoolTooLarge}}},
		{"maxPods 10 on 2 nodes", Pool{Name: "np", Count: 2, MaxPods: 10},
			[]poolErr{{Pool: "np", Field: "maxPods", Value: "10", Err: ErrTooFewPods}}},
		{"maxPods 11 on 2 nodes", Pool{Name: "np", Count: 2, MaxPods: 11},
			[]poolErr{{Pool: "np", Field: "maxPods", Value: "11", Err: ErrTooFewPods}}},
		{"maxPods 15 on 2 nodes", Pool{Name: "np", Count: 2, MaxPods: 15}, nil},
		{"maxPods 10 on 3 nodes", Pool{Name: "np", Count: 3, MaxPods: 10}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Cluster{Network: overlay, Pools: []Pool{tt.pool}}.Validate()
			var got []poolErr
			for _, e := range flattenJoined(err) {
				var se *Error
				if !errors.As(e, &se) {
					t.Fatalf("Validate() part %v is not an *Error", e)
				}
				got = append(got, poolErr{se.Pool, se.Field, se.Value, se.Err})
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateErrors()); diff != "" {
				t.Errorf("Validate() errors (-want +got):\n%s\nerr: %v", diff, err)
			}
		})
	}
}

// flattenJoined returns the parts of an errors.Join result.
func flattenJoined(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// A prefix refused for its size says in which direction it is wrong: a /30
// node subnet is too small, a /11 static-block pod subnet too large.
func TestFitPrefixSizeMessages(t *testing.T) {
	static := Cluster{Network: azure, Pools: []Pool{{Name: "np", Count: 3, PodSubnet: "pods", PodIPAllocationMode: StaticBlock}}}
	classic := Cluster{Network: azure, Pools: []Pool{{Name: "np", Count: 3}}}
	tests := []struct {
		name    string
		cluster Cluster
		key     RangeKey
		prefix  string
		want    string
	}{
		{"node subnet 30", classic, nodeSubnetKey(DefaultNodeSubnet), "10.0.0.0/30",
			`sizing: prefix "10.0.0.0/30": too small: a node subnet is a /29 or larger`},
		{"static pod subnet 11", static, RangeKey{Kind: PodSubnet, Name: "pods", Family: IPv4}, "10.0.0.0/11",
			`sizing: prefix "10.0.0.0/11": too large: a static-block pod subnet is a /12 or smaller`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.cluster.Fit(tt.key, netip.MustParsePrefix(tt.prefix))
			if !errors.Is(err, ErrPrefix) || err.Error() != tt.want {
				t.Errorf("Fit err = %v\nwant %s", err, tt.want)
			}
		})
	}
}

// IP families are quoted as az and the API take them, not as a Go slice.
func TestNetworkFamiliesQuoted(t *testing.T) {
	tests := []struct {
		name string
		net  Network
		want string
	}{
		{"dual-stack on bring your own CNI", Network{Plugin: PluginNone, IPFamilies: []IPFamily{IPv4, IPv6}},
			`sizing: ipFamilies "IPv4,IPv6": invalid network profile: dual-stack needs the podSubnetStatic, overlay or kubenet model`},
		{"IPv6 first", Network{Plugin: PluginAzure, PluginMode: PluginModeOverlay, IPFamilies: []IPFamily{IPv6, IPv4}},
			`sizing: ipFamilies "IPv6,IPv4": invalid network profile: want IPv4 or IPv4,IPv6`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.net.Validate()
			if !errors.Is(err, ErrNetwork) || err.Error() != tt.want {
				t.Errorf("Validate() = %v\nwant %s", err, tt.want)
			}
		})
	}
}
