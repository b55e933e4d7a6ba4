package azure

import (
	"strconv"
	"strings"

	"github.com/cidrplan/cidrplan/internal/printable"
)

// Positions says where the values of an imported plan were read, so that
// a front end can point at the export a finding is about. It is read only
// and safe for concurrent use. The zero Positions (or nil) knows no
// position.
type Positions struct {
	fields map[string]Origin     // by plan field, lower case
	files  map[string]*lineIndex // by file name as given
}

// Of returns the export file and the 1-based line and column of the JSON
// value that field — an [ipam.Finding] Field such as
// clusters[prod].networkProfile.serviceCidr or
// vnets[hub].subnets[aks].addressPrefixes[0] — was read from: for an ARM
// template the template's line (where the expression is written), for
// Terraform the state's or plan's. A value the export leaves out (a
// default) gives the place of its nearest ancestor the export has, such as
// the pool's object. Names compare case-insensitively, as Azure compares
// them. Of returns "", 0, 0 for a field of nothing imported (a range
// given with --avoid) or when ps knows no position.
func (ps *Positions) Of(field string) (file string, line, column int) {
	if ps == nil {
		return "", 0, 0
	}
	key := strings.ToLower(field)
	tail, carry := "", true // trailing list indexes, carried into the JSON path
	for {
		if o, ok := ps.fields[key]; ok {
			if !carry {
				tail = ""
			}
			line, column = ps.files[o.File].nearest(o.Path + tail)
			return o.File, line, column
		}
		cut := lastStep(key)
		if cut <= 0 {
			return "", 0, 0
		}
		step := key[cut:]
		if carry && isIndexStep(step) {
			tail = step + tail
		} else {
			carry = false
		}
		key = key[:cut]
	}
}

// lastStep returns where the last step of a field path starts: its "[" or
// its ".".
func lastStep(field string) int {
	if strings.HasSuffix(field, "]") {
		return strings.LastIndexByte(field, '[')
	}
	return strings.LastIndexByte(field, '.')
}

// isIndexStep reports whether step is a list index, "[3]".
func isIndexStep(step string) bool {
	if len(step) < 3 || step[0] != '[' || step[len(step)-1] != ']' {
		return false
	}
	for _, c := range step[1 : len(step)-1] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// add records where the plan field field was read.
func (ps *Positions) add(field string, at Origin) {
	if at.File == "" {
		return
	}
	if ps.fields == nil {
		ps.fields = make(map[string]Origin)
	}
	ps.fields[strings.ToLower(field)] = at
}

// resource records where a resource of the plan, at field path, was read
// and where each of its fields was.
func (ps *Positions) resource(path string, at Origin, fields fieldOrigins) {
	ps.add(path, at)
	for f, o := range fields {
		ps.add(path+"."+f, o)
	}
}

// elemPath names element i of a plan list as ipam's findings do: by its
// name, or by index for a name no field path may hold.
func elemPath(list, name string, i int) string {
	if name == "" || printable.Problem(name) != "" {
		return list + "[" + strconv.Itoa(i) + "]"
	}
	return list + "[" + name + "]"
}

// fieldOrigins records, for the plan fields of one resource (relative to
// it, as a finding names them after the resource's own path:
// "networkProfile.podCidr", "subnets[aks].addressPrefixes"), the JSON value
// each was read from.
type fieldOrigins map[string]Origin

// read records that field is read from x and returns x. A value the
// export leaves out or sets to null is recorded too (Positions finds its
// key, or the nearest object that holds it), unless the field was read
// before: a field read from one of two keys is where the export has it.
func (f *fieldOrigins) read(field string, x val) val {
	if _, seen := (*f)[field]; !x.absent() || !seen {
		f.set(field, origin(x))
	}
	return x
}

func (f *fieldOrigins) set(field string, at Origin) {
	if *f == nil {
		*f = make(fieldOrigins)
	}
	(*f)[field] = at
}

// merge adds the fields of o that f lacks.
func (f *fieldOrigins) merge(o fieldOrigins) {
	for k, v := range o {
		if _, ok := (*f)[k]; !ok {
			f.set(k, v)
		}
	}
}

// nest records a part of the resource, at field path, read at at, with its
// own fields.
func (f *fieldOrigins) nest(path string, at Origin, fields fieldOrigins) {
	f.set(path, at)
	for k, v := range fields {
		f.set(path+"."+k, v)
	}
}
