package azure

import (
	"errors"
	"strconv"
)

// Sentinel errors, one per category; their text names no package, as they
// are read inside an *Error's message. Every error this package returns
// matches at least one of them with errors.Is; most are *[Error], which
// carries the file, the JSON path and the offending value, and also wraps the
// cause (for example an *ipam.PrefixError matching ipam.ErrHostBits).
var (
	// ErrSyntax: the file is not well-formed JSON (or is truncated).
	ErrSyntax = errors.New("syntax error")
	// ErrFormat: the file is JSON but not an export this package reads
	// under the flag it was given for.
	ErrFormat = errors.New("unrecognized export")
	// ErrInvalidValue: a field has the wrong JSON type or a value outside
	// its domain (a malformed CIDR, an unknown network plugin, ...).
	ErrInvalidValue = errors.New("invalid value")
	// ErrMissingField: a field the import needs is absent or null.
	ErrMissingField = errors.New("missing field")
	// ErrTemplateExpression: a field holds an unresolved ARM template
	// expression such as "[parameters('podCidr')]".
	ErrTemplateExpression = errors.New("unresolved template expression")
	// ErrConflict: two exports describe the same resource differently.
	ErrConflict = errors.New("conflicting exports")
	// ErrNoCluster: a node pool cannot be attached to a cluster.
	ErrNoCluster = errors.New("node pool without cluster")
)

// Error is a problem at one place of one export. Kind is one of the
// sentinels; Err, when set, is the underlying cause. Both match with
// errors.Is and errors.As.
type Error struct {
	File string // the name the file was given as
	// Path is the JSON path of the field, e.g.
	// properties.agentPoolProfiles[0].maxPods; for a syntax error, of the
	// value being read where the file breaks off; empty for the whole file.
	Path  string
	Line  int    // 1-based, for syntax and template expression errors; 0 otherwise
	Value string // the offending input as text, when there is one
	Kind  error  // a sentinel
	Err   error  // the cause; may be nil
	// Detail says what was expected, when Err does not.
	Detail string
}

// Error returns "azure: " and Message.
func (e *Error) Error() string { return "azure: " + e.Message() }

// Message is the error without the package name, for a front end that
// names itself: `in.json: networkProfile.serviceCidr: invalid value
// "10.0.0.1/16": host bits set (want 10.0.0.0/16)`. A cause that names
// what is wrong apart from the input (a Reason method, as the errors of
// packages cidr and sizing have) is given by its Reason, since Value
// already quotes the input.
func (e *Error) Message() string {
	s := e.File
	if e.Line > 0 {
		s += ":" + strconv.Itoa(e.Line)
	}
	if e.Path != "" {
		s += ": " + e.Path
	}
	s += ": " + e.Kind.Error()
	if e.Value != "" {
		s += " " + strconv.Quote(e.Value)
	}
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	if r, ok := e.Err.(interface{ Reason() string }); ok && e.Value != "" {
		s += ": " + r.Reason()
	} else if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns Kind and, when set, Err.
func (e *Error) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Err}
}
