package planfile

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// posTable is where the keys and list entries of a JSON plan are: one small
// entry each, linked as the document nests, with the names of list entries
// in a sorted index. It replaces a node tree for Positions: a tenth of the
// bytes, and nothing in it points into the input.
type posTable struct {
	entries []posEntry   // entries[0] is the document's value
	keys    []string     // key spellings by id (the jsonSource's)
	named   []namedEntry // sorted by namedEntry.compare once built
}

// posEntry is one key (a mapping member: the key's place) or list entry
// (the entry value's place), and the kind of its value. Entries are in
// document order, so an entry's children follow it, up to its end.
type posEntry struct {
	line, col int32
	end       int32  // the index after the entry's last descendant
	keyKind   uint32 // the key's id plus 1 (0: a list entry or the root) << 2 | the value's posKind
}

// posKind is the kind of an entry's value.
const (
	posScalar  = 1
	posMapping = 2
	posList    = 3
)

func (e posEntry) key() int32 { return int32(e.keyKind>>2) - 1 }

func (e posEntry) kind() uint32 { return e.keyKind & 3 }

// namedEntry says that list entry entry of the list at entry list has the
// given name.
type namedEntry struct {
	list, entry int32
	name        string
}

func (a namedEntry) compare(b namedEntry) int {
	if a.list != b.list { // most pairs a sort compares differ here: no string is read
		return cmp.Compare(a.list, b.list)
	}
	return cmp.Or(strings.Compare(a.name, b.name), cmp.Compare(a.entry, b.entry))
}

// newPosTable makes a table for a document of size bytes: a plan file has
// about one key or entry in every 32 bytes, and one named list entry in
// every 200 or more. Room made up front keeps a large plan's table from
// being copied as it grows (a tenth of the file, several times over).
func newPosTable(size int) *posTable {
	return &posTable{entries: make([]posEntry, 0, size/32+1), named: make([]namedEntry, 0, size/192+1)}
}

func (t *posTable) add(line, col int, key int32) int32 {
	t.entries = append(t.entries, posEntry{line: int32(line), col: int32(col), keyKind: uint32(key+1) << 2})
	return int32(len(t.entries) - 1)
}

// close records that e's value, of kind k, ends before the next entry.
func (t *posTable) close(e int32, k yaml.Kind) {
	kind := uint32(posScalar)
	switch k {
	case yaml.MappingNode:
		kind = posMapping
	case yaml.SequenceNode:
		kind = posList
	}
	t.entries[e].keyKind = t.entries[e].keyKind&^3 | kind
	t.entries[e].end = int32(len(t.entries))
}

// children calls yield with each child of e, in order.
func (t *posTable) children(e int32, yield func(c int32) bool) {
	end := t.entries[e].end
	for c := e + 1; c < end; {
		if !yield(c) {
			return
		}
		next := t.entries[c].end
		if next <= c { // never: every entry of a decoded document is closed
			return
		}
		c = next
	}
}

func (t *posTable) name(list, entry int32, name string) {
	t.named = append(t.named, namedEntry{list: list, entry: entry, name: name})
}

// finish sorts the name index; keys are the spellings of the key ids.
func (t *posTable) finish(keys []string) {
	slices.SortFunc(t.named, namedEntry.compare)
	t.keys = keys
}

// of is Positions.Of on the table.
func (t *posTable) of(field string) (line, column int) {
	if len(t.entries) == 0 {
		return 0, 0
	}
	e := int32(0)
	line, column = int(t.entries[0].line), int(t.entries[0].col)
	for _, st := range fieldSteps(field) {
		var at int32 = -1
		if st.entry {
			at = t.element(e, st.name)
		} else {
			at = t.member(e, st.name)
		}
		if at < 0 {
			break
		}
		e = at
		line, column = int(t.entries[e].line), int(t.entries[e].col)
	}
	return line, column
}

// member returns the entry of key name (compared case-insensitively) of
// the mapping that is e's value, or -1.
func (t *posTable) member(e int32, name string) int32 {
	if t.entries[e].kind() != posMapping {
		return -1
	}
	found := int32(-1)
	t.children(e, func(c int32) bool {
		if strings.EqualFold(t.keys[t.entries[c].key()], name) {
			found = c
			return false
		}
		return true
	})
	return found
}

// element returns the entry of the list that is e's value named sel, else
// the one at index sel, or -1.
func (t *posTable) element(e int32, sel string) int32 {
	if t.entries[e].kind() != posList {
		return -1
	}
	want := namedEntry{list: e, name: sel}
	if i, _ := slices.BinarySearchFunc(t.named, want, namedEntry.compare); i < len(t.named) && t.named[i].list == e && t.named[i].name == sel {
		return t.named[i].entry
	}
	i, err := strconv.Atoi(sel)
	if err != nil || i < 0 {
		return -1
	}
	found := int32(-1)
	t.children(e, func(c int32) bool {
		if i == 0 {
			found = c
			return false
		}
		i--
		return true
	})
	return found
}
