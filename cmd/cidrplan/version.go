package main

import (
	"fmt"
	"runtime/debug"
)

func versionCommand() *command {
	return &command{
		name:     "version",
		summary:  "print the cidrplan version",
		about:    "Prints the module version cidrplan was built from (\"devel\" for a build from a working tree)\nand the Go version.",
		examples: "cidrplan version",
		setup: func(f *flags, e *env) func([]string) error {
			return func([]string) error {
				_, err := fmt.Fprintf(e.stdout, "cidrplan %s\n", version(debug.ReadBuildInfo))
				return err
			}
		},
	}
}

// version describes the build: the module version when installed with
// "go install …@version", else "devel" with the VCS revision if known.
func version(read func() (*debug.BuildInfo, bool)) string {
	bi, ok := read()
	if !ok {
		return "devel"
	}
	v := bi.Main.Version
	if v == "" || v == "(devel)" {
		v = "devel"
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " " + s.Value[:12]
			}
		}
	}
	return v + " " + bi.GoVersion
}
