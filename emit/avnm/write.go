package avnm

import (
	"errors"
	"io"
	"net/netip"
	"slices"
	"strconv"
	"strings"

	"github.com/cidrplan/cidrplan/emit"
	"github.com/cidrplan/cidrplan/emit/internal/shell"
	"github.com/cidrplan/cidrplan/internal/ident"
	"github.com/cidrplan/cidrplan/ipam"
	ipamavnm "github.com/cidrplan/cidrplan/ipam/avnm"
	"github.com/cidrplan/cidrplan/sizing"
)

// FileName is the name of the file the script goes to in a directory.
const FileName = "avnm.sh"

func strconvQuote(s string) string { return strconv.Quote(s) }

// Write writes the AVNM commands of p for the pool with resource ID pool
// to w, checked against the pool's usage (nil: unchecked; see [Marshal]).
// Errors: those of Marshal, or w's.
func Write(w io.Writer, p *ipam.Plan, pool string, usage *ipamavnm.Usage, opts emit.Options) error {
	b, err := Marshal(p, pool, usage, opts)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// Marshal returns the AVNM commands of p for the pool with resource ID
// pool, as a bash script. With the pool's usage, the plan is checked as
// check --avnm checks it ([ipam/avnm.Usage.Join], [ipam.Plan.CheckAddressPool]):
// a range over what the pool has in use for others, or a VNet outside
// the pool, is an error finding that refuses the plan (an
// *[emit.InvalidPlanError]) unless opts.Force; a VNet whose prefixes all
// lie in the pool's allocations (taken as the pool's allocation to it, as
// check takes it) is not allocated again, but named in a comment. And
// each range the pool must hold back is placed in it ([Ranges]): only
// those inside the pool's prefixes and not yet its static CIDRs are
// created, the others are named in a comment; a range partly outside the
// pool, or over what it has in use, is an error (a *[PartlyInPoolError], an
// *[InUseError], or both joined) unless opts.Force, which leaves it out
// with a comment: no static CIDR Azure refuses is ever written. Without
// usage (nil) the script says, in a comment, that its ranges were not
// checked against the pool.
// Errors: a *[PoolIDError], an *emit.InvalidPlanError, a
// *PartlyInPoolError and/or an *InUseError, those of [emit.Resolve].
func Marshal(p *ipam.Plan, pool string, usage *ipamavnm.Usage, opts emit.Options) ([]byte, error) {
	pl, err := ParsePoolID(pool)
	if err != nil {
		return nil, err
	}
	if usage != nil && !opts.Force {
		if errs := checkPool(p, pl.Name, usage); len(errs) > 0 {
			return nil, &emit.InvalidPlanError{Findings: errs}
		}
	}
	d, err := emit.Resolve(p, opts)
	if err != nil {
		return nil, err
	}
	ranges := Ranges(d.Plan, usage)
	if !opts.Force {
		if err := refused(ranges, pl.Name); err != nil {
			return nil, err
		}
	}
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	line("#!/usr/bin/env bash")
	line("# " + d.Generated() + " for an AVNM IPAM pool.")
	line("# Static CIDRs hold back the ranges Azure does not allocate from the pool itself;")
	line("# the VNets take their address space from the pool.")
	own := map[netip.Prefix]bool{} // the pool's allocations to the plan's VNets, its static CIDRs of the plan's ranges
	if usage == nil {
		line("# Not checked against the pool's usage (cidrplan emit avnm --avnm FILE): Azure refuses")
		line("# a static CIDR outside the pool's prefixes or over what the pool has in use.")
	} else {
		line("# Checked against the usage of pool " + strconv.Quote(pl.Name) + ".")
		_, ap := usage.Join(d.Plan, pl.Name)
		for _, q := range ap.Own {
			own[q] = true
		}
	}
	line("# Run: RESOURCE_GROUP=my-rg LOCATION=westeurope bash " + FileName)
	line("set -euo pipefail")
	line("")
	line("pool_id=" + shell.Quote(pl.ID))
	line(`resource_group="${RESOURCE_GROUP:?set RESOURCE_GROUP to the resource group of the VNets}"`)
	line(`location="${LOCATION:?set LOCATION to the Azure region}"`)
	var names ident.Set
	names.Hyphen = true
	for _, sc := range ranges {
		line("")
		if n := sc.Note(pl.Name); n != "" {
			line("# " + n)
			continue
		}
		shell.Command(&b, "az network manager ipam-pool static-cidr create",
			shell.Arg("--subscription", pl.Subscription),
			shell.Arg("--resource-group", pl.ResourceGroup),
			shell.Arg("--network-manager-name", pl.NetworkManager),
			shell.Arg("--pool-name", pl.Name),
			shell.Arg("--name", names.Name(sc.Kind, sc.Prefix.String())),
			"--address-prefixes "+sc.Prefix.String(),
			shell.Arg("--description", strings.Join(sc.Users, "; ")),
			"--output none")
	}
	for i, vn := range d.Plan.VNets {
		if d.Managed(i) {
			line("")
			line("# VNet " + strconv.Quote(vn.Name) + " (" + prefixList(vn.AddressSpace) + ") is the one AKS creates in a cluster's node resource group: not allocated from the pool")
			continue
		}
		if len(vn.AddressSpace) > 0 && !slices.ContainsFunc(vn.AddressSpace, func(q netip.Prefix) bool { return !own[q] }) {
			line("")
			line("# VNet " + strconv.Quote(vn.Name) + " (" + prefixList(vn.AddressSpace) + ") lies in what pool " + strconv.Quote(pl.Name) +
				" has allocated, taken as its allocation to the VNet (the pool's usage names no resource): not allocated again")
			continue
		}
		args := []string{`--resource-group "$resource_group"`, `--location "$location"`, shell.Arg("--name", vn.Name),
			"--ipam-allocations"}
		for i, sp := range vn.AddressSpace {
			n := strconv.Itoa(i)
			// Quoted: [0] is a glob pattern to the shell.
			args = append(args, shell.Quote("["+n+"].number-of-ip-addresses="+sizing.PrefixCount(sp).String()), `"[`+n+`].id=$pool_id"`)
		}
		line("")
		line("# VNet " + strconv.Quote(vn.Name) + ": " + prefixList(vn.AddressSpace) + " in the plan")
		shell.Command(&b, "az network vnet create", append(args, "--output none")...)
	}
	return []byte(b.String()), nil
}

// Ranges returns the ranges the pool must hold back — each cluster's pod
// CIDRs (models that use one) and service CIDRs, the on-premises ranges p
// avoids — in plan order, one per distinct prefix with all its users,
// each placed in the pool of usage (Unchecked when usage is nil), and
// Nested where it lies in another range that gets a static CIDR. Defaults are applied first; p is not modified.
func Ranges(p *ipam.Plan, usage *ipamavnm.Usage) []Range {
	p = p.WithDefaults()
	var out []Range
	at := map[netip.Prefix]int{}
	add := func(pf netip.Prefix, kind, user string) {
		if i, ok := at[pf]; ok {
			out[i].Users = append(out[i].Users, user)
			return
		}
		at[pf] = len(out)
		out = append(out, Range{Prefix: pf, Kind: kind, Users: []string{user}})
	}
	for i := range p.Clusters {
		c := &p.Clusters[i]
		np := &c.NetworkProfile
		if np.UsesPodCIDR() {
			for _, pf := range np.PodPrefixes() {
				add(pf, "pods", "pod CIDR of cluster "+strconv.Quote(c.Name))
			}
		}
		for _, pf := range np.ServicePrefixes() {
			add(pf, "services", "service CIDR of cluster "+strconv.Quote(c.Name))
		}
	}
	for _, a := range p.Avoid {
		if a.Source != ipam.SourceOnPremises {
			continue
		}
		for _, pf := range a.Prefixes {
			add(pf, "onprem", "on-premises range "+strconv.Quote(a.Name))
		}
	}
	pl := newPlacer(usage)
	for i := range out {
		out[i].Place, out[i].Taken = pl.place(out[i].Prefix)
	}
	nest(out)
	return out
}

// checkPool returns the error findings of p with the pool of usage, named
// name, joined to it: the plan's own and the pool's.
func checkPool(p *ipam.Plan, name string, usage *ipamavnm.Usage) ipam.Findings {
	q, pool := usage.Join(p, name)
	return append(q.Validate(), q.CheckAddressPool(pool)...).Filter(ipam.SeverityError)
}

// refused returns the error of the ranges Azure refuses as static CIDRs,
// nil when there are none: a *PartlyInPoolError, an *InUseError, or both
// joined.
func refused(rs []Range, pool string) error {
	var errs []error
	if partly := placed(rs, PartlyInPool); len(partly) > 0 {
		errs = append(errs, &PartlyInPoolError{Pool: pool, Ranges: partly})
	}
	if used := placed(rs, InUse); len(used) > 0 {
		errs = append(errs, &InUseError{Pool: pool, Ranges: used})
	}
	if len(errs) == 1 {
		return errs[0]
	}
	return errors.Join(errs...)
}

// placed returns the ranges at place pl.
func placed(rs []Range, pl Place) []Range {
	var out []Range
	for _, r := range rs {
		if r.Place == pl {
			out = append(out, r)
		}
	}
	return out
}

func prefixList(ps []netip.Prefix) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = p.String()
	}
	return strings.Join(s, ", ")
}
