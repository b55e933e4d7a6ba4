package apicheck

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestOutsideModuleBuilds builds and runs testdata/outside as a module of its
// own (example.com/outside) that requires cidrplan through a replace to this
// repository: it can name only what cidrplan exports, so it fails to compile
// if an exported signature needs an internal type. It runs offline: the
// repository's go.sum is copied and GOPROXY is off, so the modules must
// already be in the module cache, as they are once this module's own tests
// have been built.
func TestOutsideModuleBuilds(t *testing.T) {
	// go test puts the running toolchain's bin directory first in PATH.
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("the go command is not available (%v): cannot build a module outside cidrplan", err)
	}
	root := moduleRoot(t)
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join("testdata", "outside", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	gomod := "module example.com/outside\n\ngo 1.25\n\n" +
		"require github.com/cidrplan/cidrplan v0.0.0\n\n" +
		"replace github.com/cidrplan/cidrplan => " + filepath.ToSlash(root) + "\n"
	for name, b := range map[string][]byte{"main.go": src, "go.mod": []byte(gomod), "go.sum": sum} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	bin := filepath.Join(dir, "outside")
	build := exec.Command(goTool, "build", "-o", bin, ".")
	build.Dir = dir
	build.Env = offlineEnv()
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build of a module outside cidrplan: %v\n%s", err, out)
	}
	run := exec.Command(bin)
	var stdout, stderr bytes.Buffer
	run.Stdout, run.Stderr = &stdout, &stderr
	if err := run.Run(); err != nil {
		t.Fatalf("outside: %v\n%s", err, stderr.String())
	}
	want := `1581 addresses need a /21 node subnet
a /21 offers 2,043, 462 to spare
a /22 is 562 short
{"need":1581,"have":18446744073709551616}
`
	if diff := cmp.Diff(want, stdout.String()); diff != "" {
		t.Errorf("outside output (-want +got)\n%s", diff)
	}
}

// offlineEnv is the environment without the caller's module settings: the
// module cache only, no proxy, no workspace, the local toolchain.
func offlineEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		switch k, _, _ := strings.Cut(kv, "="); k {
		case "GOFLAGS", "GOWORK", "GOPROXY", "GOTOOLCHAIN":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local")
}
