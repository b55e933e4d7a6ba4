package tree

import (
	"strconv"
	"strings"
)

// Bicep writes v as a Bicep value at the given indentation depth (two
// spaces a level): objects and arrays one item a line, strings single-quoted
// with every character Bicep would read otherwise escaped.
func Bicep(b *strings.Builder, v Value, depth int) {
	pad := strings.Repeat("  ", depth)
	switch v := v.(type) {
	case Object:
		if len(v) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{\n")
		for _, m := range v {
			b.WriteString(pad + "  ")
			b.WriteString(BicepKey(m.Key))
			b.WriteString(": ")
			Bicep(b, m.Value, depth+1)
			b.WriteByte('\n')
		}
		b.WriteString(pad + "}")
	case Array:
		if len(v) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[\n")
		for _, e := range v {
			b.WriteString(pad + "  ")
			Bicep(b, e, depth+1)
			b.WriteByte('\n')
		}
		b.WriteString(pad + "]")
	case String:
		b.WriteString(BicepString(string(v)))
	case Int:
		b.WriteString(strconv.Itoa(int(v)))
	case Bool:
		b.WriteString(strconv.FormatBool(bool(v)))
	case Expr:
		b.WriteString(string(v))
	}
}

// BicepString quotes s as a Bicep string literal: backslash, quote and "${"
// escaped, control characters as \u{...}.
func BicepString(s string) string {
	var b strings.Builder
	b.WriteByte('\'')
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\'':
			b.WriteString(`\'`)
		case r == '$':
			b.WriteString(`\$`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			b.WriteString(`\u{` + strconv.FormatInt(int64(r), 16) + `}`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('\'')
	return b.String()
}

// BicepKey writes an object key: bare when it is an identifier, else
// quoted.
func BicepKey(k string) string {
	for i, r := range k {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return BicepString(k)
		}
	}
	if k == "" {
		return BicepString(k)
	}
	return k
}
