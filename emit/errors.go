package emit

import (
	"errors"
	"strings"

	"github.com/cidrplan/cidrplan/ipam"
)

// Sentinels, one per reason a plan cannot be emitted; match with errors.Is.
// Their text names no package: it is read inside an *Error's message.
var (
	// ErrUnallocated: the plan leaves a range to be allocated.
	ErrUnallocated = errors.New("plan leaves ranges to be allocated")
	// ErrUnresolved: a subnet reference or a cluster's VNet does not
	// resolve.
	ErrUnresolved = errors.New("reference does not resolve")
	// ErrNoSystemPool: a cluster has no System pool to be its default
	// node pool.
	ErrNoSystemPool = errors.New("cluster has no System pool")
	// ErrUnsupported: the form cannot express a value of the plan.
	ErrUnsupported = errors.New("value not supported by the form")
)

// Error reports a value that cannot be emitted: Field is its path in the
// plan (as in ipam's findings), Err one of this package's sentinels,
// Detail says more.
type Error struct {
	Field  string
	Err    error
	Detail string
}

func (e *Error) Error() string {
	msg := "emit: " + e.Field + ": " + e.Err.Error()
	if e.Detail != "" {
		msg += " (" + e.Detail + ")"
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// UnallocatedError lists the fields of a plan that are still to be
// allocated. It matches [ErrUnallocated].
type UnallocatedError struct {
	Fields []string
}

func (e *UnallocatedError) Error() string {
	return "emit: plan leaves ranges to be allocated (" + strings.Join(e.Fields, ", ") +
		"); complete the plan first (cidrplan complete)"
}

func (e *UnallocatedError) Unwrap() error { return ErrUnallocated }

// InvalidPlanError is a plan with error findings, refused without
// [Options.Force]. It matches [ipam.ErrInvalidPlan].
type InvalidPlanError struct {
	Findings ipam.Findings // the error findings
}

func (e *InvalidPlanError) Error() string {
	var b strings.Builder
	b.WriteString("emit: plan has errors")
	for i, f := range e.Findings {
		if i == 3 {
			b.WriteString("; ...")
			break
		}
		b.WriteString("; ")
		b.WriteString(f.String())
	}
	return b.String()
}

func (e *InvalidPlanError) Unwrap() error { return ipam.ErrInvalidPlan }
