package main

import (
	"errors"
	"fmt"
	"net/netip"
	"strings"

	"github.com/cidrplan/cidrplan/ipam"
	"github.com/cidrplan/cidrplan/sizing"
	"go4.org/netipx"
)

func allocCommand() *command {
	return &command{
		name:    "alloc",
		summary: "find the lowest free prefixes of a given length",
		usage:   "(--within CIDR | --avnm FILE | --plan PLAN --in-vnet NAME) --prefix-length N [--count K] [--avoid CIDR]... [flags]",
		about: `Finds the K lowest free, aligned prefixes of length N inside --within that
overlap none of the --avoid ranges (deterministic first fit: the same input
always gives the same answer). Use it to carve subnets out of a VNet, or VNets
out of a company's address space.

With --plan, everything the plan holds is avoided too (subnets, other VNets,
pod, service and docker bridge ranges, its avoid list), as are the ranges AKS
reserves and Azure forbids; --in-vnet NAME allocates in that VNet's address
space instead of --within.

With --avnm FILE (the JSON of az network manager ipam-pool get-pool-usage),
an AVNM IPAM pool stands in for --within: its allocated and reserved
prefixes are in use, and prefixes come only from its available ones, lowest
address first.

Exits 1 when fewer than K prefixes fit.`,
		examples: `# three /24 subnets in a VNet, clear of two subnets already there
cidrplan alloc --within 10.10.0.0/16 --avoid 10.10.0.0/21,10.10.9.0/26 --prefix-length 24 --count 3
# spoke VNets for 50 clusters from a /12, as JSON
cidrplan alloc --within 10.64.0.0/12 --prefix-length 18 --count 50 -o json
# an IPv6 /64 in a /48
cidrplan alloc --within fd00:60::/48 --avoid fd00:60::/64 --prefix-length 64
# two /20 VNets from an AVNM IPAM pool, as the pool would hand them out
cidrplan alloc --avnm examples/avnm/pool-usage.json --prefix-length 20 --count 2
# two more /24 subnets in a plan's VNet, clear of everything in the plan
cidrplan alloc --plan examples/plans/classic-cni.yaml --in-vnet prod-vnet --prefix-length 24 --count 2`,
		setup: func(f *flags, e *env) func([]string) error {
			var in allocInput
			in.count = 1
			f.prefixVar(&in.within, "within", "the range to allocate from")
			f.stringVar(&in.avnm, "avnm", "FILE", `allocate from an AVNM IPAM pool: the JSON of az network manager ipam-pool get-pool-usage ("-": standard input)`)
			f.stringVar(&in.plan, "plan", "PLAN", "a plan whose ranges to stay clear of")
			f.stringVar(&in.vnet, "in-vnet", "NAME", "allocate in this VNet of the --plan")
			f.prefixesVar(&in.avoid, "avoid", "a range to stay clear of; repeatable, or comma-separated")
			f.define("prefix-length", "N", "length of each prefix, e.g. 24 or /24 (required)", func(s string) error {
				n, err := parseInt(strings.TrimPrefix(s, "/"), 0, 128)
				in.bits = n
				return err
			}, nil)
			f.intVar(&in.count, nil, "count", "K", "how many prefixes, 1 to 65536 (default 1)", 1, 1<<16)
			f.outputVar(&in.output)
			f.inputLimitVar(e)
			return func([]string) error { return in.run(e) }
		},
	}
}

type allocInput struct {
	avnm   string // AVNM pool usage file, instead of within
	plan   string // plan file
	vnet   string // VNet of the plan to allocate in
	within netip.Prefix
	avoid  []netip.Prefix
	bits   int
	count  int
	output string
}

// allocResult is the -o json/yaml shape of alloc.
type allocResult struct {
	Prefixes []netip.Prefix `json:"prefixes"`
}

