package tree

import (
	"bytes"
	"encoding/json"
	"strings"
)

// JSON writes v as indented JSON (two spaces) for an ARM template: keys in
// their order, HTML characters not escaped, a literal string that ARM would
// read as an expression ("[...]") escaped with a second "[", an Expr
// written as it is.
func JSON(v Value) []byte {
	var b bytes.Buffer
	writeJSON(&b, v, 0)
	b.WriteByte('\n')
	return b.Bytes()
}

func writeJSON(b *bytes.Buffer, v Value, depth int) {
	pad := strings.Repeat("  ", depth)
	switch v := v.(type) {
	case Object:
		if len(v) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{\n")
		for i, m := range v {
			b.WriteString(pad + "  ")
			b.Write(jsonString(m.Key))
			b.WriteString(": ")
			writeJSON(b, m.Value, depth+1)
			if i < len(v)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(pad + "}")
	case Array:
		if len(v) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[\n")
		for i, e := range v {
			b.WriteString(pad + "  ")
			writeJSON(b, e, depth+1)
			if i < len(v)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(pad + "]")
	case String:
		b.Write(jsonString(ARMLiteral(string(v))))
	case Int, Bool:
		out, _ := json.Marshal(v) // an int or a bool cannot fail
		b.Write(out)
	case Expr:
		b.Write(jsonString(string(v)))
	}
}

// ARMLiteral escapes a literal string that ARM would evaluate as an
// expression (one that starts with "[" and ends with "]") by doubling its
// first bracket.
func ARMLiteral(s string) string {
	if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
		return "[" + s
	}
	return s
}

// ARMQuote quotes s as a string literal inside an ARM expression: single
// quotes doubled.
func ARMQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func jsonString(s string) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string cannot fail
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}
