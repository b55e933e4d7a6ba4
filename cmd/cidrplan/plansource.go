package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/azure"
	"github.com/cidrplan/cidrplan/ipam/planfile"
)

// planSource is where a command reads its plan from: a plan file given as
// the PLAN argument, or exports of what already exists in Azure (az, ARM,
// Terraform), imported with ipam/azure.
type planSource struct {
	azure.Sources
}

// planSourceFlags declares the flags that name exports to import instead of
// a PLAN file.
func (f *flags) planSourceFlags(src *planSource) {
	f.stringsVar(&src.AKS, "aks", "FILE", "az aks show / nodepool list or ARM JSON of a cluster; repeatable")
	f.stringsVar(&src.VNet, "vnet", "FILE", "az network vnet show / list or ARM JSON; repeatable")
	f.stringsVar(&src.OnPrem, "onprem", "FILE", "az network local-gateway show or nic show-effective-route-table; repeatable")
	f.stringsVar(&src.Terraform, "terraform", "FILE", "terraform show -json of a state or plan; repeatable")
}

// imports reports whether any export flag was given.
func (src *planSource) imports() bool {
	return len(src.AKS)+len(src.VNet)+len(src.OnPrem)+len(src.Terraform) > 0
}

// load returns the plan named by the positional arguments args (at most one
// PLAN file) or by the export flags, and a label for it in output.
func (src *planSource) load(stdin io.Reader, args []string) (*ipam.Plan, string, error) {
	switch {
	case len(args) > 0 && src.imports():
		return nil, "", fmt.Errorf("give a PLAN file or --aks/--vnet/--onprem/--terraform exports, not both (got %q and exports)", args[0])
	case len(args) > 0:
		p, err := loadPlan(stdin, args[0])
		return p, planLabel(args[0]), err
	case !src.imports():
		return nil, "", errors.New("missing PLAN argument (or --aks, --vnet, --onprem, --terraform exports)")
	}
	p, err := azure.Import(src.Sources)
	if err != nil {
		return nil, "", importError(err)
	}
	return p, "imported plan", nil
}

// importError words an import error for the command line: a file that can't
// be read is quoted with its flag's value; the importer's own errors name
// the file and the place in it.
func importError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		reason := pe.Err.Error()
		if errors.Is(pe.Err, fs.ErrNotExist) {
			reason = "no such file"
		}
		return fmt.Errorf("export %q: %s", pe.Path, reason)
	}
	return errors.New(strings.Join(importMessages(err, nil), "\n"))
}

// importMessages appends the messages of the errors joined in err, each
// *azure.Error by its Message: the file leads, "azure: " would add nothing.
func importMessages(err error, out []string) []string {
	if ae, ok := err.(*azure.Error); ok {
		return append(out, ae.Message())
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			out = importMessages(e, out)
		}
		return out
	}
	return append(out, err.Error())
}

// stdinPlan is the PLAN argument that names standard input.
const stdinPlan = "-"

// planLabel names the plan at path in output and errors.
func planLabel(path string) string {
	if path == stdinPlan {
		return "stdin"
	}
	return path
}

// loadPlan reads the plan file at path, or stdin when path is "-". Errors
// are input errors (exit 2) that quote the file and, for malformed
// content, name the line.
func loadPlan(stdin io.Reader, path string) (*ipam.Plan, error) {
	var data []byte
	var err error
	if path == stdinPlan {
		data, err = io.ReadAll(stdin)
		if err != nil {
			return nil, fmt.Errorf("plan from stdin: %v", err)
		}
	} else {
		data, err = os.ReadFile(path)
	}
	path = planLabel(path)
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
	p, err := planfile.Parse(data, path)
	if err != nil {
		return nil, planError(err)
	}
	if len(p.VNets) == 0 && len(p.Clusters) == 0 {
		return nil, fmt.Errorf("%s: empty plan (no vnets and no clusters)", path)
	}
	return p, nil
}

// planError presents a plan file error by its Message: the file and line
// lead, "ipam: " would add nothing.
func planError(err error) error {
	var pe *ipam.ParseError
	if errors.As(err, &pe) {
		return errors.New(pe.Message())
	}
	return err
}
