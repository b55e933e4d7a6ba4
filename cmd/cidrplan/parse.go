package main

import (
	"errors"
	"fmt"
	"net/netip"
	"strconv"
	"strings"

	"github.com/cidrplan/cidrplan/cidr"
)

// parseInt parses a decimal integer in lo..hi.
func parseInt(s string, lo, hi int) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		var ne *strconv.NumError
		if errors.As(err, &ne) && ne.Err == strconv.ErrRange {
			return 0, fmt.Errorf("out of range (%d to %d)", lo, hi)
		}
		return 0, errors.New("not a whole number")
	}
	switch {
	case n < lo && lo == 0:
		return 0, errors.New("must be 0 or more")
	case n < lo:
		return 0, fmt.Errorf("must be at least %d", lo)
	case n > hi:
		return 0, fmt.Errorf("must be at most %d", hi)
	}
	return n, nil
}

// parsePrefix parses a CIDR strictly (cidr.ParsePrefix): host bits set and
// IPv4-mapped IPv6 addresses are errors, never silently fixed. The error
// says only what is wrong: the flag machinery names the flag and quotes
// the value.
func parsePrefix(s string) (netip.Prefix, error) {
	p, err := cidr.ParsePrefix(strings.TrimSpace(s))
	if err != nil {
		return netip.Prefix{}, reasonOnly{err.(*cidr.PrefixError)}
	}
	return p, nil
}

// reasonOnly presents an error of package cidr by its Reason, for a
// message that quotes the input itself; errors.Is still sees the sentinel.
type reasonOnly struct {
	err interface {
		error
		Reason() string
	}
}

func (r reasonOnly) Error() string { return r.err.Reason() }
func (r reasonOnly) Unwrap() error { return r.err }

// prefixVar defines a flag holding one CIDR.
func (f *flags) prefixVar(p *netip.Prefix, name, usage string) {
	f.define(name, "CIDR", usage, func(s string) error {
		v, err := parsePrefix(s)
		if err != nil {
			return err
		}
		*p = v
		return nil
	}, nil)
}

// prefixesVar defines a repeatable CIDR flag; each use may also hold a
// comma-separated list.
func (f *flags) prefixesVar(p *[]netip.Prefix, name, usage string) {
	f.define(name, "CIDR", usage, func(s string) error {
		for part := range strings.SplitSeq(s, ",") {
			v, err := parsePrefix(part)
			if err != nil {
				if strings.Contains(s, ",") {
					return fmt.Errorf("%q: %w", part, err)
				}
				return err
			}
			*p = append(*p, v)
		}
		return nil
	}, nil)
}
