// Package cli builds the cidrplan command for the end-to-end measures.
package cli

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
)

// Build builds cidrplan into dir and returns the binary's path. It builds in
// cidrplan's own module (the one the bench module's replace points at):
// that module's go.sum covers every dependency of the command, while the
// bench module's covers only what the benchmarks import.
func Build(dir string) (string, error) {
	root, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/cidrplan/cidrplan").Output()
	if err != nil {
		return "", fmt.Errorf("locate the cidrplan module: %v", err)
	}
	bin := filepath.Join(dir, "cidrplan")
	build := exec.Command("go", "build", "-o", bin, "./cmd/cidrplan")
	build.Dir = strings.TrimSpace(string(root))
	if out, err := build.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build cidrplan: %v\n%s", err, out)
	}
	return bin, nil
}
