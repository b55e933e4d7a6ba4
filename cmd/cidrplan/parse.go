package main

import (
	"errors"
	"fmt"
	"net/netip"
	"strconv"
	"strings"
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

// parsePrefix parses a CIDR strictly: host bits set and IPv4-mapped IPv6
// addresses are errors, never silently fixed.
func parsePrefix(s string) (netip.Prefix, error) {
	p, err := netip.ParsePrefix(strings.TrimSpace(s))
	if err != nil {
		return netip.Prefix{}, errors.New("not a CIDR (want e.g. 10.0.0.0/16)")
	}
	if p.Addr().Is4In6() {
		return netip.Prefix{}, fmt.Errorf("IPv4-mapped IPv6 address (write it as IPv4, e.g. %s/%d)", p.Addr().Unmap(), p.Bits()-96)
	}
	if m := p.Masked(); m != p {
		return netip.Prefix{}, fmt.Errorf("host bits set (want %s)", m)
	}
	return p, nil
}

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
