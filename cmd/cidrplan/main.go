// Command cidrplan plans IP address space for Azure Kubernetes Service (AKS)
// clusters.
//
// Install it with
//
//	go install github.com/cidrplan/cidrplan/cmd/cidrplan@latest
//
// Commands:
//
//	size      addresses one node pool needs at the upgrade peak, and how many nodes fit a range
//	check     validate a plan (YAML/JSON) or az/ARM/Terraform exports; findings with AKS's error codes
//	upgrade   simulate each cluster's upgrade step by step and the maxSurge that fits
//	report    capacity, headroom and growth of every subnet and pod CIDR of a plan
//	alloc     the lowest free aligned prefixes of a length inside a range
//	complete  fill in a plan's missing subnets, pod and service CIDRs
//	map       draw a plan's address space (text, SVG, HTML)
//	import    turn az/ARM/Terraform exports into a plan
//	version   the build's version
//	help      the commands, or one command's flags and examples
//
// Exit status: 0 success; 1 the answer is a failure (error findings, a pool
// or prefixes that do not fit); 2 a usage or input error, reported as one
// line on stderr with the offending input quoted.
//
// Output: -o table|json|yaml (plans: yaml|json; map: text|svg|html). Colour
// only when stdout is a terminal and NO_COLOR is unset.
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
func run(args []string, stdout, stderr io.Writer) int {
	return runIO(args, os.Stdin, stdout, stderr)
}

// runIO is run with stdin given: a PLAN of "-" reads it.
func runIO(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
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
	e := newEnv(stdout, stderr)
	e.stdin = stdin
	return report(stderr, cmd.name, cmd.run(e, rest))
}