func (in *allocInput) run(e *env) error {
	got, err := in.allocate(e)
	var ae *ipam.AllocError
	if errors.As(err, &ae) {
		where := in.within.String()
		if in.vnet != "" {
			where = fmt.Sprintf("VNet %q", in.vnet)
		}
		return &failureError{fmt.Sprintf("%s has room for only %s, not %s", where,
			plural(ae.Found, fmt.Sprintf("free /%d prefix", in.bits), fmt.Sprintf("free /%d prefixes", in.bits)), commasInt(in.count))}
	}
	var re *ipam.RequestError
	if errors.As(err, &re) {
		return errors.New(re.Message())
	}
	if err != nil {
		return err
	}
	res := allocResult{Prefixes: got}
	switch in.output {
	case formatJSON:
		return writeJSON(e.stdout, res)
	case formatYAML:
		return writeYAML(e.stdout, res)
	}
	tw := newTable(e.stdout)
	fmt.Fprintf(tw, "PREFIX\tFIRST\tLAST\tADDRESSES\n")
	for _, p := range got {
		r := netipx.RangeOfPrefix(p)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", p, r.From(), r.To(), commas(sizing.PrefixCount(p)))
	}
	return tw.Flush()
}

// whereInPlan is the error for --plan without --in-vnet or --within: it
// names the plan's VNets, the choices for --in-vnet.
func (in *allocInput) whereInPlan(e *env) error {
	p, err := loadPlan(e, in.plan)
	if err != nil {
		return err
	}
	var names []string
	for _, v := range p.VNets {
		names = append(names, fmt.Sprintf("%q", v.Name))
	}
	vnets := "the plan has no VNet"
	if len(names) > 0 {
		vnets = "the plan's VNets: " + strings.Join(names, ", ")
	}
	return fmt.Errorf("--plan %q: say where to allocate: --in-vnet NAME (%s) or --within CIDR", planLabel(in.plan), vnets)
}

// allocate checks the flags and allocates.
func (in *allocInput) allocate(e *env) ([]netip.Prefix, error) {
	if in.avnm != "" {
		return in.allocateAVNM(e)
	}
	switch {
	case in.vnet != "" && in.plan == "":
		return nil, errors.New("--in-vnet needs --plan")
	case in.vnet != "" && in.within.IsValid():
		return nil, errors.New("give --within or --in-vnet, not both")
	case in.vnet == "" && !in.within.IsValid() && in.plan != "":
		return nil, in.whereInPlan(e)
	case in.vnet == "" && !in.within.IsValid():
		return nil, errors.New("missing --within CIDR, or --plan PLAN --in-vnet NAME (run 'cidrplan alloc -h' for usage)")
	case in.bits == 0:
		return nil, errors.New("missing --prefix-length N (run 'cidrplan alloc -h' for usage)")
	}
	if in.within.IsValid() {
		switch {
		case in.bits < in.within.Bits():
			return nil, fmt.Errorf("--prefix-length %d: shorter than --within %s", in.bits, in.within)
		case in.bits > in.within.Addr().BitLen():
			return nil, fmt.Errorf("--prefix-length %d: longer than an %s address", in.bits, family(in.within.Addr()))
		}
	}
	if in.plan == "" {
		var used []netipx.IPRange
		for _, p := range in.avoid {
			if p.Addr().Is4() == in.within.Addr().Is4() {
				used = append(used, netipx.RangeOfPrefix(p))
			}
		}
		return ipam.Allocate(in.within, in.bits, in.count, used...)
	}
	p, err := loadPlan(e, in.plan)
	if err != nil {
		return nil, err
	}
	if len(in.avoid) > 0 {
		p.Avoid = append(p.Avoid, ipam.AvoidRange{Name: "--avoid", Source: ipam.SourceOther, Prefixes: in.avoid})
	}
	if in.vnet != "" {
		got, err := p.Allocate(in.vnet, in.bits, in.count)
		if errors.Is(err, ipam.ErrUnknownVNet) {
			return nil, fmt.Errorf("--in-vnet %q: no such VNet in %s", in.vnet, in.plan)
		}
		return got, err
	}
	return p.AllocateIn(in.within, in.bits, in.count)
}

// family names the address family of a.
func family(a netip.Addr) string {
	if a.Is4() {
		return "IPv4"
	}
	return "IPv6"
}
