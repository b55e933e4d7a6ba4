package sizing

import (
	"errors"
	"fmt"
	"net/netip"
)

// Sentinel errors, one per category of violation. Every error returned by
// this package wraps exactly one of them, so callers test with errors.Is.
var (
	// ErrNoPools: the cluster has no node pools.
	ErrNoPools = errors.New("no node pools")
	// ErrTooManyPools: more than MaxPools node pools.
	ErrTooManyPools = errors.New("too many node pools")
	// ErrPoolName: a pool name is empty or used twice.
	ErrPoolName = errors.New("invalid pool name")
	// ErrNetwork: an unknown or unsupported network plugin, mode, dataplane
	// or IP family combination.
	ErrNetwork = errors.New("invalid network profile")
	// ErrNetworkPolicy: a network policy the cluster's IP families do not
	// support (Azure or Calico with dual-stack).
	ErrNetworkPolicy = errors.New("network policy not supported")
	// ErrPoolMode: a pool mode other than System or User, or a setting a
	// System pool does not take (maxUnavailable above 0).
	ErrPoolMode = errors.New("invalid for the pool mode")
	// ErrOSType: an OS type other than Linux or Windows.
	ErrOSType = errors.New("invalid OS type")
	// ErrWindows: a Windows pool where AKS does not allow one (kubenet,
	// Cilium, or as the first, system pool).
	ErrWindows = errors.New("windows pool not supported here")
	// ErrNegativeCount: a node count, scale-out or consumer count below zero.
	ErrNegativeCount = errors.New("negative count")
	// ErrNodeCount: count and maxCount are inconsistent with autoscaling.
	ErrNodeCount = errors.New("inconsistent node count")
	// ErrMaxPods: maxPods outside MinMaxPods..MaxMaxPods.
	ErrMaxPods = errors.New("maxPods out of range")
	// ErrTooFewPods: maxPods × nodes < MinPoolPods.
	ErrTooFewPods = errors.New("pool holds too few pods")
	// ErrSurge: a maxSurge or maxUnavailable value that is not a
	// non-negative integer or a percent from 0% to 100%.
	ErrSurge = errors.New("invalid surge")
	// ErrNoSurge: maxSurge and maxUnavailable are both zero, so an upgrade
	// could never make progress.
	ErrNoSurge = errors.New("maxSurge and maxUnavailable both zero")
	// ErrPoolTooLarge: a pool plus its upgrade surge exceeds MaxPoolNodes.
	ErrPoolTooLarge = errors.New("pool too large")
	// ErrClusterTooLarge: the cluster exceeds MaxClusterNodes, the kubenet
	// limit or the overlay limit.
	ErrClusterTooLarge = errors.New("cluster too large")
	// ErrPodSubnet: a pod subnet or pod IP allocation mode that the network
	// model does not allow, or two modes on one pod subnet.
	ErrPodSubnet = errors.New("invalid pod subnet")
	// ErrUnknownSubnet: other consumers are given for a subnet no pool uses,
	// or a range is asked for that the demand does not contain.
	ErrUnknownSubnet = errors.New("unknown subnet")
	// ErrPrefix: a prefix that is malformed, has host bits set, is an
	// IPv4-mapped IPv6 prefix, is of the wrong family, or has a length the
	// range kind does not allow. A malformed prefix also matches package
	// cidr's sentinel for what is wrong with it (cidr.ErrHostBits, ...).
	ErrPrefix = errors.New("invalid prefix")
	// ErrPodCIDRExpansion: a pod CIDR change that is not an expansion to a
	// superset of the old range.
	ErrPodCIDRExpansion = errors.New("invalid pod CIDR expansion")
	// ErrInsufficientSubnetSize: the demand exceeds the range
	// (AKS error code InsufficientSubnetSize).
	ErrInsufficientSubnetSize = errors.New("insufficient subnet size")
	// ErrUpgradeModel: an upgrade model other than those UpgradeModels
	// lists.
	ErrUpgradeModel = errors.New("invalid upgrade model")
	// ErrCount: text that is not a Count: not decimal digits, a leading
	// zero, or above 2^128−1.
	ErrCount = errors.New("invalid count")
)

// Error is a violation of a bound or rule by one input field. It wraps one
// of the sentinel errors (Err).
type Error struct {
	Pool   string // pool name; empty for cluster-level fields
	Field  string // input field in AKS camelCase, e.g. "maxPods"
	Value  string // the offending value as given
	Err    error  // the sentinel
	Detail string // the rule that was broken
}

func (e *Error) Error() string {
	s := "sizing: "
	if e.Pool != "" {
		s += fmt.Sprintf("pool %q: ", e.Pool)
	}
	return s + fmt.Sprintf("%s %q: %s", e.Field, e.Value, e.Reason())
}

// Reason says which rule is broken (the sentinel and Detail) without
// naming the pool, field or value, for a front end or importer that names
// them itself.
func (e *Error) Reason() string {
	if e.Detail != "" {
		return fmt.Sprintf("%v: %s", e.Err, e.Detail)
	}
	return fmt.Sprint(e.Err)
}

// Unwrap returns the sentinel.
func (e *Error) Unwrap() error { return e.Err }

// CapacityError reports a range too small for its demand at upgrade peak;
// it wraps ErrInsufficientSubnetSize. The message follows the shape of the
// AKS pre-check.
type CapacityError struct {
	Range  RangeKey
	Prefix netip.Prefix
	Need   Count // addresses needed at upgrade peak
	Have   Count // usable addresses in Prefix
}

func (e *CapacityError) Error() string {
	return fmt.Sprintf("sizing: pre-allocated IPs %v exceeds IPs available %v in %s %q %v",
		e.Need, e.Have, e.Range.Kind, e.Range.Name, e.Prefix)
}

// Unwrap returns ErrInsufficientSubnetSize.
func (e *CapacityError) Unwrap() error { return ErrInsufficientSubnetSize }

// Violations lists the errors joined in err (as [Cluster.Validate] and
// [Cluster.Demand] join them), depth first; err itself when nothing is
// joined, nil for nil. This package's own errors are listed whole, though
// a *PrefixError also unwraps to several (ErrPrefix and its cause).
func Violations(err error) []error {
	switch err.(type) {
	case nil:
		return nil
	case *Error, *PrefixError, *CapacityError:
		return []error{err}
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, Violations(e)...)
		}
		return out
	}
	return []error{err}
}
