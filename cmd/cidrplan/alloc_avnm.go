package main

import (
	"errors"
	"fmt"
	"net/netip"

	"go4.org/netipx"

	"github.com/cidrplan/cidrplan/ipam/avnm"
)

// allocateAVNM allocates from the AVNM pool of --avnm, clear of --avoid.
func (in *allocInput) allocateAVNM(e *env) ([]netip.Prefix, error) {
	switch {
	case in.within.IsValid() || in.plan != "" || in.vnet != "":
		return nil, errors.New("give --avnm alone, without --within, --plan or --in-vnet: the pool is the space")
	case in.bits == 0:
		return nil, errors.New("missing --prefix-length N (run 'cidrplan alloc -h' for usage)")
	}
	u, err := readAVNM(e, in.avnm)
	if err != nil {
		return nil, err
	}
	var used []netipx.IPRange
	for _, p := range in.avoid {
		used = append(used, netipx.RangeOfPrefix(p))
	}
	got, err := u.Allocate(in.bits, in.count, used...)
	var ne *avnm.NoSpaceError
	if errors.As(err, &ne) {
		return nil, &failureError{fmt.Sprintf("the pool of %s has room for only %s, not %s", in.avnm,
			plural(ne.Found, fmt.Sprintf("free /%d prefix", ne.Bits), fmt.Sprintf("free /%d prefixes", ne.Bits)), commasInt(ne.Count))}
	}
	return got, err
}
