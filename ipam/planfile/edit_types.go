package planfile

import (
	"reflect"

	"go.yaml.in/yaml/v3"
)

// textScalars marks as strings the scalars under n (a value of Go type t)
// that Parse reads by their text (names, prefixes, enumerations), so that
// YAML written as JSON keeps that text: YAML reads "name: 00" as the
// integer 0, Parse as the name "00". Integers and booleans stay what YAML
// reads them as; a scalar of unknown type too.
func (fl filler) textScalars(n *yaml.Node, t reflect.Type, depth int) {
	n = resolveAlias(n)
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || depth > 100 {
		return
	}
	switch n.Kind {
	case yaml.ScalarNode:
		switch fl.types.info(t).kind {
		case kindPrefix, kindAddr, kindText, kindString:
			if !isNull(n) {
				n.Tag = "!!str"
			}
		}
	case yaml.MappingNode:
		for _, kv := range mergedPairs(n, 0) {
			switch t.Kind() {
			case reflect.Struct:
				fl.textScalars(kv[1], fl.fieldType(t, kv[0].Value), depth+1)
			case reflect.Map:
				fl.textScalars(kv[1], t.Elem(), depth+1)
			}
		}
	case yaml.SequenceNode:
		if t.Kind() == reflect.Slice {
			for _, e := range n.Content {
				fl.textScalars(e, t.Elem(), depth+1)
			}
		}
	}
}
