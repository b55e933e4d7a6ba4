package main

import (
	"io"
	"os"
	"text/tabwriter"

	"github.com/cidrplan/cidrplan/internal/jsonyaml"
	"github.com/cidrplan/cidrplan/ipam/planfile"
)

// Output formats accepted by -o. JSON and YAML are those of plan files, so
// a plan prints with planfile.Write(w, p, planfile.Format(output)).
const (
	formatTable = "table"
	formatJSON  = string(planfile.JSON)
	formatYAML  = string(planfile.YAML)
	formatHTML  = "html"
)

// outputVar defines -o/--output.
func (f *flags) outputVar(p *string, choices ...string) {
	if len(choices) == 0 {
		choices = []string{formatTable, formatJSON, formatYAML}
	}
	*p = choices[0]
	f.enumVar(p, "output", "output format (default "+choices[0]+")", choices...)
	f.alias("o", "output")
}

// writeJSON prints v as indented JSON.
func writeJSON(w io.Writer, v any) error { return jsonyaml.WriteJSON(w, v) }

// writeYAML prints v as YAML with the keys and numbers of its JSON form, so
// that -o yaml and -o json say the same thing.
func writeYAML(w io.Writer, v any) error { return jsonyaml.WriteYAML(w, v) }

// newTable returns an aligned column writer; call Flush when done.
func newTable(w io.Writer) *tabwriter.Writer {
	return tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
}

// wantColor reports whether w is a terminal and the user has not asked for
// plain output with NO_COLOR (https://no-color.org) or TERM=dumb.
func wantColor(w io.Writer) bool {
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// paint wraps s in an ANSI colour when e prints in colour.
func (e *env) paint(color, s string) string {
	if !e.color {
		return s
	}
	return color + s + "\x1b[0m"
}

// ANSI colours used for severities.
const (
	red    = "\x1b[31m"
	yellow = "\x1b[33m"
	cyan   = "\x1b[36m"
	bold   = "\x1b[1m"
)
