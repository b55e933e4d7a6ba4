// Package printable tells whether a string can be shown as a name: written
// into a terminal, a field path or a report without changing what the
// reader sees.
package printable

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Problem says what makes s unfit as a name or reference ("" if nothing):
// invalid UTF-8, control characters (ESC, NUL, newlines, ...) or invisible
// formatting characters such as bidi overrides. Raw, these would reach
// terminals and the field paths of findings.
func Problem(s string) string {
	if !utf8.ValidString(s) {
		return "invalid UTF-8"
	}
	for _, r := range s {
		switch {
		case unicode.IsControl(r):
			return fmt.Sprintf("control character %U", r)
		case unicode.Is(unicode.Cf, r):
			return fmt.Sprintf("formatting character %U", r)
		}
	}
	return ""
}
