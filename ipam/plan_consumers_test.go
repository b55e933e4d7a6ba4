package ipam

import (
	"math"
	"testing"
)

func TestConsumersTotalSaturates(t *testing.T) {
	tests := []struct {
		name string
		c    Consumers
		want int
	}{
		{"zero", Consumers{}, 0},
		{"sum", Consumers{InternalLoadBalancers: 1, PrivateEndpoints: 2, APIServerEndpoints: 3, ApplicationGatewayInstances: 4, Other: 5}, 15},
		{"negative counts as zero", Consumers{InternalLoadBalancers: -7, Other: 2}, 2},
		{"two maxima saturate", Consumers{InternalLoadBalancers: math.MaxInt, PrivateEndpoints: math.MaxInt}, math.MaxInt},
		{"max plus one saturates", Consumers{Other: math.MaxInt, APIServerEndpoints: 1}, math.MaxInt},
		{"all maxima saturate", Consumers{math.MaxInt, math.MaxInt, math.MaxInt, math.MaxInt, math.MaxInt}, math.MaxInt},
		{"min int ignored", Consumers{InternalLoadBalancers: math.MinInt, Other: 3}, 3},
	}
	for _, tt := range tests {
		if got := tt.c.Total(); got != tt.want {
			t.Errorf("%s: Total() = %d, want %d", tt.name, got, tt.want)
		}
	}
}
