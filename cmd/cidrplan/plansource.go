package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/cidrplan/cidrplan/internal/input"
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
// a PLAN file, and the input size limit.
func (f *flags) planSourceFlags(src *planSource, e *env) {
	f.stringsVar(&src.AKS, "aks", "FILE", `az aks show / nodepool list or ARM JSON of a cluster ("-": standard input); repeatable`)
	f.stringsVar(&src.VNet, "vnet", "FILE", "az network vnet show / list or ARM JSON; repeatable")
	f.stringsVar(&src.OnPrem, "onprem", "FILE", "az network local-gateway show or nic show-effective-route-table; repeatable")
	f.stringsVar(&src.Terraform, "terraform", "FILE", "terraform show -json of a state or plan; repeatable")
	f.stringsVar(&src.ARM, "arm", "FILE", "ARM template (az group export, az bicep build, hand-written); repeatable")
	f.stringsVar(&src.Parameters, "parameters", "FILE", "ARM deployment parameters file for the --arm templates; repeatable, the last value wins")
	f.inputLimitVar(e)
}

// imports reports whether any export flag was given.
func (src *planSource) imports() bool {
	return len(src.AKS)+len(src.VNet)+len(src.OnPrem)+len(src.Terraform)+len(src.ARM) > 0
}

// stdinTwice reports a usage error when more than one export names
// standard input: it can be read once.
func (src *planSource) stdinTwice() error {
	return stdinOnce(src.exportInputs()...)
}

// exportInputs lists the export files as pairs of the flag that named each
// and the file.
func (src *planSource) exportInputs() [][2]string {
	var out [][2]string
	for _, kind := range []struct {
		flag  string
		files []string
	}{{"--aks", src.AKS}, {"--vnet", src.VNet}, {"--onprem", src.OnPrem}, {"--terraform", src.Terraform},
		{"--arm", src.ARM}, {"--parameters", src.Parameters}} {
		for _, f := range kind.files {
			out = append(out, [2]string{kind.flag, f})
		}
	}
	return out
}

// stdinOnce reports a usage error when more than one of the inputs names
// standard input: it can be read once. inputs are pairs of how the input
// was given (e.g. "--avnm") and its file.
func stdinOnce(inputs ...[2]string) error {
	var named []string
	for _, in := range inputs {
		if in[1] == input.Stdin {
			named = append(named, in[0]+" -")
		}
	}
	switch len(named) {
	case 0, 1:
		return nil
	case 2:
		return fmt.Errorf("standard input can be read once, but %s and %s both name it", named[0], named[1])
	default:
		return fmt.Errorf("standard input can be read once, but %s all name it", strings.Join(named, ", "))
	}
}

// load returns the plan named by the positional arguments args (at most one
// PLAN file) or by the export flags, and a label for it in output.
func (src *planSource) load(e *env, args []string) (*ipam.Plan, string, error) {
	p, name, _, err := src.loadLocated(e, args)
	return p, name, err
}

// locator says where a finding's field is: the file as given and the
// line and column; "" and zeros when it can't say.
type locator func(field string) (file string, line, column int)

// loadLocated is load that also returns where the plan's fields are.
func (src *planSource) loadLocated(e *env, args []string) (*ipam.Plan, string, locator, error) {
	switch {
	case len(args) > 0 && src.imports():
		return nil, "", nil, fmt.Errorf("give a PLAN file or --aks/--vnet/--onprem/--terraform/--arm exports, not both (got %q and exports)", args[0])
	case len(args) > 0:
		p, pos, err := loadPlanAt(e, args[0])
		// Standard input is located as its label, "stdin", as errors
		// name it: a relative reference, which code scanning takes ("-"
		// would name a file called "-").
		file := args[0]
		if file == input.Stdin {
			file = planLabel(file)
		}
		where := func(field string) (string, int, int) {
			line, col := pos.Of(field)
			return file, line, col
		}
		return p, planLabel(args[0]), where, err
	case len(src.Parameters) > 0 && len(src.ARM) == 0:
		return nil, "", nil, errors.New("--parameters gives the values of --arm templates: add --arm FILE")
	case !src.imports():
		return nil, "", nil, errors.New("missing PLAN argument (or --aks, --vnet, --onprem, --terraform, --arm exports)")
	}
	if err := src.stdinTwice(); err != nil {
		return nil, "", nil, err
	}
	s := src.Sources
	s.Stdin = e.stdin
	var err error
	if s.MaxInputSize, err = e.inputLimit(); err != nil {
		return nil, "", nil, err
	}
	p, pos, err := azure.ImportWithPositions(s)
	if err != nil {
		return nil, "", nil, importError(err)
	}
	return p, "imported plan", pos.Of, nil
}

// importError words an import error for the command line, one line per
// error: a file that can't be read is quoted with its flag's value; the
// importer's own errors name the file and the place in it.
func importError(err error) error {
	return inputErrors(importMessages(err, nil))
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
	return append(out, readError("export", err).Error())
}

// planLabel names the plan at path in output and errors.
func planLabel(path string) string { return input.Label(path) }

// loadPlan reads the plan file at path, or stdin when path is "-". Errors
// are input errors (exit 2) that quote the file and, for malformed
// content, name the line.
func loadPlan(e *env, path string) (*ipam.Plan, error) {
	p, _, err := loadPlanWith(e, path, false)
	return p, err
}

// loadPlanAt is loadPlan that also returns where the plan's fields are.
func loadPlanAt(e *env, path string) (*ipam.Plan, *planfile.Positions, error) {
	return loadPlanWith(e, path, true)
}

func loadPlanWith(e *env, path string, positions bool) (*ipam.Plan, *planfile.Positions, error) {
	data, err := e.readInput("plan", path)
	if err != nil {
		return nil, nil, err
	}
	return parsePlan(data, planLabel(path), positions)
}

// loadPlanText is loadPlan that also returns the file as read, for a
// command that writes the plan back into it.
func loadPlanText(e *env, path string) (*ipam.Plan, []byte, error) {
	data, err := e.readInput("plan", path)
	if err != nil {
		return nil, nil, err
	}
	p, _, err := parsePlan(data, planLabel(path), false)
	return p, data, err
}

// parsePlan parses data, the plan file named path in errors.
func parsePlan(data []byte, path string, positions bool) (*ipam.Plan, *planfile.Positions, error) {
	var err error
	var p *ipam.Plan
	var pos *planfile.Positions
	if positions {
		p, pos, err = planfile.ParseWithPositions(data, path)
	} else {
		p, err = planfile.Parse(data, path)
	}
	if err != nil {
		return nil, nil, planError(err)
	}
	if len(p.VNets) == 0 && len(p.Clusters) == 0 {
		return nil, nil, fmt.Errorf("%s: empty plan (no vnets and no clusters)", path)
	}
	return p, pos, nil
}

// planError presents plan file errors by their Message, one a line: the
// file and line lead, "ipam: " would add nothing.
func planError(err error) error {
	var msgs inputErrors
	var collect func(error)
	collect = func(err error) {
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				collect(e)
			}
			return
		}
		var pe *ipam.ParseError
		if errors.As(err, &pe) {
			msgs = append(msgs, pe.Message())
			return
		}
		msgs = append(msgs, err.Error())
	}
	collect(err)
	return msgs
}
