package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/emit/arm"
	emitavnm "github.com/cidrplan/cidrplan/emit/avnm"
	"github.com/cidrplan/cidrplan/emit/az"
	"github.com/cidrplan/cidrplan/emit/bicep"
	"github.com/cidrplan/cidrplan/emit/terraform"
	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/avnm"
)

// emitForm is one form emit writes: how, and into which file.
type emitForm struct {
	name    string
	file    string
	mode    os.FileMode
	marshal func(*ipam.Plan, emit.Options) ([]byte, error)
}

// emitForms lists the forms in the order the help names them; pool is the
// AVNM pool's resource ID (--pool) and usage its usage (--avnm, or nil),
// which only the avnm form takes.
func emitForms(pool string, usage *avnm.Usage) []emitForm {
	return []emitForm{
		{"terraform", terraform.FileName, 0o644, terraform.Marshal},
		{"bicep", bicep.FileName, 0o644, bicep.Marshal},
		{"arm", arm.FileName, 0o644, arm.Marshal},
		{"az", az.FileName, 0o755, az.Marshal},
		{"avnm", emitavnm.FileName, 0o755, func(p *ipam.Plan, o emit.Options) ([]byte, error) {
			return emitavnm.Marshal(p, pool, usage, o)
		}},
	}
}

func emitCommand() *command {
	return &command{
		name:    "emit",
		summary: "write a checked plan as Terraform, Bicep, ARM or az commands",
		usage:   "terraform|bicep|arm|az|avnm PLAN [--out DIR] [--force] [--pool ID [--avnm FILE]]",
		args:    []string{"FORM", "PLAN"},
		about: `Writes a plan as what you deploy with, so that no range is typed twice:

  terraform  Terraform for the azurerm provider 4.x          main.tf
  bicep      Bicep                                           main.bicep
  arm        an ARM template                                 azuredeploy.json
  az         a bash script of az commands                    deploy.sh
  avnm       az commands for an AVNM IPAM pool (--pool ID)   avnm.sh

Each holds every VNet and subnet (delegations included) and every cluster
with its network profile and node pools: the first System pool is the
default pool, the others are pools of their own. Values are the plan's with
its defaults written out (maxPods, maxSurge, the network plugin), as "check"
assumed them. Resources refer to each other, never by literal IDs. The
resource group, the location and the node VM size are inputs: Terraform
variables, Bicep and ARM parameters, the script's environment variables
RESOURCE_GROUP, LOCATION and VM_SIZE.

avnm is for address space managed by an Azure Virtual Network Manager IPAM
pool, named by its resource ID with --pool: static CIDRs hold back the pod
and service CIDRs and the on-premises ranges the plan avoids (Azure does not
allocate those itself), and each VNet takes its address space from the pool
(--ipam-allocations). "cidrplan alloc --avnm" picks ranges as the pool does.
With --avnm FILE, the pool's usage (the JSON of az network manager ipam-pool
get-pool-usage), the plan is checked against the pool as "check --avnm"
checks it, its errors refusing it unless --force, and each range is placed
in the pool: one outside the pool's prefixes needs no static CIDR (the pool
never hands it out; named in a comment and on standard error); one that
already is a static CIDR of the pool, and a VNet the pool has allocated
already, are not created again (named in a comment), nor is one inside
another range the script holds back. One partly outside the pool, or over
what the pool has in use (allocated, reserved or a child pool's, even where
"check" takes what it lies over as another cluster's static CIDR), Azure
refuses as a static CIDR: it refuses the plan, and with --force is left
out, named in a comment and on standard error, so that the script never
creates a static CIDR Azure refuses. Without --avnm the script says that
its ranges were not checked.

The result goes to standard output, or with --out DIR into DIR, in the file
named above. A plan with error findings (what "cidrplan check" rejects) is
refused, its errors listed, unless --force. A plan that leaves ranges to be
allocated is always refused: run "cidrplan complete" first. PLAN "-" reads
standard input.

Exits 1 when the plan is refused or has a value the form cannot express
(azurerm has no maxUnavailable nor pod IP allocation mode), 2 when it
cannot be read.`,
		examples: `# Terraform on standard output (--out DIR writes DIR/main.tf instead)
cidrplan emit terraform examples/plans/classic-cni.yaml
# Bicep
cidrplan emit bicep examples/plans/hub-spoke.yaml
# an ARM template of a plan with errors, emitted anyway
cidrplan emit arm examples/plans/broken.yaml --force
# a script of az commands; run it with
#   RESOURCE_GROUP=my-rg LOCATION=westeurope VM_SIZE=Standard_D4ds_v5 bash deploy.sh
cidrplan emit az examples/plans/overlay-cilium.yaml
# the static CIDRs and VNet allocations of an AVNM IPAM pool
cidrplan emit avnm examples/plans/hub-spoke.yaml --pool /subscriptions/sub1/resourceGroups/net-rg/providers/Microsoft.Network/networkManagers/nm/ipamPools/corp
# the same, checked against the pool's usage
cidrplan emit avnm examples/avnm/spoke.completed.yaml --avnm examples/avnm/pool-usage.json --pool /subscriptions/sub1/resourceGroups/net-rg/providers/Microsoft.Network/networkManagers/nm/ipamPools/corp`,
		setup: func(f *flags, e *env) func([]string) error {
			var out, pool, avnmFile string
			var force bool
			f.stringVar(&out, "out", "DIR", "write into DIR (created if missing) instead of standard output")
			f.boolVar(&force, "force", "emit even when the plan has error findings")
			f.stringVar(&pool, "pool", "ID", "the resource ID of the AVNM IPAM pool (avnm only)")
			f.stringVar(&avnmFile, "avnm", "FILE", "check the ranges against the pool's usage, the JSON of az network manager ipam-pool get-pool-usage (avnm only; \"-\": standard input)")
			f.inputLimitVar(e)
			return func(args []string) error {
				form, err := lookupForm(args[0], pool, nil)
				if err != nil {
					return err
				}
				switch {
				case form.name == "avnm" && pool == "":
					return errors.New("emit avnm needs --pool ID, the resource ID of the IPAM pool")
				case form.name != "avnm" && pool != "":
					return fmt.Errorf("--pool is for emit avnm, not %s", form.name)
				case form.name != "avnm" && avnmFile != "":
					return fmt.Errorf("--avnm is for emit avnm, not %s", form.name)
				}
				if err := stdinOnce([2]string{"--avnm", avnmFile}, [2]string{"PLAN", args[1]}); err != nil {
					return err
				}
				if _, err := emitavnm.ParsePoolID(pool); pool != "" && err != nil {
					return fmt.Errorf("--pool %q: not the resource ID of an IPAM pool (want /subscriptions/S/resourceGroups/RG/providers/Microsoft.Network/networkManagers/NM/ipamPools/POOL)", pool)
				}
				var usage *avnm.Usage
				if avnmFile != "" {
					if usage, err = readAVNM(e, avnmFile); err != nil {
						return err
					}
					form, _ = lookupForm(args[0], pool, usage)
				}
				p, err := loadPlan(e, args[1])
				if err != nil {
					return err
				}
				data, err := form.marshal(p, emit.Options{Force: force})
				if err != nil {
					return emitFailure(e.stderr, planLabel(args[1]), form.name, err)
				}
				if usage != nil {
					pl, _ := emitavnm.ParsePoolID(pool) // checked above
					for _, r := range emitavnm.Ranges(p, usage) {
						switch r.Place {
						case emitavnm.OutsidePool, emitavnm.PartlyInPool, emitavnm.InUse:
							fmt.Fprintf(e.stderr, "cidrplan emit: %s\n", r.Note(pl.Name))
						}
					}
				}
				if out == "" {
					_, err := e.stdout.Write(data)
					return err
				}
				path := filepath.Join(out, form.file)
				if err := os.MkdirAll(out, 0o755); err != nil {
					return fmt.Errorf("--out %q: %v", out, pathReason(err))
				}
				if err := os.WriteFile(path, data, form.mode); err != nil {
					return fmt.Errorf("--out %q: %v", out, pathReason(err))
				}
				fmt.Fprintf(e.stdout, "wrote %s\n", path)
				return nil
			}
		},
	}
}

