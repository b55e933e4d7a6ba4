package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/cidrplan/cidrplan/ipam"
)

// planSource is where a command reads its plan from: a plan file given as
// the PLAN argument.
type planSource struct {
	path string
}

// planSourceFlags declares the flags that name plan sources besides the PLAN
// argument (none yet).
func (f *flags) planSourceFlags(src *planSource) {}

// load returns the plan named by the positional arguments args (at most one)
// and the source flags, and a label for it in output.
func (src *planSource) load(args []string) (*ipam.Plan, string, error) {
	if len(args) == 0 {
		return nil, "", errors.New("missing PLAN argument")
	}
	src.path = args[0]
	p, err := loadPlan(src.path)
	return p, src.path, err
}

// loadPlan reads the plan file at path. Errors are input errors (exit 2)
// that quote the file and, for malformed content, name the line.
func loadPlan(path string) (*ipam.Plan, error) {
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("plan %q: no such file", path)
	case errors.Is(err, fs.ErrPermission):
		return nil, fmt.Errorf("plan %q: permission denied", path)
	case err != nil:
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("plan %q: %v", path, pe.Err)
		}
		return nil, fmt.Errorf("plan %q: %v", path, err)
	}
	p, err := ipam.Parse(data, path)
	if err != nil {
		return nil, planError(err)
	}
	if len(p.VNets) == 0 && len(p.Clusters) == 0 {
		return nil, fmt.Errorf("%s: empty plan (no vnets and no clusters)", path)
	}
	return p, nil
}

// planError drops the package prefix from ipam's messages: the file and
// line lead.
func planError(err error) error {
	return errors.New(strings.ReplaceAll(err.Error(), "ipam: ", ""))
}
