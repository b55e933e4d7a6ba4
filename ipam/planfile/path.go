package planfile

import (
	"strconv"
	"strings"

	"github.com/cidrplan/cidrplan/internal/printable"
	"github.com/cidrplan/cidrplan/ipam"
)

// path is the key path of the value being decoded: the first path steps
// of decoder.steps, which hold the steps from the document down to the
// value being decoded (a child writes its own step after its parent's).
// It is written out only when an error names it.
type path int

// pathStep is one step of a key path.
type pathStep struct {
	kind  pathKind
	key   string // a member's key
	index int    // a list entry's index
}

type pathKind uint8

const (
	pathField  pathKind = iota // a struct field: "key" at the root, else ".key"
	pathMapKey                 // a map key: always ".key"
	pathIndex                  // a list entry: "[index]"
)

// enter returns the path of p's child reached by st.
func (d *decoder) enter(p path, st pathStep) path {
	d.steps = append(d.steps[:p], st)
	return p + 1
}

// pathString writes p out: clusters[0].networkProfile.serviceCidr.
func (d *decoder) pathString(p path) string {
	var b strings.Builder
	for _, st := range d.steps[:p] {
		switch st.kind {
		case pathField:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(st.key)
		case pathMapKey:
			b.WriteByte('.')
			b.WriteString(st.key)
		case pathIndex:
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(st.index))
			b.WriteByte(']')
		}
	}
	return b.String()
}

// nameEntries rewrites the paths of errs that lie inside list entry at
// (errors found while decoding it, named by its index) to name the entry
// by name instead, as findings do: clusters[prod] rather than clusters[0].
// A name no field path may hold raw (see ipam's findings) keeps the index.
func (d *decoder) nameEntries(errs []error, at path, name string) {
	if len(errs) == 0 || name == "" || printable.Problem(name) != "" {
		return
	}
	old := d.pathString(at)
	named := d.pathString(at-1) + "[" + name + "]"
	for _, err := range errs {
		pe, ok := err.(*ipam.ParseError)
		if !ok || !strings.HasPrefix(pe.Path, old) {
			continue
		}
		if rest := pe.Path[len(old):]; rest == "" || rest[0] == '.' || rest[0] == '[' {
			pe.Path = named + rest
		}
	}
}
