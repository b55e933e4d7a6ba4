package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// flags is a command's flag set. Values defined through its methods record
// why they rejected an input, so the error names the flag as users type it
// (--max-pods) and quotes the value.
type flags struct {
	fs       *flag.FlagSet
	rejected error // the last value error, kept because flag wraps it with %v
	order    []string
	meta     map[string]string // flag name → value placeholder shown in help
	aliases  map[string]string // one-letter alias → flag name
}

func newFlags(name string) *flags {
	fs := flag.NewFlagSet("cidrplan "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // cidrplan prints its own one-line errors and help
	fs.Usage = func() {}
	return &flags{fs: fs, meta: map[string]string{}, aliases: map[string]string{}}
}

// parse parses args, allowing flags after positional arguments
// ("check plan.yaml -o json") as kubectl and az do. Everything after "--"
// is positional.
func (f *flags) parse(args []string) ([]string, error) {
	var pos []string
	for {
		if err := f.check(args); err != nil {
			return nil, err
		}
		if err := f.fs.Parse(args); err != nil {
			return nil, f.explain(err)
		}
		rest := f.fs.Args()
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// check refuses, in cidrplan's words, what the flag package would refuse
// in the flags that lead args: an unknown flag, a flag without its value,
// bad syntax. The flag package says these only as text, so check walks the
// flags as flag.Parse does (up to the first positional argument or "--")
// instead of rewording its messages.
func (f *flags) check(args []string) error {
	for len(args) > 0 {
		s := args[0]
		if len(s) < 2 || s[0] != '-' || s == "--" {
			return nil
		}
		name := strings.TrimPrefix(s[1:], "-")
		if name == "" || name[0] == '-' || name[0] == '=' {
			return fmt.Errorf("bad flag syntax: %s", s)
		}
		name, _, hasValue := strings.Cut(name, "=")
		args = args[1:]
		fl := f.fs.Lookup(name)
		switch {
		case fl == nil && (name == "h" || name == "help"):
			return nil // flag.Parse answers flag.ErrHelp
		case fl == nil:
			return fmt.Errorf("unknown flag %q", dashes(name))
		case hasValue || isBoolFlag(fl):
			continue
		case len(args) == 0:
			return fmt.Errorf("flag %s needs a value", dashes(name))
		}
		args = args[1:] // the value
	}
	return nil
}

func isBoolFlag(fl *flag.Flag) bool {
	b, ok := fl.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// explain returns why the flag package stopped after check let the flags
// through: help asked for, or a value a flag refused (kept by the flag's
// Set, since the flag package wraps it with %v).
func (f *flags) explain(err error) error {
	switch {
	case err == flag.ErrHelp:
		return err
	case f.rejected != nil:
		return f.rejected
	}
	return err
}

// dashes spells a flag name the way the help text does: --name.
func dashes(name string) string {
	return "--" + strings.TrimLeft(name, "-")
}

// valueError is a flag value cidrplan refuses, with the reason.
type valueError struct {
	flag, value, reason string
}

func (e *valueError) Error() string {
	return fmt.Sprintf("%s %q: %s", dashes(e.flag), e.value, e.reason)
}

// checked adapts a parse function to flag.Value, recording rejections.
type checked struct {
	f      *flags
	name   string
	set    func(string) error
	show   func() string
	isBool bool
}

func (c *checked) String() string {
	if c.show == nil {
		return ""
	}
	return c.show()
}

func (c *checked) Set(s string) error {
	if err := c.set(s); err != nil {
		ve := &valueError{flag: c.name, value: s, reason: err.Error()}
		c.f.rejected = ve
		return ve
	}
	return nil
}

func (c *checked) IsBoolFlag() bool { return c.isBool }

// define adds a flag; meta is the value placeholder for help ("N", "CIDR").
func (f *flags) define(name, meta, usage string, set func(string) error, show func() string) {
	f.fs.Var(&checked{f: f, name: name, set: set, show: show}, name, usage)
	f.order = append(f.order, name)
	f.meta[name] = meta
}

// alias makes short a second name for the flag long (e.g. -o for --output).
func (f *flags) alias(short, long string) {
	fl := f.fs.Lookup(long)
	f.fs.Var(fl.Value, short, fl.Usage)
	f.aliases[short] = long
}

// boolVar defines a boolean flag.
func (f *flags) boolVar(p *bool, name, usage string) {
	f.fs.Var(&checked{f: f, name: name, isBool: true, set: func(s string) error {
		switch s {
		case "true", "1":
			*p = true
		case "false", "0":
			*p = false
		default:
			return fmt.Errorf("want true or false")
		}
		return nil
	}, show: func() string { return fmt.Sprint(*p) }}, name, usage)
	f.order = append(f.order, name)
}

// stringVar defines a free-text flag.
func (f *flags) stringVar(p *string, name, meta, usage string) {
	f.define(name, meta, usage, func(s string) error { *p = s; return nil }, func() string { return *p })
}

// stringsVar defines a repeatable free-text flag.
func (f *flags) stringsVar(p *[]string, name, meta, usage string) {
	f.define(name, meta, usage, func(s string) error { *p = append(*p, s); return nil }, nil)
}

// intVar defines an integer flag accepting min..max and records that it was set.
func (f *flags) intVar(p *int, set *bool, name, meta, usage string, lo, hi int) {
	f.define(name, meta, usage, func(s string) error {
		n, err := parseInt(s, lo, hi)
		if err != nil {
			return err
		}
		*p = n
		if set != nil {
			*set = true
		}
		return nil
	}, nil)
}

// enumVar defines a flag whose value is one of choices, spelled exactly as
// in choices: plan files are strict about case (osType: Windows), so the
// flags are too, and a flag value can be copied into a plan unchanged.
// A value that differs only in case is refused with the right spelling.
func (f *flags) enumVar(p *string, name, usage string, choices ...string) {
	f.define(name, strings.Join(choices, "|"), usage, func(s string) error {
		for _, c := range choices {
			if s == c {
				*p = c
				return nil
			}
		}
		for _, c := range choices {
			if strings.EqualFold(s, c) {
				return fmt.Errorf("want one of %s, spelled exactly (did you mean %q?)", strings.Join(choices, ", "), c)
			}
		}
		return fmt.Errorf("want one of %s", strings.Join(choices, ", "))
	}, nil)
}
