// Package ident turns names from a plan into identifiers of a target
// language (Terraform labels, Bicep symbolic names, shell variables): each
// name gets one identifier, distinct from every other the Set gave out.
package ident

import (
	"strconv"
	"strings"
)

// Set gives out distinct identifiers. Letters, digits and underscores are
// kept (ASCII only); a hyphen too when Hyphen is set; every other rune
// becomes an underscore, and a leading digit or hyphen gets an underscore
// in front. A second name that comes out the same gets "_2", "_3", ...
// The zero Set is ready to use and allows no hyphen.
type Set struct {
	Hyphen bool
	used   map[string]bool
}

// Reserve marks ids as taken, so that Name never returns them.
func (s *Set) Reserve(ids ...string) {
	if s.used == nil {
		s.used = make(map[string]bool)
	}
	for _, id := range ids {
		s.used[id] = true
	}
}

// Name returns a new identifier for the name made of parts joined by "_".
func (s *Set) Name(parts ...string) string {
	base := s.clean(strings.Join(parts, "_"))
	id := base
	for n := 2; s.used[id]; n++ {
		id = base + "_" + strconv.Itoa(n)
	}
	s.Reserve(id)
	return id
}

func (s *Set) clean(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_':
			b.WriteRune(r)
		case r == '-' && s.Hyphen:
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	id := b.String()
	if id == "" || id[0] == '-' || (id[0] >= '0' && id[0] <= '9') {
		id = "_" + id
	}
	return id
}
