// Package shell writes the words of the bash scripts the az and AVNM forms
// emit: values quoted where the shell would read them otherwise, flags that
// az cannot mistake a value for, commands one argument a line.
package shell

import "strings"

// Quote returns s as one shell word: bare when it holds only characters
// the shell takes literally, else single-quoted.
func Quote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./:,%@+=-") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// Arg returns a flag with its value: "--name value", or "--name=value" when
// the value starts with "-" and az would take it for a flag.
func Arg(flag, value string) string {
	if strings.HasPrefix(value, "-") {
		return Quote(flag + "=" + value)
	}
	return flag + " " + Quote(value)
}

// Var returns a reference to a shell variable as one word.
func Var(name string) string { return `"$` + name + `"` }

// Command writes a command with one argument a line, continued with
// backslashes.
func Command(b *strings.Builder, prefix string, args ...string) {
	b.WriteString(prefix)
	for _, a := range args {
		b.WriteString(" \\\n  " + a)
	}
	b.WriteString("\n")
}
