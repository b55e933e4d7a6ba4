package main

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzRun feeds arbitrary command lines to run: it must never panic, exit
// with 0, 1 or 2, and report a usage error as one line on stderr.
func FuzzRun(f *testing.F) {
	for _, seed := range []string{
		"size --node-count 50 --max-pods 30 --max-surge 1",
		"size --max-surge 150% --max-pods abc",
		"size --network-plugin kubenet --os-type Windows --pod-cidr 10.244.0.0/33",
		"size --pod-ip-allocation-mode StaticBlock --pod-subnet 10.0.0.0/11 --max-count 0",
		"alloc --within ::/0 --prefix-length 128 --count 65536",
		"alloc --within 10.0.0.0/8 --avoid 10.0.0.0/8 --prefix-length 8",
		"check examples/plans/none.yaml -o xml",
		"help size",
		"-- --",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, line string) {
		args := strings.Fields(line)
		if len(args) > 0 && (args[0] == "map" || args[0] == "complete" || args[0] == "import") {
			// These read files named by the input; the seeds above cover
			// their flag parsing through check.
			args[0] = "check"
		}
		var out, errb bytes.Buffer
		code := run(args, &out, &errb)
		switch code {
		case exitOK, exitFailure:
		case exitUsage:
			if len(args) > 0 && (strings.Count(errb.String(), "\n") != 1 || !strings.HasPrefix(errb.String(), "cidrplan")) {
				t.Errorf("run(%q): usage error not one line: %q", args, errb.String())
			}
		default:
			t.Errorf("run(%q) = %d", args, code)
		}
		if strings.Contains(errb.String(), "internal error") {
			t.Errorf("run(%q) panicked: %s", args, errb.String())
		}
	})
}
