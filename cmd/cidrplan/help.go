package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/cidrplan/cidrplan/internal/input"
	"github.com/cidrplan/cidrplan/ipam"
)

func helpCommand() *command {
	return &command{
		name:    "help",
		summary: "show help for cidrplan or one command",
		usage:   "[COMMAND]",
		args:    []string{"COMMAND?"},
		about:   "Prints the list of commands, or the flags and examples of one command.",
		examples: `# every command
cidrplan help
# the flags of size, with examples
cidrplan help size`,
		setup: func(f *flags, e *env) func([]string) error {
			return func(args []string) error {
				if len(args) == 0 {
					writeOverview(e.stdout)
					return nil
				}
				c := lookup(args[0])
				if c == nil {
					return fmt.Errorf("unknown command %q (run 'cidrplan help' for the list)", args[0])
				}
				cf := newFlags(c.name)
				c.setup(cf, e)
				writeCommandHelp(e.stdout, c, cf)
				return nil
			}
		},
	}
}

// writeOverview prints what cidrplan is and its commands.
func writeOverview(w io.Writer) {
	fmt.Fprint(w, `cidrplan plans IP address space for Azure Kubernetes Service (AKS) clusters:
it sizes subnets and pod ranges, validates plans the way AKS would, and
allocates free prefixes.

Usage:
  cidrplan COMMAND [ARGS] [flags]

Commands:
`)
	tw := newTable(w)
	for _, c := range commands() {
		fmt.Fprintf(tw, "  %s\t%s\n", c.name, c.summary)
	}
	tw.Flush()
	fmt.Fprintf(w, `
Exit status: 0 success; 1 the answer is a failure (error findings, or a pool,
plan or prefixes that do not fit); 2 usage or input error (bad flag, value or
file), reported on one line of stderr (every mistake of a plan or an
export, up to %d, one line each).

Values chosen from a list (--os-type Windows, --pod-ip-allocation-mode
StaticBlock, -o json) are spelled exactly as the flag's help shows them, as
plan files spell them. A PLAN or an export of "-" (--plan -, --aks -) is
read from standard input, once per command. Plans and exports may be UTF-8,
with or without a byte order mark, or UTF-16 with one; a file larger than
%s is refused (--max-input-size or $%s sets the limit).

Run 'cidrplan help COMMAND' or 'cidrplan COMMAND -h' for flags and examples.
`, ipam.MaxInputErrors, input.FormatSize(input.DefaultLimit), maxInputEnv)
}

// writeCommandHelp prints a command's usage, description, flags and examples.
func writeCommandHelp(w io.Writer, c *command, f *flags) {
	fmt.Fprintf(w, "Usage: %s\n\n%s\n", strings.TrimSpace("cidrplan "+c.name+" "+c.usage), c.about)
	if len(f.order) > 0 {
		fmt.Fprint(w, "\nFlags:\n")
		tw := newTable(w)
		for _, name := range f.order {
			fl := f.fs.Lookup(name)
			fmt.Fprintf(tw, "  %s\t%s\n", flagSynopsis(f, fl), fl.Usage)
		}
		fmt.Fprintf(tw, "  -h, --help\tshow this help\n")
		tw.Flush()
	}
	if c.examples != "" {
		fmt.Fprint(w, "\nExamples:\n")
		for line := range strings.SplitSeq(c.examples, "\n") {
			fmt.Fprintf(w, "  %s\n", line)
		}
	}
}

// flagSynopsis is "--name META", with "-o, " in front when a one-letter
// alias exists.
func flagSynopsis(f *flags, fl *flag.Flag) string {
	s := dashes(fl.Name)
	if meta := f.meta[fl.Name]; meta != "" {
		s += " " + meta
	}
	for short := range f.aliases {
		if f.aliases[short] == fl.Name {
			s = "-" + short + ", " + s
		}
	}
	return s
}
