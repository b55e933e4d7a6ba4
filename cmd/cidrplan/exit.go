package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// Exit statuses, as documented in "cidrplan help".
const (
	exitOK      = 0 // success
	exitFailure = 1 // the answer is a failure: error findings, no room to allocate
	exitUsage   = 2 // usage or input error: bad flag, unreadable file, malformed plan
)

// failureError marks a result that is a failure (exit 1) rather than bad
// input (exit 2). An empty message means the output already said why.
type failureError struct{ msg string }

func (e *failureError) Error() string { return e.msg }

// errHelpShown ends a command after it printed its help because of -h.
var errHelpShown = errors.New("help shown")

// report prints err as one line prefixed with the command name (several
// input errors one a line) and returns the exit status it stands for.
func report(stderr io.Writer, name string, err error) int {
	if err == nil || errors.Is(err, errHelpShown) {
		return exitOK
	}
	var fe *failureError
	if errors.As(err, &fe) {
		if fe.msg != "" {
			fmt.Fprintf(stderr, "cidrplan %s: %s\n", name, oneLine(fe.msg))
		}
		return exitFailure
	}
	var ie inputErrors
	if errors.As(err, &ie) {
		for _, msg := range ie {
			fmt.Fprintf(stderr, "cidrplan %s: %s\n", name, oneLine(msg))
		}
		return exitUsage
	}
	fmt.Fprintf(stderr, "cidrplan %s: %s\n", name, oneLine(err.Error()))
	return exitUsage
}

// oneLine joins a multi-line message (errors.Join output) with "; ".
func oneLine(s string) string {
	return strings.ReplaceAll(strings.TrimSpace(s), "\n", "; ")
}
