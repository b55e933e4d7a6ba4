// Command cidrplan plans IP address space for Azure Kubernetes Service (AKS)
// clusters: it sizes subnets and pod ranges, validates plans, and allocates
// free prefixes.
//
// Run "cidrplan help" for the list of commands.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one cidrplan invocation and returns its exit status:
// 0 success, 1 a result that is a failure (error findings, no room to
// allocate), 2 a usage or input error. It never panics: an unexpected
// panic in a library is reported as one line on stderr.
func run(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "cidrplan: internal error: %v (please report this with the command you ran)\n", r)
			code = exitUsage
		}
	}()
	if len(args) == 0 {
		writeOverview(stderr)
		return exitUsage
	}
	name, rest := args[0], args[1:]
	switch name {
	case "-h", "-help", "--help":
		writeOverview(stdout)
		return exitOK
	case "-version", "--version":
		name = "version"
	}
	cmd := lookup(name)
	if cmd == nil {
		fmt.Fprintf(stderr, "cidrplan: unknown command %q (run 'cidrplan help' for the list)\n", name)
		return exitUsage
	}
	return report(stderr, cmd.name, cmd.run(newEnv(stdout, stderr), rest))
}
