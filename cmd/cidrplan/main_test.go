package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden and README.md output blocks from the current output")

// cli runs cidrplan in-process and returns its stdout, stderr and status.
func cli(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return out.String(), errb.String(), code
}

// golden compares got with testdata/name.golden, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/cidrplan -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

// wantOneLineError checks a failed run printed exactly one line on stderr,
// nothing on stdout, no Go stack trace, and the wanted status and text.
func wantOneLineError(t *testing.T, stdout, stderr string, code, wantCode int, wantText string) {
	t.Helper()
	if code != wantCode {
		t.Errorf("exit status = %d, want %d (stderr %q)", code, wantCode, stderr)
	}
	if stdout != "" {
		t.Errorf("stdout = %q, want nothing", stdout)
	}
	if strings.Count(stderr, "\n") != 1 || !strings.HasSuffix(stderr, "\n") {
		t.Errorf("stderr = %q, want exactly one line", stderr)
	}
	if !strings.HasPrefix(stderr, "cidrplan") {
		t.Errorf("stderr = %q, want it to start with \"cidrplan\"", stderr)
	}
	if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
		t.Errorf("stderr = %q looks like a stack trace", stderr)
	}
	if !strings.Contains(stderr, wantText) {
		t.Errorf("stderr = %q, want it to contain %q", stderr, wantText)
	}
}
