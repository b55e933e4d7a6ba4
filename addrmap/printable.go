package addrmap

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names come from plan files and exports, so they may hold anything. The
// writers pass them through printable: a control character (an ESC would
// recolour or move the user's terminal, and XML 1.0 forbids C0 controls
// even escaped), a bidirectional override (which would reverse the text
// that follows it), a noncharacter or a byte that is not UTF-8 becomes
// U+FFFD, so the map shows that something odd is there without obeying it.

// printable returns s with every rune a terminal or an XML parser must not
// see replaced by U+FFFD; s itself when there is none.
func printable(s string) string {
	if strings.IndexFunc(s, unsafeRune) < 0 && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s { // invalid UTF-8 arrives as utf8.RuneError
		if unsafeRune(r) {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return b.String()
}

// unsafeRune reports whether r may not be written as it is: controls
// (tab and newline included: labels are one line), bidi formatting
// characters, and the noncharacters U+FFFE and U+FFFF.
func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == 0xFFFE || r == 0xFFFF
}

// esc makes s safe as SVG or HTML text or attribute value.
func esc(s string) string { return html.EscapeString(printable(s)) }