// lookupForm returns the form called name (see emitForms).
func lookupForm(name, pool string, usage *avnm.Usage) (emitForm, error) {
	var names []string
	for _, f := range emitForms(pool, usage) {
		if f.name == name {
			return f, nil
		}
		names = append(names, f.name)
	}
	return emitForm{}, fmt.Errorf("unknown form %q (want %s)", name, strings.Join(names, ", "))
}

// pathReason is the reason of a file system error without the path, which
// the message names already.
func pathReason(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// emitFailure words why a plan was not emitted, from the error's fields. A
// plan with error findings gets them listed on stderr, one a line.
func emitFailure(stderr io.Writer, name, form string, err error) error {
	var invalid *emit.InvalidPlanError
	var unallocated *emit.UnallocatedError
	var ee *emit.Error
	var partly *emitavnm.PartlyInPoolError
	var used *emitavnm.InUseError
	if errors.As(err, &partly) {
		fmt.Fprintf(stderr, "cidrplan emit: %s has %s partly outside the prefixes of AVNM pool %q, which no static CIDR can hold back; move %s wholly inside or outside the pool, or emit anyway with --force, which leaves %s out:\n",
			name, plural(len(partly.Ranges), "range", "ranges"), partly.Pool, itThem(len(partly.Ranges)), itThem(len(partly.Ranges)))
		for _, r := range partly.Ranges {
			fmt.Fprintf(stderr, "  %s\n", r.Describe())
		}
	}
	if errors.As(err, &used) {
		fmt.Fprintf(stderr, "cidrplan emit: %s has %s over what AVNM pool %q has in use, which Azure refuses as static CIDRs; move %s to the pool's available prefixes (cidrplan complete --avnm), or emit anyway with --force, which leaves %s out:\n",
			name, plural(len(used.Ranges), "range", "ranges"), used.Pool, itThem(len(used.Ranges)), itThem(len(used.Ranges)))
		for _, r := range used.Ranges {
			taken := make([]string, len(r.Taken))
			for i, q := range r.Taken {
				taken[i] = q.String()
			}
			fmt.Fprintf(stderr, "  %s over %s\n", r.Describe(), strings.Join(taken, ", "))
		}
	}
	if partly != nil || used != nil {
		return &failureError{}
	}
	switch {
	case errors.As(err, &invalid):
		fmt.Fprintf(stderr, "cidrplan emit: %s has %s; fix them, or emit anyway with --force:\n", name,
			plural(len(invalid.Findings), "error", "errors"))
		for _, f := range invalid.Findings {
			fmt.Fprintf(stderr, "  %s\n", f)
		}
		return &failureError{}
	case errors.As(err, &unallocated):
		return &failureError{fmt.Sprintf("%s leaves ranges to be allocated (%s); run 'cidrplan complete %s' first",
			name, strings.Join(unallocated.Fields, ", "), name)}
	case errors.As(err, &ee):
		reason := "cannot be emitted"
		switch {
		case errors.Is(ee, emit.ErrUnsupported):
			reason = "not supported by the " + form + " form"
		case errors.Is(ee, emit.ErrUnresolved):
			reason = "does not resolve"
		case errors.Is(ee, emit.ErrNoSystemPool):
			reason = "no System pool"
		}
		if ee.Detail != "" {
			reason += " (" + ee.Detail + ")"
		}
		return &failureError{fmt.Sprintf("%s: %s: %s", name, ee.Field, reason)}
	}
	return err
}

// itThem is "it" for one, "them" for more.
func itThem(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}
