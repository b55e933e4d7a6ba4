package az

import "strings"

// quote returns s as one shell word: bare when it holds only characters
// the shell takes literally, else single-quoted.
func quote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./:,%@+=-") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// arg returns a flag with its value: "--name value", or "--name=value" when
// the value starts with "-" and az would take it for a flag.
func arg(flag, value string) string {
	if strings.HasPrefix(value, "-") {
		return quote(flag + "=" + value)
	}
	return flag + " " + quote(value)
}

// variable returns a reference to a shell variable as one word.
func variable(name string) string { return `"$` + name + `"` }
