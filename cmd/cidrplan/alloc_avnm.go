package main

import (
	"errors"
	"fmt"
	"io/fs"
	"net/netip"
	"os"

	"go4.org/netipx"

	"github.com/cidrplan/cidrplan/ipam/avnm"
)

// allocateAVNM allocates from the AVNM pool of --avnm, clear of --avoid.
func (in *allocInput) allocateAVNM() ([]netip.Prefix, error) {
	switch {
	case in.within.IsValid() || in.plan != "" || in.vnet != "":
		return nil, errors.New("give --avnm alone, without --within, --plan or --in-vnet: the pool is the space")
	case in.bits == 0:
		return nil, errors.New("missing --prefix-length N (run 'cidrplan alloc -h' for usage)")
	}
	data, err := os.ReadFile(in.avnm)
	if err != nil {
		var pe *fs.PathError
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("--avnm %q: no such file", in.avnm)
		} else if errors.As(err, &pe) {
			return nil, fmt.Errorf("--avnm %q: %v", in.avnm, pe.Err)
		}
		return nil, err
	}
	u, err := avnm.ParseUsage(data, in.avnm)
	var ae *avnm.Error
	if errors.As(err, &ae) {
		at := ""
		if ae.Key != "" {
			at = ae.Key + ": "
		}
		return nil, fmt.Errorf("--avnm %q: %s%v", in.avnm, at, ae.Err)
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
