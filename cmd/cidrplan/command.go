package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// A command is one cidrplan subcommand. Its flags live in a flag.FlagSet made
// per invocation, so nothing is shared between runs.
type command struct {
	name     string
	summary  string // one line for the overview
	usage    string // arguments after the command name, e.g. "PLAN [flags]"
	about    string // what it does, in paragraphs
	examples string // shell lines with a comment each
	// setup declares the command's flags on f and returns the function that
	// runs the command on the positional arguments.
	setup func(f *flags, e *env) func(args []string) error
	// args names the positional arguments: required ones, then optional
	// ones with a trailing "?" ("PLAN", "COMMAND?").
	args []string
}

// commands lists the subcommands in the order "cidrplan help" shows them.
func commands() []*command {
	return []*command{
		sizeCommand(),
		checkCommand(),
		upgradeCommand(),
		reportCommand(),
		migrateCommand(),
		expandCommand(),
		allocCommand(),
		completeCommand(),
		mapCommand(),
		importCommand(),
		emitCommand(),
		versionCommand(),
		helpCommand(),
	}
}

// lookup returns the command called name, or nil.
func lookup(name string) *command {
	for _, c := range commands() {
		if c.name == name {
			return c
		}
	}
	return nil
}

// env is what a command writes to and how.
type env struct {
	stdin          io.Reader // read by a PLAN or an export of "-"
	maxInput       int64     // --max-input-size; 0 when not given
	stdout, stderr io.Writer
	color          bool // stdout is a terminal and NO_COLOR is unset
}

func newEnv(stdout, stderr io.Writer) *env {
	return &env{stdin: os.Stdin, stdout: stdout, stderr: stderr, color: wantColor(stdout)}
}

// run parses args for c and runs it.
func (c *command) run(e *env, args []string) error {
	f := newFlags(c.name)
	do := c.setup(f, e)
	pos, err := f.parse(args)
	if err == flag.ErrHelp {
		writeCommandHelp(e.stdout, c, f)
		return errHelpShown
	}
	if err != nil {
		return err
	}
	if err := c.checkArgs(pos); err != nil {
		return err
	}
	return do(pos)
}

// checkArgs reports a missing or unexpected positional argument.
func (c *command) checkArgs(pos []string) error {
	required := 0
	for _, a := range c.args {
		if !strings.HasSuffix(a, "?") {
			required++
		}
	}
	switch {
	case len(pos) < required:
		return fmt.Errorf("missing %s argument (run 'cidrplan %s -h' for usage)", c.args[len(pos)], c.name)
	case len(pos) > len(c.args):
		return fmt.Errorf("unexpected argument %q (run 'cidrplan %s -h' for usage)", pos[len(c.args)], c.name)
	}
	return nil
}
