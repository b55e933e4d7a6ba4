package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/cidrplan/cidrplan/internal/input"
	"github.com/cidrplan/cidrplan/ipam"
)

// maxInputEnv names the environment variable that sets the input size
// limit when --max-input-size is not given.
const maxInputEnv = "CIDRPLAN_MAX_INPUT"

// inputLimitVar defines --max-input-size on a command that reads a plan or
// exports.
func (f *flags) inputLimitVar(e *env) {
	f.define("max-input-size", "SIZE", fmt.Sprintf("refuse a plan or export larger than SIZE, e.g. 64MiB or 1GB (default %s, or $%s)",
		input.FormatSize(input.DefaultLimit), maxInputEnv),
		func(s string) error {
			n, err := input.ParseSize(s)
			e.maxInput = n
			return err
		}, nil)
}

// inputLimit returns the size limit of one input: --max-input-size, else
// $CIDRPLAN_MAX_INPUT, else the default.
func (e *env) inputLimit() (int64, error) {
	if e.maxInput > 0 {
		return e.maxInput, nil
	}
	if s := os.Getenv(maxInputEnv); s != "" {
		n, err := input.ParseSize(s)
		if err != nil {
			return 0, fmt.Errorf("$%s %q: %v", maxInputEnv, s, err)
		}
		return n, nil
	}
	return input.DefaultLimit, nil
}

// readInput reads the plan or export name ("-": standard input) within
// the size limit. what says what it is ("plan", "export") in errors.
func (e *env) readInput(what, name string) ([]byte, error) {
	limit, err := e.inputLimit()
	if err != nil {
		return nil, err
	}
	data, err := input.Read(name, e.stdin, limit)
	if err != nil {
		return nil, readError(what, err)
	}
	return data, nil
}

// readError words an error reading an input: the file and what went
// wrong, from the error's fields.
func readError(what string, err error) error {
	var tl *ipam.TooLargeError
	if errors.As(err, &tl) {
		return fmt.Errorf("%s %q: larger than the input limit of %s (raise it with --max-input-size or $%s)",
			what, tl.Name, input.FormatSize(tl.Limit), maxInputEnv)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		reason := pe.Err.Error()
		switch {
		case errors.Is(pe.Err, fs.ErrNotExist):
			reason = "no such file"
		case errors.Is(pe.Err, fs.ErrPermission):
			reason = "permission denied"
		}
		return fmt.Errorf("%s %q: %s", what, pe.Path, reason)
	}
	return fmt.Errorf("%s: %v", what, err)
}

// inputErrors are several independent input errors (every mistake of a
// plan or an export), printed one a line.
type inputErrors []string

func (e inputErrors) Error() string {
	s := ""
	for i, m := range e {
		if i > 0 {
			s += "\n"
		}
		s += m
	}
	return s
}
