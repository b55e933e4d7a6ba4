package sizing_test

import (
	"errors"
	"testing"

	"github.com/cidrplan/cidrplan/sizing"
	"github.com/google/go-cmp/cmp"
)

// A System pool takes no maxUnavailable above 0; the first pool is System
// unless it says otherwise, the others User; System pools run Linux.
// Source: articles/aks/upgrade-aks-node-pools-rolling.md ("You can't set
// max unavailable on system node pools"); articles/aks/use-system-pools.md.
func TestRulePoolMode(t *testing.T) {
	surge := sizing.MustParseSurge
	pool := func(name string, mode sizing.PoolMode, unavailable string) sizing.Pool {
		p := sizing.Pool{Name: name, Count: 3, Mode: mode, MaxSurge: surge("1")}
		if unavailable != "" {
			p.MaxUnavailable = surge(unavailable)
		}
		return p
	}
	tests := []struct {
		name    string
		pools   []sizing.Pool
		wantErr error // nil: valid
	}{
		{"system maxUnavailable 0", []sizing.Pool{pool("sys", sizing.ModeSystem, "0")}, nil},
		{"system maxUnavailable 0 percent", []sizing.Pool{pool("sys", sizing.ModeSystem, "0%")}, nil},
		{"system maxUnavailable 1", []sizing.Pool{pool("sys", sizing.ModeSystem, "1")}, sizing.ErrPoolMode},
		{"system maxUnavailable 1 percent", []sizing.Pool{pool("sys", sizing.ModeSystem, "1%")}, sizing.ErrPoolMode},
		{"first pool is system", []sizing.Pool{pool("sys", "", "1")}, sizing.ErrPoolMode},
		{"first pool as user", []sizing.Pool{pool("np", sizing.ModeUser, "1")}, nil},
		{"second pool is user", []sizing.Pool{pool("sys", "", ""), pool("np", "", "1")}, nil},
		{"second system pool", []sizing.Pool{pool("sys", "", ""), pool("np", sizing.ModeSystem, "1")}, sizing.ErrPoolMode},
		{"unknown mode", []sizing.Pool{pool("sys", "system", "")}, sizing.ErrPoolMode},
		{"windows system pool", []sizing.Pool{pool("sys", "", ""), {Name: "win", OSType: sizing.Windows, Count: 3, Mode: sizing.ModeSystem}}, sizing.ErrWindows},
		{"windows user pool", []sizing.Pool{pool("sys", "", ""), {Name: "win", OSType: sizing.Windows, Count: 3}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := sizing.Cluster{Network: ruleOverlay, Pools: tt.pools}.Validate()
			if tt.wantErr == nil && err != nil || !errors.Is(err, tt.wantErr) {
				t.Errorf("Validate() = %v, want %v", err, tt.wantErr)
			}
		})
	}
	c := sizing.Cluster{Pools: []sizing.Pool{{}, {}, {Mode: sizing.ModeSystem}}}
	got := []sizing.PoolMode{c.PoolMode(0), c.PoolMode(1), c.PoolMode(2), c.PoolMode(3)}
	if diff := cmp.Diff([]sizing.PoolMode{sizing.ModeSystem, sizing.ModeUser, sizing.ModeSystem, ""}, got); diff != "" {
		t.Errorf("PoolMode (-want +got):\n%s", diff)
	}
}

// maxSurge 0 is valid only with maxUnavailable of at least 1 (a count, or
// a percent that rounds up to a node). Source:
// articles/aks/upgrade-aks-node-pools-rolling.md ("When maxUnavailable is
// 0, AKS requires maxSurge to be greater than 0").
func TestRuleMaxSurgeZero(t *testing.T) {
	tests := []struct {
		surge, unavailable string
		wantErr            error
	}{
		{"0", "", sizing.ErrNoSurge},
		{"0", "0", sizing.ErrNoSurge},
		{"0%", "0%", sizing.ErrNoSurge},
		{"0", "0%", sizing.ErrNoSurge},
		{"0", "1", nil},
		{"0%", "1%", nil},
		{"0", "10%", nil},
		{"1", "0", nil},
		{"1", "", nil},
	}
	for _, tt := range tests {
		t.Run("surge "+tt.surge+" unavailable "+tt.unavailable, func(t *testing.T) {
			p := sizing.Pool{Name: "np", Count: 3, Mode: sizing.ModeUser, MaxSurge: sizing.MustParseSurge(tt.surge)}
			if tt.unavailable != "" {
				p.MaxUnavailable = sizing.MustParseSurge(tt.unavailable)
			}
			err := sizing.Cluster{Network: ruleOverlay, Pools: []sizing.Pool{p}}.Validate()
			if tt.wantErr == nil && err != nil || !errors.Is(err, tt.wantErr) {
				t.Errorf("Validate() = %v, want %v", err, tt.wantErr)
			}
		})
	}
}

// An explicit 0 is a value, out of range where 0 means "unset" in Pool and
// Defaults; elsewhere 0 is a value like any other.
func TestRuleExplicitZero(t *testing.T) {
	tests := []struct {
		field   string
		wantErr error
	}{
		{"maxPods", sizing.ErrMaxPods},
		{"maxCount", sizing.ErrNodeCount},
		{"defaults.overlayMaxNodes", sizing.ErrNodeCount},
		{"count", nil},
		{"scaleOut", nil},
		{"minCount", nil},
	}
	for _, tt := range tests {
		t.Run(tt.field, func(t *testing.T) {
			err := sizing.ExplicitZero(tt.field)
			if tt.wantErr == nil && err != nil || !errors.Is(err, tt.wantErr) {
				t.Errorf("ExplicitZero(%q) = %v, want %v", tt.field, err, tt.wantErr)
			}
			var se *sizing.Error
			if err != nil && (!errors.As(err, &se) || se.Field != tt.field || se.Value != "0") {
				t.Errorf("ExplicitZero(%q) = %#v, want an *Error naming the field and 0", tt.field, err)
			}
		})
	}
}
