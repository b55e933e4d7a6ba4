package ipam

import (
	"errors"
	"fmt"
	"strings"
)

// ErrBadMigration is wrapped by the *MigrationError of a migration or
// expansion request that can't be planned as written: an unknown target, a
// pod CIDR that is not a clean IPv4 prefix of at most /24, a node count
// below 1.
var ErrBadMigration = errors.New("bad migration request")

// ErrExpansionRefused is wrapped by the *ExpansionError of a pod CIDR
// expansion AKS would refuse or that has no clear superset.
var ErrExpansionRefused = errors.New("pod CIDR expansion refused")

// MigrationError is a migration or expansion request that can't be planned
// as written. It wraps ErrBadMigration.
type MigrationError struct {
	Cluster string
	Detail  string
}

// Error returns "ipam: " and Message.
func (e *MigrationError) Error() string { return "ipam: " + e.Message() }

// Message is the error without the package name.
func (e *MigrationError) Message() string { return fmt.Sprintf("cluster %q: %s", e.Cluster, e.Detail) }

// Unwrap returns ErrBadMigration.
func (e *MigrationError) Unwrap() error { return ErrBadMigration }

// ExpansionError is a pod CIDR expansion that is refused: Code says why
// (PodCidrExpansionNotOverlay, ...WindowsPools, ...NotSingleIPv4,
// ...Blocked), Detail in words, and InTheWay lists the ranges that overlap
// the smallest superset that would hold the nodes (Blocked only). It wraps
// ErrExpansionRefused.
type ExpansionError struct {
	Cluster  string
	Code     Code
	Detail   string
	InTheWay []PlanRange
}

// Error returns "ipam: " and Message.
func (e *ExpansionError) Error() string { return "ipam: " + e.Message() }

// Message is the error without the package name: the cluster, the detail
// and, when blocked, the ranges in the way.
func (e *ExpansionError) Message() string {
	s := fmt.Sprintf("cluster %q: %s", e.Cluster, e.Detail)
	if len(e.InTheWay) > 0 {
		ws := make([]string, len(e.InTheWay))
		for i, r := range e.InTheWay {
			ws[i] = describeRange(r)
		}
		s += "; in the way: " + strings.Join(ws, ", ")
	}
	return s
}

// Unwrap returns ErrExpansionRefused.
func (e *ExpansionError) Unwrap() error { return ErrExpansionRefused }

// describeRange names a plan range in a message: its kind, owner and
// prefix.
func describeRange(r PlanRange) string {
	switch r.Kind {
	case RangeVNetSpace:
		return fmt.Sprintf("VNet %s address space %s", r.VNet, r.Prefix)
	case RangeSubnet:
		return fmt.Sprintf("subnet %s/%s %s", r.VNet, r.Subnet, r.Prefix)
	case RangePodCIDR:
		return fmt.Sprintf("pod CIDR %s of cluster %s", r.Prefix, r.Cluster)
	case RangeServiceCIDR:
		return fmt.Sprintf("service CIDR %s of cluster %s", r.Prefix, r.Cluster)
	case RangeAvoid:
		src := string(r.Source)
		if src == "" {
			src = string(SourceOther)
		}
		return fmt.Sprintf("%s range %s %s", src, r.Name, r.Prefix)
	case RangeReserved:
		return fmt.Sprintf("reserved range %s (%s)", r.Prefix, r.Name)
	}
	return fmt.Sprintf("%s %s", r.Kind, r.Prefix)
}
