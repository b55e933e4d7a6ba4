package cidr

import "fmt"

// DefaultMaxInputSize is the size limit of an input (a plan file, an
// export) when the caller sets none: 256 MiB, which a plan of a million
// subnets as JSON fits under. It bounds the memory reading one input takes.
const DefaultMaxInputSize int64 = 256 << 20

// InputTooLargeError is an input larger than the size limit of its
// reader, which bounds the memory reading takes: more than Limit bytes in
// the input called Name ("stdin" for standard input). It matches
// [ErrInputTooLarge] with errors.Is. Every reader of the module (plan
// files, exports) returns this one type, so one errors.As finds it
// whichever package read.
type InputTooLargeError struct {
	Name  string
	Limit int64 // bytes
}

// Error returns Message; like every error of this package it names no
// package.
func (e *InputTooLargeError) Error() string { return e.Message() }

// Message is the error's text: `plan.json: input too large (more than
// 268435456 bytes)`.
func (e *InputTooLargeError) Message() string {
	return fmt.Sprintf("%s: %v (more than %d bytes)", e.Name, ErrInputTooLarge, e.Limit)
}

// Unwrap returns [ErrInputTooLarge].
func (e *InputTooLargeError) Unwrap() error { return ErrInputTooLarge }
