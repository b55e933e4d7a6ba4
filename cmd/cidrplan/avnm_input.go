package main

import (
	"errors"
	"fmt"

	"github.com/cidrplan/cidrplan/internal/input"
	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/ipam/avnm"
)

// avnmUsage is the help line of --avnm on check, complete and import.
const avnmUsage = `an AVNM IPAM pool as the space: the JSON of az network manager ipam-pool get-pool-usage ("-": standard input)`

// readAVNM reads and parses the pool usage file name ("-": standard
// input) within the input size limit. Errors quote --avnm and the file.
func readAVNM(e *env, name string) (*avnm.Usage, error) {
	data, err := e.readInput("--avnm", name)
	if err != nil {
		return nil, err
	}
	u, err := avnm.ParseUsage(data, input.Label(name))
	var ae *avnm.Error
	if errors.As(err, &ae) {
		at := ""
		if ae.Key != "" {
			at = ae.Key + ": "
		}
		return nil, fmt.Errorf("--avnm %q: %s%v", input.Label(name), at, ae.Err)
	}
	return u, err
}

// joinAVNM reads the pool of --avnm and joins it to p (see avnm.Usage.Join):
// the plan clear of what the pool has in use for others, the pool for
// CheckAddressPool and its usage for allocation. The pool is named by
// its "name" key, else by its file's base name.
func joinAVNM(e *env, name string, p *ipam.Plan) (*ipam.Plan, ipam.AddressPool, *avnm.Usage, error) {
	u, err := readAVNM(e, name)
	if err != nil {
		return nil, ipam.AddressPool{}, nil, err
	}
	q, pool := u.Join(p, u.Name)
	return q, pool, u, nil
}

// stdinInputs lists the inputs of a plan source with the PLAN argument
// args (if any) and the --avnm file, for stdinOnce.
func (src *planSource) stdinInputs(args []string, avnmFile string) [][2]string {
	out := [][2]string{{"--avnm", avnmFile}}
	if len(args) > 0 {
		out = append(out, [2]string{"PLAN", args[0]})
	}
	out = append(out, src.exportInputs()...)
	return out
}

// validateAVNM returns the findings of p, and with a pool file also what
// the pool says of it (overlaps with what the pool has in use for others,
// VNet prefixes outside the pool, ranges taken as the pool's own).
func validateAVNM(e *env, avnmFile string, p *ipam.Plan) (ipam.Findings, error) {
	if avnmFile == "" {
		return p.Validate(), nil
	}
	q, pool, _, err := joinAVNM(e, avnmFile, p)
	if err != nil {
		return nil, err
	}
	return append(q.Validate(), q.CheckAddressPool(pool)...), nil
}

// completeAVNM completes p, and with a pool file in the pool: clear of
// what it has in use for others, new pod and service CIDRs only inside its
// available prefixes. A completed plan the pool refuses (a VNet outside
// it) is a *ipam.PlanError, as Complete's own.
func completeAVNM(e *env, avnmFile string, p *ipam.Plan) (*ipam.Plan, error) {
	if avnmFile == "" {
		return p.Complete()
	}
	q, pool, u, err := joinAVNM(e, avnmFile, p)
	if err != nil {
		return nil, err
	}
	done, err := q.CompleteWithin(u.Free())
	if err != nil || done == nil {
		return done, err
	}
	if errs := done.CheckAddressPool(pool).Filter(ipam.SeverityError); len(errs) > 0 {
		return done, &ipam.PlanError{Findings: errs}
	}
	return done, nil
}

// importAVNM joins the pool of --avnm to an imported plan: what the pool
// has in use for others becomes ranges to avoid of source avnmPool.
func importAVNM(e *env, avnmFile string, p *ipam.Plan) (*ipam.Plan, error) {
	if avnmFile == "" {
		return p, nil
	}
	q, _, _, err := joinAVNM(e, avnmFile, p)
	return q, err
}
